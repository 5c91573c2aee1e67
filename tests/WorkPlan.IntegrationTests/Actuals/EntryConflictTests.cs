using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using WorkPlan.IntegrationTests.Infrastructure;

namespace WorkPlan.IntegrationTests.Actuals;

/// <summary>
/// Monthly entry on 3 October 2022 (September open), with the sheet posted whole as a browser without
/// scripts posts it: only the cells a user changed are compared and written; a real conflict waits for
/// the user's choice per cell.
/// </summary>
[Collection(DatabaseTests.Name)]
public sealed class EntryConflictTests(DatabaseFixture database) : IAsyncLifetime
{
    private const string Lending = "xojaobod.abonement";
    private const string Director = "xojaobod.direktor";

    private int _planId;

    private string SeptemberUrl => $"/Actuals?planId={_planId}&month=9";

    public async Task InitializeAsync()
    {
        await database.ResetWithDemoDataAsync();
        await using var db = database.CreateContext();
        _planId = await db.Plans.Where(p => p.Organisation!.Code == "xojaobod").Select(p => p.Id).SingleAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task SavesAHeadsOwnRowWithoutAConflict_AndKeepsTheDirectorsValue_WhenTheDirectorChangedAnotherRowOfTheSheetMeanwhile()
    {
        var head = database.OctoberFactory.CreateClientAs(Lending);
        var director = database.OctoberFactory.CreateClientAs(Director);
        var headsPage = await PageAsync(head);
        (await SaveAsync(director, await PageAsync(director), new() { ["17"] = "500" })).IsRedirectTo("/Actuals").Should().BeTrue();

        var saved = await SaveAsync(head, headsPage, new() { ["16"] = "9000" });
        var again = await SaveAsync(head, headsPage, new() { ["16"] = "9000" });

        saved.IsRedirectTo("/Actuals").Should().BeTrue("the head changed only row 16; row 17 was posted as the page showed it");
        again.IsRedirectTo("/Actuals").Should().BeTrue("posting the same page again changes nothing and conflicts with nothing");
        (await ValueAsync("16")).Should().Be(9000m);
        (await ValueAsync("17")).Should().Be(500m, "the director's value is never overwritten by the stale one the head's page showed");
        await using var db = database.CreateContext();
        (await db.ActualChanges.CountAsync()).Should().Be(2, "one change each: the director's row 17 and the head's row 16");
    }

    [Fact]
    public async Task RefusesAPlainSaveAgainAfterAConflict_UntilTheUserChoosesForTheCell_ThenStoresWhatWasChosen()
    {
        var head = database.OctoberFactory.CreateClientAs(Lending);
        var director = database.OctoberFactory.CreateClientAs(Director);
        var headsPage = await PageAsync(head);
        await SaveAsync(director, await PageAsync(director), new() { ["16"] = "500", ["18"] = "70" });

        var conflict = await SaveAsync(head, headsPage, new() { ["16"] = "9000", ["17"] = "300", ["18"] = "80" });
        var conflictPage = await Html.ParseAsync(conflict);
        var plainAgain = await SaveAsync(head, conflictPage, []);
        var plainPage = await Html.ParseAsync(plainAgain);
        var valuesAfterPlainSave = (await ValueAsync("16"), await ValueAsync("17"), await ValueAsync("18"));
        var chosen = await SaveAsync(head, plainPage, [], choices: new() { ["16"] = "Theirs", ["18"] = "Mine" });

        conflict.StatusCode.Should().Be(HttpStatusCode.OK);
        conflictPage.QuerySelectorAll(".has-conflict").Select(c => c.Closest("tr")!.GetAttribute("data-number")).Should().Equal("16", "18");
        var choice = conflictPage.QuerySelector("tr[data-number='16'] fieldset.conflict")!;
        choice.QuerySelector("legend")!.Text().Should().Contain("boshqa foydalanuvchi o'zgartirdi");
        choice.QuerySelectorAll("input[type=radio]").Select(r => r.GetAttribute("value")).Should().Equal("Mine", "Theirs");
        choice.QuerySelectorAll("input[type=radio][checked]").Should().BeEmpty("nothing is chosen for the user");
        choice.QuerySelectorAll("label").Select(l => l.Text()).Should().SatisfyRespectively(
            mine => mine.Should().Contain("Meniki qolsin").And.Contain("9 000"),
            theirs => theirs.Should().Contain("500").And.Contain("M.Mo'minova"));
        plainAgain.StatusCode.Should().Be(HttpStatusCode.OK, "Save again without a choice is refused again");
        plainPage.QuerySelectorAll(".has-conflict").Should().HaveCount(2);
        valuesAfterPlainSave.Should().Be((500m, (decimal?)null, 70m), "nothing was written by the refused saves");
        chosen.IsRedirectTo("/Actuals").Should().BeTrue();
        (await ValueAsync("16")).Should().Be(500m, "the head took the director's value");
        (await ValueAsync("17")).Should().Be(300m);
        (await ValueAsync("18")).Should().Be(80m, "the head kept their own value");
    }

    [Fact]
    public async Task RefusesNoSave_WhenSixUsersSaveDifferentCellsOfTheMonthAtOnce()
    {
        const int Writers = 6;
        const int SavesEach = 12;
        var start = await PageAsync(database.OctoberFactory.CreateClientAs(Director));
        var numbers = start.QuerySelectorAll("tr[data-number]").Where(r => r.QuerySelector("input.cell-input") is not null)
            .Select(r => r.GetAttribute("data-number")!).Take(Writers).ToList();
        var refused = 0;
        var saved = 0;
        var failures = new ConcurrentBag<string>();
        var last = new ConcurrentDictionary<string, decimal>();

        await Task.WhenAll(numbers.Select((number, n) => Task.Run(async () =>
        {
            var client = database.OctoberFactory.CreateClientAs(Director);
            for (var step = 1; step <= SavesEach; step++)
            {
                var value = ((n + 1) * 1_000) + step;
                var response = await SaveAsync(client, await PageAsync(client), new() { [number] = value.ToString(CultureInfo.InvariantCulture) });
                if ((int)response.StatusCode >= 500)
                {
                    failures.Add($"{(int)response.StatusCode}");
                }
                else if (response.IsRedirectTo("/Actuals"))
                {
                    Interlocked.Increment(ref saved);
                    last[number] = value;
                }
                else
                {
                    Interlocked.Increment(ref refused);
                }
            }
        })));

        Console.WriteLine($"Saves of different cells at once: {Writers} writers × {SavesEach}, {refused} refused of {refused + saved} ({100.0 * refused / (refused + saved):0} %), {failures.Count} errors");
        failures.Should().BeEmpty();
        refused.Should().Be(0, "nobody changed a cell someone else changed");
        foreach (var (number, value) in last)
        {
            (await ValueAsync(number)).Should().Be(value, "every cell holds its writer's last acknowledged value");
        }
    }

    private async Task<IDocument> PageAsync(HttpClient client) => await Html.ParseAsync(await client.GetAsync(SeptemberUrl));

    /// <summary>Posts the whole sheet as a browser without scripts does: every field as the page has it, the typed cells and the chosen choices.</summary>
    private async Task<HttpResponseMessage> SaveAsync(HttpClient client, IDocument page, Dictionary<string, string> typed, Dictionary<string, string>? choices = null)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", page.QuerySelector("form.entry-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!),
        };
        foreach (var row in page.QuerySelectorAll("tr[data-number]"))
        {
            var number = row.GetAttribute("data-number")!;
            foreach (var input in row.QuerySelectorAll("input[name^='cells[']"))
            {
                var name = input.GetAttribute("name")!;
                var value = input.GetAttribute("value") ?? string.Empty;
                if (input.GetAttribute("type") == "radio")
                {
                    if (choices?.GetValueOrDefault(number) == value)
                    {
                        fields.Add(new(name, value));
                    }

                    continue;
                }

                if (name.EndsWith(".Value", StringComparison.Ordinal) && typed.TryGetValue(number, out var t))
                {
                    value = t;
                }

                fields.Add(new(name, value));
            }
        }

        return await client.PostAsync($"/Actuals/Save?planId={_planId}&month=9", new FormUrlEncodedContent(fields));
    }

    private async Task<decimal?> ValueAsync(string number)
    {
        await using var db = database.CreateContext();
        return await db.MonthlyActuals.Where(a => a.Indicator!.PlanId == _planId && a.Indicator.Number == number && a.Month == 9)
            .Select(a => a.Value).SingleOrDefaultAsync();
    }
}
