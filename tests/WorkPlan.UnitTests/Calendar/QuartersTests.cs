using WorkPlan.Core.Calendar;

namespace WorkPlan.UnitTests.Calendar;

/// <summary>The quarter calendar every page, report and deadline reads.</summary>
public sealed class QuartersTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 1)]
    [InlineData(4, 2)]
    [InlineData(6, 2)]
    [InlineData(7, 3)]
    [InlineData(9, 3)]
    [InlineData(10, 4)]
    [InlineData(12, 4)]
    public void PutsEachMonthInItsQuarter(int month, int quarter) =>
        Quarters.Of(month).Should().Be(quarter);

    [Theory]
    [InlineData(1, new[] { 1, 2, 3 })]
    [InlineData(2, new[] { 4, 5, 6 })]
    [InlineData(3, new[] { 7, 8, 9 })]
    [InlineData(4, new[] { 10, 11, 12 })]
    public void ListsTheThreeMonthsOfAQuarter_FirstToLast(int quarter, int[] months)
    {
        Quarters.Months(quarter).Should().Equal(months);
        Quarters.FirstMonth(quarter).Should().Be(months[0]);
        Quarters.LastMonth(quarter).Should().Be(months[^1]);
    }

    [Theory]
    [InlineData(1, "2022-01-01", "2022-03-31")]
    [InlineData(2, "2022-04-01", "2022-06-30")]
    [InlineData(4, "2022-10-01", "2022-12-31")]
    public void KnowsTheFirstAndLastDayOfAQuarter(int quarter, string first, string last)
    {
        Quarters.FirstDay(2022, quarter).Should().Be(DateOnly.Parse(first, System.Globalization.CultureInfo.InvariantCulture));
        Quarters.LastDay(2022, quarter).Should().Be(DateOnly.Parse(last, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(new[] { 2, 3, 4 }, new[] { 1, 2 })]
    [InlineData(new[] { 12, 1 }, new[] { 1, 4 })]
    [InlineData(new int[0], new int[0])]
    public void NamesEachQuarterThatMonthsTouchOnceInOrder(int[] months, int[] quarters) =>
        Quarters.Touched(months).Should().Equal(quarters);

    [Theory]
    [InlineData(0)]
    [InlineData(13)]
    public void RefusesAMonthOutsideTheYear(int month) =>
        FluentActions.Invoking(() => Quarters.Of(month)).Should().Throw<ArgumentOutOfRangeException>();

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public void RefusesAQuarterOutsideTheYear(int quarter) =>
        FluentActions.Invoking(() => Quarters.Months(quarter)).Should().Throw<ArgumentOutOfRangeException>();

    [Theory]
    [InlineData("2022-03-01", 1, true)]
    [InlineData("2022-02-28", 1, false)]
    [InlineData("2022-09-01", 3, true)]
    [InlineData("2023-01-01", 4, true)]
    [InlineData("2021-12-31", 1, false)]
    public void LetsAQuartersReportBePreparedFromItsLastMonth(string today, int quarter, bool reached) =>
        Quarters.HasReachedLastMonth(2022, quarter, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)).Should().Be(reached);

    [Theory]
    [InlineData("2022-02-10", 1)]
    [InlineData("2022-04-02", 1)]
    [InlineData("2022-07-01", 2)]
    [InlineData("2022-10-03", 3)]
    [InlineData("2022-12-31", 3)]
    [InlineData("2023-01-05", 4)]
    [InlineData("2021-06-01", 1)]
    public void OpensRegionalPagesOnTheLatestEndedQuarter(string today, int quarter) =>
        Quarters.LatestEnded(2022, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)).Should().Be(quarter);
}
