using System.Globalization;
using Microsoft.EntityFrameworkCore;
using WorkPlan.Core.Reports;
using WorkPlan.IntegrationTests.Infrastructure;
using WorkPlan.Web.Infrastructure;

namespace WorkPlan.IntegrationTests.Regional;

/// <summary>
/// How the pages of a district and its region speak on the demo (3 October 2022): plurals, the words of a
/// returned report, month names, confirmation before accepting, the app's own validation of reasons.
/// </summary>
[Collection(DatabaseTests.Name)]
public sealed class RegionalPagesWordingTests(DatabaseFixture database) : IAsyncLifetime
{
    public Task InitializeAsync() => database.ResetWithDemoRegionAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData(1, "ru", 0)]
    [InlineData(2, "ru", 1)]
    [InlineData(4, "ru", 1)]
    [InlineData(5, "ru", 2)]
    [InlineData(11, "ru", 2)]
    [InlineData(14, "ru", 2)]
    [InlineData(21, "ru", 0)]
    [InlineData(24, "ru", 1)]
    [InlineData(112, "ru", 2)]
    [InlineData(1, "en", 0)]
    [InlineData(24, "en", 1)]
    [InlineData(24, "uz", 0)]
    public void ChoosesThePluralFormOfACount_ByTheLanguagesRule(int count, string language, int form) =>
        DocumentFormatter.PluralForm(count, language).Should().Be(form);

    [Fact]
    public async Task CountsTheIndicatorsBehindPlanWithTheRightRussianPlural()
    {
        var page = await Html.ParseAsync(await database.OctoberFactory.CreateClientAs("xojaobod.direktor").GetAsync("/?culture=ru-RU"));

        var badge = page.QuerySelectorAll(".badge").Select(b => b.Text()).Single(t => t.StartsWith("Отстают от плана", StringComparison.Ordinal));
        var count = int.Parse(new string([.. badge.Where(char.IsDigit)]), CultureInfo.InvariantCulture);
        var noun = (count % 10, count % 100) switch
        {
            (1, not 11) => "показатель",
            (>= 2 and <= 4, < 12 or > 14) => "показателя",
            _ => "показателей",
        };
        badge.Should().Be($"Отстают от плана: {count} {noun}");
    }

    [Fact]
    public async Task SaysTheReportWasReturned_NotThePlan_WhenTheRegionReturnedAReport()
    {
        var page = await Html.ParseAsync(await database.OctoberFactory.CreateClientAs("boz.direktor").GetAsync($"/Reports/Quarter?planId={await PlanIdAsync("boz")}&quarter=2"));

        var notice = page.QuerySelector(".alert-warning")!.Text();
        notice.Should().StartWith("Hisobot qaytarilgan, sababi:").And.NotContain("Reja");
    }

    [Fact]
    public async Task HeadsTheHeatMapWithMonthNames()
    {
        var page = await Html.ParseAsync(await Region().GetAsync("/Dashboard"));

        page.QuerySelectorAll(".heat-map thead th").Skip(1).Select(th => th.Text())
            .Should().Equal("Yanvar", "Fevral", "Mart", "Aprel", "May", "Iyun", "Iyul", "Avgust");
    }

    [Fact]
    public async Task AsksForConfirmation_BeforeTheRegionAcceptsAReport()
    {
        var page = await Html.ParseAsync(await Region().GetAsync($"/Reports/Quarter?planId={await PlanIdAsync("izboskan")}&quarter=2"));

        var accept = page.QuerySelectorAll("form[action*='/Reports/Accept'] button[type=submit]").Single();
        accept.GetAttribute("data-confirm").Should().Contain("qabul qilinsinmi", "accepting is final, so the button asks once");
    }

    [Fact]
    public async Task LeavesReasonFieldsToTheAppsOwnMessages_NotTheBrowsersEnglishBubble()
    {
        var izboskan = await PlanIdAsync("izboskan");
        var client = Region();
        var page = await Html.ParseAsync(await client.GetAsync($"/Reports/Quarter?planId={izboskan}&quarter=2"));

        var reason = page.QuerySelector("#report-return-reason")!;
        reason.HasAttribute("required").Should().BeFalse("a bare required attribute makes the browser answer in its own language");
        reason.GetAttribute("aria-required").Should().Be("true");
        var returned = await Forms.PostAsync(client, $"/Reports/Quarter?planId={izboskan}&quarter=2", $"/Reports/Return?planId={izboskan}&quarter=2",
            new Dictionary<string, string> { ["reason"] = "" });
        var after = await Html.ParseAsync(await client.GetAsync(returned.Headers.Location!.OriginalString));

        after.QuerySelector(".alert-danger")!.Text().Should().Contain("Sababini yozing.");
        await using var db = database.CreateContext();
        (await db.ReportSubmissions.SingleAsync(r => r.PlanId == izboskan && r.Quarter == 2)).Status.Should().Be(ReportStatus.Submitted);
    }

    [Fact]
    public async Task LeavesNoBareRequiredAttributeOnAPlansReasonFields()
    {
        var page = await Html.ParseAsync(await database.OctoberFactory.CreateClientAs("xojaobod.direktor").GetAsync($"/Plans/Details/{await PlanIdAsync("xojaobod")}"));
        var entry = await Html.ParseAsync(await database.OctoberFactory.CreateClientAs("xojaobod.direktor").GetAsync($"/Actuals?planId={await PlanIdAsync("xojaobod")}&month=8"));

        page.QuerySelectorAll("textarea").Concat(entry.QuerySelectorAll("textarea"))
            .Should().NotBeEmpty().And.OnlyContain(t => !t.HasAttribute("required"));
    }

    private HttpClient Region() => database.OctoberFactory.CreateClientAs("andijon.direktor");

    private async Task<int> PlanIdAsync(string organisation)
    {
        await using var db = database.CreateContext();
        return await db.Plans.Where(p => p.Organisation!.Code == organisation && p.Year == 2022).Select(p => p.Id).SingleAsync();
    }
}
