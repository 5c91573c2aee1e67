using WorkPlan.Core.Plans;

namespace WorkPlan.Core.Reports;

/// <summary>Where a quarterly report stands with the regional centre.</summary>
public enum ReportStatus
{
    /// <summary>Not submitted yet (or corrected after a return): the figures are live.</summary>
    Draft,

    /// <summary>Sent to the regional centre: a stored snapshot; the quarter's months are locked.</summary>
    Submitted,

    /// <summary>Accepted by the regional centre.</summary>
    Accepted,

    /// <summary>Sent back with a reason; the months open again for corrections.</summary>
    Returned,
}

/// <summary>What a report's status means for the rest of the year.</summary>
public static class ReportStatusRules
{
    /// <summary>With the region or accepted: the report counts as in (on time or late) and only its snapshot is read.</summary>
    public static bool IsSent(this ReportStatus status) => status is ReportStatus.Submitted or ReportStatus.Accepted;

    /// <summary>Whether the quarter's months are locked: they are while the report is sent (a return opens them again).</summary>
    public static bool LocksMonths(this ReportStatus status) => status.IsSent();
}


/// <summary>The quarterly report as a document: the plan's rows with the quarter's actual, the year to date and the share of the annual target.</summary>
public sealed record QuarterlyReportDocument(
    int PlanId,
    int Year,
    int Quarter,
    string OrganisationName,
    string PlanTitle,
    string? DirectorTitle,
    string? DirectorName,
    string? InspectorName,
    IReadOnlyList<QuarterlyReportSection> Sections);

public sealed record QuarterlyReportSection(string Label, string Title, IReadOnlyList<QuarterlyReportRow> Rows);

/// <summary>
/// One row: the annual target, the quarter's actual and the year to date (both by the indicator's
/// roll-up kind), the percentage of the target done so far, and the notes of the quarter's months.
/// </summary>
public sealed record QuarterlyReportRow(
    int IndicatorId,
    string Number,
    string Name,
    string? Unit,
    Measure Measure,
    decimal? AnnualTarget,
    decimal? QuarterActual,
    decimal? YearToDate,
    decimal? PercentOfTarget,
    string? Notes,
    bool IsSubRow)
{
    /// <summary>
    /// The "of which" mark (<see cref="Actuals.OfWhichCheck"/>): a total whose "of which" rows exceed it in the
    /// quarter or the year to date, or an "of which" row above its total; null when the family keeps the rule.
    /// </summary>
    public string? OfWhichMark { get; init; }
}

/// <summary>The words of an exported quarterly report in the reader's language, already formatted.</summary>
public sealed record QuarterlyReportText(
    string Title,
    string NumberColumn,
    string NameColumn,
    string UnitColumn,
    string TargetColumn,
    string QuarterColumn,
    string YearToDateColumn,
    string PercentColumn,
    string NotesColumn,
    string DirectorLine,
    string InspectorLine,
    string PageLabel,
    string SheetName)
{
    /// <summary>The words of each "of which" mark (<see cref="QuarterlyReportRow.OfWhichMark"/>), by its key.</summary>
    public IReadOnlyDictionary<string, string> OfWhichMarks { get; init; } = new Dictionary<string, string>();
}

/// <summary>Writes a quarterly report as .xlsx in the official style of the plan.</summary>
public interface IQuarterlyReportExcelWriter
{
    byte[] Write(QuarterlyReportDocument report, QuarterlyReportText text);
}
