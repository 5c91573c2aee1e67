using WorkPlan.Core.Common;
using WorkPlan.Core.Plans;

namespace WorkPlan.Core.Actuals;

/// <summary>
/// The one rule of what a save of the entry sheet writes: only the cells the user changed (against what
/// the page showed), each over the version the page showed; a cell someone else changed meanwhile is a
/// conflict until the user chooses for it (keep mine over the other value shown, or take theirs). An
/// unchanged cell is never a conflict and never written, so a colleague's newer value is never overwritten
/// by the stale one a page still shows.
/// </summary>
public static class CellEdits
{
    /// <summary>What a posted cell asks for.</summary>
    public enum Intent
    {
        /// <summary>Leave the stored cell as it is (unchanged, or the user took the other value).</summary>
        Leave,

        /// <summary>Write the user's value over the version it expects.</summary>
        Write,
    }

    /// <summary>Whether the user changed the cell's value or note from what the page showed (values compared as numbers).</summary>
    public static bool IsEdited(Measure measure, CellInput cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return !SameValue(measure, cell.Text, cell.Shown) || Normalise(cell.Note) != Normalise(cell.ShownNote);
    }

    /// <summary>What the save does with a posted cell: a cell the user took theirs for, or did not change, is left alone.</summary>
    public static Intent IntentOf(Measure measure, CellInput cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return cell.Choice switch
        {
            CellChoice.Theirs => Intent.Leave,
            CellChoice.Mine => Intent.Write,
            _ => IsEdited(measure, cell) ? Intent.Write : Intent.Leave,
        };
    }

    /// <summary>
    /// The row version a written cell may replace: the one the page showed, or after "keep mine" the version
    /// of the other value the conflict showed (none: there was no row). Anything else stored is a conflict.
    /// </summary>
    public static uint? ExpectedVersion(CellInput cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return cell.Choice == CellChoice.Mine ? cell.TheirVersion : cell.Version;
    }

    /// <summary>
    /// What is wrong with a written cell, each problem on its field (<see cref="ActualsService.CellField"/>,
    /// <see cref="ActualsService.NoteField"/>): the value as the row's measure reads it, the note's length and
    /// characters. The grid's save and the Excel upload's preview both ask this.
    /// </summary>
    public static IReadOnlyList<ValidationError> Check(Measure measure, CellInput cell, out decimal? value)
    {
        ArgumentNullException.ThrowIfNull(cell);
        var errors = PlanRules.ReadValue(measure, cell.Text, ActualsService.CellField(cell.IndicatorId), out value).ToList();
        if (cell.Note is { Length: > ActualsService.NoteLength })
        {
            errors.Add(new ValidationError(ActualsService.NoteField(cell.IndicatorId), ActualsService.Messages.NoteTooLong));
        }
        else
        {
            errors.AddRange(VisibleText.Check(cell.Note, TextKind.Lines, ActualsService.NoteField(cell.IndicatorId)));
        }

        return errors;
    }

    /// <summary>Whether writing this value and note changes what is stored (nothing stored: whether they hold anything).</summary>
    public static bool Changes(MonthlyActual? stored, decimal? value, string? note) =>
        stored is null ? MonthlyActual.Holds(value, note) : stored.Value != value || stored.Note != Normalise(note);

    /// <summary>Whether a cell that changes what is stored finds another version there than the one it may replace: a conflict.</summary>
    public static bool Conflicts(MonthlyActual? stored, CellInput cell) => stored?.Version != ExpectedVersion(cell);

    /// <summary>The note as stored: trimmed, none when blank.</summary>
    public static string? Normalise(string? note) => string.IsNullOrWhiteSpace(note) ? null : note.Trim();

    private static bool SameValue(Measure measure, string? typed, string? shown)
    {
        if (Compact(typed) == Compact(shown))
        {
            return true;
        }

        var typedOk = PlanRules.ReadValue(measure, typed, string.Empty, out var typedValue).Count == 0;
        var shownOk = PlanRules.ReadValue(measure, shown, string.Empty, out var shownValue).Count == 0;
        return typedOk && shownOk && typedValue == shownValue;
    }

    private static string Compact(string? text) =>
        new([.. (text ?? string.Empty).Where(c => !char.IsWhiteSpace(c) && c != '\u00A0' && c != '\u202F')]);
}
