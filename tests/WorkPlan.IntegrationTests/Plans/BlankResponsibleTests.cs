using System.Net;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using WorkPlan.IntegrationTests.Infrastructure;

namespace WorkPlan.IntegrationTests.Plans;

/// <summary>A row may have no responsible service: the paper's blank cells (rows 42, 42.1, 42.2) stay blank everywhere.</summary>
[Collection(DatabaseTests.Name)]
public sealed class BlankResponsibleTests(DatabaseFixture database) : IAsyncLifetime
{
    private static readonly string[] PaidServiceRows = ["42", "42.1", "42.2"];

    public Task InitializeAsync() => database.ResetWithDemoDataAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task LeavesTheResponsibleCellBlank_InThePageAndTheExcel_WhenThePaperNamesNoService()
    {
        var id = await PlanIdAsync("xojaobod");
        var client = database.Factory.CreateClientAs("xojaobod.direktor");

        var page = await Html.ParseAsync(await client.GetAsync($"/Plans/Details/{id}"));
        using var workbook = new XLWorkbook(await (await client.GetAsync($"/Plans/ExportExcel/{id}")).Content.ReadAsStreamAsync());
        var sheet = workbook.Worksheets.First();

        foreach (var number in PaidServiceRows)
        {
            page.QuerySelector($"tr[data-number='{number}'] .cell-responsible")!.Text().Should().BeEmpty($"row {number} names no service on paper");
            sheet.RowsUsed().Single(r => r.Cell(1).GetString() == number).Cell(8).GetString().Should().BeEmpty($"row {number} in the export");
        }

        page.QuerySelector("tr[data-number='41'] .cell-responsible")!.Text().Should().NotBeEmpty();
        await using var db = database.CreateContext();
        (await db.Indicators.Where(i => i.PlanId == id && PaidServiceRows.Contains(i.Number)).SelectMany(i => i.ResponsibleServices).CountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task KeepsTheCellBlank_WhenAPlanIsMadeFromTheRegionsTemplate()
    {
        await Regional.RegionalFixture.PublishTemplateAsync(database, await PlanIdAsync("xojaobod"));
        var director = database.OctoberFactory.CreateClientAs("baliqchi.direktor");
        var created = await Forms.PostAsync(director, "/Catalogue", "/Catalogue/CreatePlan", new Dictionary<string, string> { ["year"] = "2022" });
        var id = await PlanIdAsync("baliqchi");

        var page = await Html.ParseAsync(await director.GetAsync($"/Plans/Details/{id}"));

        created.StatusCode.Should().Be(HttpStatusCode.Redirect);

        foreach (var number in PaidServiceRows)
        {
            page.QuerySelector($"tr[data-number='{number}'] .cell-responsible")!.Text().Should().BeEmpty($"row {number} of a template plan");
        }
    }

    [Fact]
    public async Task SavesARowWithoutResponsibleService_WhenTheEditorTicksNone()
    {
        var id = await PlanIdAsync("asaka");
        var client = database.Factory.CreateClientAs("asaka.direktor");
        int rowId;
        await using (var db = database.CreateContext())
        {
            rowId = await db.Indicators.Where(i => i.PlanId == id && i.ResponsibleServices.Any()).OrderBy(i => i.SortOrder).Select(i => i.Id).FirstAsync();
        }

        var form = await Html.ParseAsync(await client.GetAsync($"/PlanEditor/EditIndicator/{rowId}"));
        var fields = form.QuerySelectorAll("form.indicator-form input[name], form.indicator-form textarea[name], form.indicator-form select[name]")
            .Where(e => e.GetAttribute("type") is not ("checkbox" or "radio") || e.HasAttribute("checked"))
            .Where(e => e.GetAttribute("name") != "Input.ServiceIds")
            .Select(e => new KeyValuePair<string, string>(e.GetAttribute("name")!, e.TagName == "SELECT"
                ? e.QuerySelector("option[selected]")?.GetAttribute("value") ?? e.QuerySelector("option")?.GetAttribute("value") ?? string.Empty
                : e.TagName == "TEXTAREA" ? e.TextContent.Trim() : e.GetAttribute("value") ?? string.Empty))
            .ToList();

        var saved = await client.PostAsync($"/PlanEditor/EditIndicator/{rowId}", new FormUrlEncodedContent(fields));

        saved.StatusCode.Should().Be(HttpStatusCode.Redirect, "no responsible service is a valid choice");
        await using var check = database.CreateContext();
        (await check.Indicators.Where(i => i.Id == rowId).SelectMany(i => i.ResponsibleServices).CountAsync()).Should().Be(0);
        var page = await Html.ParseAsync(await client.GetAsync($"/Plans/Details/{id}"));
        var number = await check.Indicators.Where(i => i.Id == rowId).Select(i => i.Number).SingleAsync();
        page.QuerySelector($"tr[data-number='{number}'] .cell-responsible")!.Text().Should().BeEmpty();
    }

    private async Task<int> PlanIdAsync(string organisation)
    {
        await using var db = database.CreateContext();
        return await db.Plans.Where(p => p.Organisation!.Code == organisation && p.Year == 2022).Select(p => p.Id).SingleAsync();
    }
}
