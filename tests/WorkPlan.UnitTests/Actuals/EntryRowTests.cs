using WorkPlan.Core.Actuals;
using WorkPlan.Core.Plans;

namespace WorkPlan.UnitTests.Actuals;

/// <summary>Whether a row of the entry sheet has answered what it expects for a month (the home page's "entered" count and the to-do list).</summary>
public class EntryRowTests
{
    private static EntryRow Row(decimal? target, RollupKind rollup, params (int Month, decimal Value)[] values)
    {
        var months = Enumerable.Range(1, 12).Select(m => values.Where(v => v.Month == m).Select(v => (decimal?)v.Value).FirstOrDefault()).ToList();
        return new EntryRow(1, "27", "Xatlov", "Xatlov", Measure.Count, rollup, target, false, true, true, months, null, null, null, null, null, false, [], null);
    }

    [Fact]
    public void CountsAOneOffAsAnswered_WhenItWasDoneInAnEarlierMonth()
    {
        Row(1, RollupKind.Max, (7, 1)).IsAnswered(9).Should().BeTrue();
    }

    [Fact]
    public void CountsAFlowAsUnanswered_WhenOnlyAnEarlierMonthHasAValue()
    {
        Row(1200, RollupKind.Sum, (7, 100)).IsAnswered(9).Should().BeFalse();
        Row(1200, RollupKind.Sum, (9, 100)).IsAnswered(9).Should().BeTrue();
    }

    [Fact]
    public void CountsNothingAsAnswered_WhenNoMonthHasAValue()
    {
        Row(1, RollupKind.Max).IsAnswered(12).Should().BeFalse();
    }
}
