using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace WorkPlan.BrowserTests.Pages;

/// <summary>A plan document at /Plans/Details/{id}: signature blocks, title and the indicator table.</summary>
public sealed partial class PlanDocumentPage(IPage page)
{
    public ILocator Title => page.Locator("h1.plan-title");

    public ILocator SignatureBlocks => page.Locator(".signature-block");

    /// <summary>The blocks' headings, KELISHILDI and TASDIQLAYMAN.</summary>
    public ILocator SignatureHeadings => SignatureBlocks.Locator(".signature-heading");

    /// <summary>The indicator rows (numbered rows and their sub-rows; not section or "of which" rows).</summary>
    public ILocator Rows => page.Locator("tr[data-number]");

    /// <summary>The plan's id, read from the page's address.</summary>
    public int PlanId => int.Parse(DetailsUrl().Match(page.Url).Groups["id"].Value, CultureInfo.InvariantCulture);

    public static string PathFor(int planId) => $"/Plans/Details/{planId}";

    /// <summary>Navigates to the plan's address and returns the response (its status tells 200 from 404).</summary>
    public static async Task<IResponse?> GotoAsync(IPage page, int planId)
    {
        ArgumentNullException.ThrowIfNull(page);
        return await page.GotoAsync(PathFor(planId));
    }

    public async Task ExpectUrlAsync() => await Expect(page).ToHaveURLAsync(DetailsUrl());

    /// <summary>The rows' numbers as shown (data-number), in document order.</summary>
    public async Task<IReadOnlyList<string>> RowNumbersAsync() =>
        await Rows.EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.number)");

    [GeneratedRegex(@"/Plans/Details/(?<id>\d+)$")]
    private static partial Regex DetailsUrl();
}
