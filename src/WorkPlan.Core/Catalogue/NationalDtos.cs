using WorkPlan.Core.Plans;

namespace WorkPlan.Core.Catalogue;

/// <summary>One national indicator on the catalogue page, with how many regions map to it.</summary>
public sealed record NationalRow(
    int Id, string Code, string SectionLabel, string SectionTitle, string Number, string Name, string? Unit, Measure Measure, RollupKind Rollup, bool IsPublished, int MappedBy, uint Version);

/// <summary>A region whose published template can start the national set.</summary>
public sealed record RegionChoice(int RegionId, string Name);

/// <summary>The national catalogue page: its indicators in document order, and what the user may do.</summary>
public sealed record NationalCataloguePage(
    bool CanEdit, DateTimeOffset? PublishedAt, string? PublishedBy, uint Version, IReadOnlyList<NationalRow> Rows, IReadOnlyList<RegionChoice> SourceRegions)
{
    public int Drafts => Rows.Count(r => !r.IsPublished);
}

/// <summary>A national indicator as the edit form shows it.</summary>
public sealed record NationalItemForm(
    int? Id, string Code, bool CodeFrozen, string SectionLabel, string SectionTitle, string Number, string Name, string? Unit, Measure Measure, RollupKind Rollup, uint Version);

/// <summary>A national indicator to add or change.</summary>
public sealed record SaveNationalItem(
    string? Code, string? SectionLabel, string? SectionTitle, string? Number, string? Name, string? Unit, Measure Measure, RollupKind Rollup, uint Version);

/// <summary>One regional catalogue indicator on the mapping page: its national code, and the national codes suggested for it.</summary>
public sealed record NationalMappingLine(
    int Id, string Code, string Number, string Name, bool IsSubRow, RollupKind Rollup, Measure Measure, string? NationalCode, IReadOnlyList<NationalSuggestion> Suggestions, uint Version);

/// <summary>The mapping of one region's catalogue to the national one; the region chooser for whoever sees several.</summary>
public sealed record NationalMappingPage(
    int RegionId, string RegionName, bool CanEdit, IReadOnlyList<RegionChoice> Regions, IReadOnlyList<NationalMappingLine> Lines, IReadOnlyList<NationalIndicatorRow> National)
{
    public int Mapped => Lines.Count(l => l.NationalCode is not null);
}

/// <summary>A regional indicator's chosen national code (empty for the region's own) and the version the form was made from.</summary>
public sealed record NationalMappingCell(int IndicatorId, string? NationalCode, uint Version);
