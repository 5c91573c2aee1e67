using Microsoft.EntityFrameworkCore;
using WorkPlan.Core.Common;
using WorkPlan.Core.Organisations;
using WorkPlan.IntegrationTests.Infrastructure;
using WorkPlan.IntegrationTests.Regional;

namespace WorkPlan.IntegrationTests.Catalogue;

/// <summary>
/// The demo data with Andijon's template published, the National Library's director and methodologist, and a second
/// region (Namangan) with a methodologist of its own; optionally the national set built from Andijon's template and published.
/// </summary>
internal static class NationalCatalogueFixture
{
    public const string Methodologist = "national.metodist";
    public const string Director = "national.direktor";

    public static async Task<int> NamanganAsync(DatabaseFixture database)
    {
        await database.ResetWithDemoDataAsync();
        await using var db = database.CreateContext();
        var xojaobod = await db.Plans.Where(p => p.Organisation!.Code == "xojaobod").Select(p => p.Id).SingleAsync();
        await RegionalFixture.PublishTemplateAsync(database, xojaobod);
        var national = await db.Organisations.SingleAsync(o => o.Code == "national");
        var namangan = new Organisation("namangan", OrganisationKind.Regional, "Namangan viloyat axborot-kutubxona markazi", "Namangan viloyat AKM", national);
        db.Organisations.Add(namangan);
        await db.SaveChangesAsync();
        await TestUsers.CreateAsync(database, Methodologist, Roles.NationalMethodologist, "national");
        await TestUsers.CreateAsync(database, Director, Roles.NationalDirector, "national");
        await TestUsers.CreateAsync(database, "namangan.metodist", Roles.RegionalMethodologist, "namangan");
        return namangan.Id;
    }

    /// <summary>The national methodologist builds the national set from Andijon's template and publishes it.</summary>
    public static async Task PublishFromAndijonAsync(DatabaseFixture database)
    {
        await using var db = database.CreateContext();
        var andijon = await db.Organisations.Where(o => o.Code == "andijon").Select(o => o.Id).SingleAsync();
        var client = database.OctoberFactory.CreateClientAs(Methodologist);
        (await Forms.PostAsync(client, "/NationalCatalogue", $"/NationalCatalogue/FromTemplate?regionId={andijon}", new Dictionary<string, string>()))
            .IsRedirectTo("/NationalCatalogue").Should().BeTrue();
        await PublishAsync(client);
    }

    public static async Task<HttpResponseMessage> PublishAsync(HttpClient client)
    {
        var page = await Html.ParseAsync(await client.GetAsync("/NationalCatalogue"));
        var version = page.QuerySelector("form[action='/NationalCatalogue/Publish'] input[name=version]")!.GetAttribute("value")!;
        return await Forms.PostAsync(client, "/NationalCatalogue", "/NationalCatalogue/Publish", new Dictionary<string, string> { ["version"] = version });
    }

    /// <summary>Posts a national indicator's form: a new one (<paramref name="id"/> null) or a change.</summary>
    public static Task<HttpResponseMessage> SaveItemAsync(
        HttpClient client, int? id, uint version, string code, string name, string number = "90", string rollup = "Sum", string section = "IV") =>
        Forms.PostAsync(client, "/NationalCatalogue/Item", id is null ? "/NationalCatalogue/Item" : $"/NationalCatalogue/Item/{id}", new Dictionary<string, string>
        {
            ["Input.Code"] = code,
            ["Input.SectionLabel"] = section,
            ["Input.SectionTitle"] = "KUTUBXONA FAOLIYATI",
            ["Input.Number"] = number,
            ["Input.Name"] = name,
            ["Input.Unit"] = "ta",
            ["Input.Measure"] = "Count",
            ["Input.Rollup"] = rollup,
            ["Input.Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
}
