using Serilog.Events;
using WorkPlan.Infrastructure.Operations;

namespace WorkPlan.Web.Infrastructure;

/// <summary>
/// Logs a database outage at Error with its exception once, then at most once a minute while requests keep being
/// turned away (saying how many), so that an outage under load is one line a minute, not a stack trace per request.
/// The frameworks' own reports of the same failure (<see cref="IsEcho"/>) are left out of the log.
/// </summary>
public sealed class DatabaseOutageLog(ILogger<DatabaseOutageLog> logger, TimeProvider clock)
{
    /// <summary>The shortest time between two reports.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    private readonly Lock _gate = new();
    private DateTimeOffset? _lastReport;
    private int _turnedAway;

    /// <summary>
    /// Whether a log event is EF's or Data Protection's own report of a database outage (a failed query or save, the
    /// key ring that could not be read), which would repeat the stack trace for every request and every retry. The
    /// exception itself reaches <see cref="DatabaseOutageMiddleware"/>, which reports it here.
    /// </summary>
    public static bool IsEcho(LogEvent logEvent) =>
        logEvent?.Exception is { } exception
        && logEvent.Properties.TryGetValue(Serilog.Core.Constants.SourceContextPropertyName, out var source)
        && source is ScalarValue { Value: string category }
        && (category.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal) || category.StartsWith("Microsoft.AspNetCore.DataProtection", StringComparison.Ordinal))
        && DatabaseOutage.IsOutage(exception);

    public void Report(Exception exception, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        int since;
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            if (_lastReport is { } last && now - last < Interval)
            {
                _turnedAway++;
                return;
            }

            since = _turnedAway;
            _turnedAway = 0;
            _lastReport = now;
        }

        if (since == 0)
        {
            logger.LogError(exception, "The database is unavailable; requests get the outage page (503), first {Method} {Path}", context.Request.Method, context.Request.Path.Value);
        }
        else
        {
            logger.LogError(exception, "The database is still unavailable: {Count} more requests got the outage page (503) since the last report, now {Method} {Path}", since, context.Request.Method, context.Request.Path.Value);
        }
    }
}
