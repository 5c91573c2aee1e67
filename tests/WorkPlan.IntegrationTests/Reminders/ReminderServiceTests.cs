using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkPlan.Core.Reminders;
using WorkPlan.IntegrationTests.Infrastructure;

namespace WorkPlan.IntegrationTests.Reminders;

/// <summary>
/// What the calendar's reminders are about on 3 October 2022 (September closes on the 5th): each service's values
/// still owed for September, counted as the service head's own sheet shows them, and nothing for a service that owes nothing.
/// </summary>
[Collection(DatabaseTests.Name)]
public sealed class ReminderServiceTests(DatabaseFixture database) : IAsyncLifetime
{
    private const string Lending = "xojaobod.abonement";

    private int _planId;

    public async Task InitializeAsync()
    {
        await database.ResetWithDemoDataAsync();
        await using var db = database.CreateContext();
        _planId = await db.Plans.Where(p => p.Organisation!.Code == "xojaobod").Select(p => p.Id).SingleAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task CountsEachServicesSeptemberValuesStillOwed_AsItsSheetShowsThem_AndNothingOnceTheyAreEntered()
    {
        var head = database.OctoberFactory.CreateClientAs(Lending);
        var sheet = await Html.ParseAsync(await head.GetAsync($"/Actuals?planId={_planId}&month=9"));
        var owedOnTheSheet = sheet.QuerySelectorAll("tr[data-number]")
            .Where(r => r.QuerySelector("input.cell-input") is { } input && string.IsNullOrEmpty(input.GetAttribute("value")) && r.QuerySelector(".badge.text-bg-light") is null)
            .Select(r => r.GetAttribute("data-number")!).ToList();
        var lending = await LendingServiceAsync();

        var before = await OwedAsync();
        await FillAsync(head, sheet, owedOnTheSheet);
        var after = await OwedAsync();

        owedOnTheSheet.Should().NotBeEmpty("the demo leaves September to be entered");
        before.Should().ContainSingle(o => o.PlanId == _planId && o.ServiceId == lending)
            .Which.Should().BeEquivalentTo(new { Year = 2022, Month = 9, Closes = new DateOnly(2022, 10, 5), Count = owedOnTheSheet.Count });
        after.Should().NotContain(o => o.PlanId == _planId && o.ServiceId == lending, "the head entered every value September expects");
        after.Should().HaveCount(before.Count - 1, "the other services still owe theirs");
    }

    [Fact]
    public async Task FindsTheThirdQuartersReportOverdue_TwoDaysAfterItsDueDate_AndNothingDueOnTheThird()
    {
        await using var twelfth = new WorkPlanFactory(database.ConnectionString, settings: new Dictionary<string, string?> { ["WorkPlan:Today"] = "2022-10-12T09:00:00+05:00" });
        using var scope = twelfth.Services.CreateScope();
        using var third = database.OctoberFactory.Services.CreateScope();

        var owed = await scope.ServiceProvider.GetRequiredService<ReminderService>().ReportsOwedAsync();
        var owedOnTheThird = await third.ServiceProvider.GetRequiredService<ReminderService>().ReportsOwedAsync();

        owed.Should().ContainSingle(o => o.PlanId == _planId && o.Quarter == 3)
            .Which.Should().BeEquivalentTo(new { Year = 2022, Due = new DateOnly(2022, 10, 10), Kind = ReportReminderKind.Overdue });
        owedOnTheThird.Should().NotContain(o => o.PlanId == _planId && o.Quarter == 3, "the third quarter's report is due on the 10th");
        owedOnTheThird.Should().NotContain(o => o.PlanId == _planId && o.Quarter < 3 && o.Kind == ReportReminderKind.DueToday);
    }

    private async Task<IReadOnlyList<MonthOwed>> OwedAsync()
    {
        using var scope = database.OctoberFactory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ReminderService>().MonthsClosingAsync();
    }

    private async Task<int> LendingServiceAsync()
    {
        await using var db = database.CreateContext();
        return await db.Services.Where(s => s.Organisation!.Code == "xojaobod" && s.Code == "lending").Select(s => s.Id).SingleAsync();
    }

    /// <summary>Saves 1 in each of the rows through the grid, as the head would type them.</summary>
    private async Task FillAsync(HttpClient client, AngleSharp.Dom.IDocument sheet, IReadOnlyCollection<string> numbers)
    {
        var fields = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", sheet.QuerySelector("form.entry-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!) };
        foreach (var row in sheet.QuerySelectorAll("tr[data-number]"))
        {
            foreach (var input in row.QuerySelectorAll("input[name^='cells[']"))
            {
                var name = input.GetAttribute("name")!;
                var value = name.EndsWith(".Value", StringComparison.Ordinal) && numbers.Contains(row.GetAttribute("data-number")) ? "1" : input.GetAttribute("value") ?? string.Empty;
                fields.Add(new(name, value));
            }
        }

        var saved = await client.PostAsync($"/Actuals/Save?planId={_planId}&month=9", new FormUrlEncodedContent(fields));
        saved.IsRedirectTo("/Actuals").Should().BeTrue();
    }
}
