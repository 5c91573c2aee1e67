using AngleSharp;
using AngleSharp.Dom;

namespace WorkPlan.IntegrationTests.Infrastructure;

/// <summary>Parses pages the way a browser would, so tests can read cells rather than grep markup.</summary>
public static class Html
{
    public static async Task<IDocument> ParseAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var content = await response.Content.ReadAsStringAsync();
        var context = BrowsingContext.New(Configuration.Default);
        return await context.OpenAsync(request => request.Content(content));
    }

    /// <summary>The element's text with whitespace collapsed and non-breaking spaces as plain spaces.</summary>
    public static string Text(this IElement element)
    {
        ArgumentNullException.ThrowIfNull(element);
        return string.Join(' ', element.TextContent.Replace('\u00A0', ' ').Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }
}
