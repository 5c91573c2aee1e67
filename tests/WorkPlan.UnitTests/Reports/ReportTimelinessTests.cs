using WorkPlan.Core.Reports;

namespace WorkPlan.UnitTests.Reports;

/// <summary>When a quarter's report is due, when it is late, and what its status locks.</summary>
public sealed class ReportTimelinessTests
{
    [Theory]
    [InlineData(1, "2022-04-10")]
    [InlineData(2, "2022-07-10")]
    [InlineData(3, "2022-10-10")]
    [InlineData(4, "2023-01-10")]
    public void IsDueOnTheTenthOfTheMonthAfterTheQuarter(int quarter, string due) =>
        ReportTimeliness.DueDate(2022, quarter).Should().Be(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture));

    [Theory]
    [InlineData("2022-07-10T18:59:00Z", "2022-10-03", false)]
    [InlineData("2022-07-10T19:00:00Z", "2022-10-03", true)]
    [InlineData(null, "2022-07-10", false)]
    [InlineData(null, "2022-07-11", true)]
    public void IsLateWhenSentAfterItsDueDayInTashkent_OrNotSentOnceItHasPassed(string? submittedAt, string today, bool late)
    {
        DateTimeOffset? at = submittedAt is null ? null : DateTimeOffset.Parse(submittedAt, System.Globalization.CultureInfo.InvariantCulture);

        ReportTimeliness.IsLate(new DateOnly(2022, 7, 10), at, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)).Should().Be(late);
    }

    [Theory]
    [InlineData(ReportStatus.Draft, false)]
    [InlineData(ReportStatus.Submitted, true)]
    [InlineData(ReportStatus.Accepted, true)]
    [InlineData(ReportStatus.Returned, false)]
    public void LocksTheQuartersMonthsWhileTheReportIsSent(ReportStatus status, bool locks)
    {
        status.IsSent().Should().Be(locks);
        status.LocksMonths().Should().Be(locks);
    }

    [Theory]
    [InlineData(null, "2022-06-20", Timeliness.NotDue)]
    [InlineData(null, "2022-07-05", Timeliness.Pending)]
    [InlineData(null, "2022-07-11", Timeliness.Overdue)]
    [InlineData(ReportStatus.Draft, "2022-07-11", Timeliness.Overdue)]
    [InlineData(ReportStatus.Submitted, "2022-07-11", Timeliness.OnTime)]
    [InlineData(ReportStatus.Returned, "2022-07-11", Timeliness.Returned)]
    public void SaysWhereAQuartersReportStands(ReportStatus? status, string today, Timeliness expected)
    {
        DateOnly? submitted = status is ReportStatus.Submitted ? new DateOnly(2022, 7, 8) : null;

        ReportTimeliness.Of(2022, 2, status, new DateOnly(2022, 7, 10), submitted, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture))
            .Should().Be(expected);
    }

    [Fact]
    public void CallsAReportSubmittedAfterItsDueDateLate() =>
        ReportTimeliness.Of(2022, 2, ReportStatus.Accepted, new DateOnly(2022, 7, 10), new DateOnly(2022, 7, 19), new DateOnly(2022, 10, 3))
            .Should().Be(Timeliness.Late);
}
