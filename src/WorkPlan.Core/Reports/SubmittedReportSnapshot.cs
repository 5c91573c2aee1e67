using WorkPlan.Core.Common;
using WorkPlan.Core.Plans;

namespace WorkPlan.Core.Reports;

/// <summary>
/// A submitted quarterly report as it is stored (report_snapshots.document, with report_snapshots.schema_version):
/// its own types, mapped to and from <see cref="QuarterlyReportDocument"/> by hand, so that the report page can
/// change without touching a single submission. The property names below are the stored format: renaming,
/// removing or retyping one is a new schema version, with a reader for the old one.
/// </summary>
public static class SubmittedReportSnapshot
{
    /// <summary>The schema version this build writes (and the only one it reads).</summary>
    public const int CurrentSchema = 1;

    private const string Kind = "submitted report";

    public static string Write(QuarterlyReportDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return StoredDocuments.Write(new SubmittedReportV1(
            document.PlanId,
            document.Year,
            document.Quarter,
            document.OrganisationName,
            document.PlanTitle,
            document.DirectorTitle,
            document.DirectorName,
            document.InspectorName,
            [.. document.Sections.Select(s => new SubmittedReportSectionV1(s.Label, s.Title, [.. s.Rows.Select(ToStored)]))]));
    }

    /// <summary>The stored submission as the report document; an unknown schema version or a body of another shape throws <see cref="UnreadableDocumentException"/>.</summary>
    public static QuarterlyReportDocument Read(int schemaVersion, string json)
    {
        var stored = StoredDocuments.Read<SubmittedReportV1>(Kind, schemaVersion, CurrentSchema, json);
        return new QuarterlyReportDocument(
            stored.PlanId,
            stored.Year,
            stored.Quarter,
            stored.OrganisationName,
            stored.PlanTitle,
            stored.DirectorTitle,
            stored.DirectorName,
            stored.InspectorName,
            [.. stored.Sections.Select(s => new QuarterlyReportSection(s.Label, s.Title, [.. s.Rows.Select(FromStored)]))]);
    }

    private static SubmittedReportRowV1 ToStored(QuarterlyReportRow r) => new(
        r.IndicatorId, r.Number, r.Name, r.Unit, StoredMeasure.ToStored(r.Measure), r.AnnualTarget, r.QuarterActual, r.YearToDate, r.PercentOfTarget, r.Notes, r.IsSubRow, r.OfWhichMark);

    private static QuarterlyReportRow FromStored(SubmittedReportRowV1 r) => new(
        r.IndicatorId, r.Number, r.Name, r.Unit, StoredMeasure.FromStored(r.Measure, Kind, CurrentSchema), r.AnnualTarget, r.QuarterActual, r.YearToDate, r.PercentOfTarget, r.Notes, r.IsSubRow)
    {
        OfWhichMark = r.OfWhichMark,
    };
}

/// <summary>Schema version 1 of a submitted report (the shape of every submission stored before schema versions were kept).</summary>
internal sealed record SubmittedReportV1(
    int PlanId,
    int Year,
    int Quarter,
    string OrganisationName,
    string PlanTitle,
    string? DirectorTitle,
    string? DirectorName,
    string? InspectorName,
    IReadOnlyList<SubmittedReportSectionV1> Sections);

internal sealed record SubmittedReportSectionV1(string Label, string Title, IReadOnlyList<SubmittedReportRowV1> Rows);

/// <summary>A row; <see cref="OfWhichMark"/> is absent from submissions made before the "of which" check.</summary>
internal sealed record SubmittedReportRowV1(
    int IndicatorId,
    string Number,
    string Name,
    string? Unit,
    StoredMeasureV1 Measure,
    decimal? AnnualTarget,
    decimal? QuarterActual,
    decimal? YearToDate,
    decimal? PercentOfTarget,
    string? Notes,
    bool IsSubRow,
    string? OfWhichMark = null);
