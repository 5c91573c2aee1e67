using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using WorkPlan.Core.Plans;
using WorkPlan.IntegrationTests.Infrastructure;

namespace WorkPlan.IntegrationTests.Plans;

/// <summary>
/// An "of which" family (row 10 and 10.1–10.4, which must add up) edited in one form, and a single target
/// changed straight from the editor's list.
/// </summary>
[Collection(DatabaseTests.Name)]
public sealed class PlanFamilyEditTests(DatabaseFixture database) : IAsyncLifetime
{
    private const string Inspector = "xojaobod.inspektor";
    private int _planId;

    public async Task InitializeAsync()
    {
        await database.ResetWithDemoDataAsync();
        await using var db = database.CreateContext();
        var plan = await db.Plans.SingleAsync(p => p.Organisation!.Code == "xojaobod");
        plan.RecordPaperSignatures(plan.Agreement, plan.Approval, PlanStatus.Draft);
        await db.SaveChangesAsync();
        _planId = plan.Id;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task SavesAChangedPartitionInOnePost_WhenTheFamilyFormChangesItsRowsTogether()
    {
        var client = database.Factory.CreateClientAs(Inspector);
        var row10 = await IndicatorIdAsync("10");

        var (page, fields) = await OpenFamilyAsync(client, row10);
        var numbers = page.QuerySelectorAll("tr[data-number]").Select(r => r.GetAttribute("data-number")).ToList();
        Set(page, fields, "10", "Target", "5 000");
        Set(page, fields, "10.2", "Target", "3500");
        Set(page, fields, "10.4", "Target", "1 500");
        Set(page, fields, "10.4", "PreviousFact", "2929");
        var saved = await client.PostAsync($"/PlanEditor/Family/{row10}", new FormUrlEncodedContent(fields));

        var row102 = await IndicatorIdAsync("10.2");
        var single = await Html.ParseAsync(await client.GetAsync($"/PlanEditor/EditIndicator/{row102}"));
        var editor = await Html.ParseAsync(await client.GetAsync($"/PlanEditor/Index/{_planId}"));
        single.QuerySelector($"a[href='/PlanEditor/Family/{row102}']").Should().NotBeNull("an \"of which\" row's form leads to its family's form");
        editor.QuerySelector($"tr[data-number='10'] a[href='/PlanEditor/Family/{row10}']").Should().NotBeNull();
        numbers.Should().Equal("10", "10.1", "10.2", "10.3", "10.4");
        saved.IsRedirectTo($"/PlanEditor/Index/{_planId}").Should().BeTrue();
        (await TargetsAsync()).Should().Equal(5000m, 0m, 3500m, null, 1500m);
    }

    [Fact]
    public async Task RefusesABadSum_WithMessagesNextToTheFields_AndChangesNothing()
    {
        var client = database.Factory.CreateClientAs(Inspector);
        var row10 = await IndicatorIdAsync("10");
        var before = await TargetsAsync();

        var (page, fields) = await OpenFamilyAsync(client, row10);
        Set(page, fields, "10.2", "Target", "3600");
        Set(page, fields, "10.1", "PreviousFact", "ko'p");
        var notANumber = await Html.ParseAsync(await client.PostAsync($"/PlanEditor/Family/{row10}", new FormUrlEncodedContent(fields)));
        Set(page, fields, "10.1", "PreviousFact", "0");
        var badSum = await client.PostAsync($"/PlanEditor/Family/{row10}", new FormUrlEncodedContent(fields));
        var badSumPage = await Html.ParseAsync(badSum);
        Set(page, fields, "10.2", "Target", "3000");
        Set(page, fields, "10.4", "Target", "4500");
        var tooBig = await Html.ParseAsync(await client.PostAsync($"/PlanEditor/Family/{row10}", new FormUrlEncodedContent(fields)));

        Message(notANumber, "Input.Rows[1].PreviousFact").Should().Contain("Son kiriting");
        badSum.StatusCode.Should().Be(HttpStatusCode.OK);
        Message(badSumPage, "Input.Rows[0].Target").Should().Contain("\"Shundan\" qatorlari yig'indisi (4 600) umumiy qiymatga (4 000) teng emas");
        badSumPage.QuerySelector("input[name='Input.Rows[2].Target']")!.GetAttribute("value").Should().Be("3600", "the form keeps what was typed");
        Message(tooBig, "Input.Rows[4].Target").Should().Contain("10.4");
        (await TargetsAsync()).Should().Equal(before);
    }

    [Fact]
    public async Task RefusesAStaleFamilyForm_AndChangesNothing()
    {
        var client = database.Factory.CreateClientAs(Inspector);
        var row10 = await IndicatorIdAsync("10");
        var (page, fields) = await OpenFamilyAsync(client, row10);
        var (otherPage, other) = await OpenFamilyAsync(client, row10);
        Set(otherPage, other, "10.1", "PreviousFact", "0");
        (await client.PostAsync($"/PlanEditor/Family/{row10}", new FormUrlEncodedContent(other))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        await using (var db = database.CreateContext())
        {
            await db.Database.ExecuteSqlRawAsync("UPDATE indicators SET name = name || '' WHERE id = {0}", await IndicatorIdAsync("10.3"));
        }

        Set(page, fields, "10", "Target", "5000");
        Set(page, fields, "10.3", "Target", "1000");
        var stale = await Html.ParseAsync(await client.PostAsync($"/PlanEditor/Family/{row10}", new FormUrlEncodedContent(fields)));

        stale.ValidationText().Should().Contain("boshqa foydalanuvchi");
        (await TargetsAsync()).Should().Equal(4000m, 0m, 3000m, null, 1000m);
    }

    [Fact]
    public async Task ChangesOneTarget_FromTheEditorsList_InOneSave()
    {
        var client = database.Factory.CreateClientAs(Inspector);
        var editor = await Html.ParseAsync(await client.GetAsync($"/PlanEditor/Index/{_planId}"));
        var cell = editor.QuerySelector("tr[data-number='18'] form.target-form")!;

        var saved = await client.PostAsync(cell.GetAttribute("action"), new FormUrlEncodedContent(FormFields(cell, ("Target", "80"))));

        saved.IsRedirectTo($"/PlanEditor/Index/{_planId}").Should().BeTrue();
        await using var db = database.CreateContext();
        (await db.Indicators.Where(i => i.PlanId == _planId && i.Number == "18").Select(i => new { i.Target, i.Name }).SingleAsync()).Target.Should().Be(80m);
        var after = await Html.ParseAsync(await client.GetAsync($"/PlanEditor/Index/{_planId}"));
        after.QuerySelector("tr[data-number='18'] input[name=Target]")!.GetAttribute("value").Should().Be("80");
    }

    [Fact]
    public async Task RefusesASingleTargetThatBreaksItsFamily_WithTheMessageInItsCell_AndChangesNothing()
    {
        var client = database.Factory.CreateClientAs(Inspector);
        var editor = await Html.ParseAsync(await client.GetAsync($"/PlanEditor/Index/{_planId}"));
        var cell = editor.QuerySelector("tr[data-number='10.2'] form.target-form")!;

        var refused = await client.PostAsync(cell.GetAttribute("action"), new FormUrlEncodedContent(FormFields(cell, ("Target", "3500"))));
        var page = await Html.ParseAsync(refused);
        var input = page.QuerySelector("tr[data-number='10.2'] input[name=Target]")!;

        refused.StatusCode.Should().Be(HttpStatusCode.OK);
        input.GetAttribute("aria-invalid").Should().Be("true");
        input.GetAttribute("value").Should().Be("3500");
        page.QuerySelector($"#{input.GetAttribute("aria-describedby")}")!.Text().Should().Contain("yig'indisi (4 500) umumiy qiymatga (4 000) teng emas");
        (await TargetsAsync()).Should().Equal(4000m, 0m, 3000m, null, 1000m);
    }

    private static string Message(IDocument page, string field) =>
        page.QuerySelector($"span[data-valmsg-for='{field}']")?.Text() ?? string.Empty;

    private static List<KeyValuePair<string, string>> FormFields(IElement form, params (string Name, string Value)[] changes) =>
    [
        .. form.QuerySelectorAll("input[name]").Select(e => new KeyValuePair<string, string>(
            e.GetAttribute("name")!, changes.FirstOrDefault(c => c.Name == e.GetAttribute("name")).Value ?? e.GetAttribute("value") ?? string.Empty)),
    ];

    private static async Task<(IDocument Page, Dictionary<string, string> Fields)> OpenFamilyAsync(HttpClient client, int indicatorId)
    {
        var page = await Html.ParseAsync(await client.GetAsync($"/PlanEditor/Family/{indicatorId}"));
        var fields = page.QuerySelectorAll("form.family-form input[name]").ToDictionary(e => e.GetAttribute("name")!, e => e.GetAttribute("value") ?? string.Empty);
        return (page, fields);
    }

    /// <summary>Types a value into a row's field, found by the row's number as the page shows it.</summary>
    private static void Set(IDocument page, Dictionary<string, string> fields, string number, string field, string value)
    {
        var name = page.QuerySelector($"tr[data-number='{number}'] input[name$='.{field}']")!.GetAttribute("name")!;
        fields[name] = value;
    }

    private async Task<List<decimal?>> TargetsAsync()
    {
        await using var db = database.CreateContext();
        string[] family = ["10", "10.1", "10.2", "10.3", "10.4"];
        var rows = await db.Indicators.Where(i => i.PlanId == _planId && family.Contains(i.Number)).Select(i => new { i.Number, i.Target }).ToListAsync();
        return [.. family.Select(n => rows.Single(r => r.Number == n).Target)];
    }

    private async Task<int> IndicatorIdAsync(string number)
    {
        await using var db = database.CreateContext();
        return await db.Indicators.Where(i => i.PlanId == _planId && i.Number == number).Select(i => i.Id).SingleAsync();
    }
}
