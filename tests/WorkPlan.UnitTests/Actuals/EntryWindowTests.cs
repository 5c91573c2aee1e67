using System.Globalization;
using WorkPlan.Core.Actuals;

namespace WorkPlan.UnitTests.Actuals;

/// <summary>A month is open from its first day until the closing day of the next month, in Tashkent's time.</summary>
public sealed class EntryWindowTests
{
    [Theory]
    [InlineData(2022, 9, 5, "2022-10-05")]
    [InlineData(2022, 12, 5, "2023-01-05")]
    [InlineData(2022, 1, 31, "2022-02-28")]
    [InlineData(2022, 1, 0, "2022-02-01")]
    [InlineData(2024, 1, 29, "2024-02-28")]
    public void AMonthClosesOnTheClosingDayOfTheNextMonth_KeptWithinTheFirstTwentyEightDays(int year, int month, int closingDay, string closes) =>
        EntryWindow.Closes(year, month, closingDay).Should().Be(DateOnly.Parse(closes, CultureInfo.InvariantCulture));

    [Theory]
    [InlineData("2022-02-28T18:59:00Z", false)]
    [InlineData("2022-02-28T19:00:00Z", true)]
    [InlineData("2022-03-15T09:00:00Z", true)]
    public void MarchStartsAtMidnightInTashkent(string utc, bool started) =>
        EntryWindow.HasStarted(2022, 3, At(utc)).Should().Be(started);

    [Theory]
    [InlineData("2022-10-05T12:00:00Z", 9)]
    [InlineData("2022-10-05T19:00:00Z", 10)]
    [InlineData("2022-10-03T09:00:00Z", 9)]
    [InlineData("2022-01-03T09:00:00Z", 1)]
    [InlineData("2021-12-31T09:00:00Z", 1)]
    [InlineData("2023-01-03T09:00:00Z", 12)]
    public void TheEntryPageOpensOnLastMonthWhileItIsOpen_ElseOnThisMonth_WithinThePlansYear(string utc, int month) =>
        EntryWindow.DefaultMonth(2022, At(utc), closingDay: 5).Should().Be(month);

    private static DateTimeOffset At(string utc) => DateTimeOffset.Parse(utc, CultureInfo.InvariantCulture);
}
