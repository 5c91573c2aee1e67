using WorkPlan.Core.Plans;

namespace WorkPlan.UnitTests.Plans;

public class DeadlineTextTests
{
    [Fact]
    public void PrintsTheDeadlinesAsThePlansWriteThem()
    {
        DeadlineText.For(DueSchedule.DuringYear(), 2022).Should().Be("2022-yil davomida");
        DeadlineText.For(DueSchedule.Monthly(), 2022).Should().Be("Har oyda");
        DeadlineText.For(DueSchedule.EveryQuarter(), 2022).Should().Be("2022-yil har chorakda");
        DeadlineText.For(DueSchedule.Quarters([1]), 2022).Should().Be("2022 yil I-chorak");
        DeadlineText.For(DueSchedule.Quarters([1, 2, 3]), 2022).Should().Be("2022 yil I-III-chorak");
        DeadlineText.For(DueSchedule.Quarters([3]), 2023).Should().Be("2023 yil III-chorak");
        DeadlineText.For(DueSchedule.MonthRange(9, 12), 2022).Should().Be("2022-yil sentyabr-dekabr");
    }

    [Fact]
    public void FindsTheQuartersOfASchedule_ForThePicker()
    {
        DeadlineText.QuartersOf(DueSchedule.Quarters([1, 3])).Should().Equal(1, 3);
        DeadlineText.QuartersOf(DueSchedule.MonthRange(9, 12)).Should().Equal(3, 4);
    }
}
