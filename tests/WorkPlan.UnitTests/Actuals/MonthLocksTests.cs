using WorkPlan.Core.Actuals;
using WorkPlan.Core.Calendar;
using WorkPlan.Core.Reports;

namespace WorkPlan.UnitTests.Actuals;

/// <summary>Why a month of 2022 is locked, on a given day (Tashkent time), with the window closing on the 5th.</summary>
public class MonthLocksTests
{
    private const int ClosingDay = 5;

    private static DateTimeOffset On(int month, int day) => new(2022, month, day, 10, 0, 0, LocalClock.Offset);

    [Fact]
    public void IsOpen_UntilTheClosingDayOfTheNextMonth()
    {
        MonthLocks.Explain(2022, 9, On(10, 5), ClosingDay, true, null, null).IsOpen.Should().BeTrue();
    }

    [Fact]
    public void SaysTheWindowClosedTheDayAfter_AndThatTheDirectorReopens()
    {
        var state = MonthLocks.Explain(2022, 8, On(10, 3), ClosingDay, true, null, null);

        state.IsOpen.Should().BeFalse();
        state.Lock.Should().Be(new MonthLock(MonthLockReason.WindowClosed, new DateOnly(2022, 9, 6), null, DirectorReopens: true, RegionReturns: false));
    }

    [Fact]
    public void StaysOpenWhileAReopeningLasts_AndCarriesItsReason()
    {
        var reopening = new MonthReopeningLine(On(10, 1), "M.Mo'minova", "Kechikdi", On(10, 8));

        var state = MonthLocks.Explain(2022, 8, On(10, 3), ClosingDay, true, null, reopening);

        state.IsOpen.Should().BeTrue();
        state.Reopening!.Reason.Should().Be("Kechikdi");
    }

    [Fact]
    public void SaysTheReportWasSubmitted_WhenAndByWhom_AndThatTheRegionReturnsIt_EvenBeforeTheWindowCloses()
    {
        var report = new MonthLocks.QuarterReport(ReportStatus.Submitted, On(10, 3), "Inspektor");
        var reopening = new MonthReopeningLine(On(10, 1), "M.Mo'minova", "Kechikdi", On(10, 8));

        var state = MonthLocks.Explain(2022, 9, On(10, 3), ClosingDay, true, report, reopening);

        state.IsOpen.Should().BeFalse("the snapshot and the months must agree");
        state.Lock.Should().Be(new MonthLock(MonthLockReason.ReportSubmitted, new DateOnly(2022, 10, 3), "Inspektor", DirectorReopens: false, RegionReturns: true));
    }

    [Fact]
    public void OpensAgain_WhenTheRegionReturnedTheReport_WithinTheWindow()
    {
        var report = new MonthLocks.QuarterReport(ReportStatus.Returned, On(10, 3), "Inspektor");

        MonthLocks.Explain(2022, 9, On(10, 4), ClosingDay, true, report, null).IsOpen.Should().BeTrue();
    }

    [Theory]
    [InlineData(false, 9, MonthLockReason.PlanNotInForce)]
    [InlineData(true, 11, MonthLockReason.NotStarted)]
    public void SaysWhy_WhenNothingCanBeEnteredYet(bool inForce, int month, MonthLockReason reason)
    {
        MonthLocks.Explain(2022, month, On(10, 3), ClosingDay, inForce, null, null).Lock!.Reason.Should().Be(reason);
    }
}
