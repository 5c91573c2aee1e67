using WorkPlan.Core.Plans;

namespace WorkPlan.UnitTests.Plans;

/// <summary>The due calendar: which months a row expects an actual for, and which entered month answers it.</summary>
public class ExpectsActualTests
{
    private static int[] Due(decimal? target, DueSchedule schedule, RollupKind rollup) =>
        [.. Enumerable.Range(1, 12).Where(m => PlanRules.ExpectsActual(target, schedule, rollup, m))];

    [Fact]
    public void ExpectsEveryMonth_WhenADuringTheYearRowIsAFlow()
    {
        Due(105_000, DueSchedule.DuringYear(), RollupKind.Sum).Should().Equal(Enumerable.Range(1, 12));
    }

    [Fact]
    public void ExpectsOnlyTheDeadlinesLastMonth_WhenTheRowIsAnInventoryDoneOnce()
    {
        Due(1, DueSchedule.DuringYear(), RollupKind.Max).Should().Equal(12);
        Due(1, DueSchedule.Quarters([1]), RollupKind.Sum).Should().Equal(3);
        Due(3, DueSchedule.Quarters([3]), RollupKind.Max).Should().Equal(9);
    }

    [Fact]
    public void ExpectsNothing_WhenTheRowIsNotPlanned()
    {
        Due(null, DueSchedule.Monthly(), RollupKind.Sum).Should().BeEmpty();
    }

    [Fact]
    public void ExpectsTheQuartersEnds_WhenTheRowIsQuarterly()
    {
        Due(40, DueSchedule.EveryQuarter(), RollupKind.Sum).Should().Equal(3, 6, 9, 12);
    }

    [Theory]
    [InlineData(1, RollupKind.Max, 12, 6, true)]
    [InlineData(1, RollupKind.Max, 12, 12, true)]
    [InlineData(105_000, RollupKind.Sum, 9, 8, false)]
    [InlineData(105_000, RollupKind.Sum, 9, 9, true)]
    public void AnswersTheExpectation_WhenEnteredThatMonthOrAOneOffEarlier(int target, RollupKind rollup, int month, int entered, bool answers)
    {
        PlanRules.Answers(target, rollup, month, entered).Should().Be(answers);
    }
}
