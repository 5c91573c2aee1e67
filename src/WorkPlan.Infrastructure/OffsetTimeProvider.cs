namespace WorkPlan.Infrastructure;

/// <summary>
/// A clock that starts at a chosen moment and then runs at normal speed: the demo's "today" (3 October
/// 2022) so that the seed plan's year is in progress. Every use of "now" in the app goes through it.
/// </summary>
public sealed class OffsetTimeProvider(DateTimeOffset start) : TimeProvider
{
    private readonly long _startedAt = System.GetTimestamp();

    public override DateTimeOffset GetUtcNow() => start.ToUniversalTime() + System.GetElapsedTime(_startedAt);
}
