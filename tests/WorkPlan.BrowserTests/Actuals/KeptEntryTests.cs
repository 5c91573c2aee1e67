using System.Text.Json;
using System.Text.RegularExpressions;
using WorkPlan.BrowserTests.Infrastructure;
using WorkPlan.BrowserTests.Pages;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace WorkPlan.BrowserTests.Actuals;

/// <summary>
/// Typing in the monthly entry grid is never lost: a save that cannot reach the server (the request blocked,
/// or answered 503 as by a restarting server) leaves the page, its values and the browser's copy of them, and
/// offers to retry; a reload before saving puts the kept values back, marked unsaved; values kept for a month
/// that has closed are listed, never posted. On the app's own clock (<see cref="OwnClockFixture"/>, 2 April
/// 2022) in April, a month no other test enters (the quarterly workflow enters and submits January to March),
/// as the Xo'jaobod lending service's head; each test its own rows.
/// </summary>
public sealed class KeptEntryTests(OwnClockFixture fixture, ITestOutputHelper output) : OwnClockBrowserTest(fixture, output)
{
    private const int April = 4;

    private const int May = 5;

    [Fact]
    public Task KeepsTheTypedValuesAndSavesThemOnRetry_WhenTheSaveCannotReachTheServer() => InBrowserAsync(async () =>
    {
        var (entry, planId) = await OpenAsync(April);
        LeaveWithoutAsking();
        await entry.Cell("16").FillAsync("8200");
        await entry.Cell("17").FillAsync("26500");
        await entry.Note("17").FillAsync("Kitob bayrami");

        await Page.RouteAsync(ActualsEntryPage.SaveUrl(), route => route.AbortAsync());
        await entry.SaveButton.ClickAsync();

        await Expect(entry.SaveFailed).ToContainTextAsync("Qiymatlar saqlanmadi");
        await Expect(entry.SaveFailed).ToContainTextAsync("shu brauzerda saqlab qolindi");
        await Expect(entry.RetryButton).ToBeFocusedAsync();
        await Expect(Page).ToHaveURLAsync(new Regex($"month={April}"));
        await Expect(entry.Cell("16")).ToHaveValueAsync("8 200");
        await Expect(entry.Cell("17")).ToHaveValueAsync("26 500");
        await Expect(entry.Note("17")).ToHaveValueAsync("Kitob bayrami");
        await Expect(entry.Cell("16")).ToHaveClassAsync(new Regex("is-dirty"));
        (await entry.KeptEntriesAsync()).Should().Be(1, "the sheet's unsaved values are kept in this browser");

        await Page.UnrouteAsync(ActualsEntryPage.SaveUrl());
        await entry.RetryButton.ClickAsync();

        await Expect(entry.Message).ToHaveTextAsync("Saqlandi: 2 ta qiymat, 1 ta izoh.");
        await Expect(entry.SaveFailed).ToBeHiddenAsync();
        (await entry.KeptEntriesAsync()).Should().Be(0, "a successful save clears what was kept");
        await entry.GotoAsync(planId, April);
        await Expect(entry.Cell("16")).ToHaveValueAsync("8 200");
        await Expect(entry.Cell("17")).ToHaveValueAsync("26 500");
        await Expect(entry.Note("17")).ToHaveValueAsync("Kitob bayrami");
        await Expect(entry.Cell("16")).Not.ToHaveClassAsync(new Regex("is-dirty"));
        await Expect(entry.KeptBanner).ToBeHiddenAsync();
    });

