namespace WorkPlan.Core.Reports;

/// <summary>The files a submission keeps.</summary>
public enum ReportFile
{
    Excel,
    Pdf,
}

/// <summary>
/// One submission of a quarterly report (the first, the second after a return, ...): the document as it
/// was sent, its files, who sent it and when, and how the region decided. It never changes once made,
/// except for the decision and for keeping the files the first time they are rendered.
/// </summary>
public class ReportSnapshot
{
    private ReportSnapshot()
    {
        Document = SubmittedBy = string.Empty;
    }

    internal ReportSnapshot(int number, string document, string submittedBy, DateTimeOffset submittedAt)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        ArgumentException.ThrowIfNullOrWhiteSpace(document);
        Number = number;
        Document = document;
        SubmittedBy = submittedBy;
        SubmittedAt = submittedAt;
        Outcome = ReportStatus.Submitted;
    }

    public long Id { get; private set; }

    public long ReportSubmissionId { get; private set; }

    /// <summary>1 for the first submission of the quarter, 2 for the one after the first return, ...</summary>
    public int Number { get; private set; }

    /// <summary>The <see cref="QuarterlyReportDocument"/> as submitted, as JSON.</summary>
    public string Document { get; private set; }

    public DateTimeOffset SubmittedAt { get; private set; }

    public string SubmittedBy { get; private set; }

    /// <summary>Submitted (awaiting the region), Accepted or Returned.</summary>
    public ReportStatus Outcome { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public string? DecidedBy { get; private set; }

    public string? ReturnReason { get; private set; }

    /// <summary>The files rendered from the document, kept the first time they are asked for (QuarterlyReportService.KeepFileAsync); they never change after.</summary>
    public byte[]? ExcelFile { get; private set; }

    public byte[]? PdfFile { get; private set; }

    internal void Decide(ReportStatus outcome, string? reason, string by, DateTimeOffset at)
    {
        Outcome = outcome;
        ReturnReason = reason;
        DecidedBy = by;
        DecidedAt = at;
    }
}
