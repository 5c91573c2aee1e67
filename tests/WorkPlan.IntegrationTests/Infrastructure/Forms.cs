using System.Net;
using AngleSharp.Dom;

namespace WorkPlan.IntegrationTests.Infrastructure;

/// <summary>Posts real forms: the page's own antiforgery token, the fields a user would type.</summary>
public static class Forms
{
    public static async Task<string> TokenAsync(HttpClient client, string url)
    {
        ArgumentNullException.ThrowIfNull(client);
        var page = await Html.ParseAsync(await client.GetAsync(url));
        return page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"{url} has no form with an antiforgery token.");
    }

    /// <summary>Opens the form page, then posts the fields with its token.</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string formUrl, string postUrl, IDictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(fields);
        var token = await TokenAsync(client, formUrl);
        var values = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token };
        return await client.PostAsync(postUrl, new FormUrlEncodedContent(values));
    }

    /// <summary>Signs in through the real sign-in page (cookie, lockout and all).</summary>
    public static Task<HttpResponseMessage> SignInAsync(HttpClient client, string userName, string password) =>
        PostAsync(client, "/Account/Login", "/Account/Login", new Dictionary<string, string> { ["UserName"] = userName, ["Password"] = password });

    /// <summary>Switches the client's UI language as a user does (the language form posts a cookie), from the start page.</summary>
    public static async Task<HttpClient> SpeakingAsync(this HttpClient client, string culture)
    {
        var switched = await PostAsync(client, "/", "/Language/Set", new Dictionary<string, string> { ["culture"] = culture, ["returnUrl"] = "/" });
        if (switched.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Switching the language answered {switched.StatusCode}.");
        }

        return client;
    }

    public static bool IsRedirectTo(this HttpResponseMessage response, string path)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found
            && response.Headers.Location?.OriginalString.StartsWith(path, StringComparison.OrdinalIgnoreCase) == true;
    }

    public static string ValidationText(this IDocument page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return string.Join(" | ", page.QuerySelectorAll(".text-danger, .alert-danger").Select(e => e.Text()).Where(t => t.Length > 0));
    }
}
