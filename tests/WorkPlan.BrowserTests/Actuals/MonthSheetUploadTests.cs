using System.Text.RegularExpressions;
using WorkPlan.BrowserTests.Infrastructure;
using WorkPlan.BrowserTests.Pages;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace WorkPlan.BrowserTests.Actuals;

/// <summary>
/// The month's sheet through Excel, as a service head does it: "Excelga yuklab olish" on the entry page, the file
/// filled (with ClosedXML, as Excel writes it), "Exceldan yuklash", the preview of what will be saved, "Tasdiqlash
/// va saqlash", and the values on the entry page; a value a colleague saved in the grid between the download and the
/// upload is shown as a conflict naming them, not overwritten. On the app's own clock (<see cref="OwnClockFixture"/>,
/// 2 April 2022) in April, as the Xo'jaobod lending service's head, on rows no other test enters in April (15, 15.1
/// and 22.1 to 22.3; <see cref="KeptEntryTests"/> enters 16 to 21).
/// </summary>
public sealed class MonthSheetUploadTests(OwnClockFixture fixture, ITestOutputHelper output) : OwnClockBrowserTest(fixture, output)
{
    private const int April = 4;

    private static readonly string[] FilledRows = ["22.1", "22.2", "22.3"];

    [Fact]
    public Task SavesTheValuesFilledInTheDownloadedSheet_AfterShowingEachChangeFromTheSavedValueToTheFilesOne() => InBrowserAsync(async () =>
    {
        var (entry, planId) = await OpenAprilAsync();
        await entry.Cell("22.1").FillAsync("12");
        await entry.SaveAsync(expectedCount: 1);
        using var folder = new TempFolder();
        var file = Path.Combine(folder.Path, "aprel.xlsx");

        var download = await entry.DownloadSheetAsync(file);
        (await download.FailureAsync()).Should().BeNull();
        download.SuggestedFilename.Should().EndWith(".xlsx");
        MonthSheetFile.Fill(file, sheet => sheet
            .Value("22.1", 30)
            .Value("22.2", 1450)
            .Value("22.3", 125).Note("22.3", "Maktab o'quvchilariga"));
        var upload = await entry.OpenUploadAsync();
        var preview = await upload.ReadAsync(file);

        await Expect(preview.Changes).ToHaveCountAsync(3); // only the rows the file changes
        await Expect(preview.Conflicts).ToHaveCountAsync(0);
        await Expect(preview.Problems).ToHaveCountAsync(0);
        foreach (var number in FilledRows)
        {
            await Expect(preview.Line(number)).ToHaveClassAsync(new Regex(@"\bupload-change\b"));
            await Expect(preview.Line(number)).ToContainTextAsync("Saqlanadi");
        }

        (await preview.LineTextAsync("22.1")).Should().MatchRegex(@"\b12\s+30\b", "the saved value, then the file's");
        (await preview.LineTextAsync("22.2")).Should().MatchRegex(@"—\s+1 450\b", "nothing saved yet, then the file's");
        (await preview.LineTextAsync("22.3")).Should().Contain("125").And.Contain("Maktab o'quvchilariga");
        await Expect(preview.ConfirmButton).ToHaveTextAsync("Tasdiqlash va saqlash (3)");
        (await entry.KeptEntriesAsync()).Should().Be(0);

        entry = await preview.ConfirmAsync(April);

        await Expect(entry.Message).ToHaveTextAsync("Saqlandi: 3 ta qiymat, 1 ta izoh.");
        await Expect(entry.Cell("22.1")).ToHaveValueAsync("30");
        await Expect(entry.Cell("22.2")).ToHaveValueAsync("1 450");
        await Expect(entry.Cell("22.3")).ToHaveValueAsync("125");
        await Expect(entry.Note("22.3")).ToHaveValueAsync("Maktab o'quvchilariga");
        await entry.GotoAsync(planId, April);
        await Expect(entry.Cell("22.2")).ToHaveValueAsync("1 450");
        await Expect(entry.Cell("22.2")).Not.ToHaveClassAsync(new Regex("is-dirty"));
    });

