using WorkPlan.Core.Plans;
using WorkPlan.Core.Reports;

namespace WorkPlan.Core.Regional;

/// <summary>
/// A column of the consolidation: a district, or the regional centre itself (<see cref="IsCentre"/>, its own plan);
/// its plan in force (if any) and where its quarterly report stands.
/// </summary>
public sealed record ConsolidationDistrict(int OrganisationId, string Name, string ShortName, int? PlanId, ReportStatus? Status, Timeliness? Timeliness, bool Included, bool IsCentre = false);

/// <summary>One indicator's figures for one district, or for the region (whose percent counts only the districts with a target).</summary>
public sealed record ConsolidationCell(decimal? Target, decimal? Quarter, decimal? YearToDate, decimal? Percent)
{
    public static readonly ConsolidationCell Empty = new(null, null, null, null);
}

/// <summary>A catalogue indicator: each district's figures (in the order of the districts) and the region's total.</summary>
public sealed record ConsolidationRow(
    string Code, string Number, string Name, string? Unit, Measure Measure, RollupKind Rollup, bool IsSubRow, IReadOnlyList<ConsolidationCell> Districts, ConsolidationCell Total);

public sealed record ConsolidationSection(string Label, string Title, IReadOnlyList<ConsolidationRow> Rows);

/// <summary>
/// The regional centre's consolidated quarterly report: catalogue indicators × districts and the
/// region's total; which districts' reports are in; and the choices of the page.
/// </summary>
public sealed record ConsolidationDocument(
    int RegionId,
    string RegionName,
    int Year,
    int Quarter,
    bool OnlyReported,
    IReadOnlyList<ConsolidationDistrict> Districts,
    IReadOnlyList<ConsolidationSection> Sections,
    IReadOnlyList<int> Years)
{
    public int Submitted => Districts.Count(d => d.Status == ReportStatus.Submitted);

    public int Accepted => Districts.Count(d => d.Status == ReportStatus.Accepted);

    public int Included => Districts.Count(d => d.Included);

    /// <summary>The districts' reports expected for the quarter (a district with a plan in force), and how many of them are in (sent).</summary>
    public (int In, int Expected) DistrictReports =>
        (Districts.Count(d => !d.IsCentre && d.Status is { } s && s.IsSent()), Districts.Count(d => !d.IsCentre && d.PlanId is not null));
}

/// <summary>The words of an exported consolidation in the reader's language.</summary>
public sealed record ConsolidationText(
    string Title, string NumberColumn, string NameColumn, string UnitColumn, string TotalColumn,
    string TargetColumn, string QuarterColumn, string YearToDateColumn, string PercentColumn, string StatusLine, string PageLabel, string SheetName);

/// <summary>Writes the consolidation as .xlsx: every district with its four figures, then the region's total.</summary>
public interface IConsolidationExcelWriter
{
    byte[] Write(ConsolidationDocument document, ConsolidationText text);
}
