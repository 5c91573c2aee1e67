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

public class DeadlineParseTests
{
    [Theory]
    [InlineData("2022-yil davomida", ScheduleKind.DuringYear, new[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 })]
    [InlineData("Har oyda", ScheduleKind.Monthly, new[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 })]
    [InlineData("2022-yil har chorakda", ScheduleKind.EveryQuarter, new[] { 3, 6, 9, 12 })]
    [InlineData("2022 yil I-chorak", ScheduleKind.Quarters, new[] { 1, 2, 3 })]
    [InlineData("I-III-chorak", ScheduleKind.Quarters, new[] { 1, 2, 3, 4, 5, 6, 7, 8, 9 })]
    [InlineData("2022-yil III-chorak", ScheduleKind.Quarters, new[] { 7, 8, 9 })]
    [InlineData("2022-yil sentyabr-dekabr", ScheduleKind.MonthRange, new[] { 9, 10, 11, 12 })]
    [InlineData("Kelishilgan muddatda", ScheduleKind.DuringYear, new[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 })]
    public void ReadsThePrintedDeadlinesOfTheSeedPlan(string text, ScheduleKind kind, int[] months)
    {
        var schedule = DeadlineText.Parse(text);

        schedule.Kind.Should().Be(kind);
        schedule.Months.Should().Equal(months);
    }

    [Theory]
    [InlineData(1, 3)]
    [InlineData(3, 3)]
    [InlineData(2, 4)]
    public void ReadsBackTheDeadlineItPrints_ForQuarterSchedules(int from, int to)
    {
        var schedule = DueSchedule.Quarters(Enumerable.Range(from, to - from + 1));

        DeadlineText.Parse(DeadlineText.For(schedule, 2023)).Should().Be(schedule);
    }
}
