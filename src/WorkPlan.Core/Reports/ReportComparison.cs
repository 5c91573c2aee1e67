namespace WorkPlan.Core.Reports;

/// <summary>One row that differs between two submissions of a report: its figures in each (null where the row is absent).</summary>
public sealed record ReportRowChange(string Number, string Name, QuarterlyReportRow? Before, QuarterlyReportRow? After)
{
    public bool TargetChanged => Before?.AnnualTarget != After?.AnnualTarget;

    public bool QuarterChanged => Before?.QuarterActual != After?.QuarterActual;

    public bool YearToDateChanged => Before?.YearToDate != After?.YearToDate;

    public bool PercentChanged => Before?.PercentOfTarget != After?.PercentOfTarget;

    public bool NotesChanged => !string.Equals(Before?.Notes, After?.Notes, StringComparison.Ordinal);
}

/// <summary>What changed between a returned submission and the one sent after it, row by row (only the rows whose values changed).</summary>
public sealed record ReportComparison(int FromNumber, int ToNumber, IReadOnlyList<ReportRowChange> Rows)
{
    public static ReportComparison Between(int fromNumber, QuarterlyReportDocument before, int toNumber, QuarterlyReportDocument after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var earlier = before.Sections.SelectMany(s => s.Rows).ToList();
        var later = after.Sections.SelectMany(s => s.Rows).ToList();
        var earlierById = earlier.ToDictionary(r => r.IndicatorId);
        var laterIds = later.Select(r => r.IndicatorId).ToHashSet();

        var rows = later
            .Select(r => new ReportRowChange(r.Number, r.Name, earlierById.GetValueOrDefault(r.IndicatorId), r))
            .Concat(earlier.Where(r => !laterIds.Contains(r.IndicatorId)).Select(r => new ReportRowChange(r.Number, r.Name, r, null)))
            .Where(c => c.TargetChanged || c.QuarterChanged || c.YearToDateChanged || c.PercentChanged || c.NotesChanged)
            .ToList();
        return new ReportComparison(fromNumber, toNumber, rows);
    }
}
