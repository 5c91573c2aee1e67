using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using WorkPlan.IntegrationTests.Infrastructure;
using Xunit.Abstractions;
using static WorkPlan.IntegrationTests.Import.ImportWorkbooks;

namespace WorkPlan.IntegrationTests.Import;

/// <summary>Large imports: a plan of 5,000 rows previews in pages, beyond that a message; every row's text is checked in the preview.</summary>
[Collection(DatabaseTests.Name)]
public sealed class ImportScaleTests(DatabaseFixture database, ITestOutputHelper output) : IAsyncLifetime
{
    public Task InitializeAsync() => database.ResetWithDemoDataAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task PreviewsAPlanOfFiveThousandRows_InPages_AndImportsIt()
    {
        var client = database.Factory.CreateClientAs("xojaobod.direktor");
        var file = Plan(sections: 5, rowsPerSection: 999);

        var watch = Stopwatch.StartNew();
        var response = await UploadAsync(client, file, 2023);
        output.WriteLine($"Preview of 5,000 table rows: {watch.Elapsed.TotalSeconds:0.00} s");
        var page = await Html.ParseAsync(response);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        page.QuerySelectorAll(".import-problems .text-danger").Should().BeEmpty();
        page.QuerySelectorAll("table.import-preview tr[data-number]").Should().HaveCount(200, "the preview shows one page of rows");
        page.QuerySelector(".import-rows")!.Text().Should().Contain("4995");
        var confirm = page.QuerySelector("form[action^='/PlanImport/Confirm']")!.GetAttribute("action")!;
        var id = confirm.Split('/')[^1];
        var last = await Html.ParseAsync(await client.GetAsync($"/PlanImport/Preview/{id}?page=25"));
        last.QuerySelectorAll("table.import-preview tr[data-number]").Should().HaveCount(195);
        last.QuerySelectorAll("table.import-preview tr[data-number]")[^1].GetAttribute("data-number").Should().Be("4995");
        page.QuerySelectorAll(".pagination .page-link").Should().HaveCount(25);

        watch.Restart();
        var created = await Forms.PostAsync(client, "/PlanImport", confirm, new Dictionary<string, string>());
        output.WriteLine($"Confirmation of 4,995 indicators: {watch.Elapsed.TotalSeconds:0.00} s");
        created.StatusCode.Should().Be(HttpStatusCode.Redirect);
        await using var db = database.CreateContext();
        (await db.Indicators.CountAsync(i => i.Plan!.Year == 2023)).Should().Be(4995);
    }

    [Fact]
    public async Task RefusesAPlanOfMoreThanFiveThousandRows_WithAMessage()
    {
        var client = database.Factory.CreateClientAs("xojaobod.direktor");

        var page = await Html.ParseAsync(await UploadAsync(client, Plan(sections: 1, rowsPerSection: 5000), 2023));

        page.QuerySelector(".import-problems")!.Text().Should().Contain("eng ko'pi 5000 ta");
        page.QuerySelector("form[action^='/PlanImport/Confirm']").Should().BeNull();
        await using var db = database.CreateContext();
        (await db.PendingImports.CountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task ReportsARowNameLongerThanTheColumn_InThePreview_AndOffersNoConfirmation()
    {
        var client = database.Factory.CreateClientAs("xojaobod.direktor");
        var file = SimpleForm([1, new string('n', 2001), "Dona", 1, 2], [2, "Oddiy", "Dona", 1, 2]);

        var page = await Html.ParseAsync(await UploadAsync(client, file, 2023));

        page.QuerySelector(".import-problems")!.Text().Should().Contain("Matn juda uzun: ko'pi bilan 2000 ta belgi");
        page.QuerySelector("form[action^='/PlanImport/Confirm']").Should().BeNull();
        await using var db = database.CreateContext();
        (await db.PendingImports.CountAsync()).Should().Be(0);
        (await db.Plans.CountAsync(p => p.Year == 2023)).Should().Be(0);
    }

    [Fact]
    public async Task KeepsOnePendingImportPerUser_HoweverManyPreviews()
    {
        var client = database.Factory.CreateClientAs("xojaobod.direktor");
        var file = SimpleForm([1, "Oddiy", "Dona", 1, 2]);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => UploadAsync(client, file, 2023)));
        await UploadAsync(client, file, 2023);

        await using var db = database.CreateContext();
        (await db.PendingImports.CountAsync()).Should().Be(1);
    }

    [Fact]
    public async Task RefusesAnUploadOverTenMegabytes_WithThePageThatSaysSo()
    {
        var client = database.Factory.CreateClientAs("xojaobod.direktor");

        var response = await UploadAsync(client, new byte[11 * 1024 * 1024], 2023);
        var page = await Html.ParseAsync(response);

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        page.QuerySelector("h1")!.Text().Should().Be("So'rov juda katta");
    }

    private static readonly string[] Roman = ["I", "II", "III", "IV", "V", "VI"];

    /// <summary>The official form with so many sections of so many rows (numbered 1, 2, ... across the plan).</summary>
    private static byte[] Plan(int sections, int rowsPerSection) => Workbook(sheet =>
    {
        OfficialHeader(sheet, 1, 2023);
        var row = 3;
        var number = 0;
        for (var s = 1; s <= sections; s++)
        {
            Merge(sheet, row, 1, row, 8, $"{Roman[s - 1]}. BO'LIM {s}");
            row++;
            for (var i = 0; i < rowsPerSection; i++)
            {
                number++;
                Row(sheet, row++, number.ToString(System.Globalization.CultureInfo.InvariantCulture), $"Ko'rsatkich {number}", "Dona", 1, 2);
            }
        }
    });

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] file, int year)
    {
        var token = await Forms.TokenAsync(client, "/PlanImport");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(year.ToString(System.Globalization.CultureInfo.InvariantCulture)), "Input.Year" },
        };
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(content, "Input.File", "reja.xlsx");
        return await client.PostAsync("/PlanImport/Preview", form);
    }
}
