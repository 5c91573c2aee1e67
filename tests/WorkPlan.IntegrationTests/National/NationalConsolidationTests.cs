using System.Net;
using AngleSharp.Dom;
using ClosedXML.Excel;
using WorkPlan.IntegrationTests.Infrastructure;
using WorkPlan.IntegrationTests.Regional;
using Xunit.Abstractions;

namespace WorkPlan.IntegrationTests.National;

/// <summary>
/// The 2022 Q1 national consolidation over <see cref="NationalWorld"/>, against figures worked out by hand:
/// <code>
///            N01 (sum)                    N02 (last value)              N03 (max)
/// Alfa 1     10+20+30 = 60 / 100          last of 5,7,6 = 6 / 50        max 0,1,0 = 1 / 1
/// Alfa 2     40+50 = 90 / 200             last of 10,12 = 12 / 60       -  / 1
/// Alfa AKM   100 / 300                    8 / 20                        1 / 1
/// Alfa       250 / 600 = 41,7 %           26 / 130 = 20,0 %             2 / 3 = 66,7 %
/// Beta 1     30+30+40 = 100 / 100         25 / 40                       (not mapped)
/// Beta 2     50 / no target               15 / no target
/// Beta       150 / 100 → 100/100 = 100 %  40 / 40 → 25/40 = 62,5 %
/// Country    400 / 700 → 350/700 = 50 %   66 / 170 → 51/170 = 30,0 %    2 / 3 = 66,7 %
/// </code>
/// A04, Alfa's own indicator (4 + 5), counts nowhere.
/// </summary>
[Collection(DatabaseTests.Name)]
public sealed class NationalConsolidationTests(DatabaseFixture database, ITestOutputHelper output) : IAsyncLifetime
{
    private NationalWorld.World _world = null!;

    public async Task InitializeAsync() => _world = await NationalWorld.BuildAsync(database);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task AddsUpEachRegionsRolledUpFiguresByTheNationalCodes()
    {
        var page = await Html.ParseAsync(await Client().GetAsync("/NationalConsolidation?year=2022&quarter=1"));

        RegionCell(page, "N01", _world.Alfa).Should().Be("250");
        RegionCell(page, "N01", _world.Beta).Should().Be("150");
        Total(page, "N01").Should().Equal("700", "400", "400", "50,0 %");

        // Last values: each plan's latest month, then added across plans (never 5+7+6+...).
        RegionCell(page, "N02", _world.Alfa).Should().Be("26");
        RegionCell(page, "N02", _world.Beta).Should().Be("40");
        Total(page, "N02").Should().Equal("170", "66", "66", "30,0 %");

        RegionCell(page, "N03", _world.Alfa).Should().Be("2");
        RegionCell(page, "N03", _world.Beta).Should().Be("-");
        Total(page, "N03").Should().Equal("3", "2", "2", "66,7 %");

        // A region's own indicator has no national row, and adds to none.
        page.QuerySelectorAll("tr[data-code]").Select(r => r.GetAttribute("data-code")).Should().Equal("N01", "N02", "N03");
    }

    [Fact]
    public async Task PercentCountsOnlyThePlansWithATarget()
    {
        var page = await Html.ParseAsync(await Client().GetAsync("/NationalConsolidation?year=2022&quarter=1&measure=Percent"));

        RegionCell(page, "N01", _world.Alfa).Should().Be("41,7 %");
        RegionCell(page, "N01", _world.Beta).Should().Be("100,0 %", "Beta 2's 50 has no target");
        RegionCell(page, "N02", _world.Beta).Should().Be("62,5 %");
    }

    [Fact]
    public async Task ShowsEachRegionsReportAndLinksToItsConsolidation()
    {
        var page = await Html.ParseAsync(await Client().GetAsync("/NationalConsolidation?year=2022&quarter=1"));

        page.QuerySelector($".status-table tr[data-region='{_world.Alfa}']")!.Text().Should().Contain("Yuborildi").And.Contain("3 / 3");
        page.QuerySelector($".status-table tr[data-region='{_world.Beta}']")!.Text().Should().Contain("2 / 2");
        page.QuerySelector($"th.region-column a[href='/Consolidation?regionId={_world.Alfa}&year=2022&quarter=1']").Should().NotBeNull();

        // The region's consolidation, opened from there by the National Library: its districts' columns open their plans.
        var region = await Html.ParseAsync(await Client().GetAsync($"/Consolidation?regionId={_world.Alfa}&year=2022&quarter=1"));
        region.QuerySelector($"th.district-column a[href='/Plans/Details/{_world.Alfa1Plan}']").Should().NotBeNull();
        region.QuerySelectorAll(".region-picker select[name=regionId] option").Select(o => o.Text()).Should().Contain(["Alfa viloyat AKM", "Beta viloyat AKM"]);
    }

