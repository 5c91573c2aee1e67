using System.Net;
using System.Text;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using WorkPlan.Core.Actuals;
using WorkPlan.IntegrationTests.Import;
using WorkPlan.IntegrationTests.Infrastructure;
using static WorkPlan.IntegrationTests.Actuals.MonthSheets;

namespace WorkPlan.IntegrationTests.Actuals;

/// <summary>
/// Uploads of a month's sheet that are refused whole, each with a message beside the file field, no server error and
/// nothing stored: hostile or foreign files, another centre's, plan's or month's sheet, a closed month.
/// </summary>
[Collection(DatabaseTests.Name)]
public sealed class MonthSheetRefusalTests(DatabaseFixture database) : IAsyncLifetime
{
    private const string Lending = "xojaobod.abonement";
    private const int September = 9;

    private int _planId;

    public async Task InitializeAsync()
    {
        await database.ResetWithDemoDataAsync();
        await using var db = database.CreateContext();
        _planId = await db.Plans.Where(p => p.Organisation!.Code == "xojaobod").Select(p => p.Id).SingleAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public static TheoryData<string, string> HostileFiles => new()
    {
        { "password-protected", "parol bilan himoyalangan" },
        { "old-xls", "eski Excel fayli (.xls)" },
        { "text", "Excel ish kitobi (.xlsx) emas" },
        { "zip-bomb", "tuzilishi shubhali" },
        { "xml-bomb", "o'qib bo'lmadi" },
        { "too-large", "10 MB" },
        { "not-a-month-sheet", "oylik jadvalga o'xshamaydi" },
    };

    [Theory]
    [MemberData(nameof(HostileFiles))]
    public async Task RefusesAHostileOrForeignFile_WithAMessageBesideTheField_AndStoresNothing(string kind, string message)
    {
        var head = database.OctoberFactory.CreateClientAs(Lending);
        var before = await StateAsync();

        var response = await UploadAsync(head, _planId, September, await FileAsync(kind, head));
        var page = await Html.ParseAsync(response);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        page.QuerySelector(".upload-error")!.TextContent.Should().Contain(message);
        page.QuerySelector("input#file")!.ClassList.Should().Contain("is-invalid");
        (await StateAsync()).Should().Be(before, "a refused file stores nothing");
    }

    [Fact]
    public async Task RefusesAnUploadFarOverTheLimitBeforeReadingIt_WithThePageThatSaysSo()
    {
        var head = database.OctoberFactory.CreateClientAs(Lending);
        var before = await StateAsync();

        var response = await UploadAsync(head, _planId, September, new byte[11 * 1024 * 1024]);

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        (await Html.ParseAsync(response)).QuerySelector("h1")!.TextContent.Should().Be("So'rov juda katta");
        (await StateAsync()).Should().Be(before);
    }

    [Fact]
    public async Task RefusesAFileOfAnotherCentre_AnotherPlan_OrAnotherMonth_NamingWhatItIsFor()
    {
        var head = database.OctoberFactory.CreateClientAs(Lending);
        var file = await DownloadAsync(head, _planId, September);
        var before = await StateAsync();

        var otherCentre = await ErrorAsync(head, September, WithIdentity(file, i => i with { OrganisationId = i.OrganisationId + 1000, PlanId = i.PlanId + 1000 }));
        var otherPlan = await ErrorAsync(head, September, WithIdentity(file, i => i with { PlanId = i.PlanId + 1000, Year = 2021 }));
        var otherMonth = await ErrorAsync(head, 10, file);

        otherCentre.Should().Contain("boshqa markazning rejasi uchun");
        otherPlan.Should().Contain("boshqa reja uchun (2021");
        otherMonth.Should().Contain("Sentyabr 2022 uchun").And.Contain("Oktyabr 2022 uchun");
        (await StateAsync()).Should().Be(before);
    }

    [Fact]
    public async Task RefusesAClosedMonth_EvenFromItsOwnSheet()
    {
        var head = database.OctoberFactory.CreateClientAs(Lending);
        var august = await DownloadAsync(head, _planId, 8);
        using (var workbook = new XLWorkbook(new MemoryStream(august)))
        {
            var editor = new SheetEditor(workbook.Worksheet(1));
            editor.Value("16").Style.Protection.Locked.Should().BeTrue("a closed month's sheet is for reading only");
        }

        var filled = Edit(august, sheet => sheet.Set("16", 1234));
        var before = await StateAsync();

        var error = await ErrorAsync(head, 8, filled);

        error.Should().Contain("yopiq");
        (await StateAsync()).Should().Be(before);
    }

    private async Task<string> ErrorAsync(HttpClient client, int month, byte[] file)
    {
        var response = await UploadAsync(client, _planId, month, file);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = await Html.ParseAsync(response);
        return page.QuerySelector(".upload-error")?.TextContent ?? page.ValidationText();
    }

    private static byte[] WithIdentity(byte[] file, Func<MonthWorkbookIdentity, MonthWorkbookIdentity> change) => Edit(file, sheet =>
    {
        var cell = sheet.Sheet.Row(sheet.KeyRow).CellsUsed().Single(c => c.GetString().StartsWith(MonthWorkbookIdentity.Prefix, StringComparison.Ordinal));
        cell.SetValue(change(MonthWorkbookIdentity.TryParse(cell.GetString())!).ToText());
    });

    private async Task<byte[]> FileAsync(string kind, HttpClient client) => kind switch
    {
        "password-protected" => await File.ReadAllBytesAsync(Repository.PathOf("tests", "WorkPlan.IntegrationTests", "Actuals", "Files", "password-protected.xlsx")),
        "old-xls" => await File.ReadAllBytesAsync(Repository.PathOf("tests", "WorkPlan.IntegrationTests", "Actuals", "Files", "old-format.xls")),
        "text" => Encoding.UTF8.GetBytes("№;Nomi;Sentyabr\n16;Kitobxonlar;9000\n"),
        "zip-bomb" => ZipBomb(),
        "xml-bomb" => XmlBomb(await DownloadAsync(client, _planId, September)),
        "too-large" => [.. ImportWorkbooks.Zip(("[Content_Types].xml", "<Types/>")), .. new byte[(10 * 1024 * 1024) + (64 * 1024)]],
        _ => ImportWorkbooks.Workbook(sheet => sheet.Cell(1, 1).SetValue("Bu boshqa jadval")),
    };

    /// <summary>A workbook one of whose parts inflates to 150 MB of zeros.</summary>
    private static byte[] ZipBomb()
    {
        var path = Path.GetTempFileName();
        try
        {
            ImportWorkbooks.ZerosZip(path, "xl/worksheets/sheet1.xml", 150);
            return File.ReadAllBytes(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>The month's own sheet whose worksheet part declares entities that expand a billion times.</summary>
    private static byte[] XmlBomb(byte[] sheet)
    {
        var laughs = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
            + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>"
            + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&lol3;</t></is></c></row></sheetData></worksheet>";
        return ImportWorkbooks.WithEntries(sheet, ("xl/worksheets/sheet1.xml", Encoding.UTF8.GetBytes(laughs)));
    }

    /// <summary>What an upload could change: the month's values and their history.</summary>
    private async Task<(int Values, decimal Sum, int Changes)> StateAsync()
    {
        await using var db = database.CreateContext();
        var values = db.MonthlyActuals.Where(a => a.Indicator!.PlanId == _planId);
        return (await values.CountAsync(), await values.SumAsync(a => a.Value ?? 0), await db.ActualChanges.CountAsync());
    }
}
