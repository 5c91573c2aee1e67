namespace WorkPlan.Core.Reports;

/// <summary>
/// A plan's quarterly report as sent to the regional centre: its status, when it was due, who did
/// what, and the stored snapshot and files, which never change once submitted.
/// </summary>
public class ReportSubmission
{
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

    /// <summary>The <see cref="QuarterlyReportDocument"/> as submitted, as JSON.</summary>
    public string? Snapshot { get; private set; }

    public byte[]? ExcelFile { get; private set; }

    public byte[]? PdfFile { get; private set; }

    /// <summary>Row version (PostgreSQL xmin) for optimistic concurrency.</summary>
    public uint Version { get; private set; }

    /// <summary>Whether the quarter's months are locked: the report is with the region or accepted.</summary>
    public bool LocksMonths => Status is ReportStatus.Submitted or ReportStatus.Accepted;

    public bool CanBeSubmitted => Status is ReportStatus.Draft or ReportStatus.Returned;

    public void Submit(string snapshot, string by, DateTimeOffset at)
    {
        if (!CanBeSubmitted)
        {
            throw new InvalidOperationException($"A {Status} report cannot be submitted.");
        }

        Status = ReportStatus.Submitted;
        Snapshot = snapshot;
        ExcelFile = null;
        PdfFile = null;
        SubmittedBy = by;
        SubmittedAt = at;
        DecidedAt = null;
        DecidedBy = null;
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
    }

    /// <summary>Keeps the files rendered from the snapshot the first time they are asked for; they never change after.</summary>
    public void KeepFiles(byte[]? excel, byte[]? pdf)
    {
        ExcelFile ??= excel;
        PdfFile ??= pdf;
    }
}
