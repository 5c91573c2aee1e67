namespace WorkPlan.Core.Calendar;

/// <summary>
/// The app's clock is Uzbekistan's (UTC+5, no daylight saving): every "today", every month's window and every
/// date a user reads is in this time, wherever the server runs.
/// </summary>
public static class LocalClock
{
    /// <summary>Uzbekistan's offset from UTC.</summary>
    public static readonly TimeSpan Offset = TimeSpan.FromHours(5);

    /// <summary>The moment as a clock in Tashkent shows it.</summary>
    public static DateTimeOffset ToLocal(DateTimeOffset at) => at.ToOffset(Offset);

    /// <summary>The day it is in Tashkent at the moment.</summary>
    public static DateOnly DateOf(DateTimeOffset at) => DateOnly.FromDateTime(ToLocal(at).DateTime);

    /// <summary>Today in Tashkent, by the app's clock.</summary>
    public static DateOnly Today(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DateOf(clock.GetUtcNow());
    }

    /// <summary>The moment a Tashkent clock shows <paramref name="time"/> on <paramref name="date"/>.</summary>
    public static DateTimeOffset At(DateOnly date, TimeOnly time) => new(date.ToDateTime(time), Offset);

    /// <summary>A Tashkent wall-clock time without an offset (as a setting is written) as a moment.</summary>
    public static DateTimeOffset At(DateTime wallClock) => new(DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified), Offset);
}
