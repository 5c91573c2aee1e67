using Serilog.Events;
using WorkPlan.Infrastructure.Operations;
using WorkPlan.Web.Features.Errors;

namespace WorkPlan.Web.Infrastructure;

/// <summary>
/// While the database is unavailable (<see cref="DatabaseOutage"/>, after EF's retries), any request, however far it
/// got (the session lookup in authentication, the account's claims, a controller, a save), is answered with the
/// <see cref="OutagePage"/>: 503, never the error page, which itself would need the database for a signed-in user.
/// Every other exception goes on to the exception handler (/Error, 500).
/// </summary>
public sealed class DatabaseOutageMiddleware(RequestDelegate next, DatabaseOutageLog log)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            await next(context);
        }
        catch (Exception exception) when (!context.Response.HasStarted && DatabaseOutage.IsOutage(exception))
        {
            log.Report(exception, context);
            await OutagePage.WriteAsync(context);
        }
    }

    /// <summary>
    /// The request log's level: an outage page is a Warning line per request (the outage itself is logged at Error
    /// by <see cref="DatabaseOutageLog"/>, rate-limited); other server errors stay Errors.
    /// </summary>
    public static LogEventLevel RequestLogLevel(HttpContext context, double elapsedMilliseconds, Exception? exception)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (OutagePage.Answered(context))
        {
            return LogEventLevel.Warning;
        }

        return exception is not null || context.Response.StatusCode > 499 ? LogEventLevel.Error : LogEventLevel.Information;
    }
}
