using System.Net;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using WorkPlan.Core.Actuals;
using WorkPlan.Core.Reports;
using WorkPlan.IntegrationTests.Infrastructure;
using static WorkPlan.IntegrationTests.Regional.RegionalReportWorld;

namespace WorkPlan.IntegrationTests.Regional;

/// <summary>
/// The Andijon region's consolidated report to the National Library on 3 October 2022: the regional centre's own plan
/// is a column of the consolidation; the region sends the quarter's consolidation as a stored snapshot with its files,
/// the National Library accepts it or returns it with a reason, and a return leads to a new numbered submission.
/// </summary>
[Collection(DatabaseTests.Name)]
public sealed class RegionalReportTests(DatabaseFixture database) : IAsyncLifetime
{
    private static readonly Dictionary<string, string> Confirmed = new() { ["confirmMissing"] = "true" };

    private int _region;

    public async Task InitializeAsync() => _region = await BuildAsync(database);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ShowsTheRegionalCentresOwnPlanAsAColumn_CountedInTheRegionsTotal()
    {
        var quarter = await Html.ParseAsync(await Methodologist().GetAsync("/Consolidation?year=2022&quarter=3&measure=Quarter"));
        var target = await Html.ParseAsync(await Methodologist().GetAsync("/Consolidation?year=2022&quarter=3&measure=Target"));

        var columns = quarter.QuerySelectorAll("th.district-column").Length;
        quarter.QuerySelector("th.district-column")!.ClassList.Should().Contain("centre-column", "the centre comes first, beside its districts");
        quarter.QuerySelector("th.centre-column")!.Text().Should().Be("Andijon viloyat AKM");
        foreach (var (code, centre) in new[] { ("K016", 21m), ("K015", 7m) })
        {
            var quarters = Cells(quarter, code).Select(Number).ToList();
            var targets = Cells(target, code).Select(Number).ToList();
            quarters[0].Should().Be(centre, $"{code}: the centre's quarter by its roll-up (sum 3 × 7, or the last value 7)");
            quarters[columns + 1].Should().Be(quarters.Take(columns).Sum(), $"{code}: the region's quarter adds up every column, the centre's too");
            targets[0].Should().Be(1_000);
            targets[columns].Should().Be(targets.Take(columns).Sum(), $"{code}: the centre's target is in the region's target");
        }
    }

