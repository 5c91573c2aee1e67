using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace WorkPlan.Web.Infrastructure;

/// <summary>
/// Failed sign-in attempts per client address within a window (<see cref="SecurityOptions.SignInAttemptsPerAddress"/>,
/// below the lockout threshold of one account): an address that reached the limit is refused until its oldest
/// failure leaves the window, so a guesser is slowed down before the owner is locked out. Only failures count,
/// so that the staff of a centre who sign in from one office address are never held up by signing in. An attempt
/// failed when it answers the form again (200); a success leads on (a redirect). Kept in memory per instance.
/// </summary>
public sealed class SignInFailureThrottle(IOptionsMonitor<SecurityOptions> options)
{
    private const int PruneAbove = 10_000;
    private readonly ConcurrentDictionary<string, Queue<long>> _failures = new(StringComparer.Ordinal);

    /// <summary>How long the address must wait before its next attempt, or null when it may try now.</summary>
    public TimeSpan? RetryAfter(string address)
    {
        if (!_failures.TryGetValue(address, out var times))
        {
            return null;
        }

        var (limit, window) = Limits();
        lock (times)
        {
            Expire(times, window);
            return times.Count >= limit ? window - TimeSpan.FromMilliseconds(Environment.TickCount64 - times.Peek()) : null;
        }
    }

    public void Failed(string address)
    {
        var (_, window) = Limits();
        if (_failures.Count > PruneAbove)
        {
            foreach (var (key, queue) in _failures)
            {
                lock (queue)
                {
                    Expire(queue, window);
                    if (queue.Count == 0)
                    {
                        _failures.TryRemove(key, out _);
                    }
                }
            }
        }

        var times = _failures.GetOrAdd(address, _ => new Queue<long>());
        lock (times)
        {
            Expire(times, window);
            times.Enqueue(Environment.TickCount64);
        }
    }

    private static void Expire(Queue<long> times, TimeSpan window)
    {
        var oldest = Environment.TickCount64 - (long)window.TotalMilliseconds;
        while (times.Count > 0 && times.Peek() <= oldest)
        {
            times.Dequeue();
        }
    }

    private (int Limit, TimeSpan Window) Limits()
    {
        var current = options.CurrentValue;
        return (Math.Max(1, current.SignInAttemptsPerAddress), TimeSpan.FromMinutes(current.SignInAddressWindowMinutes));
    }
}

/// <summary>Applies <see cref="SignInFailureThrottle"/> to the sign-in forms' posts.</summary>
public sealed class SignInFailureThrottleMiddleware(RequestDelegate next, SignInFailureThrottle throttle)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!SignInLimits.IsSignInAttempt(context.Request))
        {
            await next(context);
            return;
        }

        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (throttle.RetryAfter(address) is { } wait)
        {
            SignInLimits.Refuse(context, Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)));
            return;
        }

        await next(context);
        if (context.Response.StatusCode == StatusCodes.Status200OK)
        {
            throttle.Failed(address);
        }
    }
}
