using WorkPlan.Core.Common;
using WorkPlan.Core.Plans;

namespace WorkPlan.Core.Actuals;

/// <summary>A row of a plan as the "of which" check of its actuals needs it.</summary>
public sealed record OfWhichRow(int Id, int? ParentId, string Number, RollupKind Rollup, bool ChildrenPartition);

/// <summary>A month's value of a row.</summary>
public sealed record MonthFigure(int IndicatorId, int Month, decimal Value);

/// <summary>A period the check looks at: the field its warnings are reported on and its months.</summary>
public sealed record CheckedPeriod(string Field, int FromMonth, int ToMonth);

/// <summary>
/// The "of which" rule of the plan editor (<see cref="PlanRules.CheckActualChildren"/>) applied to actuals:
/// for each period, the parent's and every child's value combined by each row's own roll-up kind.
/// Actuals get warnings, not refusals: a parent and its children are often entered by different services.
/// </summary>
public static class OfWhichCheck
{
    /// <summary>Resource key of the mark on an "of which" row above its total.</summary>
    public const string AboveParent = "Actuals.AboveParent";

    /// <summary>Resource key of the mark on a total whose "of which" rows exceed it.</summary>
    public const string ChildrenExceed = "Actuals.ChildrenExceed";

    /// <summary>The warnings of every parent row that has any, by the parent's id.</summary>
    public static IReadOnlyDictionary<int, IReadOnlyList<ValidationError>> Check(
        IReadOnlyList<OfWhichRow> rows, IReadOnlyList<MonthFigure> figures, IReadOnlyList<CheckedPeriod> periods)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentNullException.ThrowIfNull(periods);
        var byRow = figures.ToLookup(f => f.IndicatorId);
        decimal? ValueOf(OfWhichRow row, CheckedPeriod period) =>
            Rollup.Combine(row.Rollup, byRow[row.Id].Where(f => f.Month >= period.FromMonth && f.Month <= period.ToMonth).Select(f => (f.Month, f.Value)));

        var warnings = new Dictionary<int, IReadOnlyList<ValidationError>>();
        foreach (var parent in rows.Where(r => r.ParentId is null))
        {
            var children = rows.Where(r => r.ParentId == parent.Id).ToList();
            if (children.Count == 0)
            {
                continue;
            }

            var found = periods.SelectMany(p => PlanRules.CheckActualChildren(
                ValueOf(parent, p), [.. children.Select(c => (c.Number, ValueOf(c, p)))], parent.ChildrenPartition, p.Field)).ToList();
            if (found.Count > 0)
            {
                warnings[parent.Id] = found;
            }
        }

        return warnings;
    }

    /// <summary>The rows to mark: each parent with warnings and each child its warnings name as above the total.</summary>
    public static IReadOnlyDictionary<int, string> Marks(IReadOnlyList<OfWhichRow> rows, IReadOnlyDictionary<int, IReadOnlyList<ValidationError>> warnings)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(warnings);
        var marks = new Dictionary<int, string>();
        foreach (var (parentId, found) in warnings)
        {
            marks[parentId] = ChildrenExceed;
            var above = found.Where(e => e.MessageKey == PlanRules.Messages.ChildExceedsParent).Select(e => e.Arguments[0]).OfType<string>().ToHashSet(StringComparer.Ordinal);
            foreach (var child in rows.Where(r => r.ParentId == parentId && above.Contains(r.Number)))
            {
                marks[child.Id] = AboveParent;
            }
        }

        return marks;
    }
}