    [Fact]
    public Task ShowsAValueAColleagueSavedAfterTheDownloadAsAConflictNamingThem_AndSavesTheFilesValueWhenChosen() => InBrowserAsync(async () =>
    {
        var (entry, planId) = await OpenAprilAsync();
        using var folder = new TempFolder();
        var file = Path.Combine(folder.Path, "aprel.xlsx");
        await entry.DownloadSheetAsync(file);
        MonthSheetFile.Fill(file, sheet => sheet.Value("15", 11900).Value("15.1", 40));

        // Meanwhile the centre's inspector saves another value in the same cell, in the grid, from another browser.
        await using (var other = await Fixture.Browser.NewContextAsync(new() { BaseURL = Fixture.BaseUrl }))
        {
            var page = await other.NewPageAsync();
            var login = new LoginPage(page);
            await login.GotoAsync();
            await login.SignInWithRecoveryCodeAsync(DemoAccounts.XojaobodInspector, DemoAccounts.Password, Fixture.NextRecoveryCode(DemoAccounts.XojaobodInspector));
            await new NavBar(page).ExpectSignedInAsAsync(DemoAccounts.XojaobodInspectorName);
            var inspector = new ActualsEntryPage(page);
            await inspector.GotoAsync(planId, April);
            await inspector.Cell("15").FillAsync("12000");
            await inspector.SaveAsync(expectedCount: 1);
        }

        var preview = await (await entry.OpenUploadAsync()).ReadAsync(file);

        await Expect(preview.Line("15")).ToHaveClassAsync(new Regex(@"\bupload-conflict\b"));
        await Expect(preview.Line("15.1")).ToHaveClassAsync(new Regex(@"\bupload-change\b"));
        await Expect(preview.ConflictGroup("15")).ToHaveAccessibleNameAsync(new Regex($"^{Regex.Escape(DemoAccounts.XojaobodInspectorName)} .*boshqa qiymat saqlagan"));
        (await preview.LineTextAsync("15")).Should().Contain("11 900").And.Contain("12 000");
        await Expect(preview.KeepFile("15")).Not.ToBeCheckedAsync();
        await Expect(preview.KeepStored("15")).Not.ToBeCheckedAsync();

        // The choice is made from the keyboard: the radio found by its label, focused, and Space.
        await preview.KeepFile("15").FocusAsync();
        await Page.Keyboard.PressAsync("Space");
        await Expect(preview.KeepFile("15")).ToBeCheckedAsync();
        await Page.Keyboard.PressAsync("ArrowDown");
        await Expect(preview.KeepStored("15")).ToBeCheckedAsync();
        await Expect(preview.KeepStored("15")).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("ArrowUp");
        await Expect(preview.KeepFile("15")).ToBeCheckedAsync();
        entry = await preview.ConfirmAsync(April);

        await Expect(entry.Message).ToHaveTextAsync("Saqlandi: 2 ta qiymat.");
        await Expect(entry.Cell("15")).ToHaveValueAsync("11 900");
        await Expect(entry.Cell("15.1")).ToHaveValueAsync("40");
    });

    [Fact]
    public Task ShowsThePreviewAgainAndSavesNothing_WhenAConflictIsConfirmedWithoutAChoice() => InBrowserAsync(async () =>
    {
        var (entry, planId) = await OpenAprilAsync();
        using var folder = new TempFolder();
        var file = Path.Combine(folder.Path, "aprel.xlsx");
        await entry.DownloadSheetAsync(file);
        MonthSheetFile.Fill(file, sheet => sheet.Value("15.1", 3));

        await using (var other = await Fixture.Browser.NewContextAsync(new() { BaseURL = Fixture.BaseUrl }))
        {
            var page = await other.NewPageAsync();
            var login = new LoginPage(page);
            await login.GotoAsync();
            await login.SignInWithRecoveryCodeAsync(DemoAccounts.XojaobodInspector, DemoAccounts.Password, Fixture.NextRecoveryCode(DemoAccounts.XojaobodInspector));
            var inspector = new ActualsEntryPage(page);
            await inspector.GotoAsync(planId, April);
            await inspector.Cell("15.1").FillAsync("2");
            await inspector.SaveAsync(expectedCount: 1);
        }

        var preview = await (await entry.OpenUploadAsync()).ReadAsync(file);
        await Expect(preview.Line("15.1")).ToHaveClassAsync(new Regex(@"\bupload-conflict\b"));
        await preview.ConfirmButton.ClickAsync();

        await preview.ExpectShownAsync();
        await Expect(preview.Warning).ToContainTextAsync("har biri uchun tanlang. Hech narsa saqlanmadi.");
        await Expect(preview.Line("15.1")).ToHaveClassAsync(new Regex(@"\bupload-conflict\b"));
        await preview.KeepStored("15.1").CheckAsync();
        entry = await preview.ConfirmAsync(April);
        await Expect(entry.Cell("15.1")).ToHaveValueAsync("2");
    });

    private async Task<(ActualsEntryPage Entry, int PlanId)> OpenAprilAsync()
    {
        var planId = await Fixture.GetPlanIdAsync(DemoPlans.XojaobodCode, DemoPlans.Year);
        await SignInAsync(DemoAccounts.XojaobodLendingHead, DemoAccounts.XojaobodLendingHeadName);
        var entry = new ActualsEntryPage(Page);
        await entry.GotoAsync(planId, April);
        await Expect(entry.Cell("15")).ToBeEditableAsync();
        return (entry, planId);
    }

    /// <summary>A folder for the downloaded file, deleted after the test.</summary>
    private sealed class TempFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("workplan-sheet-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
