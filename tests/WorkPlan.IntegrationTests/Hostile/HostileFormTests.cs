using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using WorkPlan.IntegrationTests.Infrastructure;

namespace WorkPlan.IntegrationTests.Hostile;

/// <summary>
/// Hostile form posts (text longer than its column, the same cell twice, thousands of unknown cells): each gets a
/// message (or the 404 of an id out of reach), nothing is stored, and never a 500.
/// </summary>
[Collection(DatabaseTests.Name)]
public sealed class HostileFormTests(DatabaseFixture database) : IAsyncLifetime
{
    private const string TooLong = "ko'pi bilan";

    private int _planId;

    public async Task InitializeAsync()
    {
        await database.ResetWithDemoDataAsync();
        await using var db = database.CreateContext();
        _planId = await db.Plans.Where(p => p.Organisation!.Code == "xojaobod").Select(p => p.Id).SingleAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public static TheoryData<string, string, int> OverLongTexts => new()
    {
        // form, field, length
        { "reopen", "reason", 2001 },
        { "reopen", "reason", 100_000 },
        { "request-reopen", "reason", 2001 },
        { "return-plan", "Comment", 2001 },
        { "add-section", "Label", 17 },
        { "add-section", "Title", 301 },
        { "add-section", "Title", 1_000_000 },
    };

    [Theory]
    [MemberData(nameof(OverLongTexts))]
    public async Task SaysTheTextIsTooLong_AndStoresNothing(string form, string field, int length)
    {
        var director = database.OctoberFactory.CreateClientAs("xojaobod.direktor");
        var draftId = await DraftAsync(director);
        var august = $"/Actuals?planId={_planId}&month=8";
        var text = new string('a', length);
        var (client, formUrl, postUrl, fields) = form switch
        {
            "reopen" => (director, august, $"/Actuals/Reopen?planId={_planId}&month=8", new Dictionary<string, string> { ["reason"] = text }),
            "request-reopen" => (database.OctoberFactory.CreateClientAs("xojaobod.fond"), august, $"/Actuals/RequestReopen?planId={_planId}&month=8", new Dictionary<string, string> { ["reason"] = text }),
            "return-plan" => (director, $"/Plans/Details/{draftId}", $"/Plans/Return/{draftId}", new Dictionary<string, string> { ["Comment"] = text, ["Version"] = "0" }),
            _ => (director, $"/PlanEditor/Index/{draftId}", $"/PlanEditor/AddSection/{draftId}", new Dictionary<string, string> { ["Label"] = "I", ["Title"] = "Bo'lim" }),
        };
        if (form == "add-section")
        {
            fields[field] = text;
        }

        var response = await Forms.PostAsync(client, formUrl, postUrl, fields);
        var page = response.StatusCode == HttpStatusCode.Redirect
            ? await Html.ParseAsync(await client.GetAsync(response.Headers.Location))
            : await Html.ParseAsync(response);

        response.StatusCode.Should().BeOneOf(HttpStatusCode.Redirect, HttpStatusCode.OK, HttpStatusCode.RequestEntityTooLarge);
        if (response.StatusCode == HttpStatusCode.RequestEntityTooLarge)
        {
            page.QuerySelector("h1")!.Text().Should().Be("So'rov juda katta");
        }
        else
        {
            page.Body!.TextContent.Should().Contain(TooLong, $"{form} says {field} is too long");
        }

        await using var db = database.CreateContext();
        (await db.MonthReopenings.CountAsync()).Should().Be(0);
        (await db.MonthReopenRequests.CountAsync()).Should().Be(0);
        (await db.Sections.CountAsync(s => s.PlanId == draftId)).Should().Be(0);
        (await db.Plans.Where(p => p.Id == draftId).Select(p => p.ReturnReason).SingleAsync()).Should().BeNull();
    }

    [Theory]
    [InlineData("Measure", "99")]
    [InlineData("Rollup", "-2147483648")]
    [InlineData("ScheduleKind", "77")]
    public async Task RefusesAChoiceThatIsNotOneOfTheChoices_WithAMessage_AndStoresNothing(string field, string value)
    {
        var director = database.OctoberFactory.CreateClientAs("xojaobod.direktor");
        var draftId = await DraftAsync(director);
        await Forms.PostAsync(director, $"/PlanEditor/Index/{draftId}", $"/PlanEditor/AddSection/{draftId}", new Dictionary<string, string> { ["Label"] = "I", ["Title"] = "Bo'lim" });
        int sectionId;
        await using (var db = database.CreateContext())
        {
            sectionId = await db.Sections.Where(s => s.PlanId == draftId).Select(s => s.Id).SingleAsync();
        }

        var fields = new Dictionary<string, string>
        {
            ["SectionId"] = sectionId.ToString(CultureInfo.InvariantCulture), ["Number"] = "1", ["Name"] = "Ko'rsatkich", ["Unit"] = "Dona",
            ["Target"] = "5", [field] = value,
        };
        var response = await Forms.PostAsync(director, $"/PlanEditor/Index/{draftId}", $"/PlanEditor/AddIndicator/{draftId}", fields);
        var page = await Html.ParseAsync(response);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        page.ValidationText().Should().MatchRegex("noto'g'ri|tanlovlar orasida yo'q", "a value that is not one of the choices is refused by the form or by the service");
        await using var check = database.CreateContext();
        (await check.Indicators.CountAsync(i => i.PlanId == draftId)).Should().Be(0);
    }

    [Fact]
    public async Task RefusesTheSameCellPostedTwice_WithAMessage_AndStoresNeither()
    {
        var director = database.OctoberFactory.CreateClientAs("xojaobod.direktor");
        var id = await IndicatorAsync("1");
        var september = $"/Actuals?planId={_planId}&month=9";

        var response = await Forms.PostAsync(director, september, $"/Actuals/Save?planId={_planId}&month=9", new Dictionary<string, string>
        {
            ["cells[0].IndicatorId"] = id, ["cells[0].Value"] = "1", ["cells[1].IndicatorId"] = id, ["cells[1].Value"] = "2",
        });
        var page = await Html.ParseAsync(response);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        page.ValidationText().Should().Contain("ikki marta");
        await using var db = database.CreateContext();
        (await db.MonthlyActuals.CountAsync(a => a.Month == 9)).Should().Be(0);
    }

    [Fact]
    public async Task AnswersNotFound_ForTwoThousandSixHundredUnknownCells_AndStoresNothing()
    {
        var director = database.OctoberFactory.CreateClientAs("xojaobod.direktor");
        var fields = new Dictionary<string, string>();
        for (var i = 0; i < 2600; i++)
        {
            fields[$"cells[{i}].IndicatorId"] = (900_000 + i).ToString(CultureInfo.InvariantCulture);
            fields[$"cells[{i}].Value"] = "1";
        }

        var response = await Forms.PostAsync(director, $"/Actuals?planId={_planId}&month=9", $"/Actuals/Save?planId={_planId}&month=9", fields);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound, "ids out of reach answer 404 like missing ones");
        await using var db = database.CreateContext();
        (await db.MonthlyActuals.CountAsync(a => a.Month == 9)).Should().Be(0);
    }