    [Fact]
    public Task KeepsTheTypedValuesThroughAReload_WhenTheServerAnswersTheSaveWithAnError() => InBrowserAsync(async () =>
    {
        var (entry, _) = await OpenAsync(April);
        LeaveWithoutAsking();
        await entry.Cell("19").FillAsync("310");

        await Page.RouteAsync(ActualsEntryPage.SaveUrl(), route => route.FulfillAsync(new() { Status = 503, ContentType = "text/html", Body = "<h1>Service Unavailable</h1>" }));
        await entry.SaveButton.ClickAsync();

        await Expect(entry.SaveFailed).ToContainTextAsync("Qiymatlar saqlanmadi");
        await Expect(entry.Heading).ToContainTextAsync("Oylik ma'lumotlar"); // the sheet stays, not the server's error page
        await Expect(entry.Cell("19")).ToHaveValueAsync("310");

        await Page.ReloadAsync();
        await entry.ExpectMonthAsync(April);
        await Expect(entry.KeptBanner).ToContainTextAsync("1 ta qiymat");
        await Expect(entry.Cell("19")).ToHaveValueAsync("310");
        await Expect(entry.Cell("19")).ToHaveClassAsync(new Regex("is-dirty"));
        await Expect(entry.UnsavedLabel).ToBeVisibleAsync();
    });

    [Fact]
    public Task PutsKeptValuesBackMarkedUnsaved_AfterAReloadWithoutSaving_AndDiscardBringsBackTheSavedOnes() => InBrowserAsync(async () =>
    {
        var (entry, planId) = await OpenAsync(April);
        LeaveWithoutAsking();
        var saved18 = await entry.Cell("18").InputValueAsync();
        await entry.Cell("18").FillAsync("1250");
        await entry.Note("20").FillAsync("Ko'chma kutubxona");

        await Page.ReloadAsync();
        await entry.ExpectMonthAsync(April);

        await Expect(entry.KeptBanner).ToContainTextAsync("2 ta qiymat");
        await Expect(entry.Cell("18")).ToHaveValueAsync("1 250");
        await Expect(entry.Note("20")).ToHaveValueAsync("Ko'chma kutubxona");
        await Expect(entry.Cell("18")).ToHaveClassAsync(new Regex("is-dirty"));
        await Expect(entry.Note("20")).ToHaveClassAsync(new Regex("is-dirty"));
        await Expect(entry.KeptSaveButton).ToBeVisibleAsync();

        await entry.DiscardButton.FocusAsync();
        await Page.Keyboard.PressAsync("Enter");

        await Expect(entry.Cell("18")).ToHaveValueAsync(saved18);
        await Expect(entry.Note("20")).ToHaveValueAsync(string.Empty);
        await Expect(entry.Cell("18")).Not.ToHaveClassAsync(new Regex("is-dirty"));
        (await entry.KeptEntriesAsync()).Should().Be(0);
        await entry.GotoAsync(planId, April);
        await Expect(entry.Cell("18")).ToHaveValueAsync(saved18);
        await Expect(entry.KeptBanner).ToBeHiddenAsync();
    });