    [Fact]
    public async Task SubmitsTheConsolidationWithItsFiles_WhichTheNationalLibraryDownloadsAsStoredAndAccepts()
    {
        var submitted = await Forms.PostAsync(Methodologist(), "/Consolidation?year=2022&quarter=3", Step("Submit", _region, 3), Confirmed);

        submitted.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var report = (await SubmissionAsync(database, _region, 3))!;
        (report.Status, report.SubmissionCount, report.SubmittedBy, report.DueDate).Should().Be((ReportStatus.Submitted, 1, "andijon.metodist", new DateOnly(2022, 10, 10)));
        var snapshot = report.Snapshots.Single();
        var document = snapshot.Read();
        document.Districts.Should().Contain(d => d.IsCentre && d.PlanId != null && d.Included);
        snapshot.ReportsExpected.Should().Be(document.Districts.Count(d => !d.IsCentre && d.PlanId != null)).And.BeGreaterThan(snapshot.ReportsIn, "the sender confirmed sending it without them");
        using (var workbook = new XLWorkbook(new MemoryStream(snapshot.ExcelFile!)))
        {
            var sheet = workbook.Worksheets.First();
            sheet.CellsUsed().Select(c => c.GetString()).Should().Contain("Andijon viloyat AKM", "the stored workbook has the centre's column");
        }

        (await PdfText.ReadAsync(snapshot.PdfFile!)).Should().Contain("2022 yil III chorak bo'yicha viloyat jamlanmasi");

        var (app, writes) = DatabaseWrites.Record(database.OctoberFactory);
        await using (app)
        {
            var national = app.CreateClient();
            national.DefaultRequestHeaders.Add(TestAuthHandler.Header, NationalMethodologist);
            (await (await national.GetAsync(Step("ExportExcel", _region, 3) + "&number=1")).Content.ReadAsByteArrayAsync()).Should().Equal(snapshot.ExcelFile!);
            (await (await national.GetAsync(Step("ExportPdf", _region, 3))).Content.ReadAsByteArrayAsync()).Should().Equal(snapshot.PdfFile!);
            writes.OfData.Should().BeEmpty("a download only reads");
        }

        var client = database.OctoberFactory.CreateClientAs(NationalMethodologist);
        var accepted = await Forms.PostAsync(client, Page(_region, 3), Step("Accept", _region, 3), new Dictionary<string, string> { ["version"] = await VersionAsync(client, _region, 3) });

        accepted.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await SubmissionAsync(database, _region, 3))!.Status.Should().Be(ReportStatus.Accepted);
        var page = await Html.ParseAsync(await client.GetAsync(Page(_region, 3)));
        page.QuerySelector(".regional-report")!.GetAttribute("data-status").Should().Be("Accepted");
        page.QuerySelector("form[action^='/RegionalReports/Accept']").Should().BeNull("an accepted report has nothing left to decide");
    }

    [Fact]
    public async Task AsksForConfirmation_WhileDistrictsReportsAreNotIn()
    {
        var refused = await Forms.PostAsync(Methodologist(), "/Consolidation?year=2022&quarter=3", Step("Submit", _region, 3), new Dictionary<string, string>());
        var page = await Html.ParseAsync(await Methodologist().GetAsync("/Consolidation?year=2022&quarter=3"));

        refused.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await SubmissionAsync(database, _region, 3)).Should().BeNull("nothing is sent without the confirmation");
        page.QuerySelector(".submit-regional-report-form input[name=confirmMissing]").Should().NotBeNull();
    }

    [Fact]
    public async Task MakesANewNumberedSnapshotAfterAReturn_AndKeepsTheEarlierOneReadable()
    {
        await Forms.PostAsync(Methodologist(), "/Consolidation?year=2022&quarter=3", Step("Submit", _region, 3), Confirmed);
        var first = (await SubmissionAsync(database, _region, 3))!.Snapshots.Single();
        var national = database.OctoberFactory.CreateClientAs(NationalDirector);
        await Forms.PostAsync(national, Page(_region, 3), Step("Return", _region, 3),
            new Dictionary<string, string> { ["version"] = await VersionAsync(national, _region, 3), ["reason"] = "Markaz ko'rsatkichlarini tekshiring" });
        var returned = (await SubmissionAsync(database, _region, 3))!;
        var consolidation = await Html.ParseAsync(await Methodologist().GetAsync("/Consolidation?year=2022&quarter=3"));

        await Forms.PostAsync(Methodologist(), "/Consolidation?year=2022&quarter=3", Step("Submit", _region, 3), Confirmed);

        (returned.Status, returned.ReturnReason).Should().Be((ReportStatus.Returned, "Markaz ko'rsatkichlarini tekshiring"));
        consolidation.QuerySelector(".regional-report .return-reason")!.Text().Should().Be("Markaz ko'rsatkichlarini tekshiring");
        var again = (await SubmissionAsync(database, _region, 3))!;
        (again.Status, again.SubmissionCount).Should().Be((ReportStatus.Submitted, 2));
        again.Snapshots.OrderBy(s => s.Number).Select(s => (s.Number, s.Outcome, s.ReturnReason)).Should().Equal(
            (1, ReportStatus.Returned, "Markaz ko'rsatkichlarini tekshiring"), (2, ReportStatus.Submitted, null));
        again.Snapshots.Single(s => s.Number == 1).Document.Should().Be(first.Document);
        (await (await national.GetAsync(Step("ExportExcel", _region, 3) + "&number=1")).Content.ReadAsByteArrayAsync()).Should().Equal(first.ExcelFile!);
        var page = await Html.ParseAsync(await national.GetAsync(Page(_region, 3)));
        page.QuerySelectorAll("tr[data-submission]").Should().HaveCount(2);
    }

    [Fact]
    public async Task CountsTheSecondQuarterLate_AndTheThirdOnTime()
    {
        await Forms.PostAsync(Methodologist(), "/Consolidation?year=2022&quarter=2", Step("Submit", _region, 2), Confirmed);
        await Forms.PostAsync(Methodologist(), "/Consolidation?year=2022&quarter=3", Step("Submit", _region, 3), Confirmed);

        var second = await Html.ParseAsync(await Methodologist().GetAsync("/Consolidation?year=2022&quarter=2"));
        var third = await Html.ParseAsync(await Methodologist().GetAsync("/Consolidation?year=2022&quarter=3"));
        second.QuerySelector(".regional-report")!.GetAttribute("data-timeliness").Should().Be("Late", "due by 10 July, sent on 3 October");
        third.QuerySelector(".regional-report")!.GetAttribute("data-timeliness").Should().Be("OnTime", "due by 10 October");
        var inbox = await Html.ParseAsync(await database.OctoberFactory.CreateClientAs(NationalDirector).GetAsync("/Reports/Inbox"));
        var lines = inbox.QuerySelectorAll("td.inbox-regional").Select(c => c.ParentElement!).ToList();
        lines.Select(l => l.GetAttribute("data-urgency")).Should().Equal(["0", "0", "1"], "the two sent first, then the first quarter, overdue");
        inbox.QuerySelector("tbody tr")!.QuerySelector("td.inbox-regional").Should().NotBeNull("a report to decide comes before the regional centre's own reports due");
    }

    [Fact]
    public async Task KeepsTheRegionsInboxAsItWas_WithoutConsolidatedReports()
    {
        await Forms.PostAsync(Methodologist(), "/Consolidation?year=2022&quarter=3", Step("Submit", _region, 3), Confirmed);

        var inbox = await Html.ParseAsync(await Methodologist().GetAsync("/Reports/Inbox"));

        inbox.QuerySelectorAll("td.inbox-regional").Should().BeEmpty();
        inbox.QuerySelectorAll("tbody tr").Should().NotBeEmpty("the districts' reports are there as before");
    }

    [Fact]
    public async Task RefusesEveryoneButTheirSigners_AndChangesNothing()
    {
        var consolidation = "/Consolidation?year=2022&quarter=3";
        (await Forms.PostAsync(database.OctoberFactory.CreateClientAs("xojaobod.inspektor"), "/Reports", Step("Submit", _region, 3), Confirmed)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await Forms.PostAsync(database.OctoberFactory.CreateClientAs(ForeignDirector), "/Reports/Inbox", Step("Submit", _region, 3), Confirmed)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await Forms.PostAsync(database.OctoberFactory.CreateClientAs(NationalDirector), "/Reports/Inbox", Step("Submit", _region, 3), Confirmed)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        await Forms.PostAsync(Methodologist(), consolidation, Step("Submit", _region, 4), Confirmed);
        (await SubmissionAsync(database, _region, 3)).Should().BeNull();
        (await SubmissionAsync(database, _region, 4)).Should().BeNull("December has not come yet");

        await Forms.PostAsync(Methodologist(), consolidation, Step("Submit", _region, 3), Confirmed);
        var national = database.OctoberFactory.CreateClientAs(NationalMethodologist);
        var version = await VersionAsync(national, _region, 3);
        var answers = new[]
        {
            await Forms.PostAsync(database.OctoberFactory.CreateClientAs("andijon.direktor"), consolidation, Step("Accept", _region, 3), new Dictionary<string, string> { ["version"] = version }),
            await Forms.PostAsync(database.OctoberFactory.CreateClientAs(ForeignDirector), "/Reports/Inbox", Step("Return", _region, 3), new Dictionary<string, string> { ["version"] = version, ["reason"] = "x" }),
            await Forms.PostAsync(database.OctoberFactory.CreateClientAs("xojaobod.direktor"), "/Reports", Step("Accept", _region, 3), new Dictionary<string, string> { ["version"] = version }),
            await Forms.PostAsync(national, Page(_region, 3), Step("Return", _region, 3), new Dictionary<string, string> { ["version"] = version, ["reason"] = "  " }),
            await Forms.PostAsync(national, Page(_region, 3), Step("Accept", _region, 3), new Dictionary<string, string> { ["version"] = (uint.Parse(version, System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) }),
            await Forms.PostAsync(Methodologist(), consolidation, Step("Submit", _region, 3), Confirmed),
        };

        answers.Select(a => a.StatusCode).Should().Equal(
            HttpStatusCode.Forbidden, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.Redirect);
        var report = (await SubmissionAsync(database, _region, 3))!;
        (report.Status, report.SubmissionCount, report.ReturnReason, report.DecidedBy).Should().Be((ReportStatus.Submitted, 1, null, null), "a missing reason, a stale form and a second submission change nothing");
    }

    [Fact]
    public async Task KeepsTheSubmittedSnapshotAndItsFiles_WhenADistrictsActualsChangeAfter()
    {
        await Forms.PostAsync(Methodologist(), "/Consolidation?year=2022&quarter=3", Step("Submit", _region, 3), Confirmed);
        var before = (await SubmissionAsync(database, _region, 3))!.Snapshots.Single();
        var national = database.OctoberFactory.CreateClientAs(NationalMethodologist);
        var shownBefore = Cells(await Html.ParseAsync(await national.GetAsync(Page(_region, 3))), "K016");
        await using (var db = database.CreateContext())
        {
            var september = await db.MonthlyActuals.SingleAsync(a => a.Indicator!.Plan!.Organisation!.Code == "andijon" && a.Indicator.CatalogueCode == "K016" && a.Month == 9);
            db.MonthlyActuals.Remove(september);
            await db.SaveChangesAsync();
            db.MonthlyActuals.Add(new MonthlyActual(await db.Indicators.SingleAsync(i => i.Id == september.IndicatorId), 9, 100, null, "test", DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }

        var live = Cells(await Html.ParseAsync(await Methodologist().GetAsync("/Consolidation?year=2022&quarter=3&measure=Quarter")), "K016");
        var after = (await SubmissionAsync(database, _region, 3))!.Snapshots.Single();
        var shownAfter = Cells(await Html.ParseAsync(await national.GetAsync(Page(_region, 3))), "K016");
        var excel = await (await national.GetAsync(Step("ExportExcel", _region, 3))).Content.ReadAsByteArrayAsync();

        live[0].Should().Be("114", "the live consolidation has the centre's new September (7 + 7 + 100)");
        after.Document.Should().Be(before.Document);
        after.ExcelFile.Should().Equal(before.ExcelFile!);
        after.PdfFile.Should().Equal(before.PdfFile!);
        shownAfter.Should().Equal(shownBefore, "the report's page shows the submission as it was sent");
        excel.Should().Equal(before.ExcelFile!);
    }

    private HttpClient Methodologist() => database.OctoberFactory.CreateClientAs("andijon.metodist");
}
