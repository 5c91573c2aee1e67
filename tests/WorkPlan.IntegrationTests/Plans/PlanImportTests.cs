using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using WorkPlan.Core.Plans;
using WorkPlan.IntegrationTests.Infrastructure;

namespace WorkPlan.IntegrationTests.Plans;

[Collection(DatabaseTests.Name)]
public sealed class PlanImportTests(DatabaseFixture database) : IAsyncLifetime
{
    public Task InitializeAsync() => database.ResetWithDemoDataAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ImportsItsOwnExport_AsAnIdenticalDraft()
    {
        var original = await SeedDocuments.XojaobodAsync(database);
        var client = database.Factory.CreateClientAs("xojaobod.direktor");
        var excel = await (await client.GetAsync($"/Plans/ExportExcel/{original.Id}")).Content.ReadAsByteArrayAsync();
        await using (var cleanup = database.CreateContext())
        {
            // The plan lives on only in its Excel file: importing it brings it back, row for row.
            await cleanup.Plans.Where(p => p.Id == original.Id).ExecuteDeleteAsync();
        }

        var preview = await UploadAsync(client, excel, "reja-2022.xlsx", 2022);
        var page = await Html.ParseAsync(preview);
        var confirm = page.QuerySelector("form[action^='/PlanImport/Confirm']")!.GetAttribute("action")!;
        var created = await Forms.PostAsync(client, "/Plans", confirm, new Dictionary<string, string>());

        page.QuerySelectorAll("table.import-preview tr[data-number]").Should().HaveCount(55);
        page.QuerySelectorAll(".import-problems .text-danger").Should().BeEmpty();
        created.StatusCode.Should().Be(HttpStatusCode.Redirect);
        await using var db = database.CreateContext();
        var imported = await db.Plans.SingleAsync(p => p.Year == 2022 && p.Organisation!.Code == "xojaobod");
        imported.Status.Should().Be(PlanStatus.Draft);
        imported.Title.Should().Be(original.Title);
        var national = await db.Organisations.Where(o => o.Code == "national").Select(o => o.Id).SingleAsync();
        var admin = new Core.Common.CurrentUser("admin", "admin", Core.Common.Roles.Administrator, national, Core.Organisations.OrganisationKind.National, null);
        var copy = (await new PlanService(db, new Core.Common.FixedCurrentUser(admin)).GetDocumentAsync(imported.Id)).Value;
        copy.Sections.Select(s => (s.Label, s.Title)).Should().Equal(original.Sections.Select(s => (s.Label, s.Title)));
        copy.Rows.Select(Shape).Should().Equal(original.Rows.Select(Shape), "export then import gives the same plan, row for row");
        copy.Rows.Where(r => r.Number is "42" or "42.1" or "42.2").Should().HaveCount(3).And.OnlyContain(r => r.Services.Count == 0, "a blank responsible cell imports as no service");
        (await db.PendingImports.CountAsync()).Should().Be(0, "a confirmed preview is used up");
    }

    [Theory]
    [InlineData("Bu oddiy matn, Excel emas.", "Excel ish kitobi (.xlsx) emas")]
    [InlineData("PK\u0003\u0004 shikastlangan arxiv", "o'qib bo'lmadi")]
    public async Task RefusesABrokenFile_WithAClearMessage_AndStoresNothing(string content, string message)
    {
        var client = database.Factory.CreateClientAs("xojaobod.inspektor");

        var response = await UploadAsync(client, System.Text.Encoding.UTF8.GetBytes(content), "reja.xlsx", 2023);
        var page = await Html.ParseAsync(response);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        page.QuerySelector(".import-problems")!.Text().Should().Contain(message);
        page.QuerySelector("form[action^='/PlanImport/Confirm']").Should().BeNull();
        await using var db = database.CreateContext();
        (await db.PendingImports.CountAsync()).Should().Be(0);
        (await db.Plans.CountAsync()).Should().Be(2);
    }

    [Fact]
    public async Task RefusesAPlanForAYearThatAlreadyHasOne()
    {
        var client = database.Factory.CreateClientAs("xojaobod.direktor");
        var original = await SeedDocuments.XojaobodAsync(database);
        var excel = await (await client.GetAsync($"/Plans/ExportExcel/{original.Id}")).Content.ReadAsByteArrayAsync();

        var page = await Html.ParseAsync(await UploadAsync(client, excel, "reja.xlsx", 2022));

        page.QuerySelector(".import-problems")!.Text().Should().Contain("2022 yil uchun reja allaqachon bor");
        page.QuerySelector("form[action^='/PlanImport/Confirm']").Should().BeNull();
    }

