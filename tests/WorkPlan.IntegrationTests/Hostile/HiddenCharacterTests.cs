using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using WorkPlan.IntegrationTests.Infrastructure;
using WorkPlan.IntegrationTests.Regional;

namespace WorkPlan.IntegrationTests.Hostile;

/// <summary>
/// Names holding direction controls or zero-width characters (a name that would display as someone else's) are refused
/// by every form that sets one, with a message next to the field, and nothing is stored; Uzbek apostrophes and Cyrillic
/// are kept as typed.
/// </summary>
[Collection(DatabaseTests.Name)]
public sealed class HiddenCharacterTests(DatabaseFixture database) : IAsyncLifetime
{
    private const string Message = "ko'rinmaydigan yoki yozuv yo'nalishini o'zgartiradigan belgi";

    private int _planId;

    public async Task InitializeAsync()
    {
        await database.ResetWithDemoDataAsync();
        await using var db = database.CreateContext();
        _planId = await db.Plans.Where(p => p.Organisation!.Code == "xojaobod").Select(p => p.Id).SingleAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public static TheoryData<string, string> HiddenNames => new()
    {
        // form, the hostile text
        { "user-full-name", "Direktor \u202Evonaliy" },
        { "user-position", "Direktor\u200B" },
        { "organisation-name", "Oltinko'l \u2066TAKM\u2069" },
        { "organisation-director", "A.Karimov\u200F" },
        { "service-name", "Abonement\u200D xizmati" },
        { "section-title", "ILMIY\u202E-METODIK" },
        { "indicator-name", "Kitob\uFEFFxonlar" },
        { "indicator-unit", "Dona\u0007" },
        { "catalogue-name", "Seminar\u2067lar" },
        { "reopen-reason", "Xato\u202Ekiritilgan" },
        { "return-comment", "Qayta\u200Bishlang" },
    };

    [Theory]
    [MemberData(nameof(HiddenNames))]
    public async Task RefusesTheText_WithAMessage_AndStoresNothing(string form, string text)
    {
        var (client, formUrl, postUrl, fields) = await FormAsync(form, text);
        var before = await CountsAsync();

        var response = await Forms.PostAsync(client, formUrl, postUrl, fields);
        var page = response.StatusCode == HttpStatusCode.Redirect
            ? await Html.ParseAsync(await client.GetAsync(response.Headers.Location))
            : await Html.ParseAsync(response);

        response.StatusCode.Should().BeOneOf(HttpStatusCode.OK, HttpStatusCode.Redirect);
        page.Body!.TextContent.Should().Contain(Message, $"{form} names the hidden character");
        if (response.StatusCode == HttpStatusCode.OK)
        {
            page.ValidationText().Should().Contain(Message, "the message stands next to the field");
        }

        (await CountsAsync()).Should().Be(before, "nothing is stored");
        await using var db = database.CreateContext();
        (await db.Users.AnyAsync(u => u.FullName.Contains(text) || u.Position!.Contains(text))).Should().BeFalse();
        (await db.Organisations.AnyAsync(o => o.Name.Contains(text) || o.DirectorName!.Contains(text))).Should().BeFalse();
        (await db.Plans.AnyAsync(p => p.ReturnReason!.Contains(text))).Should().BeFalse();
    }

    [Fact]
    public async Task KeepsUzbekApostrophesAndCyrillic_InTheNamesItStores()
    {
        var admin = database.Factory.CreateClientAs("andijon.admin");
        var andijon = await OrganisationIdAsync("andijon");
        const string name = "Oʻzbekiston Gʼulomov O’rinboyeva Go'zal — Ғуломов Ўткир";

        var created = await Forms.PostAsync(admin, $"/Organisations/Create?parentId={andijon}", $"/Organisations/Create?parentId={andijon}", new Dictionary<string, string>
        {
            ["Input.Name"] = name, ["Input.ShortName"] = "Oʻzbek TAKM", ["Input.DirectorName"] = "Ғ.Ўткиров",
        });

        created.StatusCode.Should().Be(HttpStatusCode.Redirect);
        await using var db = database.CreateContext();
        (await db.Organisations.SingleAsync(o => o.ShortName == "Oʻzbek TAKM")).Name.Should().Be(name);
    }

    private async Task<(HttpClient Client, string FormUrl, string PostUrl, Dictionary<string, string> Fields)> FormAsync(string form, string text)
    {
        var xojaobod = Id(await OrganisationIdAsync("xojaobod"));
        var andijon = Id(await OrganisationIdAsync("andijon"));
        var districtAdmin = database.Factory.CreateClientAs("xojaobod.admin");
        var director = database.OctoberFactory.CreateClientAs("xojaobod.direktor");
        Dictionary<string, string> User(string fullName, string? position) => new()
        {
            ["Input.UserName"] = "xojaobod.yashirin", ["Input.FullName"] = fullName, ["Input.Position"] = position ?? string.Empty,
            ["Input.OrganisationId"] = xojaobod, ["Input.Role"] = "Inspector", ["Input.Password"] = "Vaqtinchalik-parol-2026",
        };
        Dictionary<string, string> Organisation(string name, string directorName) => new()
        {
            ["Input.Name"] = name, ["Input.ShortName"] = "Yangi TAKM", ["Input.DirectorName"] = directorName,
        };
        Dictionary<string, string> Indicator(int sectionId, string name, string unit) => new()
        {
            ["SectionId"] = Id(sectionId), ["Number"] = "1", ["Name"] = name, ["Unit"] = unit, ["Target"] = "5",
        };
        switch (form)
        {
            case "user-full-name":
                return (districtAdmin, "/Users/Create", "/Users/Create", User(text, null));
            case "user-position":
                return (districtAdmin, "/Users/Create", "/Users/Create", User("Yashirin Inspektor", text));
            case "organisation-name":
            case "organisation-director":
                var url = $"/Organisations/Create?parentId={andijon}";
                return (database.Factory.CreateClientAs("andijon.admin"), url, url,
                    form == "organisation-name" ? Organisation(text, "A.Karimov") : Organisation("Oltinko'l TAKM", text));
            case "service-name":
                var services = $"/Services/Create?organisationId={xojaobod}";
                return (districtAdmin, services, services, new Dictionary<string, string> { ["Input.Name"] = text, ["Input.ShortName"] = "Abonement" });
            case "section-title":
                var draft = await DraftAsync(director);
                return (director, $"/PlanEditor/Index/{draft}", $"/PlanEditor/AddSection/{draft}", new Dictionary<string, string> { ["Label"] = "I", ["Title"] = text });
            case "indicator-name":
            case "indicator-unit":
                var (plan, section) = await DraftWithSectionAsync(director);
                return (director, $"/PlanEditor/Index/{plan}", $"/PlanEditor/AddIndicator/{plan}",
                    form == "indicator-name" ? Indicator(section, text, "Dona") : Indicator(section, "Ko'rsatkich", text));
            case "catalogue-name":
                await RegionalFixture.PublishTemplateAsync(database, _planId);
                return (database.OctoberFactory.CreateClientAs("andijon.metodist"), "/Catalogue/Item", "/Catalogue/Item", new Dictionary<string, string>
                {
                    ["Input.Code"] = "K043", ["Input.SectionLabel"] = "II", ["Input.SectionTitle"] = "ASOSIY FAOLIYAT", ["Input.Number"] = "43",
                    ["Input.Name"] = text, ["Input.Unit"] = "Marta", ["Input.Measure"] = "Count", ["Input.Rollup"] = "Sum", ["Input.Version"] = "0",
                });
            case "reopen-reason":
                return (director, $"/Actuals?planId={_planId}&month=8", $"/Actuals/Reopen?planId={_planId}&month=8", new Dictionary<string, string> { ["reason"] = text });
            default:
                var returned = await DraftAsync(director);
                return (director, $"/Plans/Details/{returned}", $"/Plans/Return/{returned}", new Dictionary<string, string> { ["Comment"] = text, ["Version"] = "0" });
        }
    }

    private async Task<(int Users, int Organisations, int Services, int Sections, int Indicators, int Catalogue, int Reopenings)> CountsAsync()
    {
        await using var db = database.CreateContext();
        return (await db.Users.CountAsync(), await db.Organisations.CountAsync(), await db.Services.CountAsync(), await db.Sections.CountAsync(),
            await db.Indicators.CountAsync(), await db.TemplateIndicators.CountAsync(), await db.MonthReopenings.CountAsync());
    }

    private async Task<int> DraftAsync(HttpClient director)
    {
        await Forms.PostAsync(director, "/Plans", "/Plans/Create", new Dictionary<string, string> { ["year"] = "2023" });
        await using var db = database.CreateContext();
        return await db.Plans.Where(p => p.Organisation!.Code == "xojaobod" && p.Year == 2023).Select(p => p.Id).SingleAsync();
    }

    private async Task<(int Plan, int Section)> DraftWithSectionAsync(HttpClient director)
    {
        var draft = await DraftAsync(director);
        await Forms.PostAsync(director, $"/PlanEditor/Index/{draft}", $"/PlanEditor/AddSection/{draft}", new Dictionary<string, string> { ["Label"] = "I", ["Title"] = "Bo'lim" });
        await using var db = database.CreateContext();
        return (draft, await db.Sections.Where(s => s.PlanId == draft).Select(s => s.Id).SingleAsync());
    }

    private async Task<int> OrganisationIdAsync(string code)
    {
        await using var db = database.CreateContext();
        return await db.Organisations.Where(o => o.Code == code).Select(o => o.Id).SingleAsync();
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
