namespace WorkPlan.Infrastructure;

/// <summary>
/// A clock that starts at a chosen moment and then runs at normal speed: the demo's "today" (3 October
/// 2022) so that the seed plan's year is in progress. Every use of "now" in the app goes through it.
/// Until <see cref="ContinueFrom"/> says when the clock first started (an earlier run of the app), it runs
/// from this process's start.
/// </summary>
public sealed class OffsetTimeProvider(DateTimeOffset start) : TimeProvider
{
    private readonly long _startedAt = System.GetTimestamp();
    private readonly DateTimeOffset _realStart = System.GetUtcNow();
    private long _ranBeforeTicks;

    /// <summary>The moment the clock was configured to start at.</summary>
    public DateTimeOffset Start => start;

    /// <summary>The real moment this process's clock started.</summary>
    public DateTimeOffset RealStart => _realStart;

    /// <summary>
    /// Continues the clock of a run that first started at the real moment <paramref name="firstStartedAt"/>:
    /// the clock reads as if it had run since then, so that it never goes back across restarts and reads
    /// the same on every instance of the app. A first start in the future (the machine's clock was set back)
    /// leaves the clock as it is.
    /// </summary>
    public void ContinueFrom(DateTimeOffset firstStartedAt)
    {
        var ranBefore = _realStart - firstStartedAt;
        Interlocked.Exchange(ref _ranBeforeTicks, Math.Max(0, ranBefore.Ticks));
    }

    public override DateTimeOffset GetUtcNow() =>
        start.ToUniversalTime() + TimeSpan.FromTicks(Interlocked.Read(ref _ranBeforeTicks)) + System.GetElapsedTime(_startedAt);
}
