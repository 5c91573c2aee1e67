using System.Text;
using System.Text.RegularExpressions;
using ClosedXML.Excel;
using WorkPlan.BrowserTests.Infrastructure;
using WorkPlan.BrowserTests.Pages;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace WorkPlan.BrowserTests.Reports;

/// <summary>
/// A quarter's way from the monthly entry sheet to the regional centre in the browser: a service head enters
/// January to March (by keyboard and by pasting a column), the centre's inspector checks the report, exports it
/// and submits it (which locks the quarter), the regional methodologist accepts it. Runs on its own data and
/// clock (<see cref="OwnClockFixture"/>: 2 April 2022, no actuals; January and February reopened).
/// </summary>
public sealed partial class QuarterlyReportWorkflowTests(OwnClockFixture fixture, ITestOutputHelper output) : OwnClockBrowserTest(fixture, output)
{
    private const int Quarter = 1;

    [Fact]
    public Task CompletesTheFirstQuarterInTheBrowser_WhenServiceHeadEntersInspectorSubmitsAndRegionAccepts() => InBrowserAsync(async () =>
    {
        var planId = await Fixture.GetPlanIdAsync(DemoPlans.XojaobodCode, DemoPlans.Year);
        var login = new LoginPage(Page);
        var navBar = new NavBar(Page);
        var entry = new ActualsEntryPage(Page);

        // 1. The lending service's head enters the quarter. January, by keyboard only: Enter moves down a row
        //    (15, its sub-row 15.1 left empty, 16, 17); 15 is a stock (the quarter takes its last value), 16 and 17 flows (summed).
        await login.GotoAsync();
        await login.SignInAsync(DemoAccounts.XojaobodLendingHead, DemoAccounts.Password);
        await navBar.ExpectSignedInAsAsync(DemoAccounts.XojaobodLendingHeadName);
        await entry.GotoAsync(planId, 1);
        await Expect(entry.MonthBadge).ToContainTextAsync("Kiritish ochiq");
        await Expect(entry.Row("16")).ToBeVisibleAsync();
        await Expect(entry.Row("1")).ToHaveCountAsync(0); // not the lending service's: the sheet shows only its own indicators
        await entry.Cell("15").FocusAsync();
        await Page.Keyboard.TypeAsync("11500");
        await Page.Keyboard.PressAsync("Enter");
        await Expect(entry.Cell("15.1")).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Expect(entry.Cell("16")).ToBeFocusedAsync();
        await Page.Keyboard.TypeAsync("8000");
        await Page.Keyboard.PressAsync("Enter");
        await Expect(entry.Cell("17")).ToBeFocusedAsync();
        await Page.Keyboard.TypeAsync("25000");
        await Page.Keyboard.PressAsync("Enter");
        await Expect(entry.Cell("18")).ToBeFocusedAsync();
        await Expect(entry.Cell("15")).ToHaveValueAsync("11 500");
        await Expect(entry.Cell("15.1")).ToHaveValueAsync(string.Empty);
        await Expect(entry.Cell("16")).ToHaveValueAsync("8 000");
        await Expect(entry.Cell("17")).ToHaveValueAsync("25 000");
        await entry.SaveAsync(expectedCount: 3);
        await entry.ExpectMonthAsync(1);

        // February, chosen in the month selector: a column copied from a spreadsheet, pasted into 16, fills 16 and 17.
        await entry.ShowMonthAsync(2);
        (await entry.MonthTextAsync("16", 1)).Should().Be("8 000");
        await entry.PasteAsync("16", "8100\n26000\n");
        await Expect(entry.Cell("16")).ToHaveValueAsync("8 100");
        await Expect(entry.Cell("17")).ToHaveValueAsync("26 000");
        await Expect(entry.Cell("18")).ToHaveValueAsync(string.Empty);
        await entry.SaveAsync(expectedCount: 2);

        // March, the month still open without a reopening: the stock again, and both flows.
        await entry.ShowMonthAsync(3);
        await entry.Cell("15").FillAsync("11800");
        await entry.Cell("16").FillAsync("9000");
        await entry.Cell("17").FillAsync("27000");
        await entry.SaveAsync(expectedCount: 3);
        (await entry.YearToDateTextAsync("15")).Should().Be("11 800");
        (await entry.YearToDateTextAsync("16")).Should().Be("25 100");
        (await entry.YearToDateTextAsync("17")).Should().Be("78 000");
        await navBar.SignOutAsync();

        // 2. The inspector may still correct March, finds the quarter's figures in the report, exports it and submits it.
        await login.SignInWithRecoveryCodeAsync(DemoAccounts.XojaobodInspector, DemoAccounts.Password, Fixture.NextRecoveryCode(DemoAccounts.XojaobodInspector));
        await navBar.ExpectSignedInAsAsync(DemoAccounts.XojaobodInspectorName);
        await entry.GotoAsync(planId, 3);
        await Expect(entry.MonthBadge).ToContainTextAsync("Kiritish ochiq");
        await Expect(entry.Cell("16")).ToHaveValueAsync("9 000");

        var reports = new ReportsPage(Page);
        await reports.GotoAsync(planId);
        await Expect(reports.Status(Quarter)).ToHaveTextAsync("Yuborilmagan");
        var report = await reports.OpenQuarterAsync(Quarter);
        await Expect(report.StatusBadge).ToHaveTextAsync("Yuborilmagan");
        (await report.FiguresAsync("15")).Should().Equal("14 000", "11 800", "11 800", "84,3 %");
        (await report.FiguresAsync("16")).Should().Equal("105 000", "25 100", "25 100", "23,9 %");
        (await report.FiguresAsync("17")).Should().Equal("350 000", "78 000", "78 000", "22,3 %");

        var folder = Directory.CreateTempSubdirectory("workplan-browser-").FullName;
        try
        {
            var excelPath = Path.Combine(folder, "report.xlsx");
            var excel = await report.DownloadExcelAsync(excelPath);
            (await excel.FailureAsync()).Should().BeNull();
            excel.SuggestedFilename.Should().EndWith(".xlsx");
            using (var workbook = new XLWorkbook(excelPath))
            {
                var sheet = workbook.Worksheets.First();
                double[] Figures(string number)
                {
                    var row = sheet.RowsUsed().Single(r => r.Cell(1).GetString() == number);
                    return [row.Cell(4).GetDouble(), row.Cell(5).GetDouble(), row.Cell(6).GetDouble()];
                }

                Figures("15").Should().Equal(14000, 11800, 11800);
                Figures("16").Should().Equal(105000, 25100, 25100);
                Figures("17").Should().Equal(350000, 78000, 78000);
            }

            var pdfPath = Path.Combine(folder, "report.pdf");
            var pdf = await report.DownloadPdfAsync(pdfPath);
            (await pdf.FailureAsync()).Should().BeNull();
            pdf.SuggestedFilename.Should().EndWith(".pdf");
            (await File.ReadAllBytesAsync(pdfPath)).Take(5).Should().Equal(Encoding.ASCII.GetBytes("%PDF-"));
            var text = Spaces().Replace(PlanDocumentPage.PlainSpaces(await PdfText.ReadAsync(pdfPath)), " ");
            text.Should().Contain("I chorak").And.Contain("25 100").And.Contain("78 000").And.Contain("11 800");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        // Only three rows of the lending service are entered: the report lists what is missing and asks again.
        await Expect(report.MissingValues).ToContainTextAsync("Chorakda kiritilmagan qiymatlar");
        await Expect(report.MissingValues.Locator("li[data-number='1']")).ToContainTextAsync("Yanvar");
        await report.ConfirmMissing.CheckAsync();
        (await report.SubmitAsync()).Should().Contain("yuborilsinmi");
        await Expect(report.Error).ToHaveCountAsync(0);
        await Expect(report.Message).ToHaveTextAsync("Hisobot viloyat AKMga yuborildi.");
        await Expect(report.StatusBadge).ToHaveTextAsync("Yuborildi");
        await Expect(report.SubmitButton).ToHaveCountAsync(0);

        // The quarter is locked: no cell takes a value any more, not even in the months the director reopened.
        async Task ExpectLockedAsync(int month)
        {
            await entry.GotoAsync(planId, month);
            await Expect(entry.Row("16")).ToBeVisibleAsync();
            await Expect(entry.Cells).ToHaveCountAsync(0);
            await Expect(entry.SaveButton).ToHaveCountAsync(0);
            await Expect(entry.MonthBadge).ToHaveTextAsync("Oy yopilgan");
        }

        await ExpectLockedAsync(3);
        await ExpectLockedAsync(1);

        await navBar.SignOutAsync();

        // 3. The regional methodologist finds the report in the districts' inbox and accepts it.
        await login.SignInWithRecoveryCodeAsync(DemoAccounts.AndijonMethodologist, DemoAccounts.Password, Fixture.NextRecoveryCode(DemoAccounts.AndijonMethodologist));
        await navBar.ExpectSignedInAsAsync(DemoAccounts.AndijonMethodologistName);
        var inbox = new ReportInboxPage(Page);
        await navBar.MenuLink(ReportInboxPage.MenuLabel).ClickAsync();
        await inbox.ExpectShownAsync();
        await Expect(inbox.Status(DemoPlans.XojaobodOrganisationName, DemoPlans.Year, Quarter)).ToHaveTextAsync("Yuborildi");

        report = await inbox.OpenAsync(DemoPlans.XojaobodOrganisationName, DemoPlans.Year, Quarter);
        await Expect(report.StatusBadge).ToHaveTextAsync("Yuborildi");
        (await report.FiguresAsync("16")).Should().Equal("105 000", "25 100", "25 100", "23,9 %");
        (await report.AcceptAsync()).Should().Contain("qabul qilinsinmi", "accepting is final, so it asks once");
        await Expect(report.Error).ToHaveCountAsync(0);
        await Expect(report.Message).ToHaveTextAsync("Hisobot qabul qilindi.");
        await Expect(report.StatusBadge).ToHaveTextAsync("Qabul qilindi");
        await Expect(report.AcceptButton).ToHaveCountAsync(0);

        await navBar.MenuLink(ReportInboxPage.MenuLabel).ClickAsync();
        await inbox.ExpectShownAsync();
        await Expect(inbox.Status(DemoPlans.XojaobodOrganisationName, DemoPlans.Year, Quarter)).ToHaveTextAsync("Qabul qilindi");
    });

    /// <summary>Runs of white space (pdftotext's layout columns and line breaks).</summary>
    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
