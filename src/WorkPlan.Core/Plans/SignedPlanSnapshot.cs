using WorkPlan.Core.Common;

namespace WorkPlan.Core.Plans;

/// <summary>
/// A signed plan version as it is stored (plan_versions.snapshot, with plan_versions.schema_version): its
/// own types, mapped to and from <see cref="PlanDocument"/> by hand, so that the page's document can change
/// without touching a single stored version. The property names below are the stored format: renaming,
/// removing or retyping one is a new schema version, with a reader for the old one.
/// </summary>
public static class SignedPlanSnapshot
{
    /// <summary>The schema version this build writes (and the only one it reads).</summary>
    public const int CurrentSchema = 1;

    private const string Kind = "signed plan version";

    public static string Write(PlanDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return StoredDocuments.Write(new SignedPlanV1(
            document.Id,
            document.Year,
            document.Title,
            ToStored(document.Status),
            document.OrganisationName,
            ToStored(document.Agreement),
            ToStored(document.Approval),
            [.. document.Sections.Select(s => new SignedPlanSectionV1(s.Label, s.Title, [.. s.Rows.Select(ToStored)]))],
            document.VersionNumber));
    }

    /// <summary>The stored version as the plan document; an unknown schema version or a body of another shape throws <see cref="UnreadableDocumentException"/>.</summary>
    public static PlanDocument Read(int schemaVersion, string json)
    {
        var stored = StoredDocuments.Read<SignedPlanV1>(Kind, schemaVersion, CurrentSchema, json);
        return new PlanDocument(
            stored.Id,
            stored.Year,
            stored.Title,
            FromStored(stored.Status),
            stored.OrganisationName,
            FromStored(stored.Agreement),
            FromStored(stored.Approval),
            [.. stored.Sections.Select(s => new PlanDocumentSection(s.Label, s.Title, [.. s.Rows.Select(FromStored)]))],
            stored.VersionNumber);
    }

    private static SignedPlanRowV1 ToStored(PlanDocumentRow r) => new(
        r.Id, r.Number, r.Name, r.Unit, StoredMeasure.ToStored(r.Measure), r.PreviousFact, r.Target, r.Mechanism, r.Deadline, r.Services, r.AllServices, r.IsSubRow, r.FirstSubRow);

    private static PlanDocumentRow FromStored(SignedPlanRowV1 r) => new(
        r.Id, r.Number, r.Name, r.Unit, StoredMeasure.FromStored(r.Measure, Kind, CurrentSchema), r.PreviousFact, r.Target, r.Mechanism, r.Deadline, r.Services, r.AllServices, r.IsSubRow, r.FirstSubRow);

    private static SignedPlanSignatureV1 ToStored(SignatureBlock block) => new(block.Title, block.Name, block.Date);

    private static SignatureBlock FromStored(SignedPlanSignatureV1 block) => new(block.Title, block.Name, block.Date);

    private static SignedPlanStatusV1 ToStored(PlanStatus status) => status switch
    {
        PlanStatus.Draft => SignedPlanStatusV1.Draft,
        PlanStatus.Submitted => SignedPlanStatusV1.Submitted,
        PlanStatus.Agreed => SignedPlanStatusV1.Agreed,
        PlanStatus.Approved => SignedPlanStatusV1.Approved,
        PlanStatus.InForce => SignedPlanStatusV1.InForce,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    private static PlanStatus FromStored(SignedPlanStatusV1 status) => status switch
    {
        SignedPlanStatusV1.Draft => PlanStatus.Draft,
        SignedPlanStatusV1.Submitted => PlanStatus.Submitted,
        SignedPlanStatusV1.Agreed => PlanStatus.Agreed,
        SignedPlanStatusV1.Approved => PlanStatus.Approved,
        SignedPlanStatusV1.InForce => PlanStatus.InForce,
        _ => throw StoredDocuments.Undefined(Kind, CurrentSchema, status),
    };
}

/// <summary>A measure as stored in a document snapshot (a number, as the first snapshots were written).</summary>
internal enum StoredMeasureV1
{
    Count = 0,
    Money = 1,
}

internal static class StoredMeasure
{
    public static StoredMeasureV1 ToStored(Measure measure) => measure switch
    {
        Measure.Count => StoredMeasureV1.Count,
        Measure.Money => StoredMeasureV1.Money,
        _ => throw new ArgumentOutOfRangeException(nameof(measure), measure, null),
    };

    public static Measure FromStored(StoredMeasureV1 measure, string kind, int schemaVersion) => measure switch
    {
        StoredMeasureV1.Count => Measure.Count,
        StoredMeasureV1.Money => Measure.Money,
        _ => throw StoredDocuments.Undefined(kind, schemaVersion, measure),
    };
}

/// <summary>A plan status as stored in version 1 (a number).</summary>
internal enum SignedPlanStatusV1
{
    Draft = 0,
    Submitted = 1,
    Agreed = 2,
    Approved = 3,
    InForce = 4,
}

/// <summary>Schema version 1 of a signed plan version (the shape of every version stored before schema versions were kept).</summary>
internal sealed record SignedPlanV1(
    int Id,
    int Year,
    string Title,
    SignedPlanStatusV1 Status,
    string OrganisationName,
    SignedPlanSignatureV1 Agreement,
    SignedPlanSignatureV1 Approval,
    IReadOnlyList<SignedPlanSectionV1> Sections,
    int VersionNumber = 1);

internal sealed record SignedPlanSignatureV1(string? Title, string? Name, DateOnly? Date);

internal sealed record SignedPlanSectionV1(string Label, string Title, IReadOnlyList<SignedPlanRowV1> Rows);

internal sealed record SignedPlanRowV1(
    int Id,
    string Number,
    string Name,
    string? Unit,
    StoredMeasureV1 Measure,
    decimal? PreviousFact,
    decimal? Target,
    IReadOnlyList<string> Mechanism,
    string? Deadline,
    IReadOnlyList<string> Services,
    bool AllServices,
    bool IsSubRow,
    bool FirstSubRow);
