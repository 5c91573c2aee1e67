using WorkPlan.Core.Plans;

namespace WorkPlan.UnitTests.Plans;

public class DueScheduleTests
{
    [Fact]
    public void ExpectsTheMonthsOfTheNamedQuarters_WhenTheDeadlineIsQuarters()
    {
        DueSchedule.Quarters([1]).Months.Should().Equal(1, 2, 3);
        DueSchedule.Quarters([1, 2, 3]).Months.Should().Equal(1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    [Fact]
    public void ExpectsQuarterEnds_WhenTheDeadlineIsEveryQuarter()
    {
        DueSchedule.EveryQuarter().Months.Should().Equal(3, 6, 9, 12);
    }

    [Fact]
    public void ExpectsTheRange_WhenTheDeadlineIsSeptemberToDecember()
    {
        var schedule = DueSchedule.MonthRange(9, 12);

        schedule.Months.Should().Equal(9, 10, 11, 12);
        schedule.IsDue(8).Should().BeFalse();
    }

    [Fact]
    public void ExpectsEveryMonth_WhenTheDeadlineIsMonthlyOrDuringTheYear()
    {
        DueSchedule.Monthly().Months.Should().HaveCount(12);
        DueSchedule.DuringYear().Months.Should().HaveCount(12);
    }

    [Fact]
    public void RefusesImpossibleSchedules()
    {
        FluentActions.Invoking(() => DueSchedule.Quarters([5])).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => DueSchedule.MonthRange(12, 9)).Should().Throw<ArgumentOutOfRangeException>();
    }
}
