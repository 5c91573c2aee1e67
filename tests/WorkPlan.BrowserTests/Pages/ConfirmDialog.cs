using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace WorkPlan.BrowserTests.Pages;

/// <summary>Buttons that ask <c>confirm()</c> before their form posts (data-confirm, site.js).</summary>
public static class ConfirmDialog
{
    /// <summary>
    /// Clicks the button, accepts the confirmation, and waits until the form's post has been answered with
    /// the page at <paramref name="landingUrl"/> (the step's redirect back to it).
    /// </summary>
    /// <returns>The confirmation's question.</returns>
    public static async Task<string> ClickAndAcceptAsync(IPage page, ILocator button, Regex landingUrl)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(landingUrl);
        var questions = new List<string>();
        var accepting = new List<Task>();
        void Accept(object? sender, IDialog dialog)
        {
            questions.Add(dialog.Type == DialogType.Confirm ? dialog.Message : $"({dialog.Type}) {dialog.Message}");
            accepting.Add(dialog.AcceptAsync());
        }

        page.Dialog += Accept;
        try
        {
            await page.RunAndWaitForResponseAsync(
                () => button.ClickAsync(),
                r => r.Request.IsNavigationRequest && r.Request.Method == "GET" && landingUrl.IsMatch(r.Url));
            await Task.WhenAll(accepting);
        }
        finally
        {
            page.Dialog -= Accept;
        }

        return questions.Should().ContainSingle("the button asks for confirmation once").Subject;
    }
}
