using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using WorkPlan.Web.Infrastructure;

namespace WorkPlan.Web.Features.Language;

/// <summary>Remembers the user's language in a cookie (and, for a signed-in user, on their account) and returns to the page they were on (also before sign-in).</summary>
[AllowAnonymous]
public sealed class LanguageController : Controller
{
    [HttpPost]
    public async Task<IActionResult> Set(string culture, string? returnUrl, [FromServices] WorkPlan.Core.Notifications.NotificationService notifications, CancellationToken cancellationToken)
    {
        if (Cultures.All.FirstOrDefault(c => c.Name == culture) is { } chosen)
        {
            Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions
                {
                    Expires = DateTimeOffset.UtcNow.AddYears(1),
                    IsEssential = true,
                    HttpOnly = true,
                    SameSite = SameSiteMode.Lax,
                    Secure = Request.IsHttps,
                });

            // A signed-in user's emails are written in the language they last chose.
            await notifications.RememberLanguageAsync(chosen.TwoLetterISOLanguageName, cancellationToken);
        }

        return LocalRedirect(ReturnUrls.Safe(Url, returnUrl));
    }
}
