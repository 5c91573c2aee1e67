using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace WorkPlan.Web.Infrastructure;

/// <summary>
/// Password guessing slows down before accounts lock: failed sign-in attempts (password, second factor, the
/// current password on the change form) are limited per client address, below the lockout threshold of one
/// account (<see cref="SignInFailureThrottle"/>), and all attempts in total across all addresses. A refused
/// attempt gets 429 with Retry-After, a page in the user's language, and a security log line.
/// </summary>
public static class SignInLimits
{
    private static readonly string[] Paths = ["/Account/Login", "/Account/SecondFactor", "/Account/ChangePassword"];

    public static bool IsSignInAttempt(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return HttpMethods.IsPost(request.Method)
            && Paths.Any(p => request.Path.Equals(p, StringComparison.OrdinalIgnoreCase));
    }

    public static void Register(RateLimiterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
        {
            if (!IsSignInAttempt(context.Request))
            {
                return RateLimitPartition.GetNoLimiter(string.Empty);
            }

            var limits = Limits(context);
            return RateLimitPartition.GetFixedWindowLimiter("all", _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = limits.SignInAttemptsPerMinute,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            });
        });

        options.OnRejected = (context, _) =>
        {
            var http = context.HttpContext;
            if (!IsSignInAttempt(http.Request))
            {
                http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                return ValueTask.CompletedTask;
            }

            var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
                ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
                : 60;
            Refuse(http, seconds);
            return ValueTask.CompletedTask;
        };
    }

    /// <summary>Answers a throttled attempt: 429, Retry-After, the page in the user's language (re-executed), a security log line.</summary>
    public static void Refuse(HttpContext http, int seconds)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SignInLimits))
            .LogWarning("Security: sign-in attempts throttled from {Address} on {Path}, retry after {Seconds} s",
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown", http.Request.Path.Value, seconds);
    }

    private static SecurityOptions Limits(HttpContext context) =>
        context.RequestServices.GetRequiredService<IOptions<SecurityOptions>>().Value;
}
