using WorkPlan.Core.Reports;

namespace WorkPlan.Core.Regional;

/// <summary>
/// A region's consolidated quarterly report as sent to the National Library: its status (by the same rules as a
/// district's report, <see cref="ReportStatusRules"/>), when it was due, who did what, and every submission as its own
/// stored snapshot (<see cref="RegionalReportSnapshot"/>, numbered 1, 2, ...), whose document and files never change.
/// </summary>
public class RegionalReportSubmission : IDecidableReport
{
    private readonly List<RegionalReportSnapshot> _snapshots = [];

    private RegionalReportSubmission()
    {
    }

    public RegionalReportSubmission(int regionId, int year, int quarter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quarter, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quarter, 4);
        RegionId = regionId;
        Year = year;
        Quarter = quarter;
        DueDate = ReportTimeliness.DueDate(year, quarter);
        Status = ReportStatus.Draft;
    }

    public long Id { get; private set; }

    /// <summary>The regional centre whose consolidation it is.</summary>
    public int RegionId { get; private set; }

    public int Year { get; private set; }

    public int Quarter { get; private set; }

    public ReportStatus Status { get; private set; }

    public DateOnly DueDate { get; private set; }

    public DateTimeOffset? SubmittedAt { get; private set; }

    public string? SubmittedBy { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public string? DecidedBy { get; private set; }

    public string? ReturnReason { get; private set; }

    /// <summary>How many times the report has been submitted: the number of its latest snapshot.</summary>
    public int SubmissionCount { get; private set; }

    public IReadOnlyCollection<RegionalReportSnapshot> Snapshots => _snapshots;

    /// <summary>Row version (PostgreSQL xmin) for optimistic concurrency.</summary>
    public uint Version { get; private set; }

    public bool CanBeSubmitted => Status is ReportStatus.Draft or ReportStatus.Returned;

    /// <summary>Sends the consolidation as a new snapshot (the next number); earlier snapshots stay as they were.</summary>
    public RegionalReportSnapshot Submit(ConsolidationDocument document, string by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (!CanBeSubmitted)
        {
            throw new InvalidOperationException($"A {Status} report cannot be submitted.");
        }

        SubmissionCount++;
        var (reportsIn, expected) = document.DistrictReports;
        var submitted = new RegionalReportSnapshot(SubmissionCount, document, reportsIn, expected, by, at);
        _snapshots.Add(submitted);
        Status = ReportStatus.Submitted;
        SubmittedBy = by;
        SubmittedAt = at;
        DecidedAt = null;
        DecidedBy = null;
        return submitted;
    }

    public void Accept(string by, DateTimeOffset at) => Decide(ReportStatus.Accepted, null, by, at);

    public void Return(string reason, string by, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        Decide(ReportStatus.Returned, reason.Trim(), by, at);
    }

    private void Decide(ReportStatus outcome, string? reason, string by, DateTimeOffset at)
    {
        if (Status != ReportStatus.Submitted)
        {
            throw new InvalidOperationException($"A {Status} report cannot be decided.");
        }

        Status = outcome;
        ReturnReason = reason;
        DecidedBy = by;
        DecidedAt = at;
        var latest = _snapshots.SingleOrDefault(s => s.Number == SubmissionCount)
            ?? throw new InvalidOperationException("Load the latest snapshot of a report before deciding on it.");
        latest.Decide(outcome, reason, by, at);
    }
}

/// <summary>
/// One submission of a region's consolidated report: the consolidation as it was sent, how many of the districts'
/// reports were in, its files, who sent it and when, and how the National Library decided. It never changes once
/// made, except for the decision and for keeping the files the first time they are rendered.
/// </summary>
public class RegionalReportSnapshot
{
    private RegionalReportSnapshot()
    {
        Document = SubmittedBy = string.Empty;
    }

    internal RegionalReportSnapshot(int number, ConsolidationDocument document, int reportsIn, int reportsExpected, string submittedBy, DateTimeOffset submittedAt)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        Number = number;
        Document = SubmittedConsolidationSnapshot.Write(document);
        SchemaVersion = SubmittedConsolidationSnapshot.CurrentSchema;
        ReportsIn = reportsIn;
        ReportsExpected = reportsExpected;
        SubmittedBy = submittedBy;
        SubmittedAt = submittedAt;
        Outcome = ReportStatus.Submitted;
    }

    public long Id { get; private set; }

    public long RegionalReportSubmissionId { get; private set; }

    public int Number { get; private set; }

    /// <summary>The consolidation as submitted, as JSON of <see cref="SubmittedConsolidationSnapshot"/>'s schema <see cref="SchemaVersion"/>.</summary>
    public string Document { get; private set; }

    public int SchemaVersion { get; private set; }

    /// <summary>How many of the districts' quarterly reports were in (submitted or accepted) when it was sent.</summary>
    public int ReportsIn { get; private set; }

    /// <summary>How many districts had a plan in force, and so a report to send.</summary>
    public int ReportsExpected { get; private set; }

    public DateTimeOffset SubmittedAt { get; private set; }

    public string SubmittedBy { get; private set; }

    public ReportStatus Outcome { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public string? DecidedBy { get; private set; }

    public string? ReturnReason { get; private set; }

    /// <summary>The files rendered from the document at submission, in the region's document language; null if that failed (then rendered on each download).</summary>
    public byte[]? ExcelFile { get; private set; }

    public byte[]? PdfFile { get; private set; }

    public ConsolidationDocument Read() => SubmittedConsolidationSnapshot.Read(SchemaVersion, Document);

    internal void Decide(ReportStatus outcome, string? reason, string by, DateTimeOffset at)
    {
        Outcome = outcome;
        ReturnReason = reason;
        DecidedBy = by;
        DecidedAt = at;
    }
}
