using WorkPlan.Core.Calendar;

namespace WorkPlan.UnitTests.Calendar;

/// <summary>The app's clock is Tashkent's (UTC+5), whatever the server's time zone.</summary>
public sealed class LocalClockTests
{
    [Theory]
    [InlineData("2022-10-04T18:59:00Z", "2022-10-04")]
    [InlineData("2022-10-04T19:00:00Z", "2022-10-05")]
    [InlineData("2022-12-31T19:30:00Z", "2023-01-01")]
    public void TheDayChangesAtMidnightInTashkent_NotInUtc(string utc, string tashkentDay)
    {
        var at = DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture);

        LocalClock.DateOf(at).Should().Be(DateOnly.Parse(tashkentDay, System.Globalization.CultureInfo.InvariantCulture));
        LocalClock.Today(new FixedClock(at)).Should().Be(LocalClock.DateOf(at));
    }

    [Fact]
    public void ShowsAMomentAsATashkentClockShowsIt()
    {
        var local = LocalClock.ToLocal(new DateTimeOffset(2022, 10, 4, 9, 3, 0, TimeSpan.Zero));

        (local.Hour, local.Minute, local.Offset).Should().Be((14, 3, TimeSpan.FromHours(5)));
    }

    [Fact]
    public void ReadsAWallClockTimeWithoutAnOffsetAsTashkentTime()
    {
        var at = LocalClock.At(new DateTime(2022, 10, 3, 9, 0, 0, DateTimeKind.Unspecified));

        at.UtcDateTime.Should().Be(new DateTime(2022, 10, 3, 4, 0, 0, DateTimeKind.Utc));
        LocalClock.At(new DateOnly(2022, 10, 3), new TimeOnly(9, 0)).Should().Be(at);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
