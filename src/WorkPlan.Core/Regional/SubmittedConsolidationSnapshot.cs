using WorkPlan.Core.Common;
using WorkPlan.Core.Plans;
using WorkPlan.Core.Reports;

namespace WorkPlan.Core.Regional;

/// <summary>
/// A region's submitted consolidated report as it is stored (regional_report_snapshots.document, with its
/// schema_version): its own types, mapped to and from <see cref="ConsolidationDocument"/> by hand, so that the
/// consolidation page can change without touching a single submission. The property names below are the stored
/// format: renaming, removing or retyping one is a new schema version, with a reader for the old one. Statuses,
/// timeliness and roll-up kinds are stored by name, so that reordering an enum changes nothing stored.
/// </summary>
public static class SubmittedConsolidationSnapshot
{
    /// <summary>The schema version this build writes (and the only one it reads).</summary>
    public const int CurrentSchema = 1;

    private const string Kind = "submitted consolidation";

    public static string Write(ConsolidationDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return StoredDocuments.Write(new SubmittedConsolidationV1(
            document.RegionId,
            document.RegionName,
            document.Year,
            document.Quarter,
            document.OnlyReported,
            [.. document.Districts.Select(d => new SubmittedConsolidationColumnV1(d.OrganisationId, d.Name, d.ShortName, d.PlanId, d.Status?.ToString(), d.Timeliness?.ToString(), d.Included, d.IsCentre))],
            [.. document.Sections.Select(s => new SubmittedConsolidationSectionV1(s.Label, s.Title, [.. s.Rows.Select(r => new SubmittedConsolidationRowV1(
                r.Code, r.Number, r.Name, r.Unit, StoredMeasure.ToStored(r.Measure), r.Rollup.ToString(), r.IsSubRow, [.. r.Districts.Select(ToStored)], ToStored(r.Total)))]))]));
    }

    /// <summary>The stored submission as the consolidation; an unknown schema version or a body of another shape throws <see cref="UnreadableDocumentException"/>.</summary>
    public static ConsolidationDocument Read(int schemaVersion, string json)
    {
        var stored = StoredDocuments.Read<SubmittedConsolidationV1>(Kind, schemaVersion, CurrentSchema, json);
        return new ConsolidationDocument(
            stored.RegionId,
            stored.RegionName,
            stored.Year,
            stored.Quarter,
            stored.OnlyReported,
            [.. stored.Columns.Select(c => new ConsolidationDistrict(
                c.OrganisationId, c.Name, c.ShortName, c.PlanId, NameOf<ReportStatus>(c.Status), NameOf<Timeliness>(c.Timeliness), c.Included, c.IsCentre))],
            [.. stored.Sections.Select(s => new ConsolidationSection(s.Label, s.Title, [.. s.Rows.Select(r => new ConsolidationRow(
                r.Code, r.Number, r.Name, r.Unit, StoredMeasure.FromStored(r.Measure, Kind, CurrentSchema), NameOf<RollupKind>(r.Rollup) ?? throw Missing(nameof(r.Rollup)),
                r.IsSubRow, [.. r.Columns.Select(FromStored)], FromStored(r.Total)))]))],
            [stored.Year]);
    }

    private static SubmittedConsolidationCellV1 ToStored(ConsolidationCell c) => new(c.Target, c.Quarter, c.YearToDate, c.Percent);

    private static ConsolidationCell FromStored(SubmittedConsolidationCellV1 c) => new(c.Target, c.Quarter, c.YearToDate, c.Percent);

    private static TEnum? NameOf<TEnum>(string? name)
        where TEnum : struct, Enum =>
        name is null ? null
            : Enum.TryParse<TEnum>(name, ignoreCase: false, out var value) && Enum.IsDefined(value) ? value
            : throw new UnreadableDocumentException(Kind, CurrentSchema, $"{typeof(TEnum).Name} {name} is not defined");

    private static UnreadableDocumentException Missing(string property) => new(Kind, CurrentSchema, $"{property} is missing");
}

/// <summary>Schema version 1 of a submitted consolidation.</summary>
internal sealed record SubmittedConsolidationV1(
    int RegionId,
    string RegionName,
    int Year,
    int Quarter,
    bool OnlyReported,
    IReadOnlyList<SubmittedConsolidationColumnV1> Columns,
    IReadOnlyList<SubmittedConsolidationSectionV1> Sections);

/// <summary>A column: a district, or the regional centre (<see cref="IsCentre"/>); its report's status and timeliness by name.</summary>
internal sealed record SubmittedConsolidationColumnV1(
    int OrganisationId, string Name, string ShortName, int? PlanId, string? Status, string? Timeliness, bool Included, bool IsCentre);

internal sealed record SubmittedConsolidationSectionV1(string Label, string Title, IReadOnlyList<SubmittedConsolidationRowV1> Rows);

/// <summary>A catalogue indicator: its figures per column (in the order of the columns) and the region's total.</summary>
internal sealed record SubmittedConsolidationRowV1(
    string Code,
    string Number,
    string Name,
    string? Unit,
    StoredMeasureV1 Measure,
    string Rollup,
    bool IsSubRow,
    IReadOnlyList<SubmittedConsolidationCellV1> Columns,
    SubmittedConsolidationCellV1 Total);

internal sealed record SubmittedConsolidationCellV1(decimal? Target, decimal? Quarter, decimal? YearToDate, decimal? Percent);
