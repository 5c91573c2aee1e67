using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace WorkPlan.Web.Infrastructure;

/// <summary>
/// Caps every request body by its endpoint before anything reads it: the endpoint's own limit
/// (<c>[RequestSizeLimit]</c>: the plan upload, the sheets) or <see cref="RequestLimits.FormBytes"/>. A body
/// declared bigger is refused at once with 413 and the "too large" page; one that turns out bigger while it is read
/// (no length declared) is cut off by the server at the same limit and answered the same way, never with a 500.
/// </summary>
public sealed class RequestSizeMiddleware(RequestDelegate next, ILogger<RequestSizeMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null)
        {
            // The "too large" page itself, shown for the refused request: it reads no body.
            await next(context);
            return;
        }

        var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? RequestLimits.FormBytes;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }

        if (context.Request.ContentLength > limit)
        {
            Refuse(context, context.Request.ContentLength.Value, limit);
            return;
        }

        try
        {
            await next(context);
        }
        catch (Exception exception) when (IsTooLarge(exception) && !context.Response.HasStarted)
        {
            Refuse(context, null, limit);
        }
    }

    private static bool IsTooLarge(Exception exception) => exception switch
    {
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => true,
        InvalidDataException => true, // a form's value count or length limit
        _ when exception.InnerException is { } inner => IsTooLarge(inner),
        _ => false,
    };

    private void Refuse(HttpContext context, long? declared, long? limit)
    {
        logger.LogWarning("Request body refused as too large: {Method} {Path}, {Declared} bytes declared, limit {Limit}",
            context.Request.Method, context.Request.Path.Value, declared, limit);
        context.Response.Clear();
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        context.Response.Headers.Connection = "close";
    }
}
