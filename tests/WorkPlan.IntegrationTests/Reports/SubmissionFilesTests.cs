using System.Net;
using Microsoft.EntityFrameworkCore;
using WorkPlan.Core.Actuals;
using WorkPlan.IntegrationTests.Infrastructure;

namespace WorkPlan.IntegrationTests.Reports;

/// <summary>A submission makes and keeps its files itself; the downloads after it only read them.</summary>
[Collection(DatabaseTests.Name)]
public sealed class SubmissionFilesTests(DatabaseFixture database) : IAsyncLifetime
{
    private int _planId;

    public async Task InitializeAsync()
    {
        await database.ResetWithDemoDataAsync();
        await using var db = database.CreateContext();
        _planId = await db.Plans.Where(p => p.Organisation!.Code == "xojaobod").Select(p => p.Id).SingleAsync();
        var row = await db.Indicators.SingleAsync(i => i.PlanId == _planId && i.Number == "16");
        db.MonthlyActuals.Add(new MonthlyActual(row, 9, 9500, "Kitob bayrami", "test", DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task StoresTheReportsExcelAndPdf_WhenItIsSubmitted_AndServesThemWithoutWriting()
    {
        var inspector = database.OctoberFactory.CreateClientAs("xojaobod.inspektor");
        var submitted = await Forms.PostAsync(inspector, $"/Reports/Quarter?planId={_planId}&quarter=3", $"/Reports/Submit?planId={_planId}&quarter=3",
            new Dictionary<string, string> { ["confirmMissing"] = "true" });
        byte[]? excel, pdf;
        await using (var db = database.CreateContext())
        {
            var stored = await db.ReportSnapshots.AsNoTracking().SingleAsync(s => db.ReportSubmissions.Any(r => r.Id == s.ReportSubmissionId && r.PlanId == _planId && r.Quarter == 3));
            (excel, pdf) = (stored.ExcelFile, stored.PdfFile);
        }

        var (app, writes) = DatabaseWrites.Record(database.OctoberFactory);
        await using var _ = app;
        var region = app.CreateClient();
        region.DefaultRequestHeaders.Add(TestAuthHandler.Header, "andijon.metodist");
        var excelDownload = await region.GetAsync($"/Reports/ExportExcel?planId={_planId}&quarter=3");
        var pdfDownload = await region.GetAsync($"/Reports/ExportPdf?planId={_planId}&quarter=3");

        submitted.StatusCode.Should().Be(HttpStatusCode.Redirect);
        excel.Should().NotBeNull("the submission makes the workbook before anyone downloads it");
        pdf.Should().NotBeNull("and the PDF");
        (await PdfText.ReadAsync(pdf!)).Should().Contain("III chorak").And.Contain("9 500");
        (await excelDownload.Content.ReadAsByteArrayAsync()).Should().Equal(excel!, "the first download is the stored file");
        (await pdfDownload.Content.ReadAsByteArrayAsync()).Should().Equal(pdf!);
        writes.OfData.Should().BeEmpty("a download only reads");
    }
}
