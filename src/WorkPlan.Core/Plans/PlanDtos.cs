using System.Text.Json.Serialization;
using WorkPlan.Core.Common;

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
    IReadOnlyList<PlanDocumentSection> Sections,
    int VersionNumber = 1)
{
    [JsonIgnore]
    public IEnumerable<PlanDocumentRow> Rows => Sections.SelectMany(s => s.Rows);

    [JsonIgnore]
    public bool IsInForce => Status == PlanStatus.InForce;
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

/// <summary>What the current user may do with a plan now, and its history: shown around the document.</summary>
public sealed record PlanActions(
    int PlanId,
    uint Version,
    PlanStatus Status,
    int VersionNumber,
    string? ReturnReason,
    string? AmendmentReason,
    bool CanEdit,
    bool CanSubmit,
    bool CanAgree,
    bool CanApprove,
    bool CanReturn,
    bool CanAmend,
    bool CanCreateNextYear,
    IReadOnlyList<PlanEventLine> Events,
    IReadOnlyList<PlanVersionLine> Versions,
    bool CanDiscard = false);

public sealed record PlanEventLine(DateTimeOffset At, Person By, PlanAction Action, PlanStatus StatusAfter, int PlanVersion, string? Comment);

public sealed record PlanVersionLine(int Number, DateTimeOffset CameIntoForceAt, string? Reason);

/// <summary>One difference between two versions of a plan, indicator by indicator (or a section).</summary>
public sealed record PlanChange(string Number, string Name, PlanChangeKind Kind, string? Field, string? Old, string? New);

/// <summary>An open amendment's changes against the version in force.</summary>
public sealed record PendingAmendment(int InForce, int Draft, IReadOnlyList<PlanChange> Changes);

public enum PlanChangeKind
{
    Added,
    Removed,
    Changed,
}
