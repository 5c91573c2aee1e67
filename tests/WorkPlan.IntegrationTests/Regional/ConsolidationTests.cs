using System.Net;
using AngleSharp.Dom;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using WorkPlan.Core.Organisations;
using WorkPlan.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace WorkPlan.IntegrationTests.Regional;

/// <summary>
/// The Q2 2022 consolidation of the Andijon region on 3 October 2022, from hand-made figures of two
/// districts in force (Xo'jaobod, Baliqchi); the other districts have no plan in force.
/// </summary>
[Collection(DatabaseTests.Name)]
public sealed class ConsolidationTests(DatabaseFixture database, ITestOutputHelper output) : IAsyncLifetime
{
    private int _xojaobod;
    private int _baliqchi;

    public async Task InitializeAsync()
    {
        await database.ResetWithDemoDataAsync();
        await using (var db = database.CreateContext())
        {
            _xojaobod = await db.Plans.Where(p => p.Organisation!.Code == "xojaobod").Select(p => p.Id).SingleAsync();
        }

        await RegionalFixture.PublishTemplateAsync(database, _xojaobod);
        await RegionalFixture.MapAsSuggestedAsync(database.OctoberFactory.CreateClientAs("xojaobod.inspektor"), _xojaobod);
        _baliqchi = await RegionalFixture.BaliqchiPlanAsync(database, new Dictionary<string, decimal?> { ["16"] = 50_000, ["15"] = 6_000, ["27"] = 1, ["10"] = 900, ["10.2"] = 500 });

        // A flow (16: sum), a stock (15: last value), a one-off (27: maximum), an "of which" row (10.2).
        await RegionalFixture.AddActualsAsync(database, _xojaobod,
            ("16", 1, 8_000), ("16", 4, 9_000), ("16", 5, 9_100), ("16", 6, 8_800), ("16", 7, 9_999),
            ("15", 3, 12_000), ("15", 5, 12_300), ("15", 6, 12_500),
            ("27", 2, 0), ("27", 4, 1), ("27", 5, 0),
            ("10.2", 4, 300),
            ("1", 5, 1));
        await RegionalFixture.AddActualsAsync(database, _baliqchi,
            ("16", 2, 5_000), ("16", 4, 6_000), ("16", 6, 7_000),
            ("15", 4, 5_000), ("15", 5, 5_100),
            ("27", 6, 1),
            ("10.2", 5, 100),
            ("1", 4, 3),
            ("43", 4, 50));
        await RegionalFixture.ReportAsync(database, _xojaobod, 2, new DateOnly(2022, 7, 8), accept: true);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task AddsUpTheDistrictsRolledUpFigures_NeverTheirMonths()
    {
        var page = await Html.ParseAsync(await Region().GetAsync("/Consolidation?year=2022&quarter=2&measure=Quarter"));

        // Columns: Baliqchi, Xo'jaobod (the quarter's actual), then the region: target, quarter, year to date, percent.
        Cells(page, "K016").Should().Equal("13 000", "26 900", "155 000", "39 900", "52 900", "34,1 %");
        Cells(page, "K015").Should().Equal("5 100", "12 500", "20 000", "17 600", "17 600", "88,0 %");
        Cells(page, "K027").Should().Equal("1", "1", "2", "2", "2", "100,0 %");
        Cells(page, "K010.2").Should().Equal("100", "300", "3 500", "400", "400", "11,4 %");
        Cells(page, "K001").Should().Equal(["3", "1", "2", "4", "4", "50,0 %"], "the region's percent counts only the districts with a target");
    }

    [Fact]
    public async Task LeavesADistrictsOwnIndicatorsOut()
    {
        var page = await Html.ParseAsync(await Region().GetAsync("/Consolidation?year=2022&quarter=2"));

        page.QuerySelectorAll("tr[data-code]").Should().HaveCount(55, "one row per catalogue indicator");
        page.QuerySelector(".consolidation-table")!.Text().Should().NotContain("Mahalla kutubxonachilari");
    }

    [Fact]
    public async Task ShowsEachDistrictsReportStatus_AndCanCountOnlyTheReportedOnes()
    {
        var all = await Html.ParseAsync(await Region().GetAsync("/Consolidation?year=2022&quarter=2&measure=Quarter"));
        var reported = await Html.ParseAsync(await Region().GetAsync("/Consolidation?year=2022&quarter=2&measure=Quarter&reported=true"));

        Status(all, "Xo'jaobod TAKM").Should().Contain("Qabul qilindi").And.Contain("O'z vaqtida");
        Status(all, "Baliqchi TAKM").Should().Contain("Yuborilmagan, muddati o'tgan");
        Status(all, "Asaka TAKM").Should().Contain("Amaldagi reja yo'q");
        all.QuerySelector(".district-status h2")!.Text().Should().Contain("1 ta qabul qilingan");
        Cells(reported, "K016").Should().Equal("26 900", "105 000", "26 900", "34 900", "33,2 %");
    }

    [Fact]
    public async Task ExportsTheConsolidationAsExcelAndPdf_WithTheSameFigures()
    {
        var client = Region();

        var excel = await client.GetAsync("/Consolidation/ExportExcel?year=2022&quarter=2");
        var pdf = await PdfText.ReadAsync(await (await client.GetAsync("/Consolidation/ExportPdf?year=2022&quarter=2&measure=Quarter")).Content.ReadAsByteArrayAsync());

        using var workbook = new XLWorkbook(await excel.Content.ReadAsStreamAsync());
        var sheet = workbook.Worksheets.First();
        sheet.Cell(5, 4).GetString().Should().Be("Baliqchi TAKM");
        sheet.Cell(5, 8).GetString().Should().Be("Xo'jaobod TAKM");
        sheet.Cell(5, 12).GetString().Should().Be("Viloyat bo'yicha jami");
        var row16 = sheet.RowsUsed().First(r => r.Cell(1).GetString() == "16");
        Enumerable.Range(4, 12).Select(c => row16.Cell(c).GetDouble()).Should().Equal(
            50_000, 13_000, 18_000, 36.0,
            105_000, 26_900, 34_900, 33.2,
            155_000, 39_900, 52_900, 34.1);
        var row15 = sheet.RowsUsed().First(r => r.Cell(1).GetString() == "15");
        (row15.Cell(13).GetDouble(), row15.Cell(14).GetDouble()).Should().Be((17_600, 17_600), "a stock's last values add up across districts, never across months");
        sheet.RowsUsed().Should().NotContain(r => r.Cell(2).GetString().Contains("Mahalla", StringComparison.Ordinal));
        pdf.Should().Contain("Viloyat bo'yicha jami").And.Contain("39 900").And.Contain("13 000").And.Contain("II chorak");
    }

    [Fact]
    public async Task LaysOutTwentyDistrictsOnReadableA4Pages_WithEveryDistrictAndTheLastColumn_WhenExportedAsPdf()
    {
        await RegionalFixture.AddDistrictsAsync(database, 18);
        var client = Region();
        var screen = await Html.ParseAsync(await client.GetAsync("/Consolidation?year=2022&quarter=2&measure=Quarter"));
        var districts = screen.QuerySelectorAll(".consolidation-table .district-column").Select(c => c.Text()).ToList();

        var response = await client.GetAsync("/Consolidation/ExportPdf?year=2022&quarter=2&measure=Quarter");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var text = await PdfText.ReadAsync(bytes);
        var pages = text.Split('\f', StringSplitOptions.RemoveEmptyEntries).Where(p => p.Trim().Length > 0).ToList();
        File.WriteAllBytes(Path.Combine(Path.GetTempPath(), "workplan-consolidation-20.pdf"), bytes);
        output.WriteLine($"{districts.Count} districts: {pages.Count} pages");

        districts.Should().HaveCount(20);
        foreach (var district in districts)
        {
            // A header cell may wrap ("Baliqchi" over "TAKM"): every word of the name is there.
            district.Split(' ').Should().OnlyContain(word => text.Contains(word, StringComparison.Ordinal), $"{district}'s column is on a page");
        }

        districts.Where(d => d.StartsWith("Sinov", StringComparison.Ordinal)).Should().HaveCount(18).And.OnlyContain(d => text.Contains(d, StringComparison.Ordinal));

        text.Should().Contain("Bajarilishi, %").And.Contain("Viloyat bo'yicha jami");
        pages.Should().HaveCountLessThanOrEqualTo(16, "55 rows × 20 districts fit in a few pages of district columns with the row labels repeated");
        pages.Where(p => !p.Contains("Sinov tumani", StringComparison.Ordinal)).Should()
            .OnlyContain(p => p.Contains("Nomi", StringComparison.Ordinal), "every page of the tables repeats the row labels' header (the status list after them names the districts in full)");
        pages.Should().OnlyContain(p => p.Contains("Sahifa", StringComparison.Ordinal));
        response.Content.Headers.ContentDisposition!.FileNameStar.Should().Be("Jamlanma 2022 II chorak - Bobur nomidagi Andijon viloyat axborot-kutubxona markazi.pdf");
    }

    [Fact]
    public async Task PrintsSixDistrictsAndTheTotalSideBySide_OnAFewPages_WhenExportedAsPdf()
    {
        await RegionalFixture.AddDistrictsAsync(database, 4);

        var bytes = await (await Region().GetAsync("/Consolidation/ExportPdf?year=2022&quarter=2&measure=Quarter")).Content.ReadAsByteArrayAsync();
        var text = await PdfText.ReadAsync(bytes);
        var pages = text.Split('\f', StringSplitOptions.RemoveEmptyEntries).Where(p => p.Trim().Length > 0).ToList();
        File.WriteAllBytes(Path.Combine(Path.GetTempPath(), "workplan-consolidation-6.pdf"), bytes);
        output.WriteLine($"6 districts: {pages.Count} pages");

        pages[0].Should().Contain("Sinov 04").And.Contain("Baliqchi").And.Contain("Viloyat bo'yicha jami").And.Contain("Bajarilishi,", "the six districts and the total share one table");
        pages.Should().HaveCountLessThanOrEqualTo(4, "55 rows with names on one or two lines, not eight");
    }

    [Fact]
    public async Task CostsTheSameNumberOfQueriesForTwentyDistrictsAsForTwo()
    {
        string[] pages = ["/Consolidation?year=2022&quarter=2", "/Completeness?year=2022", "/Dashboard?year=2022"];
        var client = Region();
        var two = await CountQueriesAsync(client, pages);

        await RegionalFixture.AddDistrictsAsync(database, 18);
        var twenty = await CountQueriesAsync(client, pages);

        for (var i = 0; i < pages.Length; i++)
        {
            output.WriteLine($"{pages[i]}: {two[i]} SQL commands for 2 districts, {twenty[i]} for 20 districts × 55 indicators");
        }

        (await client.GetStringAsync(pages[0])).Should().Contain("Sinov 18");
        twenty.Should().Equal(two, "the regional pages are a fixed number of aggregate queries");
        two.Should().OnlyContain(n => n < 15);
    }

    private static async Task<int[]> CountQueriesAsync(HttpClient client, string[] pages)
    {
        var counts = new int[pages.Length];
        for (var i = 0; i < pages.Length; i++)
        {
            await client.GetAsync(pages[i]);
            using var counter = new SqlCounter();
            (await client.GetAsync(pages[i])).StatusCode.Should().Be(HttpStatusCode.OK);
            counts[i] = counter.Count;
        }

        return counts;
    }

    [Fact]
    public async Task IsNotShownToDistricts_NorForAnotherRegion()
    {
        var district = await database.OctoberFactory.CreateClientAs("xojaobod.direktor").GetAsync("/Consolidation?year=2022&quarter=2");
        var excel = await database.OctoberFactory.CreateClientAs("xojaobod.direktor").GetAsync("/Consolidation/ExportExcel?year=2022&quarter=2");
        await using var db = database.CreateContext();
        var namangan = new Organisation("namangan", OrganisationKind.Regional, "Namangan viloyat AKM", "Namangan viloyat AKM", await db.Organisations.SingleAsync(o => o.Code == "national"));
        db.Organisations.Add(namangan);
        await db.SaveChangesAsync();
        var foreign = await Region().GetAsync($"/Consolidation?regionId={namangan.Id}");
        var foreignPdf = await Region().GetAsync($"/Consolidation/ExportPdf?regionId={namangan.Id}");

        district.StatusCode.Should().Be(HttpStatusCode.NotFound);
        excel.StatusCode.Should().Be(HttpStatusCode.NotFound);
        foreign.StatusCode.Should().Be(HttpStatusCode.NotFound);
        foreignPdf.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    private HttpClient Region() => database.OctoberFactory.CreateClientAs("andijon.direktor");

    private static string[] Cells(IDocument page, string code) =>
        [.. page.QuerySelector($"tr[data-code='{code}']")!.QuerySelectorAll("td.cell-value").Select(c => c.Text())];

    private static string Status(IDocument page, string district) =>
        page.QuerySelector($".status-table tr[data-district=\"{district}\"]")!.Text();
}
