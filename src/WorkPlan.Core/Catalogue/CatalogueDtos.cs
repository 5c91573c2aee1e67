using WorkPlan.Core.Plans;

namespace WorkPlan.Core.Catalogue;

/// <summary>One catalogue row on the template page, with how many district plans report against it.</summary>
public sealed record TemplateRow(
    int Id, string Code, string SectionLabel, string SectionTitle, string Number, string Name, string? Unit, Measure Measure, RollupKind Rollup, bool IsSubRow, int UsedBy, uint Version);

/// <summary>A plan the region can build its template from.</summary>
public sealed record PlanChoice(int PlanId, string Organisation, int Year);

/// <summary>The template page: the region's catalogue, whether it is published, and what the user may do.</summary>
public sealed record TemplatePage(
    int RegionId,
    string RegionName,
    bool IsPublished,
    DateTimeOffset? PublishedAt,
    string? PublishedBy,
    bool CanEdit,
    bool CanCreatePlan,
    int Year,
    uint Version,
    IReadOnlyList<TemplateRow> Rows,
    IReadOnlyList<PlanChoice> SourcePlans)
{
    /// <summary>Whether the user reads the national catalogue, and so the region's mapping to it.</summary>
    public bool ReadsNationalCatalogue { get; init; }
}

/// <summary>A catalogue row as the edit form shows it.</summary>
public sealed record TemplateItemForm(
    int? Id, string Code, bool CodeFrozen, int? ParentId, string SectionLabel, string SectionTitle, string Number, string Name, string? Unit, Measure Measure, RollupKind Rollup,
    IReadOnlyList<string> Mechanism, DueSchedule Schedule, IReadOnlyList<string> ServiceCodes, uint Version);

/// <summary>What the form for a catalogue row may choose from: the top-level rows (as parents) and the sections in use.</summary>
public sealed record TemplateItemChoices(
    IReadOnlyList<(int Id, string Label)> Parents, IReadOnlyList<(string Label, string Title)> Sections, IReadOnlyList<(string Code, string Name)> Services);

/// <summary>A catalogue row to add or change.</summary>
public sealed record SaveTemplateItem(
    string? Code, int? ParentId, string? SectionLabel, string? SectionTitle, string? Number, string? Name, string? Unit, Measure Measure, RollupKind Rollup,
    IReadOnlyList<string> Mechanism, ScheduleKind ScheduleKind, IReadOnlyList<int> Quarters, int? FromMonth, int? ToMonth, IReadOnlyList<string> ServiceCodes, uint Version);

/// <summary>A catalogue row a district may map one of its rows to.</summary>
public sealed record CatalogueChoice(string Code, string Number, string Name, bool IsSubRow, RollupKind Rollup, Measure Measure);

/// <summary>One row of a district's plan, the code it reports as, and the code the catalogue suggests.</summary>
public sealed record MappingRow(int IndicatorId, string Number, string Name, bool IsSubRow, string? Code, string? Suggested, uint Version);

/// <summary>The mapping page of a district plan.</summary>
public sealed record MappingPage(
    int PlanId, string PlanTitle, int Year, string OrganisationName, bool CanEdit, IReadOnlyList<MappingRow> Rows, IReadOnlyList<CatalogueChoice> Catalogue)
{
    public int Mapped => Rows.Count(r => r.Code is not null);
}

/// <summary>A row's chosen code (empty for a row of the district's own) and the version the form was made from.</summary>
public sealed record MappingCell(int IndicatorId, string? Code, uint Version);
