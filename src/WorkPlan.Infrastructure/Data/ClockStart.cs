namespace WorkPlan.Infrastructure.Data;

/// <summary>
/// When a configured clock (the demo's "today") first started: the real moment, per configured start. Every
/// later start of the app, on any instance, continues that clock instead of starting it again.
/// </summary>
public sealed class ClockStart(DateTimeOffset configuredStart, DateTimeOffset firstStartedAt)
{
    public DateTimeOffset ConfiguredStart { get; private set; } = configuredStart;

    public DateTimeOffset FirstStartedAt { get; private set; } = firstStartedAt;
}
