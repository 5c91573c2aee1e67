using System.Net;
using Microsoft.EntityFrameworkCore;
using WorkPlan.Core.Plans;
using WorkPlan.IntegrationTests.Infrastructure;
using static WorkPlan.IntegrationTests.Catalogue.NationalCatalogueFixture;

namespace WorkPlan.IntegrationTests.Catalogue;

/// <summary>The National Library's indicator catalogue: started from a region's template, edited, published, codes frozen.</summary>
[Collection(DatabaseTests.Name)]
public sealed class NationalCatalogueTests(DatabaseFixture database) : IAsyncLifetime
{
    public async Task InitializeAsync() => await NamanganAsync(database);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task NationalStaffStartTheSetFromARegionsTemplate_AddAnIndicatorAndPublish()
    {
        var director = database.OctoberFactory.CreateClientAs(Director);
        await using (var db = database.CreateContext())
        {
            var andijon = await db.Organisations.Where(o => o.Code == "andijon").Select(o => o.Id).SingleAsync();
            var empty = await Html.ParseAsync(await director.GetAsync("/NationalCatalogue"));
            empty.QuerySelector("select[name=regionId] option")!.GetAttribute("value").Should().Be(andijon.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await Forms.PostAsync(director, "/NationalCatalogue", $"/NationalCatalogue/FromTemplate?regionId={andijon}", new Dictionary<string, string>());
        }

        var added = await SaveItemAsync(director, null, 0, "n900", "Mahalla kutubxonachilari uchun seminarlar");
        var published = await PublishAsync(director);
        var page = await Html.ParseAsync(await database.OctoberFactory.CreateClientAs("andijon.metodist").GetAsync("/NationalCatalogue"));

        added.IsRedirectTo("/NationalCatalogue").Should().BeTrue();
        published.IsRedirectTo("/NationalCatalogue").Should().BeTrue();
        page.QuerySelectorAll("tr[data-code]").Select(r => r.GetAttribute("data-code")).Should().HaveCount(56).And.Contain(["K001", "K010.2", "N900"]);
        page.QuerySelectorAll("tr[data-published=false]").Should().BeEmpty();
        page.QuerySelector("form[action='/NationalCatalogue/Publish']").Should().BeNull("a regional methodologist reads the national set, nothing more");
        await using var check = database.CreateContext();
        (await check.NationalIndicators.CountAsync(n => n.PublishedAt != null)).Should().Be(56);
        (await check.AuditEntries.Where(a => a.EntityType == "NationalCatalogue").Select(a => a.Action).ToListAsync())
            .Should().BeEquivalentTo(["NationalCatalogue.Built", "NationalCatalogue.ItemAdded", "NationalCatalogue.Published"]);
    }

    [Fact]
    public async Task FreezesPublishedCodes_AndRefusesABadCodeOrAStaleFormBesideTheField()
    {
        await PublishFromAndijonAsync(database);
        var client = database.OctoberFactory.CreateClientAs(Methodologist);
        var item = await ItemAsync("K016");

        var recoded = await SaveItemAsync(client, item.Id, item.Version, "K999", item.Name, item.Number, item.Rollup.ToString(), item.SectionLabel);
        var badCode = await SaveItemAsync(client, null, 0, "bad code!", "Yangi ko'rsatkich");
        var taken = await SaveItemAsync(client, null, 0, "k016", "Yangi ko'rsatkich");
        var renamed = await SaveItemAsync(client, item.Id, item.Version, "K016", "Kitobxonlar qatnovi", item.Number, item.Rollup.ToString(), item.SectionLabel);
        var stale = await SaveItemAsync(client, item.Id, item.Version, "K016", "Eski formadan", item.Number, item.Rollup.ToString(), item.SectionLabel);

        (await Html.ParseAsync(recoded)).QuerySelector("[data-valmsg-for='Input.Code']")!.Text().Should().Contain("kodi o'zgarmaydi");
        (await Html.ParseAsync(badCode)).QuerySelector("[data-valmsg-for='Input.Code']")!.Text().Should().Contain("lotin harflari");
        (await Html.ParseAsync(taken)).QuerySelector("[data-valmsg-for='Input.Code']")!.Text().Should().Contain("K016 kodi respublika katalogida bor");
        renamed.IsRedirectTo("/NationalCatalogue").Should().BeTrue();
        (await Html.ParseAsync(stale)).ValidationText().Should().NotBeEmpty();
        await using var db = database.CreateContext();
        (await db.NationalIndicators.Where(n => n.Id == item.Id).Select(n => new { n.Code, n.Name }).SingleAsync()).Should().Be(new { Code = "K016", Name = "Kitobxonlar qatnovi" });
        (await db.NationalIndicators.CountAsync()).Should().Be(55);
    }

    [Fact]
    public async Task RefusesEveryChangeToDistrictStaffAndRegionalStaff()
    {
        await PublishFromAndijonAsync(database);
        var item = await ItemAsync("K016");
        var district = database.OctoberFactory.CreateClientAs("xojaobod.direktor");
        var region = database.OctoberFactory.CreateClientAs("andijon.direktor");
        var token = await Forms.TokenAsync(region, "/NationalCatalogue");

        (await district.GetAsync("/NationalCatalogue")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await region.GetAsync("/NationalCatalogue/Item")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        foreach (var url in new[] { $"/NationalCatalogue/Item/{item.Id}", $"/NationalCatalogue/Delete/{item.Id}", "/NationalCatalogue/Publish" })
        {
            var response = await region.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, ["Input.Code"] = "K016", ["Input.Name"] = "Boshqa nom", ["Input.Number"] = "16",
                ["Input.SectionLabel"] = "I", ["Input.SectionTitle"] = "Bo'lim", ["version"] = item.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            }));
            response.StatusCode.Should().Be(HttpStatusCode.Forbidden, url);
        }

        await using var db = database.CreateContext();
        (await db.NationalIndicators.Where(n => n.Id == item.Id).Select(n => n.Name).SingleAsync()).Should().Be(item.Name);
        (await db.NationalIndicators.CountAsync()).Should().Be(55);
    }

    private async Task<(int Id, string Name, string Number, RollupKind Rollup, string SectionLabel, uint Version)> ItemAsync(string code)
    {
        await using var db = database.CreateContext();
        var item = await db.NationalIndicators.SingleAsync(n => n.Code == code);
        return (item.Id, item.Name, item.Number, item.Rollup, item.SectionLabel, item.Version);
    }
}
