using WorkPlan.Core.Reports;

namespace WorkPlan.Core.Regional;

/// <summary>Renders a region's consolidated report's official files in a document language (the workbook and the printed PDF).</summary>
public interface IConsolidationFileRenderer
{
    Task<byte[]> RenderAsync(ConsolidationDocument document, ReportFile file, string language, CancellationToken cancellationToken = default);
}

/// <summary>
/// Where a region's consolidated report of a quarter stands with the National Library, and what the user may do:
/// send it (the region's director or methodologist, from the quarter's last month on), or accept or return it (the
/// National Library's). <see cref="ReportsIn"/> of <see cref="ReportsExpected"/> districts' reports are in now.
/// </summary>
public sealed record RegionalReportStanding(
    int RegionId,
    string RegionName,
    int Year,
    QuarterStanding Quarter,
    DateTimeOffset? SubmittedAt,
    string? SubmittedBy,
    int Submissions,
    uint Version,
    bool CanSubmit,
    bool CanDecide,
    int ReportsIn,
    int ReportsExpected);

/// <summary>One submission of the region's report: its number, who sent it and when, how many districts' reports were in, and the decision.</summary>
public sealed record RegionalReportLine(
    int Number, DateTimeOffset SubmittedAt, string SubmittedBy, int ReportsIn, int ReportsExpected, ReportStatus Outcome, DateTimeOffset? DecidedAt, string? DecidedBy, string? ReturnReason);

/// <summary>The page of a region's report: its standing, the document (the latest submission as sent; the live consolidation before any) and every submission.</summary>
public sealed record RegionalReportPage(RegionalReportStanding Standing, ConsolidationDocument Document, int? Number, IReadOnlyList<RegionalReportLine> History);

/// <summary>A file of a submitted regional report to download: its document, submission number, language and content.</summary>
public sealed record RegionalReportExport(ConsolidationDocument Document, int Number, string Language, byte[] Content);
