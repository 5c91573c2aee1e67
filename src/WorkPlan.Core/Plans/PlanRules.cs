using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
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
    /// Whether a plan has a version in force, which every figure is reported against: it is in force,
    /// or an amendment of it is being written or signed (the version before it stays in force until then).
    /// </summary>
    public static bool HasVersionInForce(PlanStatus status, int versionNumber) => status == PlanStatus.InForce || versionNumber > 1;

    /// <summary><see cref="HasVersionInForce"/> for queries.</summary>
    public static readonly Expression<Func<Plan, bool>> PlansWithVersionInForce = p => p.Status == PlanStatus.InForce || p.VersionNumber > 1;

    /// <summary>An amendment is open: a version is in force and the next one is not yet.</summary>
    public static bool IsAmendmentOpen(PlanStatus status, int versionNumber) => status != PlanStatus.InForce && versionNumber > 1;

    /// <summary>
    /// The rows figures are made of: those of the version in force (a row an open amendment adds is not
    /// one until it comes into force; one it removes still is). Read their <c>InForce…</c> values, not the
    /// draft's. The regional SQL (RegionalFiguresQueries) applies the same rule (<c>in_force</c>).
    /// </summary>
    public static readonly Expression<Func<Indicator, bool>> RowsInForce = i => i.IsInForce;

    /// <summary>The rows of the versions in force (<see cref="RowsInForce"/>), withdrawn ones included: what figures are made of.</summary>
    public static IQueryable<Indicator> InForce(this IQueryable<Indicator> rows) => rows.IgnoreQueryFilters([WithdrawnFilter]).Where(RowsInForce);

    /// <summary>The sections of the versions in force, withdrawn ones included.</summary>
    public static IQueryable<Section> InForce(this IQueryable<Section> sections) => sections.IgnoreQueryFilters([WithdrawnFilter]).Where(s => s.IsInForce);

    /// <summary>Everything the plan holds, what an open amendment withdrew included (bringing into force, discarding).</summary>
    public static IQueryable<T> WithWithdrawn<T>(this IQueryable<T> source)
        where T : class => source.IgnoreQueryFilters([WithdrawnFilter]);

    /// <summary>The name of the query filter that hides what an open amendment withdrew from the draft (editor, document).</summary>
    public const string WithdrawnFilter = "Withdrawn";

    /// <summary>
    /// Whether a row is a one-off task (an inventory done once, "Xatlov", target 1): a one-off state
    /// (rolled up by its maximum) or a target of exactly one piece of work. It expects its value by its
    /// deadline, not every month.
    /// </summary>
    public static bool IsOneOff(decimal? target, RollupKind rollup) => rollup == RollupKind.Max || target == 1;

    /// <summary>
    /// Whether a row expects an actual for a month: it has a target ("-", not planned, expects none) and
    /// its deadline makes the month due: every due month of its schedule ("davomida" and "har oyda": every
    /// month), or, for a one-off task, only the deadline's last month. The regional SQL
    /// (RegionalFiguresQueries.MonthFillAsync) applies the same rule.
    /// </summary>
    public static bool ExpectsActual(decimal? target, DueSchedule schedule, RollupKind rollup, int month)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return target is not null && schedule.IsDue(month) && (!IsOneOff(target, rollup) || month == schedule.DeadlineMonth);
    }

    /// <summary>
    /// Whether a value entered for <paramref name="enteredMonth"/> answers what the row expects for
    /// <paramref name="month"/>: the same month, or, for a one-off task, any month up to its deadline (done early).
    /// </summary>
    public static bool Answers(decimal? target, RollupKind rollup, int month, int enteredMonth) =>
        enteredMonth == month || (IsOneOff(target, rollup) && enteredMonth < month);

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
        public const string BadDirection = "Editor.BadDirection";
    }

    /// <summary>A row or section moves one place at a time: up (-1) or down (1), nothing else.</summary>
    public static bool IsMoveDirection(int direction) => direction is -1 or 1;

    internal static void EnsureMoveDirection(int direction)
    {
        if (!IsMoveDirection(direction))
        {
            throw new ArgumentOutOfRangeException(nameof(direction), direction, "A move is one place up (-1) or down (1).");
        }
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
    /// <summary>A section's label and title within their lengths and visible (the imported sheet's and the editor's alike).</summary>
    public static IReadOnlyList<ValidationError> CheckSectionText(string? label, string? title) =>
        [.. FieldLimits.Check(label, FieldLimits.SectionLabel, "Label", TextKind.Line), .. FieldLimits.Check(title, FieldLimits.SectionTitle, "Title", TextKind.Line)];

    /// <summary>An indicator's texts within their lengths and visible (the imported sheet's and the editor's alike); the name and the mechanism may have several lines.</summary>
    public static IReadOnlyList<ValidationError> CheckIndicatorText(string? number, string? name, string? unit, string? deadline, IEnumerable<string>? mechanism) =>
    [
        .. FieldLimits.Check(number, FieldLimits.IndicatorNumber, "Number", TextKind.Line),
        .. FieldLimits.Check(name, FieldLimits.IndicatorName, "Name", TextKind.Lines),
        .. FieldLimits.Check(unit, FieldLimits.Unit, "Unit", TextKind.Line),
        .. FieldLimits.Check(deadline, FieldLimits.Deadline, "Deadline", TextKind.Lines),
        .. FieldLimits.Check(mechanism is null ? null : string.Join("\n", mechanism), FieldLimits.Mechanism, "Mechanism", TextKind.Lines),
    ];

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
