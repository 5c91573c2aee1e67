using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace WorkPlan.Web.Infrastructure;

/// <summary>
/// The absolute session lifetime: the sign-in time is kept in the cookie's properties (which survive
/// sliding renewals and security-stamp refreshes), and a session older than the limit is ended even
/// if it was never idle. Then Identity's security-stamp check runs as usual.
/// </summary>
public static class SessionLifetime
{
    private const string StartedKey = "wp.session_started";

    public static Task StampSessionStart(CookieSigningInContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var clock = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
        context.Properties.Items.TryAdd(StartedKey, clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
        return Task.CompletedTask;
    }

    public static async Task ValidateAsync(CookieValidatePrincipalContext context, TimeSpan absoluteLifetime)
    {
        ArgumentNullException.ThrowIfNull(context);
        var clock = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
        var started = context.Properties.Items.TryGetValue(StartedKey, out var value)
            && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at)
                ? at
                : (DateTimeOffset?)null;
        if (started is null || clock.GetUtcNow() - started > absoluteLifetime)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }

        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }
}
