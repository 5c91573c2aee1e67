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