    [Fact]
    public async Task RegionalStaffSeeNoRegionPicker()
    {
        var page = await Html.ParseAsync(await database.OctoberFactory.CreateClientAs("andijon.direktor").GetAsync("/Consolidation?year=2022&quarter=1"));

        page.QuerySelector(".region-picker").Should().BeNull();
    }

    [Fact]
    public async Task OnlyAcceptedReportsCountWhenAsked()
    {
        await RegionalFixture.ReportAsync(database, _world.Alfa1Plan, 1, new DateOnly(2022, 4, 5), accept: true);
        await RegionalFixture.ReportAsync(database, _world.Alfa2Plan, 1, new DateOnly(2022, 4, 5), accept: false);
        await RegionalFixture.ReportAsync(database, _world.Beta1Plan, 1, new DateOnly(2022, 4, 5), accept: true);

        var page = await Html.ParseAsync(await Client().GetAsync("/NationalConsolidation?year=2022&quarter=1&accepted=true"));

        RegionCell(page, "N01", _world.Alfa).Should().Be("60");
        RegionCell(page, "N01", _world.Beta).Should().Be("100");
        Total(page, "N01").Should().Equal("200", "160", "160", "80,0 %");
        Total(page, "N02").Should().Equal("90", "31", "31", "34,4 %");
        page.QuerySelector($".status-table tr[data-region='{_world.Alfa}']")!.Text().Should().Contain("1 / 3");
    }

    [Fact]
    public async Task IssuesTheSameNumberOfStatementsWhateverTheNumberOfRegions()
    {
        var client = Client();
        const string Url = "/NationalConsolidation?year=2022&quarter=1";
        var before = await CountAsync(client, Url);

        await NationalWorld.AddRegionsAsync(database, 2, 3);
        var after = await CountAsync(client, Url);

        output.WriteLine($"{before} SQL commands with Alfa and Beta; {after} with two more regions of three districts");
        (await client.GetStringAsync(Url)).Should().Contain("Sinov 2 viloyat AKM");
        after.Should().Be(before);
        before.Should().BeLessThan(15);
    }

    [Fact]
    public async Task ExcelHoldsEachRegionsFiguresAndTheTotal()
    {
        var response = await Client().GetAsync("/NationalConsolidation/ExportExcel?year=2022&quarter=1");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        using var workbook = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var sheet = workbook.Worksheet(1);

        var header = sheet.Row(5);
        var alfa = header.CellsUsed().Single(c => c.GetString() == "Alfa viloyat AKM").Address.ColumnNumber;
        var total = header.CellsUsed().Single(c => c.GetString() == "Respublika bo'yicha jami").Address.ColumnNumber;
        var n01 = sheet.RowsUsed().Single(r => r.Cell(2).GetString() == "Kitobxonlar soni");
        var n02 = sheet.RowsUsed().Single(r => r.Cell(2).GetString() == "Fond hajmi");

        n01.Cell(alfa).GetDouble().Should().Be(600);
        n01.Cell(alfa + 2).GetDouble().Should().Be(250);
        n02.Cell(alfa + 2).GetDouble().Should().Be(26);
        n01.Cell(total).GetDouble().Should().Be(700);
        n01.Cell(total + 2).GetDouble().Should().Be(400);
        n01.Cell(total + 3).GetDouble().Should().Be(50);
        n02.Cell(total + 2).GetDouble().Should().Be(66);
        sheet.Cell(3, 1).GetString().Should().Contain("Alfa viloyat AKM: Yuborildi");
    }

    [Fact]
    public async Task PdfHoldsTheRegionsAndTheTotal()
    {
        var response = await Client().GetAsync("/NationalConsolidation/ExportPdf?year=2022&quarter=1");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var text = await PdfText.ReadAsync(await response.Content.ReadAsByteArrayAsync());

        text.Should().Contain("respublika jamlanmasi").And.Contain("Alfa viloyat AKM").And.Contain("Beta viloyat AKM");
        var n01 = text.Split('\n').First(l => l.Contains("Kitobxonlar soni", StringComparison.Ordinal));
        n01.Should().Contain("250").And.Contain("150").And.Contain("700").And.Contain("400").And.Contain("50,0 %");
    }

    private HttpClient Client() => database.OctoberFactory.CreateClientAs(NationalWorld.Director);

    private static async Task<int> CountAsync(HttpClient client, string url)
    {
        await client.GetAsync(url);
        using var counter = new SqlCounter();
        (await client.GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.OK);
        return counter.Count;
    }

    private static string RegionCell(IDocument page, string code, int region) =>
        page.QuerySelector($"tr[data-code='{code}'] td[data-region='{region}']")!.Text().Trim();

    private static string[] Total(IDocument page, string code) =>
        [.. page.QuerySelector($"tr[data-code='{code}']")!.QuerySelectorAll("td.cell-total").Select(c => c.Text().Trim())];
}
