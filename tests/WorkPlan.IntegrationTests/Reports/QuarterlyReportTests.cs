using System.Net;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using WorkPlan.Core.Actuals;
using WorkPlan.Core.Reports;
using WorkPlan.IntegrationTests.Infrastructure;

namespace WorkPlan.IntegrationTests.Reports;

/// <summary>The Q3 2022 report on 3 October 2022, from actuals entered here (not the demo's).</summary>
[Collection(DatabaseTests.Name)]
public sealed class QuarterlyReportTests(DatabaseFixture database) : IAsyncLifetime
{
    private int _planId;

    public async Task InitializeAsync()
    {
        await database.ResetWithDemoDataAsync();
        await using var db = database.CreateContext();
        _planId = await db.Plans.Where(p => p.Organisation!.Code == "xojaobod").Select(p => p.Id).SingleAsync();
        var rows = await db.Indicators.Where(i => i.PlanId == _planId).ToDictionaryAsync(i => i.Number);
        // Hand-made figures: a flow (16), a stock (15, last value), a one-off (27, maximum), "of which" rows (10.2, 10.4 under 10).
        foreach (var (number, month, value) in new (string, int, decimal)[]
        {
            ("16", 1, 8000), ("16", 5, 9000), ("16", 7, 9100), ("16", 8, 8800), ("16", 9, 9500),
            ("15", 6, 12100), ("15", 7, 12300), ("15", 8, 12500), ("15", 9, 12450),
            ("27", 3, 0), ("27", 8, 1), ("27", 9, 0),
            ("10", 7, 500), ("10.2", 7, 300), ("10.4", 7, 200), ("10", 2, 100), ("10.2", 2, 100),
        })
        {
            db.MonthlyActuals.Add(new MonthlyActual(rows[number], month, value, month == 9 && number == "16" ? "Kitob bayrami" : null, "test", DateTimeOffset.UtcNow));
        }

        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ComputesTheQuartersFigures_ByEachIndicatorsRollUp()
    {
        var page = await Html.ParseAsync(await database.OctoberFactory.CreateClientAs("xojaobod.inspektor").GetAsync($"/Reports/Quarter?planId={_planId}&quarter=3"));

        string[] Row(string number) => [.. page.QuerySelector($"tr[data-number='{number}']")!.Children.Skip(3).Take(4).Select(c => c.Text())];

        Row("16").Should().Equal("105 000", "27 400", "44 400", "42,3 %");
        Row("15").Should().Equal("14 000", "12 450", "12 450", "88,9 %");
        Row("27").Should().Equal("1", "1", "1", "100,0 %");
        Row("10").Should().Equal("4 000", "500", "600", "15,0 %");
        Row("10.4").Should().Equal("1 000", "200", "200", "20,0 %");
        Row("1").Should().Equal("2", "-", "-", "-");
        page.QuerySelector("tr[data-number='16'] td:last-child")!.Text().Should().Be("Kitob bayrami");
        page.QuerySelectorAll("tr.section-row").Should().HaveCount(4);
    }

    [Fact]
    public async Task ExportsTheReportAsExcelAndPdf_WithTheSameFigures()
    {
        var client = database.OctoberFactory.CreateClientAs("xojaobod.inspektor");

        using var workbook = new XLWorkbook(await (await client.GetAsync($"/Reports/ExportExcel?planId={_planId}&quarter=3")).Content.ReadAsStreamAsync());
        var pdf = await PdfText.ReadAsync(await (await client.GetAsync($"/Reports/ExportPdf?planId={_planId}&quarter=3")).Content.ReadAsByteArrayAsync());

        var row16 = workbook.Worksheets.First().RowsUsed().First(r => r.Cell(1).GetString() == "16");
        (row16.Cell(4).GetDouble(), row16.Cell(5).GetDouble(), row16.Cell(6).GetDouble()).Should().Be((105000, 27400, 44400));
        pdf.Should().Contain("III chorak").And.Contain("27 400").And.Contain("44 400").And.Contain("42,3 %").And.Contain("Direktor");
    }

    [Fact]
    public async Task SubmitsTheReport_LockingTheQuarter_AndItsFilesNeverChange()
    {
        var inspector = database.OctoberFactory.CreateClientAs("xojaobod.inspektor");

        var submitted = await Forms.PostAsync(inspector, $"/Reports/Quarter?planId={_planId}&quarter=3", $"/Reports/Submit?planId={_planId}&quarter=3", ConfirmMissing);
        var pdfBefore = await (await inspector.GetAsync($"/Reports/ExportPdf?planId={_planId}&quarter=3")).Content.ReadAsByteArrayAsync();
        var excelBefore = await (await inspector.GetAsync($"/Reports/ExportExcel?planId={_planId}&quarter=3")).Content.ReadAsByteArrayAsync();
        var september = await Html.ParseAsync(await database.OctoberFactory.CreateClientAs("xojaobod.abonement").GetAsync($"/Actuals?planId={_planId}&month=9"));
        await using (var db = database.CreateContext())
        {
            var row = await db.MonthlyActuals.Include(a => a.Indicator).SingleAsync(a => a.Indicator!.PlanId == _planId && a.Indicator.Number == "16" && a.Month == 9);
            row.Change(1, null, "test", DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }

        var pdfAfter = await (await inspector.GetAsync($"/Reports/ExportPdf?planId={_planId}&quarter=3")).Content.ReadAsByteArrayAsync();
        var excelAfter = await (await inspector.GetAsync($"/Reports/ExportExcel?planId={_planId}&quarter=3")).Content.ReadAsByteArrayAsync();
        var page = await Html.ParseAsync(await inspector.GetAsync($"/Reports/Quarter?planId={_planId}&quarter=3"));

        submitted.StatusCode.Should().Be(HttpStatusCode.Redirect);
        september.QuerySelectorAll("input.cell-input").Should().BeEmpty("a submitted quarter locks its months");
        pdfAfter.Should().Equal(pdfBefore, "a submitted report's PDF is stored");
        excelAfter.Should().Equal(excelBefore, "a submitted report's Excel is stored");
        page.QuerySelector("tr[data-number='16'] td:nth-child(5)")!.Text().Should().Be("27 400", "the page shows the snapshot");
    }

    [Fact]
    public async Task LetsTheRegionAcceptOrReturnASubmittedReport_AndListsItInItsInbox()
    {
        var inspector = database.OctoberFactory.CreateClientAs("xojaobod.inspektor");
        var region = database.OctoberFactory.CreateClientAs("andijon.metodist");
        await Forms.PostAsync(inspector, $"/Reports/Quarter?planId={_planId}&quarter=3", $"/Reports/Submit?planId={_planId}&quarter=3", ConfirmMissing);

        var inbox = await Html.ParseAsync(await region.GetAsync("/Reports/Inbox"));
        var returned = await Forms.PostAsync(region, $"/Reports/Quarter?planId={_planId}&quarter=3", $"/Reports/Return?planId={_planId}&quarter=3",
            new Dictionary<string, string> { ["version"] = await VersionAsync(3), ["reason"] = "16-ko'rsatkich izohini to'ldiring" });
        var openAgain = await Html.ParseAsync(await database.OctoberFactory.CreateClientAs("xojaobod.abonement").GetAsync($"/Actuals?planId={_planId}&month=9"));
        await Forms.PostAsync(inspector, $"/Reports/Quarter?planId={_planId}&quarter=3", $"/Reports/Submit?planId={_planId}&quarter=3", ConfirmMissing);
        var accepted = await Forms.PostAsync(region, $"/Reports/Quarter?planId={_planId}&quarter=3", $"/Reports/Accept?planId={_planId}&quarter=3",
            new Dictionary<string, string> { ["version"] = await VersionAsync(3) });
        var byDistrict = await Forms.PostAsync(inspector, $"/Reports/Quarter?planId={_planId}&quarter=3", $"/Reports/Accept?planId={_planId}&quarter=3",
            new Dictionary<string, string> { ["version"] = await VersionAsync(3) });

        inbox.QuerySelectorAll(".inbox-table tbody tr").Select(r => r.Text()).Should().Contain(t => t.Contains("Xo'jaobod", StringComparison.Ordinal) && t.Contains("Yuborildi", StringComparison.Ordinal) && t.Contains("o'z vaqtida", StringComparison.Ordinal));
        returned.StatusCode.Should().Be(HttpStatusCode.Redirect);
        openAgain.QuerySelectorAll("input.cell-input").Should().NotBeEmpty("a returned report opens its months for corrections");
        accepted.StatusCode.Should().Be(HttpStatusCode.Redirect);
        byDistrict.StatusCode.Should().Be(HttpStatusCode.Forbidden, "only the regional centre accepts");
        await using var db = database.CreateContext();
        (await db.ReportSubmissions.SingleAsync(r => r.PlanId == _planId && r.Quarter == 3)).Status.Should().Be(ReportStatus.Accepted);
    }

    [Fact]
    public async Task KeepsEverySubmissionAsItsOwnSnapshot_AndShowsTheRegionWhatChanged_WhenAReturnedReportIsSentAgain()
    {
        var inspector = database.OctoberFactory.CreateClientAs("xojaobod.inspektor");
        var region = database.OctoberFactory.CreateClientAs("andijon.metodist");
        var quarterPage = $"/Reports/Quarter?planId={_planId}&quarter=3";
        await Forms.PostAsync(inspector, quarterPage, $"/Reports/Submit?planId={_planId}&quarter=3", ConfirmMissing);
        var firstPdf = await (await region.GetAsync($"/Reports/ExportPdf?planId={_planId}&quarter=3")).Content.ReadAsByteArrayAsync();
        await Forms.PostAsync(region, quarterPage, $"/Reports/Return?planId={_planId}&quarter=3",
            new Dictionary<string, string> { ["version"] = await VersionAsync(3), ["reason"] = "16-qator sentyabr qiymatini tekshiring" });
        await using (var db = database.CreateContext())
        {
            var september = await db.MonthlyActuals.Include(a => a.Indicator).SingleAsync(a => a.Indicator!.PlanId == _planId && a.Indicator.Number == "16" && a.Month == 9);
            september.Change(9800, "Kitob bayrami (tuzatildi)", "test", DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }

        await Forms.PostAsync(inspector, quarterPage, $"/Reports/Submit?planId={_planId}&quarter=3", ConfirmMissing);
        var page = await Html.ParseAsync(await region.GetAsync(quarterPage));
        var first = await PdfText.ReadAsync(await (await region.GetAsync($"/Reports/ExportPdf?planId={_planId}&quarter=3&number=1")).Content.ReadAsByteArrayAsync());
        var firstAgain = await (await region.GetAsync($"/Reports/ExportPdf?planId={_planId}&quarter=3&number=1")).Content.ReadAsByteArrayAsync();
        var second = await PdfText.ReadAsync(await (await region.GetAsync($"/Reports/ExportPdf?planId={_planId}&quarter=3")).Content.ReadAsByteArrayAsync());
        var secondByNumber = await region.GetAsync($"/Reports/ExportExcel?planId={_planId}&quarter=3&number=2");

        await using var check = database.CreateContext();
        var snapshots = await check.ReportSnapshots.Where(s => check.ReportSubmissions.Any(r => r.Id == s.ReportSubmissionId && r.PlanId == _planId && r.Quarter == 3))
            .OrderBy(s => s.Number).ToListAsync();
        snapshots.Select(s => (s.Number, s.Outcome)).Should().Equal((1, ReportStatus.Returned), (2, ReportStatus.Submitted));
        snapshots[0].ReturnReason.Should().Be("16-qator sentyabr qiymatini tekshiring");
        snapshots[0].Document.Should().NotBe(snapshots[1].Document);
        firstAgain.Should().Equal(firstPdf, "submission 1 keeps its own file after the second is sent");
        first.Should().Contain("27 400").And.NotContain("27 700");
        second.Should().Contain("27 700").And.NotContain("27 400");
        secondByNumber.Content.Headers.ContentDisposition!.FileNameStar.Should().Contain("(2-yuborish)");

        var history = page.QuerySelectorAll(".history-table tbody tr").ToList();
        history.Select(r => r.GetAttribute("data-submission")).Should().Equal("1", "2");
        history[0].Text().Should().Contain("Qaytarildi").And.Contain("16-qator sentyabr qiymatini tekshiring").And.Contain("2022 yil");
        history[1].Text().Should().Contain("Yuborildi").And.Contain("Xo'jaobod TAKM kadrlar bo'yicha inspektori");
        var changes = page.QuerySelectorAll(".changes-table tbody tr").ToList();
        changes.Should().OnlyContain(r => r.GetAttribute("data-number") == "16", "only row 16's values changed");
        changes.Select(r => (r.QuerySelector(".cell-before")!.Text(), r.QuerySelector(".cell-after")!.Text())).Should()
            .Contain(("27 400", "27 700")).And.Contain(("44 400", "44 700")).And.Contain(("Kitob bayrami", "Kitob bayrami (tuzatildi)"));
        page.QuerySelector(".report-changes h2")!.Text().Should().Contain("1-yuborish").And.Contain("2-yuborish");
        var inbox = await Html.ParseAsync(await region.GetAsync("/Reports/Inbox"));
        inbox.QuerySelectorAll(".inbox-table tbody tr").Single(r => r.Text().Contains("Xo'jaobod", StringComparison.Ordinal) && r.Text().Contains("III chorak", StringComparison.Ordinal))
            .QuerySelector(".inbox-resubmitted")!.Text().Should().Be("2-yuborish", "the region sees at once that the report came back a second time");
    }

    [Fact]
    public async Task FreezesTheSubmittedFilesInTheDocumentLanguage_WhoeverDownloadsThemFirst()
    {
        var inspector = database.OctoberFactory.CreateClientAs("xojaobod.inspektor");
        var russianRegion = await database.OctoberFactory.CreateClientAs("andijon.metodist").SpeakingAsync("ru-RU");
        await Forms.PostAsync(inspector, $"/Reports/Quarter?planId={_planId}&quarter=3", $"/Reports/Submit?planId={_planId}&quarter=3", ConfirmMissing);

        var excelFirst = await (await russianRegion.GetAsync($"/Reports/ExportExcel?planId={_planId}&quarter=3")).Content.ReadAsByteArrayAsync();
        var pdfFirst = await (await russianRegion.GetAsync($"/Reports/ExportPdf?planId={_planId}&quarter=3")).Content.ReadAsByteArrayAsync();
        var russianCopy = await (await inspector.GetAsync($"/Reports/ExportExcel?planId={_planId}&quarter=3&language=ru")).Content.ReadAsByteArrayAsync();
        var excelLater = await (await inspector.GetAsync($"/Reports/ExportExcel?planId={_planId}&quarter=3")).Content.ReadAsByteArrayAsync();
        var pdfLater = await (await inspector.GetAsync($"/Reports/ExportPdf?planId={_planId}&quarter=3")).Content.ReadAsByteArrayAsync();

        using (var workbook = new XLWorkbook(new MemoryStream(excelFirst)))
        {
            workbook.Worksheet(1).CellsUsed().Select(c => c.GetString()).Should().Contain("Bajarilishi, %").And.Contain("Yil boshidan");
        }

        (await PdfText.ReadAsync(pdfFirst)).Should().Contain("III chorak").And.NotContain("квартал");
        excelLater.Should().Equal(excelFirst, "the stored file is the same whoever downloaded it first");
        pdfLater.Should().Equal(pdfFirst);
        using var russian = new XLWorkbook(new MemoryStream(russianCopy));
        russian.Worksheet(1).CellsUsed().Select(c => c.GetString()).Should().NotContain("Bajarilishi, %", "another language is an explicit choice, made afresh and never stored");
    }

    [Theory]
    [InlineData("andijon.metodist")]
    [InlineData("xojaobod.direktor")]
    public async Task NamesTheCentresInspectorOnTheReport_WhoeverViewsIt(string viewer)
    {
        var client = database.OctoberFactory.CreateClientAs(viewer);

        var live = await Html.ParseAsync(await client.GetAsync($"/Reports/Quarter?planId={_planId}&quarter=3"));
        var pdf = await PdfText.ReadAsync(await (await client.GetAsync($"/Reports/ExportPdf?planId={_planId}&quarter=3")).Content.ReadAsByteArrayAsync());

        live.QuerySelector(".report-signatures")!.Text().Should().Contain("Xo'jaobod TAKM kadrlar bo'yicha inspektori");
        pdf.Should().Contain("Xo'jaobod TAKM kadrlar bo'yicha inspektori");
    }

    /// <summary>The second confirmation a report with missing values needs (this test's quarter is far from complete).</summary>
    private static Dictionary<string, string> ConfirmMissing => new() { ["confirmMissing"] = "true" };

    private async Task<string> VersionAsync(int quarter)
    {
        await using var db = database.CreateContext();
        return (await db.ReportSubmissions.Where(r => r.PlanId == _planId && r.Quarter == quarter).Select(r => r.Version).SingleAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
