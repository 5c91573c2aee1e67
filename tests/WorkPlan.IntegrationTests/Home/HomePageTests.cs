using Microsoft.EntityFrameworkCore;
using WorkPlan.Core.Reports;
using WorkPlan.IntegrationTests.Infrastructure;

namespace WorkPlan.IntegrationTests.Home;

/// <summary>The home pages answer "what do I have to do now?" on the demo (3 October 2022, September open).</summary>
[Collection(DatabaseTests.Name)]
public sealed class HomePageTests(DatabaseFixture database) : IAsyncLifetime
{
    public Task InitializeAsync() => database.ResetWithDemoRegionAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("boz.direktor")]
    [InlineData("boz.inspektor")]
    public async Task ShowsTheReturnedReportAndItsReason_WhenTheRegionReturnedIt(string userName)
    {
        await using var db = database.CreateContext();
        var boz = await db.Plans.Where(p => p.Organisation!.Code == "boz").Select(p => p.Id).SingleAsync();
        var reason = await db.ReportSubmissions.Where(r => r.PlanId == boz && r.Quarter == 2).Select(r => r.ReturnReason).SingleAsync();

        var page = await Html.ParseAsync(await database.OctoberFactory.CreateClientAs(userName).GetAsync("/"));

        reason.Should().NotBeNullOrWhiteSpace();
        var item = page.QuerySelector(".home-waiting [data-waiting='ReportReturned']")!;
        item.Text().Should().Contain("II chorak hisoboti qaytarildi").And.Contain(reason!);
        item.QuerySelector("a")!.GetAttribute("href").Should().Contain("quarter=2");
    }

    [Fact]
    public async Task SaysNothingWaits_WhenNothingWasReturnedOrSentForApproval()
    {
        var page = await Html.ParseAsync(await database.OctoberFactory.CreateClientAs("baliqchi.inspektor").GetAsync("/"));

        page.QuerySelector(".home-waiting")!.Text().Should().Contain("kutayotgan ish yo'q");
    }

    [Fact]
    public async Task ListsWhoHasNotEnteredThisMonth_ByServiceAndHead_OnTheInspectorsHome()
    {
        var page = await Html.ParseAsync(await database.OctoberFactory.CreateClientAs("xojaobod.inspektor").GetAsync("/"));

        var lines = page.QuerySelectorAll(".not-entered li").Select(li => li.Text()).ToList();
        lines.Should().NotBeEmpty("September is open and nothing is entered yet");
        lines.Should().Contain(l => l.StartsWith("Abonementlarga foydalanuvchilarga xizmat ko'rsatish xizmati (Abonement xizmati rahbari):", StringComparison.Ordinal)
            && l.Contains("tasi kiritilmagan", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PutsWhatWaitsAtTheTopOfTheInbox_WithAStatusBadgeOnEveryLine()
    {
        var page = await Html.ParseAsync(await database.OctoberFactory.CreateClientAs("andijon.direktor").GetAsync("/Reports/Inbox"));

        var rows = page.QuerySelectorAll(".inbox-table tbody tr").ToList();
        rows.Should().NotBeEmpty();
        rows.Select(r => int.Parse(r.GetAttribute("data-urgency")!, System.Globalization.CultureInfo.InvariantCulture)).Should().BeInAscendingOrder();
        rows[0].Text().Should().Contain("Izboskan").And.Contain("II chorak", "Izboskan's second quarter waits for the region's decision");
        rows[0].QuerySelector(".badge[data-status]")!.GetAttribute("data-status").Should().Be(nameof(ReportStatus.Submitted));
        rows.Should().OnlyContain(r => r.QuerySelector(".badge[data-status]") != null);
        rows.Where(r => r.GetAttribute("data-urgency") == "1").Should().Contain(r => r.Text().Contains("Marhamat", StringComparison.Ordinal), "Marhamat never sent its second quarter");
    }

    [Fact]
    public async Task LeadsTheNationalLibraryToTheCountrysPages_AndNoOneElse()
    {
        var national = await Html.ParseAsync(await database.OctoberFactory.CreateClientAs("milliy.direktor").GetAsync("/"));
        national.QuerySelectorAll(".home-country a").Select(a => a.GetAttribute("href"))
            .Should().Equal("/Reports/Inbox", "/NationalConsolidation", "/NationalProgress", "/NationalProgress/Dashboard");
        InboxLink(national).Should().Be("Viloyatlar hisobotlari", "the National Library's inbox holds the regions' reports");

        foreach (var user in new[] { "andijon.direktor", "xojaobod.direktor" })
        {
            var page = await Html.ParseAsync(await database.OctoberFactory.CreateClientAs(user).GetAsync("/"));
            page.QuerySelector(".home-country").Should().BeNull($"{user} does not read the country's pages");
        }

        InboxLink(await Html.ParseAsync(await database.OctoberFactory.CreateClientAs("andijon.direktor").GetAsync("/"))).Should().Be("Tumanlar hisobotlari");
    }

    private static string? InboxLink(AngleSharp.Dom.IDocument page) =>
        page.QuerySelectorAll(".navbar-nav a[href='/Reports/Inbox']").SingleOrDefault()?.TextContent.Trim();
}
