namespace WorkPlan.Core.Plans;

/// <summary>Everything the indicator form sends: the row, where it sits, its deadline picker and services.</summary>
public sealed record SaveIndicator(
    int SectionId,
    int? ParentId,
    string Number,
    string Name,
    string? Unit,
    Measure Measure,
    decimal? PreviousFact,
    decimal? Target,
    IReadOnlyList<string> Mechanism,
    ScheduleKind ScheduleKind,
    IReadOnlyList<int> Quarters,
    int? FromMonth,
    int? ToMonth,
    IReadOnlyList<int> ServiceIds,
    RollupKind Rollup,
    bool ChildrenPartition,
    uint Version = 0);

/// <summary>The indicator form's context: the plan, its sections, possible parents and services.</summary>
public sealed record IndicatorFormContext(
    int PlanId,
    int Year,
    string PlanTitle,
    IReadOnlyList<(int Id, string Label, string Title)> Sections,
    IReadOnlyList<(int Id, string Number, string Name)> Parents,
    IReadOnlyList<(int Id, string Name)> Services,
    IReadOnlyList<string> KnownUnits);

/// <summary>An indicator as the edit form shows it.</summary>
public sealed record IndicatorForm(int? Id, SaveIndicator Values, bool HasChildren);

/// <summary>The editor page: the plan's sections and rows with what can be done to each.</summary>
public sealed record PlanEditorView(int PlanId, int Year, string Title, PlanStatus Status, string? ReturnReason, IReadOnlyList<PlanEditorSection> Sections);

public sealed record PlanEditorSection(int Id, string Label, string Title, IReadOnlyList<PlanEditorRow> Rows, uint Version = 0);

public sealed record PlanEditorRow(int Id, string Number, string Name, string? Unit, Measure Measure, decimal? PreviousFact, decimal? Target, bool IsSubRow, bool HasChildren, uint Version = 0);

/// <summary>
/// An "of which" family as one form: the parent row first, then its "of which" rows, each with the numbers
/// the rule checks together and its row version.
/// </summary>
public sealed record FamilyForm(int PlanId, int Year, string PlanTitle, bool ChildrenPartition, IReadOnlyList<FamilyRow> Rows);

public sealed record FamilyRow(int IndicatorId, string Number, string Name, string? Unit, Measure Measure, bool IsParent, decimal? PreviousFact, decimal? Target, uint Version);

/// <summary>One row's numbers as the family form (or a single target cell) posts them.</summary>
public sealed record FamilyRowValues(int IndicatorId, decimal? PreviousFact, decimal? Target, uint Version);

/// <summary>A record a form added: its id, and whether an earlier post of the same form had already added it.</summary>
public sealed record Added(int Id, bool Again);