    [Fact]
    public Task SaysToSignInAgainAndKeepsTheValues_WhenTheSaveIsRefusedForAnEndedSession() => InBrowserAsync(async () =>
    {
        var (entry, _) = await OpenAsync(April);
        LeaveWithoutAsking();
        await entry.Cell("19").FillAsync("420");

        // What the antiforgery check answers when the form's token no longer belongs to a signed-in session.
        await Page.RouteAsync(ActualsEntryPage.SaveUrl(), route => route.FulfillAsync(new() { Status = 400, ContentType = "text/html", Body = "<h1>Bad Request</h1>" }));
        await entry.SaveButton.ClickAsync();

        await Expect(entry.SaveFailed).ToContainTextAsync("seansingiz tugagan");
        await Expect(entry.SaveFailed.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "Qayta kirish" })).ToHaveAttributeAsync("href", new Regex("/Account/Login\\?returnUrl=%2FActuals", RegexOptions.IgnoreCase));
        await Expect(entry.Cell("19")).ToHaveValueAsync("420");
        (await entry.KeptEntriesAsync()).Should().Be(1);
    });

    [Fact]
    public Task ShowsAConflictInsteadOfOverwriting_WhenAKeptValueWasChangedOnTheServerSinceItWasTyped() => InBrowserAsync(async () =>
    {
        var (entry, planId) = await OpenAsync(April);
        LeaveWithoutAsking();
        await entry.Cell("21").FillAsync("77");

        // Meanwhile the centre's inspector saves another value in the same cell, from another browser.
        await using (var other = await Fixture.Browser.NewContextAsync(new() { BaseURL = Fixture.BaseUrl }))
        {
            var page = await other.NewPageAsync();
            var login = new LoginPage(page);
            await login.GotoAsync();
            await login.SignInWithRecoveryCodeAsync(DemoAccounts.XojaobodInspector, DemoAccounts.Password, Fixture.NextRecoveryCode(DemoAccounts.XojaobodInspector));
            await new NavBar(page).ExpectSignedInAsAsync(DemoAccounts.XojaobodInspectorName);
            var inspector = new ActualsEntryPage(page);
            await inspector.GotoAsync(planId, April);
            await inspector.Cell("21").FillAsync("90");
            await inspector.SaveAsync(expectedCount: 1);
        }

        await Page.ReloadAsync();
        await entry.ExpectMonthAsync(April);
        await Expect(entry.Cell("21")).ToHaveValueAsync("77"); // the kept value, over the version it was typed on
        await entry.KeptSaveButton.ClickAsync();

        await Expect(Page.Locator("main .alert-warning[role='alert']").Filter(new() { HasText = "boshqa foydalanuvchi o'zgartirgan" })).ToBeVisibleAsync();
        await Expect(entry.Row("21").Locator("[data-conflict]")).ToContainTextAsync("90");
        await Expect(entry.Cell("21")).ToHaveValueAsync("77");
        (await entry.KeptEntriesAsync()).Should().Be(1, "the value stays kept until it is really saved");
    });

    [Fact]
    public Task ListsKeptValuesWithoutPostingThem_WhenTheirMonthHasClosed() => InBrowserAsync(async () =>
    {
        var (entry, planId) = await OpenAsync(April);
        var user = await Page.Locator("form[data-entry-grid]").GetAttributeAsync("data-user");
        var indicatorId = await entry.Row("16").Locator("input[name$='.IndicatorId']").GetAttributeAsync("value");
        var kept = JsonSerializer.Serialize(new
        {
            cells = new Dictionary<string, object>
            {
                [indicatorId!] = new { number = "16", value = "8200", note = "Kitob bayrami", version = "", shown = "", shownNote = "" },
            },
        });
        await Page.EvaluateAsync("([key, value]) => localStorage.setItem(key, value)", new[] { $"workplan.entry.v1:{user}:{planId}:{May}", kept });

        await entry.GotoAsync(planId, May); // not started yet: no cell takes an entry

        await Expect(entry.Cells).ToHaveCountAsync(0);
        await Expect(entry.KeptBanner).ToContainTextAsync("oy yopilgan");
        await Expect(entry.KeptList).ToHaveCountAsync(1);
        await Expect(entry.KeptList.First).ToContainTextAsync("16: 8 200");
        await Expect(entry.KeptList.First).ToContainTextAsync("Kitob bayrami");
        await Expect(entry.KeptSaveButton).ToBeHiddenAsync();

        await entry.DiscardButton.ClickAsync();
        (await entry.KeptEntriesAsync()).Should().Be(0);
    });

    /// <summary>Reloading with unsaved values asks first; these tests leave (their values are kept), so they accept.</summary>
    private void LeaveWithoutAsking() => Page.Dialog += async (_, dialog) => await dialog.AcceptAsync();

    private async Task<(ActualsEntryPage Entry, int PlanId)> OpenAsync(int month)
    {
        var planId = await Fixture.GetPlanIdAsync(DemoPlans.XojaobodCode, DemoPlans.Year);
        var login = new LoginPage(Page);
        await login.GotoAsync();
        await login.SignInAsync(DemoAccounts.XojaobodLendingHead, DemoAccounts.Password);
        await new NavBar(Page).ExpectSignedInAsAsync(DemoAccounts.XojaobodLendingHeadName);
        var entry = new ActualsEntryPage(Page);
        await entry.GotoAsync(planId, month);
        if (month == April)
        {
            await Expect(entry.Cell("16")).ToBeEditableAsync();
        }

        return (entry, planId);
    }
}
