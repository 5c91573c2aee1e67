using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using WorkPlan.Core.Plans;
using WorkPlan.IntegrationTests.Infrastructure;

namespace WorkPlan.IntegrationTests.Plans;

/// <summary>The steps and readings the amendment tests share: pages, forms, workflow steps and the rows behind them.</summary>
public sealed partial class AmendmentTests
{
    private HttpClient Client(string user) => database.OctoberFactory.CreateClientAs(user);

    private static async Task<IDocument> PageAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        response.StatusCode.Should().Be(HttpStatusCode.OK, url);
        return await Html.ParseAsync(response);
    }

    private static string Cell(IDocument page, string number, int column) => page.QuerySelector($"tr[data-number='{number}']")!.Children[column].Text().Trim();

    private static string[] ReportRow(IDocument page, string number) =>
        [.. page.QuerySelector($"tr[data-number='{number}']")!.Children.Skip(3).Take(4).Select(c => c.Text().Trim())];

    private static string HomeCounts(IDocument page) => page.QuerySelector("#home-month")!.ParentElement!.QuerySelector("p.fs-4")!.Text().Trim();

    private static string[] Cells(IDocument page, string code) =>
        [.. page.QuerySelector($"tr[data-code='{code}']")!.QuerySelectorAll("td.cell-value").Select(c => c.Text().Trim())];

    private static List<List<string>> Changes(IDocument page) =>
        [.. page.QuerySelectorAll(".changes-table tbody tr").Select(r => r.Children.Select(c => c.Text().Trim()).ToList())];

    private async Task<PlanStatus> StepAsync(string user, string step, string? comment = null)
    {
        var response = await StepResponseAsync(user, step, comment);
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, $"{user} may {step}");
        return (await StatusAsync()).Status;
    }

    private async Task<HttpResponseMessage> StepResponseAsync(string user, string step, string? comment = null)
    {
        var fields = new Dictionary<string, string> { ["Version"] = (await PlanRowVersionAsync()).ToString(CultureInfo.InvariantCulture) };
        if (comment is not null)
        {
            fields["Comment"] = comment;
        }

        return await Forms.PostAsync(Client(user), $"/Plans/Details/{_planId}", $"/Plans/{step}/{_planId}", fields);
    }

    private async Task<uint> PlanRowVersionAsync()
    {
        await using var db = database.CreateContext();
        return await db.Plans.Where(p => p.Id == _planId).Select(p => p.Version).SingleAsync();
    }

    private async Task<(PlanStatus Status, int Version)> StatusAsync()
    {
        await using var db = database.CreateContext();
        var plan = await db.Plans.Where(p => p.Id == _planId).Select(p => new { p.Status, p.VersionNumber }).SingleAsync();
        return (plan.Status, plan.VersionNumber);
    }

    /// <summary>Everything a page could write: the plan's row version, its rows, events, versions, actuals and reports.</summary>
    private async Task<string> StateAsync()
    {
        await using var db = database.CreateContext();
        var plan = await db.Plans.Where(p => p.Id == _planId).Select(p => new { p.Version, p.Status, p.VersionNumber }).SingleAsync();
        var rows = await db.Indicators.IgnoreQueryFilters().Where(i => i.PlanId == _planId).OrderBy(i => i.Id).Select(i => i.Version).ToListAsync();
        return string.Join(",", plan.Version, plan.Status, plan.VersionNumber, string.Join("/", rows), await db.PlanEvents.CountAsync(), await db.PlanVersions.CountAsync(),
            await db.MonthlyActuals.CountAsync(), await db.ReportSubmissions.CountAsync(), await db.AuditEntries.CountAsync());
    }

    private async Task<int> IndicatorIdAsync(string number)
    {
        await using var db = database.CreateContext();
        return await db.Indicators.Where(i => i.PlanId == _planId && i.Number == number).Select(i => i.Id).SingleAsync();
    }

    private async Task<decimal?> ActualAsync(int indicatorId, int month)
    {
        await using var db = database.CreateContext();
        return await db.MonthlyActuals.Where(a => a.IndicatorId == indicatorId && a.Month == month).Select(a => (decimal?)a.Value).SingleOrDefaultAsync();
    }

    /// <summary>A top-level row with a target, no "of which" rows and no actuals yet: the editor lets it be deleted.</summary>
    private async Task<(string Number, int Id)> RowWithoutActualsAsync()
    {
        await using var db = database.CreateContext();
        var row = await db.Indicators.Where(i => i.PlanId == _planId && i.ParentId == null && i.Target != null && !i.Children.Any())
            .Where(i => !db.MonthlyActuals.Any(a => a.IndicatorId == i.Id))
            .OrderBy(i => i.SortOrder).Select(i => new { i.Number, i.Id }).FirstAsync();
        return (row.Number, row.Id);
    }

    private async Task<HttpResponseMessage> EditAsync(HttpClient client, string number, string? target = null, string? name = null)
    {
        var id = await IndicatorIdAsync(number);
        var fields = FormFields(await Html.ParseAsync(await client.GetAsync($"/PlanEditor/EditIndicator/{id}")), new() { ["Input.Target"] = target, ["Input.Name"] = name });
        return await client.PostAsync($"/PlanEditor/EditIndicator/{id}", new FormUrlEncodedContent(fields));
    }

    /// <summary>Adds a row through the editor's form: row 19's fields as a start, with its own number and name.</summary>
    private async Task<HttpResponseMessage> AddRowAsync(HttpClient client, string number, string name)
    {
        var id = await IndicatorIdAsync("19");
        var fields = FormFields(await Html.ParseAsync(await client.GetAsync($"/PlanEditor/EditIndicator/{id}")), new() { ["Input.Number"] = number, ["Input.Name"] = name, ["Input.Target"] = "8" })
            .Where(f => f.Key != "Input.Version").ToList();
        return await client.PostAsync($"/PlanEditor/AddIndicator/{_planId}", new FormUrlEncodedContent(fields));
    }

    private static List<KeyValuePair<string, string>> FormFields(IDocument form, Dictionary<string, string?> changes) =>
    [
        .. form.QuerySelectorAll("form.indicator-form input[name], form.indicator-form textarea[name], form.indicator-form select[name]")
            .Where(e => e.GetAttribute("type") is not ("checkbox" or "radio") || e.HasAttribute("checked"))
            .Where(e => !e.HasAttribute("disabled"))
            .Select(e =>
            {
                var name = e.GetAttribute("name")!;
                var value = e.TagName == "SELECT"
                    ? e.QuerySelector("option[selected]")?.GetAttribute("value") ?? e.QuerySelector("option")?.GetAttribute("value") ?? string.Empty
                    : e.TagName == "TEXTAREA" ? e.TextContent.Trim() : e.GetAttribute("value") ?? string.Empty;
                return new KeyValuePair<string, string>(name, changes.TryGetValue(name, out var changed) && changed is not null ? changed : value);
            }),
    ];

    /// <summary>Posts the entry form as the browser would, with the given cells (by number) typed in; <paramref name="extra"/> adds a cell for a row not shown.</summary>
    private async Task<HttpResponseMessage> SaveAsync(HttpClient client, IDocument form, Dictionary<string, string> typed, int? extra = null)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", form.QuerySelector("form.entry-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!),
        };
        var index = 0;
        foreach (var row in form.QuerySelectorAll("tr[data-number]"))
        {
            var number = row.GetAttribute("data-number")!;
            var inputs = row.QuerySelectorAll("input[name^='cells[']").ToList();
            foreach (var input in inputs)
            {
                var name = input.GetAttribute("name")!;
                var value = input.GetAttribute("value") ?? string.Empty;
                if (name.EndsWith(".Value", StringComparison.Ordinal) && typed.TryGetValue(number, out var t))
                {
                    value = t;
                }

                fields.Add(new(name, value));
            }

            if (inputs.Count > 0)
            {
                index++;
            }
        }

        if (extra is { } id)
        {
            var i = index.ToString(CultureInfo.InvariantCulture);
            fields.Add(new($"cells[{i}].IndicatorId", id.ToString(CultureInfo.InvariantCulture)));
            fields.Add(new($"cells[{i}].Value", typed.Values.First()));
        }

        return await client.PostAsync($"/Actuals/Save?planId={_planId}&month=9", new FormUrlEncodedContent(fields));
    }
}
