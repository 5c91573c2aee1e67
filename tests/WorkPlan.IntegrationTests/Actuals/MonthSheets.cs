using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Dom;
using ClosedXML.Excel;
using WorkPlan.Core.Actuals;
using WorkPlan.IntegrationTests.Infrastructure;

namespace WorkPlan.IntegrationTests.Actuals;

/// <summary>
/// A month's sheet as a user handles it: downloaded from the entry page, changed as in Excel (with ClosedXML), re-saved
/// through LibreOffice, uploaded through the real form, and the preview confirmed as the browser posts it.
/// </summary>
internal static class MonthSheets
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static async Task<byte[]> DownloadAsync(HttpClient client, int planId, int month)
    {
        var response = await client.GetAsync($"/MonthSheet/Download?planId={planId}&month={month}");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be(XlsxType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>Opens the file's month sheet, lets <paramref name="edit"/> change it as a user would, and saves it again.</summary>
    public static byte[] Edit(byte[] file, Action<SheetEditor> edit)
    {
        using var workbook = new XLWorkbook(new MemoryStream(file));
        edit(new SheetEditor(workbook.Worksheet(1)));
        using var saved = new MemoryStream();
        workbook.SaveAs(saved);
        return saved.ToArray();
    }

    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, int planId, int month, byte[] file, string name = "oylik.xlsx")
    {
        var token = await Forms.TokenAsync(client, $"/MonthSheet/Upload?planId={planId}&month={month}");
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue(XlsxType);
        form.Add(content, "file", name);
        return await client.PostAsync($"/MonthSheet/Preview?planId={planId}&month={month}", form);
    }

    /// <summary>Posts the preview's form as the browser does, with the conflict choices given by row number.</summary>
    public static async Task<HttpResponseMessage> ConfirmAsync(HttpClient client, IDocument preview, Dictionary<string, string>? choices = null)
    {
        var form = preview.QuerySelector("form.upload-preview-form") ?? throw new InvalidOperationException("The page has no preview form.");
        var fields = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!) };
        foreach (var row in form.QuerySelectorAll("tr.upload-line"))
        {
            var number = row.GetAttribute("data-number") ?? string.Empty;
            foreach (var input in row.QuerySelectorAll("input[name^='cells[']"))
            {
                var value = input.GetAttribute("value") ?? string.Empty;
                if (input.GetAttribute("type") != "radio" || choices?.GetValueOrDefault(number) == value)
                {
                    fields.Add(new(input.GetAttribute("name")!, value));
                }
            }
        }

        return await client.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(fields));
    }

    /// <summary>The preview's lines by row number: their class (upload-change, -conflict, -problem, -unchanged) and text.</summary>
    public static Dictionary<string, (string Kind, string Text)> Lines(IDocument preview) =>
        preview.QuerySelectorAll("tr.upload-line").ToDictionary(
            r => r.GetAttribute("data-number") ?? string.Empty,
            r => (r.ClassList.First(c => c.StartsWith("upload-", StringComparison.Ordinal) && c != "upload-line"), r.TextContent.Replace('\u00A0', ' ').Replace('\u202F', ' ')));

    /// <summary>The file after LibreOffice opened and saved it again as .xlsx (headless, with its own profile).</summary>
    public static byte[] ResavedByLibreOffice(byte[] file)
    {
        var dir = Directory.CreateTempSubdirectory("wp-libreoffice-");
        try
        {
            var input = Path.Combine(dir.FullName, "sheet.xlsx");
            var output = Path.Combine(dir.FullName, "out");
            File.WriteAllBytes(input, file);
            var start = new ProcessStartInfo(LibreOffice())
            {
                ArgumentList =
                {
                    "--headless", "--norestore", $"-env:UserInstallation=file://{Path.Combine(dir.FullName, "profile")}",
                    "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", output, input,
                },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start)!;
            if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("LibreOffice did not convert the sheet within 3 minutes.");
            }

            var converted = Path.Combine(output, "sheet.xlsx");
            return File.Exists(converted)
                ? File.ReadAllBytes(converted)
                : throw new InvalidOperationException($"LibreOffice wrote nothing: {process.StandardError.ReadToEnd()} {process.StandardOutput.ReadToEnd()}");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static readonly string[] LibreOfficePaths = ["/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/local/bin/soffice"];

    private static string LibreOffice() =>
        LibreOfficePaths.FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException("LibreOffice (soffice) is not installed: scripts/test.sh and .ci/run install libreoffice-calc-nogui.");
}

/// <summary>The month's sheet of a downloaded file, its columns found by the hidden key row as the upload finds them.</summary>
internal sealed class SheetEditor(IXLWorksheet sheet)
{
    public IXLWorksheet Sheet { get; } = sheet;

    public int KeyRow => Sheet.RowsUsed().First(r => r.CellsUsed().Any(c => c.GetString() == MonthWorkbookColumns.IndicatorId)).RowNumber();

    public int Column(string key) => Sheet.Row(KeyRow).CellsUsed().First(c => c.GetString() == key).Address.ColumnNumber;

    public int RowOf(string number) =>
        Sheet.Column(Column(MonthWorkbookColumns.Number)).CellsUsed().First(c => c.Address.RowNumber > KeyRow && c.GetString() == number).Address.RowNumber;

    public IXLCell Value(string number) => Sheet.Cell(RowOf(number), Column(MonthWorkbookColumns.Value));

    public IXLCell Note(string number) => Sheet.Cell(RowOf(number), Column(MonthWorkbookColumns.Note));

    public SheetEditor Set(string number, object? value)
    {
        var cell = Value(number);
        switch (value)
        {
            case null:
                cell.Clear(XLClearOptions.Contents);
                break;
            case string text:
                cell.SetValue(text);
                break;
            default:
                cell.SetValue(Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
        }

        return this;
    }
}
