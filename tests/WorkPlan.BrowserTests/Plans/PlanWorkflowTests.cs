using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using WorkPlan.BrowserTests.Infrastructure;
using WorkPlan.BrowserTests.Pages;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace WorkPlan.BrowserTests.Plans;

/// <summary>
/// A plan's way from draft to force in the browser: the centre edits and submits it, the region agrees
/// (KELISHILDI), the centre's director approves (TASDIQLAYMAN); the signed document is then exported as PDF.
/// Works on the Asaka demo plan, the only draft of the demo data; no other browser test changes or relies on it.
/// </summary>
public sealed partial class PlanWorkflowTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    /// <summary>Uzbekistan's time (UTC+5, no daylight saving), the date the app writes on a signature line.</summary>
    private static readonly TimeSpan TashkentOffset = TimeSpan.FromHours(5);

    private static readonly string[] MonthsGenitive =
        ["yanvar", "fevral", "mart", "aprel", "may", "iyun", "iyul", "avgust", "sentyabr", "oktyabr", "noyabr", "dekabr"];

    private static readonly string Unsigned = $"{DemoPlans.Year} yil \"____\" ________";

    [Fact]
    public Task SignsThePlanInTheBrowser_WhenDirectorSubmitsAndRegionAgreesAndDirectorApproves() => InBrowserAsync(async () =>
    {
        var planId = await Fixture.GetPlanIdAsync(DemoPlans.AsakaCode, DemoPlans.Year);
        var login = new LoginPage(Page);
        var navBar = new NavBar(Page);
        var plans = new PlansPage(Page);

        // 1. The centre's director changes indicator 2's target in the editor and submits the draft.
        await login.GotoAsync();
        await login.SignInAsync(DemoAccounts.AsakaDirector, DemoAccounts.Password);
        await plans.OpenFromMenuAsync();
        var document = await plans.OpenPlanAsync(DemoPlans.AsakaTitle);
        document.PlanId.Should().Be(planId);
        await Expect(document.StatusBadge).ToHaveTextAsync("Loyiha");
        await Expect(document.SignatureDates).ToHaveTextAsync([Unsigned, Unsigned]);
        (await document.TargetTextAsync("2")).Should().Be("60 000");

        var editor = await document.OpenEditorAsync();
        var form = await editor.EditIndicatorAsync("2");
        await form.Target.FillAsync("65 000");
        editor = await form.SaveAsync();
        await Expect(editor.Message).ToHaveTextAsync("Saqlandi.");
        document = await editor.BackToDocumentAsync();
        document.PlanId.Should().Be(planId);
        (await document.TargetTextAsync("2")).Should().Be("65 000");

        (await document.SubmitAsync()).Should().Contain("yuborilsinmi");
        await Expect(document.Error).ToHaveCountAsync(0);
        await Expect(document.Message).ToHaveTextAsync("Reja kelishishga yuborildi.");
        await Expect(document.StatusBadge).ToHaveTextAsync("Kelishishga yuborildi");
        await Expect(document.EditLink).ToHaveCountAsync(0);
        await navBar.SignOutAsync();

        // 2. The regional director finds the plan in the list and agrees it (KELISHILDI).
        var firstSigningDay = TashkentToday();
        await login.SignInAsync(DemoAccounts.AndijonDirector, DemoAccounts.Password);
        await plans.OpenFromMenuAsync();
        await navBar.ExpectSignedInAsAsync(DemoAccounts.AndijonDirectorName);
        document = await plans.OpenPlanAsync(DemoPlans.AsakaTitle);
        document.PlanId.Should().Be(planId);
        await Expect(document.StatusBadge).ToHaveTextAsync("Kelishishga yuborildi");

        (await document.AgreeAsync()).Should().Contain("KELISHILDI");
        await Expect(document.Error).ToHaveCountAsync(0);
        await Expect(document.Message).ToHaveTextAsync("Reja kelishildi.");
        await Expect(document.StatusBadge).ToHaveTextAsync("Kelishildi");
        await Expect(document.SignatureNames.First).ToHaveTextAsync(DemoAccounts.AndijonDirectorName);
        await Expect(document.SignatureDates.Last).ToHaveTextAsync(Unsigned);
        await navBar.SignOutAsync();

        // 3. The centre's director approves it (TASDIQLAYMAN): both lines are dated, the plan is in force and read-only.
        await login.SignInAsync(DemoAccounts.AsakaDirector, DemoAccounts.Password);
        await plans.OpenFromMenuAsync();
        document = await plans.OpenPlanAsync(DemoPlans.AsakaTitle);
        await Expect(document.StatusBadge).ToHaveTextAsync("Kelishildi");

        (await document.ApproveAsync()).Should().Contain("TASDIQLAYMAN");
        await Expect(document.Error).ToHaveCountAsync(0);
        await Expect(document.Message).ToHaveTextAsync("Reja tasdiqlandi.");
        await Expect(document.StatusBadge).ToHaveTextAsync("Kuchda");
        await Expect(document.SignatureNames).ToHaveTextAsync([DemoAccounts.AndijonDirectorName, DemoAccounts.AsakaDirectorName]);
        var signingDays = SignatureDateLines(firstSigningDay, TashkentToday());
        var dates = (await document.SignatureDates.AllInnerTextsAsync()).Select(d => d.Trim()).ToList();
        dates.Should().HaveCount(2).And.OnlyContain(
            d => signingDays.Contains(d), $"both lines carry the day of signing in Tashkent ({string.Join(" or ", signingDays)})");
        await Expect(document.EditLink).ToHaveCountAsync(0);
        await Expect(document.SubmitButton).ToHaveCountAsync(0);
        await Expect(document.ApproveButton).ToHaveCountAsync(0);
        (await document.TargetTextAsync("2")).Should().Be("65 000");

        // 4. The PDF is the signed document: both headings, both dates as on the page, the title and the new target.
        var pdfPath = Path.Combine(Path.GetTempPath(), $"workplan-browser-{Guid.NewGuid():N}.pdf");
        try
        {
            var download = await document.DownloadPdfAsync(pdfPath);
            (await download.FailureAsync()).Should().BeNull();
            download.SuggestedFilename.Should().EndWith(".pdf");
            (await File.ReadAllBytesAsync(pdfPath)).Take(5).Should().Equal(Encoding.ASCII.GetBytes("%PDF-"));

            var text = await PdfText.ReadAsync(pdfPath);
            var plain = Spaces().Replace(PlanDocumentPage.PlainSpaces(text), " ");
            plain.Should().Contain("KELISHILDI").And.Contain("TASDIQLAYMAN")
                .And.Contain(dates[0]).And.Contain(dates[1])
                .And.Contain(DemoPlans.AsakaTitle)
                .And.Contain("65 000");
        }
        finally
        {
            File.Delete(pdfPath);
        }
    });

    /// <summary>"Today" in Tashkent by the app's clock: demo mode starts it on 3 October 2022 and lets it run.</summary>
    private static DateOnly TashkentToday() =>
        DateOnly.FromDateTime((WorkPlan.Infrastructure.DependencyInjection.DemoToday + (DateTime.UtcNow - StartedAt)).UtcDateTime + TashkentOffset);

    private static readonly DateTime StartedAt = DateTime.UtcNow;

    /// <summary>The date lines a signature made between the two days may carry: 2022 yil "3" oktyabr.</summary>
    private static HashSet<string> SignatureDateLines(DateOnly from, DateOnly to)
    {
        var lines = new HashSet<string>(StringComparer.Ordinal);
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"{day.Year} yil \"{day.Day}\" {MonthsGenitive[day.Month - 1]}"));
        }

        return lines;
    }

    /// <summary>Runs of white space (pdftotext's layout columns and line breaks).</summary>
    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