    [Fact]
    public async Task SpeaksOfTheChosenYear_WhenAPlanIsImportedForAnotherYear()
    {
        var client = database.Factory.CreateClientAs("xojaobod.direktor");
        var original = await SeedDocuments.XojaobodAsync(database);
        var excel = await (await client.GetAsync($"/Plans/ExportExcel/{original.Id}")).Content.ReadAsByteArrayAsync();

        var page = await Html.ParseAsync(await UploadAsync(client, excel, "reja.xlsx", 2024));
        var confirm = page.QuerySelector("form[action^='/PlanImport/Confirm']")!.GetAttribute("action")!;
        await Forms.PostAsync(client, "/Plans", confirm, new Dictionary<string, string>());

        page.QuerySelector(".import-problems")!.Text().Should().Contain("Fayl 2022 yil uchun yozilgan; reja 2024 yil uchun import qilinadi");
        await using var db = database.CreateContext();
        var imported = await db.Plans.Include(p => p.Indicators).SingleAsync(p => p.Year == 2024);
        imported.Title.Should().Contain("2024 yil uchun").And.NotContain("2022");
        imported.Indicators.Single(i => i.Number == "3").Deadline.Should().Be("2024 yil I-chorak");
    }

    [Fact]
    public async Task KeepsAPreviewToItsAuthor()
    {
        var director = database.Factory.CreateClientAs("xojaobod.direktor");
        var original = await SeedDocuments.XojaobodAsync(database);
        var excel = await (await director.GetAsync($"/Plans/ExportExcel/{original.Id}")).Content.ReadAsByteArrayAsync();
        var page = await Html.ParseAsync(await UploadAsync(director, excel, "reja.xlsx", 2023));
        var confirm = page.QuerySelector("form[action^='/PlanImport/Confirm']")!.GetAttribute("action")!;

        var byInspector = await Forms.PostAsync(database.Factory.CreateClientAs("xojaobod.inspektor"), "/Plans", confirm, new Dictionary<string, string>());

        byInspector.StatusCode.Should().Be(HttpStatusCode.NotFound);
        await using var db = database.CreateContext();
        (await db.Plans.AnyAsync(p => p.Year == 2023)).Should().BeFalse();
    }

    [Fact]
    public async Task ReportsADirectionControlInACell_AsAProblemOfItsRow_AndOffersNoConfirmation()
    {
        var client = database.Factory.CreateClientAs("xojaobod.direktor");
        var excel = Import.ImportWorkbooks.SimpleForm(
            ["1", "Ommaviy tadbirlar", "Tadbir", 10, 12, null, "Yil davomida", null],
            ["2", "Kitobxonlar \u202Esoni", "Kishi", 100, 120, null, "Yil davomida", null]);

        var page = await Html.ParseAsync(await UploadAsync(client, excel, "reja.xlsx", 2023));

        page.QuerySelector(".import-problems .text-danger")!.Text().Should().Contain("5-qator").And.Contain("ko'rinmaydigan").And.Contain("U+202E");
        page.QuerySelector("form[action^='/PlanImport/Confirm']").Should().BeNull();
    }

    [Fact]
    public async Task DropsZeroWidthCharactersOfTheCells_AndImportsTheTextAsItReads()
    {
        var client = database.Factory.CreateClientAs("xojaobod.direktor");
        var excel = Import.ImportWorkbooks.SimpleForm(["1", "\uFEFFKitob\u200Bxonlar soni\u2060", "Ki\u00ADshi", 100, 120, null, "Yil davomida", null]);

        var page = await Html.ParseAsync(await UploadAsync(client, excel, "reja.xlsx", 2023));
        var confirm = page.QuerySelector("form[action^='/PlanImport/Confirm']")!.GetAttribute("action")!;
        await Forms.PostAsync(client, "/Plans", confirm, new Dictionary<string, string>());

        await using var db = database.CreateContext();
        var row = await db.Indicators.SingleAsync(i => i.Plan!.Year == 2023 && i.Number == "1");
        (row.Name, row.Unit).Should().Be(("Kitobxonlar soni", "Kishi"));
    }

    private static string Shape(PlanDocumentRow r) =>
        $"{r.Number}|{r.Name}|{r.Unit}|{r.Measure}|{r.PreviousFact:0.##}|{r.Target:0.##}|{string.Join("/", r.Mechanism)}|{r.Deadline}|{string.Join(",", r.Services)}|{r.AllServices}|{r.IsSubRow}";

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] file, string name, int year)
    {
        var token = await Forms.TokenAsync(client, "/PlanImport");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(year.ToString(System.Globalization.CultureInfo.InvariantCulture)), "Input.Year" },
        };
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(content, "Input.File", name);
        return await client.PostAsync("/PlanImport/Preview", form);
    }
}
