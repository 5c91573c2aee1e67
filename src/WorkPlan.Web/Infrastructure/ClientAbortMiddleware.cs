namespace WorkPlan.Web.Infrastructure;

/// <summary>
/// A request the client gave up on (closed tab, dropped connection, a load tool stopping) is not a
/// server error: its cancellation is logged once at Information and answered 499, instead of a 500
/// with a stack trace from the exception handler.
/// </summary>
public sealed class ClientAbortMiddleware(RequestDelegate next, ILogger<ClientAbortMiddleware> logger)
{
    /// <summary>The status nginx logs for a request closed by the client.</summary>
    public const int ClientClosedRequest = 499;

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            await next(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            logger.LogInformation("Request aborted by the client: {Method} {Path}", context.Request.Method, context.Request.Path.Value);
            if (!context.Response.HasStarted)
            {
                context.Response.StatusCode = ClientClosedRequest;

                // Nobody is there to read an error page.
                if (context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>() is { } pages)
                {
                    pages.Enabled = false;
                }
            }
        }
    }
}
