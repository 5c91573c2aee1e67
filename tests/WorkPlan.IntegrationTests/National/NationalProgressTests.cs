using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using WorkPlan.Core.Actuals;
using WorkPlan.Core.Calendar;
using WorkPlan.Core.Common;
using WorkPlan.Core.Organisations;
using WorkPlan.Core.Regional;
using WorkPlan.Infrastructure.Data;
using WorkPlan.IntegrationTests.Infrastructure;
using WorkPlan.IntegrationTests.Regional;
using Xunit.Abstractions;
using static WorkPlan.IntegrationTests.Regional.RegionalReportWorld;

namespace WorkPlan.IntegrationTests.National;

/// <summary>
/// The National Library's view of the country on 3 October 2022: two regions (Andijon, the demo's, and Namangan with one
/// district whose plan is fully entered January to June and far ahead of its targets); the regions' consolidated reports
/// against their due dates, the share of districts complete by month, the regions ranked, the districts at risk.
/// </summary>
[Collection(DatabaseTests.Name)]
public sealed class NationalProgressTests(DatabaseFixture database, ITestOutputHelper output) : IAsyncLifetime
{
    private int _andijon;
    private int _namangan;
    private int _popPlan;
    private int _sinovPlan;

    public async Task InitializeAsync()
    {
        _andijon = await BuildAsync(database);
        await using var db = database.CreateContext();
        var namangan = await db.Organisations.SingleAsync(o => o.Code == "namangan");
        _namangan = namangan.Id;
        var andijon = await db.Organisations.SingleAsync(o => o.Id == _andijon);
        var items = await db.TemplateIndicators.AsNoTracking().Where(i => i.Template!.RegionId == _andijon).OrderBy(i => i.SortOrder).ToListAsync();
        _popPlan = await DistrictAsync(db, namangan, "pop", "Pop tumani", items, target: 10, value: 10);
        _sinovPlan = await DistrictAsync(db, andijon, "sinovchi", "Sinovchi tumani", items, target: 100_000, value: 1);

        // Andijon: the first quarter's report accepted on time, the second sent late, the third awaited (due 10 October).
        // Namangan: the first quarter's returned, the second never sent (overdue).
        Report(db, _andijon, 1, new DateOnly(2022, 4, 5), accept: true, returned: false);
        Report(db, _andijon, 2, new DateOnly(2022, 7, 20), accept: false, returned: false);
        Report(db, _namangan, 1, new DateOnly(2022, 4, 8), accept: false, returned: true);
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task TheTimelinessPage_ShowsEachRegionsReportsOnTimeLateAwaitedOverdueOrReturned()
    {
        var page = await PageAsync(NationalDirector, "/NationalProgress?year=2022");

        Quarters(page, "regional-reports-matrix", _andijon).Should().Equal("OnTime", "Late", "Pending", "NotDue");
        Quarters(page, "regional-reports-matrix", _namangan).Should().Equal("Returned", "Overdue", "Pending", "NotDue");
        page.QuerySelector($".regional-reports-matrix tr[data-region='{_andijon}'] td[data-status='Accepted']").Should().NotBeNull("the accepted report says so");
        page.QuerySelector($".regional-reports-matrix tr[data-region='{_andijon}'] a[href*='RegionalReports']")!.GetAttribute("href")
            .Should().Contain($"regionId={_andijon}").And.Contain("quarter=1");
    }

    [Fact]
    public async Task TheTimelinessPage_CountsTheDistrictsCompleteInEachEndedMonth_AsTheRegionalCompletenessPageDoes()
    {
        var page = await PageAsync(NationalDirector, "/NationalProgress?year=2022");

        var namangan = Months(page, _namangan);
        namangan.Keys.Should().Equal(Enumerable.Range(1, 9), "January to September have ended by 3 October");
        namangan.Where(m => m.Key <= 6).Select(m => m.Value).Should().AllBeEquivalentTo((Complete: 1, Expected: 1), "Pop entered every value due January to June");
        namangan.Where(m => m.Key >= 7).Select(m => m.Value).Should().AllBeEquivalentTo((Complete: 0, Expected: 1), "and nothing since");

        // Andijon: the same count of full districts per month as its own completeness page shows.
        var regional = await PageAsync(NationalDirector, $"/Completeness?regionId={_andijon}&year=2022");
        var full = Enumerable.Range(0, 9).Select(i => regional.QuerySelectorAll(".months-matrix tbody tr").Count(r => r.QuerySelectorAll("td")[i].GetAttribute("data-state") == "Full")).ToList();
        var due = Enumerable.Range(0, 9).Select(i => regional.QuerySelectorAll(".months-matrix tbody tr").Count(r => r.QuerySelectorAll("td")[i].GetAttribute("data-state") != "NotDue")).ToList();
        Months(page, _andijon).Values.Should().Equal(full.Zip(due, (f, d) => (f, d)));
        page.QuerySelector($".districts-complete tr[data-region='{_andijon}'] th a")!.GetAttribute("href").Should().Contain($"/Completeness?regionId={_andijon}");
    }

    [Fact]
    public async Task TheNationalDashboard_RanksTheRegionsByExecution_AndListsTheDistrictsAtRiskWithLinksToTheirPlans()
    {
        var page = await PageAsync(NationalDirector, "/NationalProgress/Dashboard?year=2022");

        page.QuerySelectorAll(".region-ranking-links li").Select(l => l.GetAttribute("data-region")).Should()
            .Equal([_namangan.ToString(System.Globalization.CultureInfo.InvariantCulture), _andijon.ToString(System.Globalization.CultureInfo.InvariantCulture)],
                "Namangan's only district is ahead of every target; Andijon has a district far behind");
        var risk = page.QuerySelectorAll(".at-risk tbody tr").Select(r => r.GetAttribute("data-plan")).ToList();
        risk.Should().Contain(_sinovPlan.ToString(System.Globalization.CultureInfo.InvariantCulture)).And.NotContain(_popPlan.ToString(System.Globalization.CultureInfo.InvariantCulture));
        page.QuerySelector($".at-risk tr[data-plan='{_sinovPlan}'] a")!.GetAttribute("href").Should().Be($"/Plans/Details/{_sinovPlan}");
    }

    [Fact]
    public async Task TheNationalDashboard_ShowsAChosenNationalIndicatorInEachRegion_ByTheRegionsMapping()
    {
        await TestUsers.CreateAsync(database, Catalogue.NationalCatalogueFixture.Methodologist, Roles.NationalMethodologist, "national");
        await Catalogue.NationalCatalogueFixture.PublishFromAndijonAsync(database);
        var region = database.OctoberFactory.CreateClientAs("andijon.metodist");
        var mapping = await Html.ParseAsync(await region.GetAsync("/NationalCatalogue/Mapping"));
        await Forms.PostAsync(region, "/NationalCatalogue/Mapping", "/NationalCatalogue/Mapping", RegionalFixture.Fields(mapping));

        var page = await PageAsync(NationalDirector, "/NationalProgress/Dashboard?year=2022&code=K001");
        var regional = await PageAsync(NationalDirector, $"/Dashboard?regionId={_andijon}&year=2022&code=K001");

        page.QuerySelector("select[name='code'] option[selected]")!.GetAttribute("value").Should().Be("K001");
        var andijon = page.QuerySelectorAll($"#across-regions tr[data-region='{_andijon}'] td").Select(td => td.GetAttribute("data-value")).ToList();
        var districts = regional.QuerySelectorAll("#across-table tbody tr").Select(r => r.QuerySelectorAll("td")[0].GetAttribute("data-value")).ToList();
        Decimal(andijon[0]).Should().BePositive();
        Decimal(andijon[0]).Should().Be(districts.Sum(Decimal), "the region's target is its districts' targets added up");
        page.QuerySelector($"#across-regions tr[data-region='{_namangan}']")!.Text().Should().Contain("Bog'lanmagan", "Namangan has not mapped its codes");
    }

    private static decimal Decimal(string? value) => string.IsNullOrEmpty(value) ? 0 : decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task TheRegionPicker_LetsTheNationalLibraryChooseTheRegion_AndARegionalDirectorOnlyTheirOwn()
    {
        foreach (var path in new[] { "/Completeness", "/Dashboard" })
        {
            var national = await PageAsync(NationalDirector, $"{path}?regionId={_namangan}&year=2022");
            var options = national.QuerySelectorAll("select[name='regionId'] option").ToList();
            options.Select(o => o.GetAttribute("value")).Should().Contain([_andijon.ToString(System.Globalization.CultureInfo.InvariantCulture), _namangan.ToString(System.Globalization.CultureInfo.InvariantCulture)], path);
            options.Single(o => o.HasAttribute("selected")).GetAttribute("value").Should().Be(_namangan.ToString(System.Globalization.CultureInfo.InvariantCulture), path);

            var own = await PageAsync("andijon.direktor", $"{path}?year=2022");
            own.QuerySelector("select[name='regionId']").Should().BeNull($"{path}: a regional director sees one region");
            (await database.OctoberFactory.CreateClientAs("andijon.direktor").GetAsync($"{path}?regionId={_namangan}&year=2022")).StatusCode
                .Should().Be(HttpStatusCode.NotFound, $"{path}: another region is out of reach");
        }
    }

    [Fact]
    public async Task TheNationalPages_CostAsManySqlStatementsForThreeRegionsAsForOne()
    {
        string[] pages = ["/NationalProgress?year=2022", "/NationalProgress/Dashboard?year=2022"];
        await database.ResetWithDemoRegionAsync();
        var one = await CountAsync(pages);
        await using (var db = database.CreateContext())
        {
            var national = await db.Organisations.SingleAsync(o => o.Code == "national");
            var andijon = await db.Organisations.Where(o => o.Code == "andijon").Select(o => o.Id).SingleAsync();
            var items = await db.TemplateIndicators.AsNoTracking().Where(i => i.Template!.RegionId == andijon).OrderBy(i => i.SortOrder).ToListAsync();
            foreach (var code in new[] { "qora", "oq" })
            {
                var region = new Organisation(code, OrganisationKind.Regional, $"{code} viloyati", $"{code} v.", national);
                db.Organisations.Add(region);
                await db.SaveChangesAsync();
                await DistrictAsync(db, region, $"{code}-1", $"{code} 1-tumani", items, 50, 5);
                await DistrictAsync(db, region, $"{code}-2", $"{code} 2-tumani", items, 50, 5);
                Report(db, region.Id, 1, new DateOnly(2022, 4, 5), accept: true, returned: false);
            }

            await db.SaveChangesAsync();
        }

        var three = await CountAsync(pages);
        for (var i = 0; i < pages.Length; i++)
        {
            output.WriteLine($"{pages[i]}: {one[i]} SQL statements for 1 region, {three[i]} for 3");
        }

        three.Should().Equal(one, "every region's reports, districts and figures are each one query");
    }

    private Task<int[]> CountAsync(string[] pages) => DatabaseWrites.PageCommandsAsync(database.OctoberFactory, NationalDirector, pages);

    private async Task<IDocument> PageAsync(string user, string path)
    {
        var response = await database.OctoberFactory.CreateClientAs(user).GetAsync(path);
        response.StatusCode.Should().Be(HttpStatusCode.OK, path);
        return await Html.ParseAsync(response);
    }

    private static string?[] Quarters(IDocument page, string table, int regionId) =>
        [.. page.QuerySelectorAll($".{table} tr[data-region='{regionId}'] td").Select(td => td.GetAttribute("data-timeliness"))];

    private static Dictionary<int, (int Complete, int Expected)> Months(IDocument page, int regionId) =>
        page.QuerySelectorAll($".districts-complete tr[data-region='{regionId}'] td[data-month]").ToDictionary(
            td => int.Parse(td.GetAttribute("data-month")!, System.Globalization.CultureInfo.InvariantCulture),
            td => (int.Parse(td.GetAttribute("data-complete")!, System.Globalization.CultureInfo.InvariantCulture), int.Parse(td.GetAttribute("data-expected")!, System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>A district of the region with a 2022 plan in force of the catalogue's rows, each row's value entered every month January to June.</summary>
    private static async Task<int> DistrictAsync(AppDbContext db, Organisation region, string code, string name, IReadOnlyList<WorkPlan.Core.Catalogue.TemplateIndicator> items, decimal target, decimal value)
    {
        var district = new Organisation(code, OrganisationKind.District, name, name, region);
        var service = new ServiceUnit(district, "all", "Barcha xizmatlar", null, 1);
        district.Services.Add(service);
        var plan = RegionalFixture.PlanOfTheCatalogue(district, service, items, $"{name} ish rejasi", target);
        db.Organisations.Add(district);
        db.Plans.Add(plan);
        await db.SaveChangesAsync();
        foreach (var row in plan.Indicators)
        {
            for (var month = 1; month <= 6; month++)
            {
                db.MonthlyActuals.Add(new MonthlyActual(row, month, value, null, "test", DateTimeOffset.UtcNow));
            }
        }

        await db.SaveChangesAsync();
        return plan.Id;
    }

    /// <summary>A region's consolidated report for a quarter of 2022, sent on the day given, then accepted or returned.</summary>
    private static void Report(AppDbContext db, int regionId, int quarter, DateOnly sent, bool accept, bool returned)
    {
        var submission = new RegionalReportSubmission(regionId, 2022, quarter);
        var at = new DateTimeOffset(sent.ToDateTime(new TimeOnly(11, 0)), LocalClock.Offset).ToUniversalTime();
        submission.Submit(new ConsolidationDocument(regionId, "test", 2022, quarter, false, [], [], []), "test", at);
        if (accept)
        {
            submission.Accept(NationalMethodologist, at.AddDays(2));
        }
        else if (returned)
        {
            submission.Return("Raqamlar to'liq emas", NationalMethodologist, at.AddDays(2));
        }

        db.RegionalReportSubmissions.Add(submission);
    }
}
