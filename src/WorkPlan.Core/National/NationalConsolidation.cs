using WorkPlan.Core.Plans;
using WorkPlan.Core.Regional;
using WorkPlan.Core.Reports;

namespace WorkPlan.Core.National;

/// <summary>
/// A column of the national consolidation: a region, how many of its plans in force (its districts' and its own
/// centre's) count in the figures, and where its quarterly report to the National Library stands.
/// </summary>
public sealed record NationalRegion(int RegionId, string Name, string ShortName, int Plans, int Counted, ReportStatus ReportStatus);

/// <summary>A national indicator: each region's figures (in the order of the regions) and the country's total.</summary>
public sealed record NationalRow(
    string Code, string Number, string Name, string? Unit, Measure Measure, RollupKind Rollup, IReadOnlyList<ConsolidationCell> Regions, ConsolidationCell Total);

public sealed record NationalSection(string Label, string Title, IReadOnlyList<NationalRow> Rows);

/// <summary>
/// The country's consolidated quarterly report: the published national indicators × the regions the user sees and
/// the country's total; and the choices of the page.
/// </summary>
public sealed record NationalConsolidationDocument(
    int OrganisationId,
    string OrganisationName,
    int Year,
    int Quarter,
    bool OnlyAccepted,
    IReadOnlyList<NationalRegion> Regions,
    IReadOnlyList<NationalSection> Sections,
    IReadOnlyList<int> Years)
{
    /// <summary>The regions whose report for the quarter the National Library has accepted.</summary>
    public int AcceptedRegions => Regions.Count(r => r.ReportStatus == ReportStatus.Accepted);

    public int SubmittedRegions => Regions.Count(r => r.ReportStatus == ReportStatus.Submitted);
}

/// <summary>A plan in force that the national figures count, and the region it belongs to (a district's region, or the regional centre itself).</summary>
public sealed record NationalPlan(int PlanId, int RegionId);

/// <summary>
/// A national code's figures for one region, or for the country (<see cref="RegionId"/> null): sums of each plan's
/// rolled-up values of the regional code mapped to it. <see cref="TargetedYearToDate"/> counts only the plans with a target.
/// </summary>
public sealed record NationalFigure(int? RegionId, string NationalCode, decimal? Target, decimal? Period, decimal? YearToDate, decimal? TargetedYearToDate);

/// <summary>The national aggregate query: one SQL statement whatever the number of regions and plans. Callers pass only plans the user may see.</summary>
public interface INationalFigures
{
    Task<IReadOnlyList<NationalFigure>> ConsolidateAsync(IReadOnlyList<NationalPlan> plans, int fromMonth, int toMonth, CancellationToken cancellationToken = default);
}

/// <summary>The words of the exported national consolidation in the reader's language: the organisation heading the sheet, and the sheet's words as the regional one's.</summary>
public sealed record NationalConsolidationText(string Organisation, ConsolidationText Sheet);

/// <summary>Writes the national consolidation as .xlsx: every region with its four figures, then the country's total.</summary>
public interface INationalConsolidationExcelWriter
{
    byte[] Write(NationalConsolidationDocument document, NationalConsolidationText text);
}
