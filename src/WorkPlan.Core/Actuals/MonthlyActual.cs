using WorkPlan.Core.Plans;

namespace WorkPlan.Core.Actuals;

/// <summary>
/// What a service did for one indicator in one month of the plan's year: its value, its note, or both
/// (a note alone says why there is no value yet). Figures read only the entries that have a value.
/// </summary>
public class MonthlyActual
{
    private MonthlyActual()
    {
    }

    public MonthlyActual(Indicator indicator, int month, decimal? value, string? note, string enteredBy, DateTimeOffset enteredAt)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        ArgumentException.ThrowIfNullOrWhiteSpace(enteredBy);
        Indicator = indicator;
        Month = month;
        Change(value, note, enteredBy, enteredAt);
        EnteredBy = enteredBy;
    }

    public long Id { get; private set; }

    public int IndicatorId { get; private set; }

    public Indicator? Indicator { get; private set; }

    /// <summary>1 = January … 12 = December of the plan's year.</summary>
    public int Month { get; private set; }

    /// <summary>The month's value; null when the entry is a note alone.</summary>
    public decimal? Value { get; private set; }

    public string? Note { get; private set; }

    /// <summary>The user who entered the current value.</summary>
    public string EnteredBy { get; private set; } = string.Empty;

    public DateTimeOffset EnteredAt { get; private set; }

    /// <summary>Row version (PostgreSQL xmin) for optimistic concurrency.</summary>
    public uint Version { get; private set; }

    /// <summary>Whether an entry with this value and note holds anything (else it is removed, not kept empty).</summary>
    public static bool Holds(decimal? value, string? note) => value is not null || !string.IsNullOrWhiteSpace(note);

    /// <summary>Replaces the entry's value and note; the value must suit the indicator's measure (its indicator must be loaded).</summary>
    public void Change(decimal? value, string? note, string enteredBy, DateTimeOffset enteredAt)
    {
        if (!Holds(value, note))
        {
            throw new ArgumentException("An entry holds a value, a note or both.", nameof(value));
        }

        var indicator = Indicator
            ?? throw new InvalidOperationException($"Monthly actual {Id} was loaded without its indicator, whose measure decides which values it may hold.");
        var errors = PlanRules.CheckValue(indicator.ActualsMeasure, value, nameof(Value)).ToList();
        if (errors.Count > 0)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, errors[0].MessageKey);
        }

        Value = value;
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        EnteredBy = enteredBy;
        EnteredAt = enteredAt;
    }
}
