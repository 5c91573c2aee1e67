using WorkPlan.Core.Common;

namespace WorkPlan.Core.Plans;

/// <summary>The rules a plan's numbers obey, written once and used by editing, import and seeding.</summary>
public static class PlanRules
{
    /// <summary>The first and last year a plan may be for.</summary>
    public const int FirstYear = 2000;

    public const int LastYear = 2100;

    public static bool IsPlanYear(int year) => year is >= FirstYear and <= LastYear;

    /// <summary>
    /// Whether a row expects an actual for a month: its deadline makes the month due and it has a target
    /// ("-", not planned, expects none). The regional SQL (RegionalFiguresQueries.MonthFillAsync) applies the same rule.
    /// </summary>
    public static bool ExpectsActual(decimal? target, DueSchedule schedule, int month)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return target is not null && schedule.IsDue(month);
    }

    /// <summary>Resource keys of the messages the rules produce.</summary>
    public static class Messages
    {
        public const string Negative = "Validation.Negative";
        public const string WholeNumber = "Validation.WholeNumber";
        public const string TooManyDecimals = "Validation.TooManyDecimals";
        public const string TooLarge = "Validation.TooLarge";
        public const string NotANumber = "Editor.NotANumber";
        public const string ChildExceedsParent = "Validation.ChildExceedsParent";
        public const string PartitionSum = "Validation.PartitionSum";
    }

    /// <summary>The largest value a plan or actual may hold (numeric(18,2)).</summary>
    public const decimal MaxValue = 9_999_999_999_999_999.99m;

    /// <summary>A value is never negative; counts are whole; so'm have at most two decimals.</summary>
    public static IEnumerable<ValidationError> CheckValue(Measure measure, decimal? value, string field)
    {
        if (value is not { } v)
        {
            yield break;
        }

        if (v < 0)
        {
            yield return new ValidationError(field, Messages.Negative);
        }
        else if (v > MaxValue)
        {
            yield return new ValidationError(field, Messages.TooLarge);
            yield break;
        }

        if (measure == Measure.Count && decimal.Truncate(v) != v)
        {
            yield return new ValidationError(field, Messages.WholeNumber);
        }
        else if (measure == Measure.Money && decimal.Round(v, 2) != v)
        {
            yield return new ValidationError(field, Messages.TooManyDecimals);
        }
    }

    /// <summary>
    /// A value as typed (see <see cref="NumberText"/>), read and checked: not a number, too large, then the
    /// rules of <see cref="CheckValue"/>. No errors means <paramref name="value"/> holds it (null for no value).
    /// </summary>
    public static IReadOnlyList<ValidationError> ReadValue(Measure measure, string? text, string field, out decimal? value)
    {
        switch (NumberText.Read(text, out value))
        {
            case NumberReading.NotANumber:
                return [new ValidationError(field, Messages.NotANumber)];
            case NumberReading.TooLarge:
                return [new ValidationError(field, Messages.TooLarge)];
            default:
                return [.. CheckValue(measure, value, field)];
        }
    }

    /// <summary>
    /// The "of which" rule for one column (fact or target): no child exceeds its parent, and when the
    /// children partition the parent, their sum equals it. A "-" (null) child counts as nothing; a
    /// parent without a value, or children all without values, leave nothing to check.
    /// </summary>
    public static IEnumerable<ValidationError> CheckChildren(
        decimal? parent, IReadOnlyList<(string Number, decimal? Value)> children, bool partition, string field)
    {
        ArgumentNullException.ThrowIfNull(children);
        if (parent is not { } total || children.All(c => c.Value is null))
        {
            yield break;
        }

        foreach (var child in children.Where(c => c.Value > total))
        {
            yield return new ValidationError(field, Messages.ChildExceedsParent, child.Number, child.Value!.Value, total);
        }

        var sum = children.Sum(c => c.Value ?? 0m);
        if (partition && sum != total)
        {
            yield return new ValidationError(field, Messages.PartitionSum, sum, total);
        }
    }

    /// <summary>
    /// The same rule for a period's actuals (a month, a quarter, the year to date): no child above its parent,
    /// and the partition's sum checked once every child has a value, or as soon as it already exceeds the parent.
    /// </summary>
    public static IReadOnlyList<ValidationError> CheckActualChildren(
        decimal? parent, IReadOnlyList<(string Number, decimal? Value)> children, bool partition, string field)
    {
        ArgumentNullException.ThrowIfNull(children);
        var sum = children.Sum(c => c.Value ?? 0m);
        var complete = children.All(c => c.Value is not null);
        return [.. CheckChildren(parent, children, partition && (complete || sum > parent), field)];
    }

    /// <summary>Checks both columns of a parent row against its "of which" rows.</summary>
    public static IReadOnlyList<ValidationError> CheckChildren(Indicator parent, IReadOnlyList<Indicator> children)
    {
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentNullException.ThrowIfNull(children);
        return
        [
            .. CheckChildren(parent.PreviousFact, [.. children.Select(c => (c.Number, c.PreviousFact))], parent.ChildrenPartition, nameof(Indicator.PreviousFact)),
            .. CheckChildren(parent.Target, [.. children.Select(c => (c.Number, c.Target))], parent.ChildrenPartition, nameof(Indicator.Target)),
        ];
    }
}
