using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using WorkPlan.Infrastructure.Data.Seed;
using WorkPlan.IntegrationTests.Infrastructure;

namespace WorkPlan.IntegrationTests.Actuals;

/// <summary>Monthly entry on 3 October 2022: September open until 5 October, August locked.</summary>
[Collection(DatabaseTests.Name)]
public sealed partial class MonthlyEntryTests(DatabaseFixture database) : IAsyncLifetime
{
    private const string Lending = "xojaobod.abonement";
    private const int YearToDate = 16;

    private int _planId;

    public async Task InitializeAsync()
    {
        await database.ResetWithDemoDataAsync();
        await using var db = database.CreateContext();
        _planId = await db.Plans.Where(p => p.Organisation!.Code == "xojaobod").Select(p => p.Id).SingleAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ShowsAServiceHeadOnlyTheirServicesIndicators_OnSeptemberByDefault()
    {
        var page = await Html.ParseAsync(await database.OctoberFactory.CreateClientAs(Lending).GetAsync("/Actuals"));

        var numbers = page.QuerySelectorAll("tr[data-number]").Select(r => r.GetAttribute("data-number")).ToList();
        numbers.Should().Equal("9", "15", "15.1", "16", "17", "18", "19", "20", "21", "22", "22.1", "22.2", "22.3", "38", "39");
        page.QuerySelector("h1")!.Text().Should().Contain("Sentyabr 2022");
        page.QuerySelectorAll("input.cell-input").Should().HaveCount(15);
    }

    [Fact]
    public async Task SavesTheWholeMonthInOneGo_AndRecordsEveryChange()
    {
        var client = database.OctoberFactory.CreateClientAs(Lending);
        var form = await EntryFormAsync(client, 9);

        var response = await SaveAsync(client, 9, form, new() { ["16"] = "9 120", ["17"] = "28500", ["15.1"] = "240" }, notes: new() { ["16"] = "Kitob bayrami" });

        response.IsRedirectTo("/Actuals").Should().BeTrue();
        (await ValueAsync("16", 9)).Should().Be(9120m);
        (await ValueAsync("17", 9)).Should().Be(28500m);
        (await ValueAsync("15.1", 9)).Should().Be(240m);
        await using var db = database.CreateContext();
        (await db.ActualChanges.CountAsync()).Should().Be(3);
        (await db.MonthlyActuals.SingleAsync(a => a.Indicator!.Number == "16" && a.Indicator.PlanId == _planId)).Note.Should().Be("Kitob bayrami");
    }

    [Fact]
    public async Task RefusesAnotherServicesIndicator_AndSavesNothing()
    {
        var client = database.OctoberFactory.CreateClientAs(Lending);
        var form = await EntryFormAsync(client, 9);
        var foreignIndicator = await IndicatorIdAsync("1");
        var fields = Fields(form, new() { ["16"] = "100" }, null);
        var next = form.QuerySelectorAll("input.cell-input").Length;
        fields.Add(new($"cells[{next}].IndicatorId", foreignIndicator.ToString(CultureInfo.InvariantCulture)));
        fields.Add(new($"cells[{next}].Value", "5"));

        var response = await client.PostAsync($"/Actuals/Save?planId={_planId}&month=9", new FormUrlEncodedContent(fields));

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        await using var db = database.CreateContext();
        (await db.MonthlyActuals.CountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task SavesASheetWhoseFormHasMoreThanTheDefaultThousandValues()
    {
        var client = database.OctoberFactory.CreateClientAs(Lending);
        var form = await EntryFormAsync(client, 9);
        var fields = Fields(form, new() { ["16"] = "100" }, null);
        for (var n = 0; n < 1_200; n++)
        {
            fields.Add(new($"padding{n}", "x"));
        }

        var response = await client.PostAsync($"/Actuals/Save?planId={_planId}&month=9", new FormUrlEncodedContent(fields));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect, "a big plan's sheet posts four values per row");
        await using var db = database.CreateContext();
        (await db.MonthlyActuals.CountAsync()).Should().Be(1);
    }

    [Fact]
    public async Task ShowsBothValues_WhenSomeoneElseSavedTheCellFirst_AndLosesNothing()
    {
        var first = database.OctoberFactory.CreateClientAs(Lending);
        var second = database.OctoberFactory.CreateClientAs("xojaobod.direktor");
        var firstForm = await EntryFormAsync(first, 9);
        var secondForm = await EntryFormAsync(second, 9);
        await SaveAsync(first, 9, firstForm, new() { ["16"] = "9000" });

        var conflict = await SaveAsync(second, 9, secondForm, new() { ["16"] = "9500", ["17"] = "30000" });
        var page = await Html.ParseAsync(conflict);

        conflict.StatusCode.Should().Be(HttpStatusCode.OK);
        page.QuerySelector(".alert-warning")!.Text().Should().Contain("boshqa foydalanuvchi");
        var cell = page.QuerySelector("tr[data-number='16'] .has-conflict")!;
        cell.QuerySelector(".conflict")!.Text().Should().Contain("9 000").And.Contain("9 500")
            .And.Contain("Abonement xizmati rahbari", "the other value is named by who saved it").And.NotContain(await UserIdAsync(Lending));
        cell.QuerySelector("input.cell-input")!.GetAttribute("value").Should().Be("9500", "what the user typed stays in the cell");
        (await ValueAsync("16", 9)).Should().Be(9000m);
        (await ValueAsync("17", 9)).Should().BeNull("a refused save writes nothing");

        var again = await SaveAsync(second, 9, FormOf(page), new());
        again.StatusCode.Should().Be(HttpStatusCode.OK, "saving again without a choice for the cell writes nothing over the other value");
        (await ValueAsync("16", 9)).Should().Be(9000m);
        var overwrite = await SaveAsync(second, 9, await Html.ParseAsync(again), new(), choices: new() { ["16"] = "Mine" });
        overwrite.IsRedirectTo("/Actuals").Should().BeTrue();
        (await ValueAsync("16", 9)).Should().Be(9500m);
        (await ValueAsync("17", 9)).Should().Be(30000m);
        var history = await Html.ParseAsync(await second.GetAsync($"/Actuals/History?indicatorId={await IndicatorIdAsync("16")}&month=9"));
        history.QuerySelectorAll("tbody tr").Select(r => r.Children[1].QuerySelector(".person")!.Text()).Should().Equal("M.Mo'minova", "Abonement xizmati rahbari");
        history.QuerySelectorAll("tbody tr").Select(r => r.Children[1].Text()).Should().Equal("M.Mo'minova (Direktor)", "Abonement xizmati rahbari (Xizmat rahbari)");
        history.QuerySelector("[data-indicator]")!.Text().Should().Contain("16").And.Contain("Kitobxonlar qatnovining hisobini olib borish");
        history.QuerySelectorAll("tbody tr").Select(r => r.Children[0].Text())
            .Should().OnlyContain(t => System.Text.RegularExpressions.Regex.IsMatch(t, "^\\d{4} yil \"\\d{1,2}\" [a-z']+, \\d{2}:\\d{2}$"), "dates as users write them, in Uzbekistan time");
    }

    [Fact]
    public async Task KeepsALockedMonthLocked_UntilTheDirectorReopensIt()
    {
        var head = database.OctoberFactory.CreateClientAs(Lending);
        var director = database.OctoberFactory.CreateClientAs("xojaobod.direktor");

        var august = await Html.ParseAsync(await head.GetAsync($"/Actuals?planId={_planId}&month=8"));
        var withoutReason = await Forms.PostAsync(director, $"/Actuals?planId={_planId}&month=8", $"/Actuals/Reopen?planId={_planId}&month=8", new Dictionary<string, string>());
        var reopened = await Forms.PostAsync(director, $"/Actuals?planId={_planId}&month=8", $"/Actuals/Reopen?planId={_planId}&month=8",
            new Dictionary<string, string> { ["reason"] = "Avgust hisoboti kechikdi" });
        var form = await EntryFormAsync(head, 8);
        var saved = await SaveAsync(head, 8, form, new() { ["16"] = "8800" });

        august.QuerySelectorAll("input.cell-input").Should().BeEmpty("August locked on 5 September");
        august.QuerySelector(".badge.text-bg-secondary")!.Text().Should().Be("Oy yopilgan");
        withoutReason.StatusCode.Should().Be(HttpStatusCode.Redirect);
        reopened.StatusCode.Should().Be(HttpStatusCode.Redirect);
        saved.IsRedirectTo("/Actuals").Should().BeTrue();
        (await ValueAsync("16", 8)).Should().Be(8800m);
        await using var db = database.CreateContext();
        (await db.MonthReopenings.SingleAsync()).Reason.Should().Be("Avgust hisoboti kechikdi");
    }

    [Theory]
    [InlineData("ko'p", "Son kiriting")]
    [InlineData("12,5", "butun son")]
    [InlineData("-3", "manfiy")]
    public async Task RefusesABadValue_SayingWhyInUzbek_AndSavesNothing(string typed, string message)
    {
        var client = database.OctoberFactory.CreateClientAs(Lending);
        var form = await EntryFormAsync(client, 9);

        var response = await SaveAsync(client, 9, form, new() { ["16"] = typed, ["17"] = "100" });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await Html.ParseAsync(response)).ValidationText().Should().Contain(message);
        await using var db = database.CreateContext();
        (await db.MonthlyActuals.CountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task MarksEveryBadCellWithItsOwnMessage_AndKeepsTheGoodValues_WhenFourValuesAreBad()
    {
        var client = database.OctoberFactory.CreateClientAs(Lending);
        var form = await EntryFormAsync(client, 9);
        var bad = new Dictionary<string, string> { ["16"] = "ko'p", ["17"] = "-3", ["18"] = "12,5", ["19"] = "12345678901234567890" };
        var expected = new Dictionary<string, string> { ["16"] = "Son kiriting", ["17"] = "manfiy", ["18"] = "butun son", ["19"] = "juda katta" };

        var response = await SaveAsync(client, 9, form, new(bad) { ["20"] = "500", ["21"] = "1 240" }, notes: new() { ["20"] = "Kitobxonlar kuni" });
        var page = await Html.ParseAsync(response);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        foreach (var (number, message) in expected)
        {
            var id = await IndicatorIdAsync(number);
            var input = page.QuerySelector($"tr[data-number='{number}'] input.cell-input")!;
            input.GetAttribute("aria-invalid").Should().Be("true", $"row {number} is bad");
            input.ClassList.Should().Contain("is-invalid");
            input.GetAttribute("value").Should().Be(bad[number], "what was typed stays in the cell");
            page.QuerySelector($"#{input.GetAttribute("aria-describedby")}")!.Text().Should().Contain(message);
            page.QuerySelector($".entry-errors a[href='#cell-{id}']")!.Text().Should().Be(number, "the summary links to the cell");
        }

        page.QuerySelectorAll("input.cell-input[aria-invalid]").Should().HaveCount(4);
        page.QuerySelector("tr[data-number='20'] input.cell-input")!.GetAttribute("value").Should().Be("500");
        page.QuerySelector("tr[data-number='21'] input.cell-input")!.GetAttribute("value").Should().Be("1 240");
        page.QuerySelector("tr[data-number='20'] input.note-input")!.GetAttribute("value").Should().Be("Kitobxonlar kuni");
        page.QuerySelector(".entry-errors")!.Text().Should().Contain("Oy saqlanmadi: 4 ta katakda xato bor");
        await using var db = database.CreateContext();
        (await db.MonthlyActuals.CountAsync()).Should().Be(0, "the month is saved all or nothing");
        (await db.ActualChanges.CountAsync()).Should().Be(0);
    }

    [Theory]
    [InlineData("12345678901234567890")]
    [InlineData("123456789012345678901234567890123")]
    public async Task SaysTheNumberIsTooLarge_WhenACountHasTwentyOrMoreDigits(string typed)
    {
        var client = database.OctoberFactory.CreateClientAs(Lending);
        var form = await EntryFormAsync(client, 9);

        var page = await Html.ParseAsync(await SaveAsync(client, 9, form, new() { ["16"] = typed }));

        var message = page.QuerySelector("tr[data-number='16'] .cell-error")!.Text();
        message.Should().Contain("Son juda katta").And.NotContain("kasr");
        await using var db = database.CreateContext();
        (await db.MonthlyActuals.CountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task SavesANoteAlone_AndShowsItWithItsHistory_WhenTheRowHasNoValue()
    {
        const string Note = "Zal ta'mirda: qiymat 10-oktabrdan keyin";
        var client = database.OctoberFactory.CreateClientAs(Lending);
        var form = await EntryFormAsync(client, 9);

        var response = await SaveAsync(client, 9, form, new() { ["16"] = "9 120" }, notes: new() { ["18"] = Note });
        var page = await Html.ParseAsync(await client.GetAsync(response.Headers.Location));

        response.IsRedirectTo("/Actuals").Should().BeTrue();
        page.QuerySelector("main > .alert-success")!.Text().Should().Contain("Saqlandi: 1 ta qiymat, 1 ta izoh.");
        page.QuerySelector("tr[data-number='18'] input.note-input")!.GetAttribute("value").Should().Be(Note);
        page.QuerySelector("tr[data-number='18'] input.cell-input")!.GetAttribute("value").Should().BeEmpty();
        (await ValueAsync("18", 9)).Should().BeNull("a note alone is not a value");
        await using (var db = database.CreateContext())
        {
            var stored = await db.MonthlyActuals.SingleAsync(a => a.Indicator!.Number == "18" && a.Indicator.PlanId == _planId);
            stored.Note.Should().Be(Note);
            stored.Value.Should().BeNull();
        }

        var history = await Html.ParseAsync(await client.GetAsync($"/Actuals/History?indicatorId={await IndicatorIdAsync("18")}&month=9"));
        history.QuerySelectorAll("tbody tr").Should().ContainSingle().Which.Text().Should().Contain(Note);
        var report = await Html.ParseAsync(await database.OctoberFactory.CreateClientAs("xojaobod.direktor").GetAsync($"/Reports/Quarter?planId={_planId}&quarter=3"));
        report.QuerySelector("tr[data-number='18']")!.Text().Should().Contain(Note, "the quarterly report shows the month's notes");
    }

    [Fact]
    public async Task RemovesTheEntry_WhenItsNoteAloneIsCleared()
    {
        var client = database.OctoberFactory.CreateClientAs(Lending);
        await SaveAsync(client, 9, await EntryFormAsync(client, 9), new(), notes: new() { ["18"] = "Keyinroq" });

        var response = await SaveAsync(client, 9, await EntryFormAsync(client, 9), new(), notes: new() { ["18"] = " " });

        response.IsRedirectTo("/Actuals").Should().BeTrue();
        await using var db = database.CreateContext();
        (await db.MonthlyActuals.CountAsync()).Should().Be(0);
        (await db.ActualChanges.CountAsync()).Should().Be(2);
    }

    [Fact]
    public async Task WarnsInTheGridAndTheReport_WhenAnOfWhichRowIsAboveItsTotal()
    {
        var client = database.OctoberFactory.CreateClientAs(Lending);

        var response = await SaveAsync(client, 9, await EntryFormAsync(client, 9), new() { ["15"] = "13 340", ["15.1"] = "20 000" });
        var grid = await Html.ParseAsync(await client.GetAsync(response.Headers.Location));

        response.IsRedirectTo("/Actuals").Should().BeTrue("an \"of which\" above its total is a warning, not a refusal");
        (await ValueAsync("15.1", 9)).Should().Be(20000m);
        var warning = grid.QuerySelector("tr[data-number='15'] .of-which-warning")!.Text();
        warning.Should().Contain("Sentyabr").And.Contain("15.1").And.Contain("20 000").And.Contain("13 340");
        grid.QuerySelector("tr[data-number='15.1']")!.ClassList.Should().Contain("exceeds-parent");
        grid.QuerySelector("tr[data-number='15.1'] .of-which-warning")!.Text().Should().Contain("umumiy qiymatdan katta");
        grid.QuerySelector("tr[data-number='16'] .of-which-warning").Should().BeNull();

        var director = database.OctoberFactory.CreateClientAs("xojaobod.direktor");
        var report = await Html.ParseAsync(await director.GetAsync($"/Reports/Quarter?planId={_planId}&quarter=3"));
        report.QuerySelector("tr[data-number='15']")!.ClassList.Should().Contain("exceeds-parent");
        report.QuerySelector("tr[data-number='15.1'] .of-which-warning")!.Text().Should().Contain("umumiy qiymatdan katta");
        report.QuerySelector("tr[data-number='16']")!.ClassList.Should().NotContain("exceeds-parent");
        using var workbook = new ClosedXML.Excel.XLWorkbook(await (await director.GetAsync($"/Reports/ExportExcel?planId={_planId}&quarter=3")).Content.ReadAsStreamAsync());
        var rows = workbook.Worksheets.First().RowsUsed().ToList();
        rows.First(r => r.Cell(1).GetString() == "15.1").Cell(8).GetString().Should().Contain("⚠").And.Contain("umumiy qiymatdan katta");
        rows.First(r => r.Cell(1).GetString() == "16").Cell(8).GetString().Should().NotContain("⚠");
        var pdf = await PdfText.ReadAsync(await (await director.GetAsync($"/Reports/ExportPdf?planId={_planId}&quarter=3")).Content.ReadAsByteArrayAsync());
        pdf.Should().Contain("umumiy qiymatdan katta");
    }

    [Theory]
    [InlineData("uz-Latn-UZ", "Iyun", "Iyul")]
    [InlineData("ru-RU", "Июн", "Июл")]
    [InlineData("en-US", "Jun", "Jul")]
    public async Task HeadsJuneAndJulyDifferently_InEveryLanguage(string culture, string june, string july)
    {
        var page = await Html.ParseAsync(await database.OctoberFactory.CreateClientAs(Lending).GetAsync($"/Actuals?planId={_planId}&month=9&culture={culture}&ui-culture={culture}"));

        var heads = page.QuerySelectorAll("table.entry-table thead th").Select(th => th.Text().Trim()).ToList();
        var months = heads.Skip(4).Take(12).ToList();
        months[5].Should().Be(june);
        months[6].Should().Be(july);
        months.Should().OnlyHaveUniqueItems("a column head names one month");
    }

    [Fact]
    public async Task RollsUpTheYearToDate_ByEachIndicatorsKind()
    {
        await using (var db = database.CreateContext())
        {
            await new DemoActualsSeeder(db, NullLogger<DemoActualsSeeder>.Instance).SeedAsync();
        }

        var page = await Html.ParseAsync(await database.OctoberFactory.CreateClientAs("xojaobod.direktor").GetAsync($"/Actuals?planId={_planId}&month=8"));
        await using var check = database.CreateContext();
        var actuals = await check.MonthlyActuals.Where(a => a.Indicator!.PlanId == _planId && a.Value != null).Select(a => new { a.Indicator!.Number, a.Month, Value = a.Value!.Value }).ToListAsync();

        decimal Sum(string number) => actuals.Where(a => a.Number == number).Sum(a => a.Value);
        Cell(page, "16", YearToDate).Should().Be(DocumentNumber(Sum("16")), "a flow adds January to August");
        Cell(page, "15", YearToDate).Should().Be(DocumentNumber(actuals.Single(a => a.Number == "15" && a.Month == 8).Value), "a stock takes August");
        Cell(page, "27", YearToDate).Should().Be("1", "a one-off state takes its highest month");
        actuals.Should().NotContain(a => a.Month > 8);
        foreach (var month in Enumerable.Range(1, 8))
        {
            actuals.Single(a => a.Number == "10" && a.Month == month).Value.Should().Be(actuals.Where(a => a.Number.StartsWith("10.", StringComparison.Ordinal) && a.Month == month).Sum(a => a.Value));
        }
    }

    private static string DocumentNumber(decimal value) => value.ToString("#,##0", CultureInfo.InvariantCulture).Replace(',', ' ');

    /// <summary>The text of a row's cell; column 16 is the year to date.</summary>
    private static string Cell(IDocument page, string number, int column) => page.QuerySelector($"tr[data-number='{number}']")!.Children[column].Text();

    private async Task<IDocument> EntryFormAsync(HttpClient client, int month) =>
        await Html.ParseAsync(await client.GetAsync($"/Actuals?planId={_planId}&month={month}"));

    private static IDocument FormOf(IDocument page) => page;

    /// <summary>Posts the entry form as the browser would, with the given cells (by indicator number) typed in.</summary>
    private async Task<HttpResponseMessage> SaveAsync(
        HttpClient client, int month, IDocument form, Dictionary<string, string> typed, Dictionary<string, string>? notes = null, Dictionary<string, string>? choices = null) =>
        await client.PostAsync($"/Actuals/Save?planId={_planId}&month={month}", new FormUrlEncodedContent(Fields(form, typed, notes, choices)));

    private static List<KeyValuePair<string, string>> Fields(IDocument form, Dictionary<string, string> typed, Dictionary<string, string>? notes, Dictionary<string, string>? choices = null)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", form.QuerySelector("form.entry-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!),
        };
        foreach (var row in form.QuerySelectorAll("tr[data-number]"))
        {
            var number = row.GetAttribute("data-number")!;
            foreach (var input in row.QuerySelectorAll("input[name^='cells[']"))
            {
                var name = input.GetAttribute("name")!;
                var value = input.GetAttribute("value") ?? string.Empty;
                if (input.GetAttribute("type") == "radio")
                {
                    // A browser sends the checked choice only: the one asked for, else none.
                    if (choices?.GetValueOrDefault(number) == value || (choices is null && input.HasAttribute("checked")))
                    {
                        fields.Add(new(name, value));
                    }

                    continue;
                }

                if (name.EndsWith(".Value", StringComparison.Ordinal) && typed.TryGetValue(number, out var t))
                {
                    value = t;
                }

                if (name.EndsWith(".Note", StringComparison.Ordinal) && notes?.TryGetValue(number, out var n) == true)
                {
                    value = n;
                }

                fields.Add(new(name, value));
            }
        }

        return fields;
    }

    private async Task<decimal?> ValueAsync(string number, int month)
    {
        await using var db = database.CreateContext();
        return await db.MonthlyActuals.Where(a => a.Indicator!.PlanId == _planId && a.Indicator.Number == number && a.Month == month).Select(a => (decimal?)a.Value).SingleOrDefaultAsync();
    }

    private async Task<string> UserIdAsync(string userName)
    {
        await using var db = database.CreateContext();
        return await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
    }

    private async Task<int> IndicatorIdAsync(string number)
    {
        await using var db = database.CreateContext();
        return await db.Indicators.Where(i => i.PlanId == _planId && i.Number == number).Select(i => i.Id).SingleAsync();
    }
}
