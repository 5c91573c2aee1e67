using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using WorkPlan.Core.Catalogue;
using WorkPlan.IntegrationTests.Infrastructure;
using WorkPlan.IntegrationTests.Regional;
using static WorkPlan.IntegrationTests.Catalogue.NationalCatalogueFixture;

namespace WorkPlan.IntegrationTests.Catalogue;

/// <summary>A region mapping its catalogue's codes to the national ones: suggestions, refusals, who may read and change it.</summary>
[Collection(DatabaseTests.Name)]
public sealed class NationalMappingTests(DatabaseFixture database) : IAsyncLifetime
{
    private int _namangan;
    private int _andijon;

    public async Task InitializeAsync()
    {
        _namangan = await NamanganAsync(database);
        await PublishFromAndijonAsync(database);
        await using var db = database.CreateContext();
        _andijon = await db.Organisations.Where(o => o.Code == "andijon").Select(o => o.Id).SingleAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task RegionalMethodologistMapsEveryCode_ByTheSuggestions_EvenWithOtherApostrophesAndNumbers()
    {
        // The national K016 written with other apostrophes, in capitals and under another number: still found by its name.
        var client = database.OctoberFactory.CreateClientAs(Methodologist);
        var k016 = await NationalAsync("K016");
        var spelled = k016.Name.Replace('\'', 'ʻ').ToUpperInvariant();
        (await SaveItemAsync(client, k016.Id, k016.Version, "K016", spelled, "99", k016.Rollup, k016.SectionLabel)).IsRedirectTo("/NationalCatalogue").Should().BeTrue();
        var region = database.OctoberFactory.CreateClientAs("andijon.metodist");

        var page = await Html.ParseAsync(await region.GetAsync("/NationalCatalogue/Mapping"));
        var saved = await Forms.PostAsync(region, "/NationalCatalogue/Mapping", "/NationalCatalogue/Mapping", RegionalFixture.Fields(page));

        page.QuerySelector("tr[data-code='K016'] [data-suggested]")!.GetAttribute("data-suggested").Should().Be("K016");
        page.QuerySelector("tr[data-code='K016'] [data-suggested]")!.Text().Should().Contain("nomi bo'yicha");
        page.QuerySelectorAll("tr[data-code] [data-suggested]").Should().HaveCount(55, "every regional indicator has its national one offered");
        saved.IsRedirectTo("/NationalCatalogue/Mapping").Should().BeTrue();
        await using var db = database.CreateContext();
        var mapping = await NationalMapping.ForRegionsAsync(db, [_andijon, _namangan]);
        mapping.Should().HaveCount(55).And.OnlyContain(m => m.RegionId == _andijon && m.RegionalCode == m.NationalCode);
        (await NationalMapping.IndicatorsAsync(db)).Select(n => n.Code).Should().HaveCount(55).And.StartWith("K001");
        (await db.AuditEntries.CountAsync(a => a.Action == "NationalCatalogue.Mapped")).Should().Be(1);
    }

    [Theory]
    [InlineData("unknown", "N404 kodi respublika katalogida yo'q")]
    [InlineData("unpublished", "hali e'lon qilinmagan")]
    [InlineData("twice", "ikki marta hisoblanadi")]
    [InlineData("rollup", "raqamlar qo'shilmaydi")]
    [InlineData("stale", "boshqa foydalanuvchi bu yozuvni o'zgartirdi")]
    public async Task RefusesAMappingThatWouldNotAddUp_AndChangesNothing(string refusal, string message)
    {
        var national = database.OctoberFactory.CreateClientAs(Methodologist);
        await SaveItemAsync(national, null, 0, "N-MAX", "Eng ko'p qatnov", rollup: "Max");
        await PublishAsync(national);
        await SaveItemAsync(national, null, 0, "N-DRAFT", "Hali e'lon qilinmagan ko'rsatkich");
        var region = database.OctoberFactory.CreateClientAs("andijon.metodist");
        var page = await Html.ParseAsync(await region.GetAsync("/NationalCatalogue/Mapping"));
        var fields = RegionalFixture.Fields(page);
        var k001 = Index(page, "K001");
        var k002 = Index(page, "K002");
        switch (refusal)
        {
            case "unknown": fields[$"rows[{k001}].Code"] = "N404"; break;
            case "unpublished": fields[$"rows[{k001}].Code"] = "N-DRAFT"; break;
            case "twice": fields[$"rows[{k002}].Code"] = "K001"; break;
            case "rollup": fields[$"rows[{k001}].Code"] = "N-MAX"; break;
            default:
                // A change typed over a form that someone else's change to K001 has made stale.
                fields[$"rows[{k001}].Code"] = "K001";
                await using (var db = database.CreateContext())
                {
                    // Someone else changed K001 meanwhile (its row version moves on).
                    await db.Database.ExecuteSqlRawAsync("UPDATE template_indicators SET name = name || '.' WHERE code = 'K001'");
                }

                break;
        }

        var refused = await Forms.PostAsync(region, "/NationalCatalogue/Mapping", "/NationalCatalogue/Mapping", fields);

        refused.StatusCode.Should().Be(HttpStatusCode.OK);
        var shown = await Html.ParseAsync(refused);
        shown.ValidationText().Should().NotBeEmpty().And.Contain(message);
        if (refusal != "stale")
        {
            shown.QuerySelector($"tr[data-code='{(refusal == "twice" ? "K002" : "K001")}'] .invalid-feedback")!.Text().Should().Contain(message, "the message stands beside its indicator");
        }

        await using var check = database.CreateContext();
        (await check.TemplateIndicators.CountAsync(t => t.NationalCode != null)).Should().Be(0);
        (await check.AuditEntries.CountAsync(a => a.Action == "NationalCatalogue.Mapped")).Should().Be(0);
    }

    [Fact]
    public async Task NationalStaffReadEachRegionsMapping_ARegionNeverSeesAnothersAndDistrictsSeeNone()
    {
        var national = database.OctoberFactory.CreateClientAs(Director);
        var region = database.OctoberFactory.CreateClientAs("andijon.metodist");
        var district = database.OctoberFactory.CreateClientAs("xojaobod.direktor");
        var token = await Forms.TokenAsync(region, "/NationalCatalogue/Mapping");

        var read = await Html.ParseAsync(await national.GetAsync($"/NationalCatalogue/Mapping?regionId={_andijon}"));
        var foreign = await database.OctoberFactory.CreateClientAs("namangan.metodist").GetAsync($"/NationalCatalogue/Mapping?regionId={_andijon}");
        var postByNational = await national.PostAsync("/NationalCatalogue/Mapping", Form(await Forms.TokenAsync(national, "/NationalCatalogue")));
        var postByDistrict = await district.PostAsync("/NationalCatalogue/Mapping", Form(await Forms.TokenAsync(district, "/Plans")));

        (await Html.ParseAsync(await region.GetAsync("/Catalogue"))).QuerySelector("main a[href^='/NationalCatalogue/Mapping']")
            .Should().NotBeNull("the region opens its mapping from its catalogue's page");
        (await Html.ParseAsync(await district.GetAsync("/Catalogue"))).QuerySelector("main a[href^='/NationalCatalogue/Mapping']")
            .Should().BeNull("a district reads its region's template, not the mapping");
        read.QuerySelectorAll("select[name=regionId] option").Select(o => o.Text()).Should().HaveCount(2);
        read.QuerySelectorAll("tr[data-code]").Should().HaveCount(55);
        read.QuerySelector("main form[method=post] button[type=submit]").Should().BeNull("the National Library reads a region's mapping, the region keeps it");
        foreign.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await region.GetAsync($"/NationalCatalogue/Mapping?regionId={_namangan}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await district.GetAsync("/NationalCatalogue/Mapping")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        postByNational.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        postByDistrict.StatusCode.Should().Be(HttpStatusCode.NotFound);
        token.Should().NotBeEmpty();
        await using var db = database.CreateContext();
        (await db.TemplateIndicators.CountAsync(t => t.NationalCode != null)).Should().Be(0);
    }

    private static int Index(AngleSharp.Dom.IDocument page, string code)
    {
        var name = page.QuerySelector($"tr[data-code='{code}'] select")!.GetAttribute("name")!;
        return int.Parse(name["rows[".Length..name.IndexOf(']', StringComparison.Ordinal)], CultureInfo.InvariantCulture);
    }

    private static FormUrlEncodedContent Form(string token) => new(new Dictionary<string, string>
    {
        ["__RequestVerificationToken"] = token, ["rows[0].Id"] = "1", ["rows[0].Code"] = "K001", ["rows[0].Version"] = "1",
    });

    private async Task<(int Id, string Name, string Rollup, string SectionLabel, uint Version)> NationalAsync(string code)
    {
        await using var db = database.CreateContext();
        var item = await db.NationalIndicators.SingleAsync(n => n.Code == code);
        return (item.Id, item.Name, item.Rollup.ToString(), item.SectionLabel, item.Version);
    }
}
