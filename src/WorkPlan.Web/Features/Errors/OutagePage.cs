using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;
using WorkPlan.Web.Infrastructure;

namespace WorkPlan.Web.Features.Errors;

/// <summary>
/// The page a request gets while the database is unavailable: 503 with Retry-After, never cached, and a small
/// self-contained page (no layout, no view, no stylesheet or script to load, nothing that asks for the user or the
/// database) in the user's language. After a form was sent it says that it was not saved and how to get it back.
/// </summary>
public static class OutagePage
{
    /// <summary>When to try again, in seconds (the page says "in a minute").</summary>
    public const int RetryAfterSeconds = 60;

    private const string AnsweredItem = "WorkPlan.OutagePage";

    private const string Style =
        "body{margin:0;background:#f8f9fa;color:#212529;font:1rem/1.5 system-ui,-apple-system,\"Segoe UI\",Roboto,Arial,sans-serif}" +
        "main{max-width:36rem;margin:10vh auto;padding:2rem;background:#fff;border:1px solid #dee2e6;border-radius:.5rem}" +
        "h1{font-size:1.5rem;margin-top:0}a{color:#0d6efd}";

    /// <summary>The page's own policy: nothing may load, only its one inline style applies.</summary>
    public static readonly string ContentSecurityPolicy =
        $"default-src 'none'; style-src 'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Style)))}'; " +
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /// <summary>Whether this request was answered with the outage page.</summary>
    public static bool Answered(HttpContext context) => context?.Items.ContainsKey(AnsweredItem) == true;

    /// <summary>Replaces whatever the response held with the outage page.</summary>
    public static Task WriteAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var body = Render(context);
        var response = context.Response;
        response.Clear();
        context.Items[AnsweredItem] = true;
        if (context.Features.Get<IStatusCodePagesFeature>() is { } statusPages)
        {
            statusPages.Enabled = false;
        }

        response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        response.Headers.CacheControl = "no-store";
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        response.ContentType = "text/html; charset=utf-8";
        return HttpMethods.IsHead(context.Request.Method) ? Task.CompletedTask : response.WriteAsync(body, Encoding.UTF8);
    }

    private static string Render(HttpContext context)
    {
        var culture = CultureFor(context);
        var (ui, current) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = culture;
            var l = context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
            var html = HtmlEncoder.Default;
            var request = context.Request;
            var sent = !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method));
            var page = new StringBuilder()
                .Append("<!DOCTYPE html>\n<html lang=\"").Append(culture.TwoLetterISOLanguageName).Append("\">\n<head>\n")
                .Append("<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .Append("<title>").Append(html.Encode(l["Outage.Title"])).Append(" · ").Append(html.Encode(l["App.Name"])).Append("</title>\n")
                .Append("<style>").Append(Style).Append("</style>\n</head>\n<body>\n<main>\n")
                .Append("<h1>").Append(html.Encode(l["Outage.Title"])).Append("</h1>\n")
                .Append("<p>").Append(html.Encode(l["Outage.Text"])).Append("</p>\n");
            if (sent)
            {
                // A link would open the address afresh, without the form; the browser's Back keeps what was typed.
                page.Append("<p>").Append(html.Encode(l["Outage.NotSaved"])).Append("</p>\n");
            }
            else
            {
                page.Append("<p>").Append(html.Encode(l["Outage.TryAgain"])).Append("</p>\n")
                    .Append("<p><a href=\"").Append(html.Encode(SameAddress(request))).Append("\">").Append(html.Encode(l["Outage.Retry"])).Append("</a></p>\n");
            }

            return page.Append("</main>\n</body>\n</html>\n").ToString();
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, current);
        }
    }

    /// <summary>The language the user chose (query or cookie, as for every page), else Uzbek.</summary>
    private static CultureInfo CultureFor(HttpContext context)
    {
        var chosen = context.Features.Get<IRequestCultureFeature>() is { Provider: not null } feature
            ? feature.RequestCulture.UICulture.Name
            : CookieRequestCultureProvider.ParseCookieValue(context.Request.Cookies[CookieRequestCultureProvider.DefaultCookieName] ?? string.Empty)?.UICultures.FirstOrDefault().Value;
        return Cultures.All.FirstOrDefault(c => string.Equals(c.Name, chosen, StringComparison.OrdinalIgnoreCase)) ?? Cultures.All[0];
    }

    /// <summary>The address asked for, to open again; never one that leaves the site ("//host/...").</summary>
    private static string SameAddress(HttpRequest request)
    {
        var path = (request.PathBase + request.Path).Value;
        return path is null || !path.StartsWith('/') || path.StartsWith("//", StringComparison.Ordinal) || path.StartsWith("/\\", StringComparison.Ordinal)
            ? "/"
            : path + request.QueryString.Value;
    }
}
