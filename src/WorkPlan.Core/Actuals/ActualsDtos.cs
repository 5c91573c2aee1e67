using WorkPlan.Core.Calendar;
using WorkPlan.Core.Common;
using WorkPlan.Core.Plans;

namespace WorkPlan.Core.Actuals;

/// <summary>The monthly entry sheet: one month of one plan, the rows the user answers for (or all, for the director and inspector).</summary>
public sealed record EntrySheet(
    int PlanId,
    int Year,
    string PlanTitle,
    int Month,
    bool IsOpen,
    DateOnly Closes,
    DateTimeOffset? ReopenedUntil,
    bool CanReopen,
    int? ServiceId,
    IReadOnlyList<ServiceChoice> Services,
    IReadOnlyList<EntryRow> Rows)
{
    public bool CanWriteAny => IsOpen && Rows.Any(r => r.CanWrite);

    /// <summary>The last day the month is open: its closing day, or the last day of a reopening that runs longer.</summary>
    public DateOnly OpenUntil => ReopenedUntil is { } until && LocalClock.DateOf(until) > Closes ? LocalClock.DateOf(until) : Closes;
}

public sealed record ServiceChoice(int Id, string Name);

/// <summary>
/// One indicator on the sheet: the annual target, every month's value so far, the chosen month's value
/// (editable when <see cref="CanWrite"/>), the year to date by the indicator's roll-up kind and its share of the target;
/// a total's "of which" warnings (month and year to date), and the mark of a row in a family that breaks the rule.
/// </summary>
public sealed record EntryRow(
    int IndicatorId,
    string Number,
    string Name,
    string? Unit,
    Measure Measure,
    RollupKind Rollup,
    decimal? Target,
    bool IsSubRow,
    bool Due,
    bool CanWrite,
    IReadOnlyList<decimal?> Months,
    decimal? Value,
    string? Note,
    uint? Version,
    decimal? YearToDate,
    decimal? PercentOfTarget,
    bool BehindPlan,
    IReadOnlyList<ValidationError> Warnings,
    string? OfWhichMark)
{
    /// <summary>Whether the row holds a value that answers what it expects for <paramref name="month"/> (a one-off done early counts).</summary>
    public bool IsAnswered(int month) =>
        Enumerable.Range(1, Math.Clamp(month, 0, Months.Count)).Any(k => Months[k - 1] is not null && PlanRules.Answers(Target, Rollup, month, k));
}

/// <summary>
/// A cell as the form sends it: the value as typed (read by <see cref="NumberText"/>; empty or "-" clears it),
/// its note, and what the page showed: the value, the note and the row version the user's edit started from.
/// After a conflict, the user's choice for the cell and the version of the other value the page showed.
/// </summary>
public sealed record CellInput(int IndicatorId, string? Text, string? Note, uint? Version)
{
    /// <summary>The value the page showed in the cell (as text).</summary>
    public string? Shown { get; init; }

    /// <summary>The note the page showed.</summary>
    public string? ShownNote { get; init; }

    /// <summary>What the user chose for a conflicting cell; none until they choose.</summary>
    public CellChoice Choice { get; init; }

    /// <summary>The row version of the other user's value, as the conflict showed it (none when they had removed it).</summary>
    public uint? TheirVersion { get; init; }
}

/// <summary>The user's choice for a cell someone else changed meanwhile.</summary>
public enum CellChoice
{
    /// <summary>Not chosen: the cell stays in conflict and nothing is saved.</summary>
    None,

    /// <summary>Keep mine: my value replaces the other value shown.</summary>
    Mine,

    /// <summary>Take theirs: my value is dropped and theirs stays.</summary>
    Theirs,
}

/// <summary>A cell someone else saved after the page was opened: both values, so the user decides.</summary>
public sealed record CellConflict(int IndicatorId, string Number, decimal? Yours, string? YourNote, decimal? Theirs, string? TheirNote, string? By, DateTimeOffset? At, uint? Version);

/// <summary>How a save ended: how many values and how many notes changed, or the conflicts (then nothing was saved).</summary>
public sealed record SaveOutcome(int Values, int Notes, IReadOnlyList<CellConflict> Conflicts)
{
    public bool HasConflicts => Conflicts.Count > 0;
}

public sealed record ActualChangeLine(DateTimeOffset At, Person By, decimal? ValueBefore, decimal? ValueAfter, string? NoteBefore, string? NoteAfter);

/// <summary>The history of one indicator's value in one month: which indicator (number, name, unit), then each change, newest first.</summary>
public sealed record ValueHistory(string Number, string Name, string? Unit, Measure Measure, int Month, IReadOnlyList<ActualChangeLine> Lines);

/// <summary>A missing entry on a service head's list: a due month without a value.</summary>
public sealed record MissingEntry(int PlanId, int IndicatorId, string Number, string Name, int Month, bool Open);

/// <summary>Completeness of one service in one month: due values entered out of due values.</summary>
public sealed record Completeness(int? ServiceId, string ServiceName, int Month, int Entered, int Due);