    [Fact]
    public async Task RefusesAFormBodyOverItsLimit_WithThePageThatSaysSo()
    {
        var director = database.OctoberFactory.CreateClientAs("xojaobod.direktor");
        var draftId = await DraftAsync(director);

        var response = await Forms.PostAsync(director, $"/PlanEditor/Index/{draftId}", $"/PlanEditor/AddSection/{draftId}",
            new Dictionary<string, string> { ["Label"] = "I", ["Title"] = new string('T', 3 * 1024 * 1024) });
        var page = await Html.ParseAsync(response);

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        page.QuerySelector("h1")!.Text().Should().Be("So'rov juda katta");
        await using var db = database.CreateContext();
        (await db.Sections.CountAsync(s => s.PlanId == draftId)).Should().Be(0);
    }

    [Theory]
    [InlineData("/Users?page=2147483647", "admin")]
    [InlineData("/Audit?page=2147483647", "admin")]
    [InlineData("/Users?page=-2147483648", "admin")]
    public async Task ShowsTheLastPage_ForAHugePageNumber(string url, string user)
    {
        var response = await database.Factory.CreateClientAs(user).GetAsync(url);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("/Plans?q=ё")]
    [InlineData("/Plans/Мой план")]
    [InlineData("/Reja/oʻquvchi")]
    public async Task ReturnsToANonAsciiAddress_AfterTheLanguageSwitch(string returnUrl)
    {
        var client = database.Factory.CreateClientAs("xojaobod.direktor");

        var response = await Forms.PostAsync(client, "/", "/Language/Set", new Dictionary<string, string> { ["culture"] = "ru", ["returnUrl"] = returnUrl });

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        Uri.UnescapeDataString(response.Headers.Location!.OriginalString).Should().Be(returnUrl);
    }

    [Fact]
    public async Task ReturnsToANonAsciiAddress_AfterSigningIn()
    {
        await TestUsers.CreateAsync(database, "kirish.sinov", Core.Common.Roles.Inspector, "xojaobod", isDemo: true);
        var client = database.Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await Forms.PostAsync(client, "/Account/Login", "/Account/Login", new Dictionary<string, string>
        {
            ["UserName"] = "kirish.sinov", ["Password"] = TestUsers.Password, ["ReturnUrl"] = "/Plans?q=ўзбек",
        });

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        Uri.UnescapeDataString(response.Headers.Location!.OriginalString).Should().Be("/Plans?q=ўзбек");
    }

    private async Task<int> DraftAsync(HttpClient director)
    {
        await Forms.PostAsync(director, "/Plans", "/Plans/Create", new Dictionary<string, string> { ["year"] = "2023" });
        await using var db = database.CreateContext();
        return await db.Plans.Where(p => p.Organisation!.Code == "xojaobod" && p.Year == 2023).Select(p => p.Id).SingleAsync();
    }

    private async Task<string> IndicatorAsync(string number)
    {
        await using var db = database.CreateContext();
        return (await db.Indicators.Where(i => i.PlanId == _planId && i.Number == number).Select(i => i.Id).SingleAsync()).ToString(CultureInfo.InvariantCulture);
    }
}
