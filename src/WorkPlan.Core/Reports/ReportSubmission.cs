namespace WorkPlan.Core.Reports;

/// <summary>
/// A plan's quarterly report as sent to the regional centre: its status, when it was due, who did
/// what, and every submission as its own stored snapshot (<see cref="ReportSnapshot"/>, numbered 1, 2, ...),
/// whose document and files never change once submitted.
/// </summary>
public class ReportSubmission : IDecidableReport
{
    private readonly List<ReportSnapshot> _snapshots = [];

    private ReportSubmission()
    {
    }

    public ReportSubmission(int planId, int quarter, DateOnly dueDate)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quarter, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quarter, 4);
        PlanId = planId;
        Quarter = quarter;
        DueDate = dueDate;
        Status = ReportStatus.Draft;
    }

    public long Id { get; private set; }

    public int PlanId { get; private set; }

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

    /// <summary>The snapshots loaded with the report (the service loads the latest one to decide on it).</summary>
    public IReadOnlyCollection<ReportSnapshot> Snapshots => _snapshots;

    /// <summary>Row version (PostgreSQL xmin) for optimistic concurrency.</summary>
    public uint Version { get; private set; }

    public bool CanBeSubmitted => Status is ReportStatus.Draft or ReportStatus.Returned;

    /// <summary>Sends the report as a new snapshot (the next number); earlier snapshots stay as they were.</summary>
    public ReportSnapshot Submit(QuarterlyReportDocument document, string by, DateTimeOffset at)
    {
        if (!CanBeSubmitted)
        {
            throw new InvalidOperationException($"A {Status} report cannot be submitted.");
        }

        SubmissionCount++;
        var submitted = new ReportSnapshot(SubmissionCount, document, by, at);
        _snapshots.Add(submitted);
        Status = ReportStatus.Submitted;
        SubmittedBy = by;
        SubmittedAt = at;
        DecidedAt = null;
        DecidedBy = null;
        return submitted;
    }

    public void Accept(string by, DateTimeOffset at)
    {
        if (Status != ReportStatus.Submitted)
        {
            throw new InvalidOperationException($"A {Status} report cannot be accepted.");
        }

        Status = ReportStatus.Accepted;
        DecidedBy = by;
        DecidedAt = at;
        ReturnReason = null;
        Latest().Decide(ReportStatus.Accepted, null, by, at);
    }

    public void Return(string reason, string by, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (Status != ReportStatus.Submitted)
        {
            throw new InvalidOperationException($"A {Status} report cannot be returned.");
        }

        Status = ReportStatus.Returned;
        ReturnReason = reason.Trim();
        DecidedBy = by;
        DecidedAt = at;
        Latest().Decide(ReportStatus.Returned, ReturnReason, by, at);
    }

    private ReportSnapshot Latest() =>
        _snapshots.SingleOrDefault(s => s.Number == SubmissionCount)
        ?? throw new InvalidOperationException("Load the latest snapshot of a report before deciding on it.");
}
