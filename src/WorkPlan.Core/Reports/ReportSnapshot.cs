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

    internal ReportSnapshot(int number, QuarterlyReportDocument document, string submittedBy, DateTimeOffset submittedAt)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        ArgumentNullException.ThrowIfNull(document);
        Number = number;
        Document = SubmittedReportSnapshot.Write(document);
        SchemaVersion = SubmittedReportSnapshot.CurrentSchema;
        SubmittedBy = submittedBy;
        SubmittedAt = submittedAt;
        Outcome = ReportStatus.Submitted;
    }

    public long Id { get; private set; }

    public long ReportSubmissionId { get; private set; }

    /// <summary>1 for the first submission of the quarter, 2 for the one after the first return, ...</summary>
    public int Number { get; private set; }

    /// <summary>The report as submitted, as JSON of <see cref="SubmittedReportSnapshot"/>'s schema <see cref="SchemaVersion"/>.</summary>
    public string Document { get; private set; }

    /// <summary>The schema version <see cref="Document"/> was written in (1 for every submission stored before versions were kept).</summary>
    public int SchemaVersion { get; private set; }

    public DateTimeOffset SubmittedAt { get; private set; }

    public string SubmittedBy { get; private set; }

    /// <summary>Submitted (awaiting the region), Accepted or Returned.</summary>
    public ReportStatus Outcome { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public string? DecidedBy { get; private set; }

    public string? ReturnReason { get; private set; }

    /// <summary>
    /// The files rendered from the document in the centre's document language, kept by the submission
    /// (<see cref="ReportSubmissionService"/>); they never change after. Null for submissions made without them
    /// (earlier ones, the demo's, or a render that failed): those are rendered afresh on every download.
    /// </summary>
    public byte[]? ExcelFile { get; private set; }

    public byte[]? PdfFile { get; private set; }

    /// <summary>The submitted document; a schema version this build does not know throws <see cref="Common.UnreadableDocumentException"/>.</summary>
    public QuarterlyReportDocument Read() => SubmittedReportSnapshot.Read(SchemaVersion, Document);

    internal void Decide(ReportStatus outcome, string? reason, string by, DateTimeOffset at)
    {
        Outcome = outcome;
        ReturnReason = reason;
        DecidedBy = by;
        DecidedAt = at;
    }
}
