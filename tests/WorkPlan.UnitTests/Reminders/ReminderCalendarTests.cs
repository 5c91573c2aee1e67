using WorkPlan.Core.Reminders;
using WorkPlan.Core.Reports;

namespace WorkPlan.UnitTests.Reminders;

/// <summary>When the calendar reminds (months closing on the 5th, three days ahead).</summary>
public class ReminderCalendarTests
{
    [Theory]
    [InlineData("2022-10-01", null)]
    [InlineData("2022-10-02", 9)]
    [InlineData("2022-10-03", 9)]
    [InlineData("2022-10-05", 9)]
    [InlineData("2022-10-06", null)]
    [InlineData("2022-09-20", null)]
    [InlineData("2022-02-03", 1)]
    public void RemindsOfAMonthFromThreeDaysBeforeItClosesToTheClosingDay(string today, int? month)
    {
        ReminderCalendar.MonthClosingSoon(2022, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture), 5, 3).Should().Be(month);
    }

    [Fact]
    public void RemindsOfDecemberInTheNextYear_ForThePlanOfTheYearBefore()
    {
        ReminderCalendar.MonthClosingSoon(2022, new DateOnly(2023, 1, 3), 5, 3).Should().Be(12);
        ReminderCalendar.MonthClosingSoon(2023, new DateOnly(2023, 1, 3), 5, 3).Should().BeNull("January 2023 is not over yet");
    }

    [Theory]
    [InlineData(ReportStatus.Draft, "2022-10-09", null)]
    [InlineData(ReportStatus.Draft, "2022-10-10", ReportReminderKind.DueToday)]
    [InlineData(ReportStatus.Draft, "2022-10-12", ReportReminderKind.Overdue)]
    [InlineData(ReportStatus.Returned, "2022-10-12", ReportReminderKind.Overdue)]
    [InlineData(ReportStatus.Submitted, "2022-10-10", null)]
    [InlineData(ReportStatus.Accepted, "2022-10-12", null)]
    public void RemindsOfAReportOnItsDueDateAndAfterIt_UntilItIsSent(ReportStatus status, string today, ReportReminderKind? kind)
    {
        var day = DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture);
        var standing = QuarterStanding.Of(2022, 3, status, new DateOnly(2022, 10, 10), null, null, day);

        ReminderCalendar.ReportReminder(standing, day).Should().Be(kind);
    }
}
