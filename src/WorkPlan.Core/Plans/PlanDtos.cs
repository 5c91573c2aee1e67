namespace WorkPlan.Core.Plans;

/// <summary>A line of the plans list.</summary>
public sealed record PlanSummary(int Id, string OrganisationName, int Year, string Title, PlanStatus Status, int IndicatorCount);

/// <summary>The plan as the signed document shows it: signature blocks, title, sections and rows in order.</summary>
public sealed record PlanDocument(
    int Id,
    int Year,
    string Title,
    PlanStatus Status,
    string OrganisationName,
    SignatureBlock Agreement,
    SignatureBlock Approval,
    IReadOnlyList<PlanDocumentSection> Sections)
{
    public IEnumerable<PlanDocumentRow> Rows => Sections.SelectMany(s => s.Rows);
}

public sealed record PlanDocumentSection(string Label, string Title, IReadOnlyList<PlanDocumentRow> Rows);

/// <summary>
/// One row of the plan table. <see cref="IsSubRow"/> rows are the "of which" rows of the row above;
/// <see cref="FirstSubRow"/> marks where the "shundan," line goes. <see cref="AllServices"/> is true
/// when every service of the centre is responsible ("Barcha xizmatlar").
/// </summary>
public sealed record PlanDocumentRow(
    int Id,
    string Number,
    string Name,
    string? Unit,
    Measure Measure,
    decimal? PreviousFact,
    decimal? Target,
    IReadOnlyList<string> Mechanism,
    string? Deadline,
    IReadOnlyList<string> Services,
    bool AllServices,
    bool IsSubRow,
    bool FirstSubRow);
