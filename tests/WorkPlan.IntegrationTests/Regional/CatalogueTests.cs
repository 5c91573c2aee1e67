using System.Net;
using Microsoft.EntityFrameworkCore;
using WorkPlan.IntegrationTests.Infrastructure;

namespace WorkPlan.IntegrationTests.Regional;

/// <summary>The region's template and catalogue, a district's plan made from it, and mapping a plan's rows to its codes.</summary>
[Collection(DatabaseTests.Name)]
public sealed class CatalogueTests(DatabaseFixture database) : IAsyncLifetime
{
    private int _xojaobod;

    public async Task InitializeAsync()
    {
        await database.ResetWithDemoDataAsync();
        await using var db = database.CreateContext();
        _xojaobod = await db.Plans.Where(p => p.Organisation!.Code == "xojaobod").Select(p => p.Id).SingleAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task BuildsTheCatalogueFromADistrictPlan_WithACodePerRow()
    {
        await RegionalFixture.PublishTemplateAsync(database, _xojaobod);

        var page = await Html.ParseAsync(await Region().GetAsync("/Catalogue"));
        var district = await Html.ParseAsync(await database.OctoberFactory.CreateClientAs("asaka.direktor").GetAsync("/Catalogue"));

        page.QuerySelectorAll("tr[data-code]").Select(r => r.GetAttribute("data-code")).Should().HaveCount(55).And.Contain(["K001", "K010", "K010.2", "K042.2"]);
        page.QuerySelectorAll("tr.section-row").Should().HaveCount(4);
        page.QuerySelector(".badge")!.Text().Should().Be("E'lon qilingan");
        district.QuerySelectorAll("tr[data-code]").Should().HaveCount(55, "a district reads its region's published template");
        district.QuerySelector("form[action='/Catalogue/Publish']").Should().BeNull();
    }

    [Fact]
    public async Task FreezesCodesOncePublished_ButStillTakesNewRowsAndNewWords()
    {
        await RegionalFixture.PublishTemplateAsync(database, _xojaobod);
        var item = await ItemAsync("K016");

        var recoded = await SaveItemAsync(item.Id, item.Version, code: "K999", name: item.Name);
        var renamed = await SaveItemAsync(item.Id, item.Version, code: "K016", name: "Kitobxonlar qatnovi");
        var added = await SaveItemAsync(null, 0, code: "K043", name: "Mahalla kutubxonachilari uchun seminarlar");
        var taken = await SaveItemAsync(null, 0, code: "k043", name: "Yana bir qator");

        (await Html.ParseAsync(recoded)).ValidationText().Should().Contain("kodlar o'zgarmaydi");
        renamed.IsRedirectTo("/Catalogue").Should().BeTrue();
        added.IsRedirectTo("/Catalogue").Should().BeTrue();
        (await Html.ParseAsync(taken)).ValidationText().Should().Contain("K043 kodi katalogda bor");
        await using var db = database.CreateContext();
        (await db.TemplateIndicators.Where(i => i.Code == "K016").Select(i => i.Name).SingleAsync()).Should().Be("Kitobxonlar qatnovi");
        (await db.TemplateIndicators.CountAsync()).Should().Be(56);
    }

    [Fact]
    public async Task RefusesAStaleEditAndTheDeletionOfACodeInUse()
    {
        await RegionalFixture.PublishTemplateAsync(database, _xojaobod);
        await RegionalFixture.MapAsSuggestedAsync(database.OctoberFactory.CreateClientAs("xojaobod.inspektor"), _xojaobod);
        var item = await ItemAsync("K016");
        await SaveItemAsync(item.Id, item.Version, code: "K016", name: "Birinchi tahrir");

        var stale = await SaveItemAsync(item.Id, item.Version, code: "K016", name: "Eski formadan");
        var region = Region();
        var inUse = await Forms.PostAsync(region, "/Catalogue", $"/Catalogue/Delete/{item.Id}", new Dictionary<string, string> { ["version"] = (await ItemAsync("K016")).Version.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var notice = await Html.ParseAsync(await region.GetAsync("/Catalogue"));

        (await Html.ParseAsync(stale)).ValidationText().Should().NotBeEmpty();
        inUse.IsRedirectTo("/Catalogue").Should().BeTrue();
        notice.QuerySelector(".alert-danger")!.Text().Should().Contain("K016");
        await using var db = database.CreateContext();
        (await db.TemplateIndicators.Where(i => i.Code == "K016").Select(i => i.Name).SingleAsync()).Should().Be("Birinchi tahrir");
    }

    [Fact]
    public async Task MapsEveryRowOfThePlanItWasBuiltFrom_ByTheSuggestions()
    {
        await RegionalFixture.PublishTemplateAsync(database, _xojaobod);

        var saved = await RegionalFixture.MapAsSuggestedAsync(database.OctoberFactory.CreateClientAs("xojaobod.inspektor"), _xojaobod);

        saved.IsRedirectTo("/Catalogue/Mapping").Should().BeTrue();
        await using var db = database.CreateContext();
        var rows = await db.Indicators.Where(i => i.PlanId == _xojaobod).Select(i => new { i.Number, i.CatalogueCode }).ToListAsync();
        rows.Should().OnlyContain(r => r.CatalogueCode == "K" + (r.Number.Contains('.') ? r.Number.Split('.')[0].PadLeft(3, '0') + "." + r.Number.Split('.')[1] : r.Number.PadLeft(3, '0')));
    }

    [Fact]
    public async Task RefusesUnknownCodesAndACodeGivenToTwoRows_ChangingNothing()
    {
        await RegionalFixture.PublishTemplateAsync(database, _xojaobod);
        var client = database.OctoberFactory.CreateClientAs("xojaobod.inspektor");
        var page = await Html.ParseAsync(await client.GetAsync($"/Catalogue/Mapping?planId={_xojaobod}"));
        var fields = RegionalFixture.Fields(page);
        var unknown = new Dictionary<string, string>(fields) { ["rows[0].Code"] = "ZZZ" };
        var twice = new Dictionary<string, string>(fields) { ["rows[1].Code"] = fields["rows[0].Code"] };

        await Forms.PostAsync(client, $"/Catalogue/Mapping?planId={_xojaobod}", $"/Catalogue/Mapping?planId={_xojaobod}", unknown);
        var unknownNotice = await Html.ParseAsync(await client.GetAsync($"/Catalogue/Mapping?planId={_xojaobod}"));
        await Forms.PostAsync(client, $"/Catalogue/Mapping?planId={_xojaobod}", $"/Catalogue/Mapping?planId={_xojaobod}", twice);
        var twiceNotice = await Html.ParseAsync(await client.GetAsync($"/Catalogue/Mapping?planId={_xojaobod}"));

        unknownNotice.QuerySelector(".alert-danger")!.Text().Should().Contain("ZZZ kodi viloyat katalogida yo'q");
        twiceNotice.QuerySelector(".alert-danger")!.Text().Should().Contain("K001 kodi bir nechta qatorga berilgan: 1, 2");
        await using var db = database.CreateContext();
        (await db.Indicators.CountAsync(i => i.PlanId == _xojaobod && i.CatalogueCode != null)).Should().Be(0);
    }

    [Fact]
    public async Task CreatesADistrictsPlanFromTheTemplate_WithCodesServicesDeadlinesAndLastYearsFacts()
    {
        await RegionalFixture.PublishTemplateAsync(database, _xojaobod);
        await RegionalFixture.MapAsSuggestedAsync(database.OctoberFactory.CreateClientAs("xojaobod.inspektor"), _xojaobod);
        await RegionalFixture.AddActualsAsync(database, _xojaobod, ("16", 1, 8_000), ("16", 2, 9_000), ("15", 1, 12_000), ("15", 12, 12_900));
        var director = database.OctoberFactory.CreateClientAs("xojaobod.direktor");

        var created = await Forms.PostAsync(director, "/Catalogue", "/Catalogue/CreatePlan", new Dictionary<string, string> { ["year"] = "2023" });
        var again = await Forms.PostAsync(director, "/Catalogue", "/Catalogue/CreatePlan", new Dictionary<string, string> { ["year"] = "2023" });

        created.IsRedirectTo("/Plans/Details/").Should().BeTrue();
        again.IsRedirectTo("/Plans").Should().BeTrue();
        await using var db = database.CreateContext();
        var plan = await db.Plans.Where(p => p.Organisation!.Code == "xojaobod" && p.Year == 2023)
            .Select(p => new { p.Status, Sections = p.Sections.Count, Rows = p.Indicators.Select(i => new { i.Number, i.CatalogueCode, i.Target, i.PreviousFact, i.Deadline, Services = i.ResponsibleServices.Count }).ToList() })
            .SingleAsync();
        plan.Sections.Should().Be(4);
        plan.Rows.Should().HaveCount(55).And.OnlyContain(r => r.CatalogueCode != null && r.Target == null && r.Services > 0);
        plan.Rows.Single(r => r.Number == "16").PreviousFact.Should().Be(17_000m, "last year's sum");
        plan.Rows.Single(r => r.Number == "15").PreviousFact.Should().Be(12_900m, "last year's last value");
        plan.Rows.Single(r => r.Number == "16").Deadline.Should().Contain("2023");
    }

    [Fact]
    public async Task KeepsTheCodesInNextYearsPlan()
    {
        await RegionalFixture.PublishTemplateAsync(database, _xojaobod);
        await RegionalFixture.MapAsSuggestedAsync(database.OctoberFactory.CreateClientAs("xojaobod.inspektor"), _xojaobod);

        var next = await Forms.PostAsync(database.OctoberFactory.CreateClientAs("xojaobod.direktor"), $"/Plans/Details/{_xojaobod}", $"/Plans/NextYear/{_xojaobod}", new Dictionary<string, string>());

        next.StatusCode.Should().Be(HttpStatusCode.Redirect);
        await using var db = database.CreateContext();
        (await db.Indicators.CountAsync(i => i.Plan!.Year == 2023 && i.Plan.Organisation!.Code == "xojaobod" && i.CatalogueCode != null)).Should().Be(55);
    }

    private HttpClient Region() => database.OctoberFactory.CreateClientAs("andijon.metodist");

    private async Task<(int Id, uint Version, string Name)> ItemAsync(string code)
    {
        await using var db = database.CreateContext();
        var item = await db.TemplateIndicators.Where(i => i.Code == code).Select(i => new { i.Id, i.Version, i.Name }).SingleAsync();
        return (item.Id, item.Version, item.Name);
    }

    private async Task<HttpResponseMessage> SaveItemAsync(int? id, uint version, string code, string name)
    {
        var url = id is null ? "/Catalogue/Item" : $"/Catalogue/Item/{id}";
        return await Forms.PostAsync(Region(), url, url, new Dictionary<string, string>
        {
            ["Input.Code"] = code,
            ["Input.SectionLabel"] = "II",
            ["Input.SectionTitle"] = "ASOSIY ISHLAB CHIQRISH FAOLIYATI",
            ["Input.Number"] = id is null ? "43" : "16",
            ["Input.Name"] = name,
            ["Input.Unit"] = "Marta",
            ["Input.Measure"] = "Count",
            ["Input.Rollup"] = "Sum",
            ["Input.Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
    }
}
