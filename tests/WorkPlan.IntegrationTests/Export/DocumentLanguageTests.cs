using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using WorkPlan.IntegrationTests.Infrastructure;

namespace WorkPlan.IntegrationTests.Export;

/// <summary>
/// The official documents are written in the plan's language (Uzbek) whatever the viewer's UI speaks;
/// another language only on an explicit choice. File and sheet names are in the document's words.
/// </summary>
[Collection(DatabaseTests.Name)]
public sealed class DocumentLanguageTests(DatabaseFixture database) : IAsyncLifetime
{
    private const string Organisation = "Andijon viloyati Xo'jaobod tuman axborot-kutubxona markazi";
    private int _planId;

    public async Task InitializeAsync()
    {
        await database.ResetWithDemoDataAsync();
        await using var db = database.CreateContext();
        _planId = await db.Plans.Where(p => p.Organisation!.Code == "xojaobod").Select(p => p.Id).SingleAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ExportsThePlanInUzbek_WhenTheUserInterfaceIsRussian()
    {
        var client = await database.OctoberFactory.CreateClientAs("xojaobod.direktor").SpeakingAsync("ru-RU");

        var page = await Html.ParseAsync(await client.GetAsync($"/Plans/Details/{_planId}"));
        using var workbook = new XLWorkbook(await (await client.GetAsync($"/Plans/ExportExcel/{_planId}")).Content.ReadAsStreamAsync());
        var pdf = await PdfText.ReadAsync(await (await client.GetAsync($"/Plans/ExportPdf/{_planId}")).Content.ReadAsByteArrayAsync());

        page.QuerySelectorAll(".signature-heading").Select(h => h.Text()).Should().Contain("УТВЕРЖДАЮ", "the page itself speaks the user's language");
        var cells = workbook.Worksheet(1).CellsUsed().Select(c => c.GetString()).ToList();
        cells.Should().Contain("TASDIQLAYMAN").And.Contain("KELISHILDI").And.Contain("Amalga oshirish mexanizmi").And.NotContain("УТВЕРЖДАЮ");
        pdf.Should().Contain("TASDIQLAYMAN").And.Contain("Amalga oshirish mexanizmi").And.Contain("Sahifa").And.NotContain("УТВЕРЖДАЮ").And.NotContain("Страница");
    }

    [Fact]
    public async Task ExportsThePlanInRussian_OnlyWhenRussianIsChosenExplicitly()
    {
        var client = database.OctoberFactory.CreateClientAs("xojaobod.direktor");

        using var workbook = new XLWorkbook(await (await client.GetAsync($"/Plans/ExportExcel/{_planId}?language=ru")).Content.ReadAsStreamAsync());
        var pdf = await PdfText.ReadAsync(await (await client.GetAsync($"/Plans/ExportPdf/{_planId}?language=ru")).Content.ReadAsByteArrayAsync());
        var page = await Html.ParseAsync(await client.GetAsync($"/Plans/Details/{_planId}"));

        workbook.Worksheet(1).CellsUsed().Select(c => c.GetString()).Should().Contain("УТВЕРЖДАЮ").And.NotContain("TASDIQLAYMAN");
        workbook.Worksheet(1).Name.Should().Be("План работы 2022");
        pdf.Should().Contain("УТВЕРЖДАЮ").And.NotContain("TASDIQLAYMAN");
        page.QuerySelectorAll(".export-languages a").Select(a => a.GetAttribute("href")).Should()
            .Contain($"/Plans/ExportPdf/{_planId}?language=ru").And.Contain($"/Plans/ExportExcel/{_planId}?language=en");
    }

    [Fact]
    public async Task ExportsTheQuarterlyReportInUzbek_WhenTheUserInterfaceIsRussian()
    {
        var client = await database.OctoberFactory.CreateClientAs("xojaobod.inspektor").SpeakingAsync("ru-RU");

        using var workbook = new XLWorkbook(await (await client.GetAsync($"/Reports/ExportExcel?planId={_planId}&quarter=3")).Content.ReadAsStreamAsync());
        var pdf = await PdfText.ReadAsync(await (await client.GetAsync($"/Reports/ExportPdf?planId={_planId}&quarter=3")).Content.ReadAsByteArrayAsync());
        var russian = await PdfText.ReadAsync(await (await client.GetAsync($"/Reports/ExportPdf?planId={_planId}&quarter=3&language=ru")).Content.ReadAsByteArrayAsync());

        var sheet = workbook.Worksheet(1);
        sheet.Name.Should().Be("Hisobot 2022 III chorak");
        sheet.CellsUsed().Select(c => c.GetString()).Should().Contain("Bajarilishi, %").And.Contain("Yillik reja").And.NotContain("Годовой план");
        pdf.Should().Contain("III chorak").And.Contain("Bajarilishi,").And.Contain("Yillik").And.Contain("Direktor").And.NotContain("квартал");
        russian.Should().Contain("III квартал").And.NotContain("Bajarilishi,");
    }

    [Fact]
    public async Task ExportsInTheCentresDocumentLanguage_WhenItsAdministratorChangesIt()
    {
        var admin = database.OctoberFactory.CreateClientAs("xojaobod.admin");
        int organisationId;
        await using (var db = database.CreateContext())
        {
            organisationId = await db.Organisations.Where(o => o.Code == "xojaobod").Select(o => o.Id).SingleAsync();
        }

        var form = await Html.ParseAsync(await admin.GetAsync($"/Organisations/Edit/{organisationId}"));
        Dictionary<string, string> Fields(string language) => new()
        {
            ["Input.Name"] = form.QuerySelector("input[name='Input.Name']")!.GetAttribute("value")!,
            ["Input.ShortName"] = form.QuerySelector("input[name='Input.ShortName']")!.GetAttribute("value")!,
            ["Input.DirectorTitle"] = form.QuerySelector("input[name='Input.DirectorTitle']")!.GetAttribute("value") ?? string.Empty,
            ["Input.DirectorName"] = form.QuerySelector("input[name='Input.DirectorName']")!.GetAttribute("value") ?? string.Empty,
            ["Input.Version"] = form.QuerySelector("input[name='Input.Version']")!.GetAttribute("value")!,
            ["Input.DocumentLanguage"] = language,
        };

        var refused = await Html.ParseAsync(await Forms.PostAsync(admin, $"/Organisations/Edit/{organisationId}", $"/Organisations/Edit/{organisationId}", Fields("de")));
        var saved = await Forms.PostAsync(admin, $"/Organisations/Edit/{organisationId}", $"/Organisations/Edit/{organisationId}", Fields("ru"));
        var client = database.OctoberFactory.CreateClientAs("xojaobod.direktor");
        using var workbook = new XLWorkbook(await (await client.GetAsync($"/Plans/ExportExcel/{_planId}")).Content.ReadAsStreamAsync());
        var uzbekCopy = await client.GetAsync($"/Plans/ExportExcel/{_planId}?language=uz");

        form.QuerySelectorAll("select[name='Input.DocumentLanguage'] option").Select(o => o.GetAttribute("value")).Should().Equal("uz", "ru", "en");
        refused.QuerySelector("[data-valmsg-for='Input.DocumentLanguage']")!.Text().Should().Contain("Bunday hujjat tili yo'q");
        saved.StatusCode.Should().Be(System.Net.HttpStatusCode.Redirect);
        workbook.Worksheet(1).CellsUsed().Select(c => c.GetString()).Should().Contain("УТВЕРЖДАЮ").And.NotContain("TASDIQLAYMAN");
        uzbekCopy.Content.Headers.ContentDisposition!.FileNameStar.Should().StartWith("Ish rejasi 2022");
    }

    [Fact]
    public async Task NamesExportedFilesAndSheets_InTheDocumentsWords()
    {
        var client = await database.OctoberFactory.CreateClientAs("xojaobod.direktor").SpeakingAsync("en-US");

        var planExcel = await client.GetAsync($"/Plans/ExportExcel/{_planId}");
        var planPdf = await client.GetAsync($"/Plans/ExportPdf/{_planId}");
        var report = await client.GetAsync($"/Reports/ExportExcel?planId={_planId}&quarter=3");
        var russianReport = await client.GetAsync($"/Reports/ExportExcel?planId={_planId}&quarter=3&language=ru");
        using var planBook = new XLWorkbook(await planExcel.Content.ReadAsStreamAsync());

        planExcel.Content.Headers.ContentDisposition!.FileNameStar.Should().Be($"Ish rejasi 2022 - {Organisation}.xlsx");
        planPdf.Content.Headers.ContentDisposition!.FileNameStar.Should().Be($"Ish rejasi 2022 - {Organisation}.pdf");
        planBook.Worksheet(1).Name.Should().Be("Ish rejasi 2022");
        report.Content.Headers.ContentDisposition!.FileNameStar.Should().Be($"Hisobot 2022 III chorak - {Organisation}.xlsx");
        russianReport.Content.Headers.ContentDisposition!.FileNameStar.Should().Be($"Отчёт 2022 III квартал - {Organisation}.xlsx");
        planExcel.Content.Headers.ContentDisposition.FileName.Should().NotBeNullOrEmpty("an ASCII fallback name goes beside the UTF-8 one");
    }
}
