using WorkPlan.Core.Plans;

namespace WorkPlan.Core.Actuals;

/// <summary>What a service did for one indicator in one month of the plan's year.</summary>
public class MonthlyActual
{
    private MonthlyActual()
    {
    }

    public MonthlyActual(Indicator indicator, int month, decimal value, string? note, string enteredBy, DateTimeOffset enteredAt)
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

    public decimal Value { get; private set; }

    public string? Note { get; private set; }

    /// <summary>The user who entered the current value.</summary>
    public string EnteredBy { get; private set; } = string.Empty;

    public DateTimeOffset EnteredAt { get; private set; }

    /// <summary>Row version (PostgreSQL xmin) for optimistic concurrency.</summary>
    public uint Version { get; private set; }

    public void Change(decimal value, string? note, string enteredBy, DateTimeOffset enteredAt)
    {
        var measure = Indicator?.Measure ?? Measure.Count;
        var errors = PlanRules.CheckValue(measure, value, nameof(Value)).ToList();
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
