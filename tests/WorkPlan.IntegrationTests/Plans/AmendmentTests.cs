using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using WorkPlan.Core.Plans;
using WorkPlan.Infrastructure.Data.Seed;
using WorkPlan.IntegrationTests.Infrastructure;

namespace WorkPlan.IntegrationTests.Plans;

/// <summary>
/// An amendment of the Xo'jaobod plan in force, on 3 October 2022: until it comes into force every figure
/// (entry, %, the home page, the quarterly report and its snapshot, the region's consolidation) keeps to
/// version 1; the region and the director see what changed before they sign; the director may discard it.
/// </summary>
[Collection(DatabaseTests.Name)]
public sealed partial class AmendmentTests(DatabaseFixture database) : IAsyncLifetime
{
    private const string Director = "xojaobod.direktor";
    private const string Region = "andijon.direktor";

    private int _planId;

    public async Task InitializeAsync()
    {
        await database.ResetWithDemoDataAsync();
        await using var db = database.CreateContext();
        _planId = await db.Plans.Where(p => p.Organisation!.Code == "xojaobod").Select(p => p.Id).SingleAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task EveryFigureKeepsTheTargetInForce_UntilTheAmendmentIsApproved()
    {
        var director = Client(Director);
        string code;
        await using (var db = database.CreateContext())
        {
            // The year's actuals and the region's other districts, so that the region consolidates.
            await new DemoActualsSeeder(db, NullLogger<DemoActualsSeeder>.Instance).SeedAsync();
            await DatabaseFixture.RegionSeeder(db).SeedAsync();
            code = (await db.Indicators.SingleAsync(i => i.PlanId == _planId && i.Number == "19")).CatalogueCode!;
        }

        var entryBefore = await PageAsync(director, $"/Actuals?planId={_planId}&month=9");
        var reportBefore = await PageAsync(director, $"/Reports/Quarter?planId={_planId}&quarter=3");
        var homeBefore = HomeCounts(await PageAsync(director, "/"));
        var consolidationBefore = Cells(await PageAsync(Client(Region), "/Consolidation?year=2022&quarter=3&measure=Target"), code);

        await StepAsync(Director, "Amend", "Viloyat topshirig'i: ko'chma kutubxonalar ko'paytiriladi");
        (await EditAsync(director, "19", target: "200")).IsRedirectTo($"/PlanEditor/Index/{_planId}").Should().BeTrue();
        (await EditAsync(director, "16", target: string.Empty)).IsRedirectTo($"/PlanEditor/Index/{_planId}").Should().BeTrue();

        var entryDuring = await PageAsync(director, $"/Actuals?planId={_planId}&month=9");
        var reportDuring = await PageAsync(director, $"/Reports/Quarter?planId={_planId}&quarter=3");
        var homeDuring = HomeCounts(await PageAsync(director, "/"));
        var consolidationDuring = Cells(await PageAsync(Client(Region), "/Consolidation?year=2022&quarter=3&measure=Target"), code);
        var editor = await PageAsync(director, $"/Plans/Details/{_planId}");

        Cell(entryBefore, "19", 3).Should().Be("175");
        Cell(entryDuring, "19", 3).Should().Be("175", "the draft's target is not in force");
        Cell(entryDuring, "19", 17).Should().Be(Cell(entryBefore, "19", 17), "the % is of the target in force");
        ReportRow(reportDuring, "19").Should().Equal(ReportRow(reportBefore, "19"));
        ReportRow(reportDuring, "19")[0].Should().Be("175");
        homeDuring.Should().Be(homeBefore, "row 16's target is still in force, so it is still due");
        consolidationDuring.Should().Equal(consolidationBefore);
        consolidationBefore.Should().Contain("175");
        editor.QuerySelector("tr[data-number='19'] td:nth-child(5)")!.Text().Should().Be("200", "the draft shows in the plan document");

        await StepAsync(Director, "Submit");
        await StepAsync(Region, "Agree");
        (await StepAsync(Director, "Approve")).Should().Be(PlanStatus.InForce);

        var entryAfter = await PageAsync(director, $"/Actuals?planId={_planId}&month=9");
        var reportAfter = await PageAsync(director, $"/Reports/Quarter?planId={_planId}&quarter=3");
        var homeAfter = HomeCounts(await PageAsync(director, "/"));
        var consolidationAfter = Cells(await PageAsync(Client(Region), "/Consolidation?year=2022&quarter=3&measure=Target"), code);
        Cell(entryAfter, "19", 3).Should().Be("200");
        ReportRow(reportAfter, "19")[0].Should().Be("200");
        homeAfter.Should().NotBe(homeBefore, "row 16 without a target expects no value any more");
        var changed = Enumerable.Range(0, consolidationBefore.Length).First(i => consolidationBefore[i] != consolidationAfter[i]);
        (consolidationBefore[changed], consolidationAfter[changed]).Should().Be(("175", "200"));
    }

    [Fact]
    public async Task SubmittedReportKeepsTheTargetInForce_WhenAnAmendmentDraftChangesIt()
    {
        var inspector = Client("xojaobod.inspektor");
        await StepAsync(Director, "Amend", "Ko'chma kutubxonalar");
        await EditAsync(Client(Director), "19", target: "200");

        var submitted = await Forms.PostAsync(inspector, $"/Reports/Quarter?planId={_planId}&quarter=3", $"/Reports/Submit?planId={_planId}&quarter=3", new Dictionary<string, string> { ["confirmMissing"] = "true" });

        submitted.StatusCode.Should().Be(HttpStatusCode.Redirect);
        await using var db = database.CreateContext();
        var snapshot = await db.ReportSnapshots.Where(s => db.ReportSubmissions.Any(r => r.Id == s.ReportSubmissionId && r.PlanId == _planId && r.Quarter == 3))
            .OrderByDescending(s => s.Number).FirstAsync();
        var document = snapshot.Read();
        document.Sections.SelectMany(s => s.Rows).Single(r => r.Number == "19").AnnualTarget.Should().Be(175m);
    }

    [Fact]
    public async Task ARowAddedInTheDraft_IsNotInTheEntrySheetUntilApproval()
    {
        var director = Client(Director);
        await StepAsync(Director, "Amend", "Yangi ko'rsatkich");
        (await AddRowAsync(director, "43", "Mahalla kutubxonachilari uchun seminar")).IsRedirectTo($"/PlanEditor/Index/{_planId}").Should().BeTrue();
        var added = await IndicatorIdAsync("43");

        var during = await PageAsync(director, $"/Actuals?planId={_planId}&month=9");
        var saveDuring = await SaveAsync(director, during, new() { ["43"] = "5" }, extra: added);
        var reportDuring = await PageAsync(director, $"/Reports/Quarter?planId={_planId}&quarter=3");

        during.QuerySelector("tr[data-number='43']").Should().BeNull();
        reportDuring.QuerySelector("tr[data-number='43']").Should().BeNull();
        saveDuring.StatusCode.Should().Be(HttpStatusCode.NotFound, "a row not in force takes no actuals");
        (await ActualAsync(added, 9)).Should().BeNull();

        await StepAsync(Director, "Submit");
        await StepAsync(Region, "Agree");
        await StepAsync(Director, "Approve");
        var after = await PageAsync(director, $"/Actuals?planId={_planId}&month=9");
        after.QuerySelector("tr[data-number='43']").Should().NotBeNull();
    }

    [Fact]
    public async Task ARowRemovedInTheDraft_StillTakesActualsUntilApproval_WhichWaitsUntilItsValuesAreCleared()
    {
        var director = Client(Director);
        var (number, id) = await RowWithoutActualsAsync();
        await StepAsync(Director, "Amend", "Ortiqcha ko'rsatkich olib tashlanadi");
        var deleted = await Forms.PostAsync(director, $"/PlanEditor/Index/{_planId}", $"/PlanEditor/DeleteIndicator/{id}", new Dictionary<string, string>());
        deleted.StatusCode.Should().Be(HttpStatusCode.Redirect);

        var document = await PageAsync(director, $"/Plans/Details/{_planId}");
        var entry = await PageAsync(director, $"/Actuals?planId={_planId}&month=9");
        var saved = await SaveAsync(director, entry, new() { [number] = "3" });

        document.QuerySelector($"tr[data-number='{number}']").Should().BeNull("the draft no longer has the row");
        entry.QuerySelector($"tr[data-number='{number}']").Should().NotBeNull("the version in force still has it");
        saved.IsRedirectTo("/Actuals").Should().BeTrue();
        (await ActualAsync(id, 9)).Should().Be(3m);

        await StepAsync(Director, "Submit");
        await StepAsync(Region, "Agree");
        var refused = await Forms.PostAsync(director, $"/Plans/Details/{_planId}", $"/Plans/Approve/{_planId}",
            new Dictionary<string, string> { ["Version"] = (await PlanRowVersionAsync()).ToString(CultureInfo.InvariantCulture) });
        var message = await PageAsync(director, refused.Headers.Location!.OriginalString);
        (await StatusAsync()).Status.Should().Be(PlanStatus.Agreed, "coming into force would delete the row with the value typed into it");
        (await ActualAsync(id, 9)).Should().Be(3m);
        message.QuerySelector(".alert-danger")!.Text().Should().Contain(number).And.Contain("oylik ma'lumotlar");

        var cleared = await SaveAsync(director, await PageAsync(director, $"/Actuals?planId={_planId}&month=9"), new() { [number] = string.Empty });
        cleared.IsRedirectTo("/Actuals").Should().BeTrue();
        (await StepAsync(Director, "Approve")).Should().Be(PlanStatus.InForce);
        var after = await PageAsync(director, $"/Actuals?planId={_planId}&month=9");
        after.QuerySelector($"tr[data-number='{number}']").Should().BeNull();
        await using var db = database.CreateContext();
        (await db.Indicators.IgnoreQueryFilters().AnyAsync(i => i.Id == id)).Should().BeFalse();
    }

    [Fact]
    public async Task ComparesADraftAmendmentWithTheVersionInForce_OnTheComparisonAndTheSigningPage()
    {
        var director = Client(Director);
        var (number, id) = await RowWithoutActualsAsync();
        await StepAsync(Director, "Amend", "Uch o'zgarish");
        await EditAsync(director, "19", target: "200");
        await AddRowAsync(director, "43", "Mahalla kutubxonachilari uchun seminar");
        await Forms.PostAsync(director, $"/PlanEditor/Index/{_planId}", $"/PlanEditor/DeleteIndicator/{id}", new Dictionary<string, string>());
        await StepAsync(Director, "Submit");

        var compare = await database.OctoberFactory.CreateClientAs(Region).GetAsync($"/Plans/Compare/{_planId}?from=1&to=2");
        var signing = await PageAsync(Client(Region), $"/Plans/Details/{_planId}");

        compare.StatusCode.Should().Be(HttpStatusCode.OK);
        var changes = Changes(await Html.ParseAsync(compare));
        changes.Should().ContainSingle(c => c[0] == "19" && c[2] == "Reja" && c[3] == "175" && c[4] == "200");
        changes.Should().ContainSingle(c => c[0] == "43" && c[2] == "Qo'shildi");
        changes.Should().ContainSingle(c => c[0] == number && c[2] == "O'chirildi");
        signing.QuerySelector(".pending-amendment h2")!.Text().Should().Contain("1");
        Changes(signing).Should().BeEquivalentTo(changes);
        signing.QuerySelector("form[action$='/Plans/Agree/" + _planId + "']").Should().NotBeNull("the region signs beside the changes");
    }

    [Fact]
    public async Task DiscardsAnAmendment_BackToExactlyTheVersionInForce()
    {
        var director = Client(Director);
        var (number, id) = await RowWithoutActualsAsync();
        string Document(IDocument page) => page.QuerySelector(".plan-document, table")!.OuterHtml;
        var before = Document(await PageAsync(director, $"/Plans/Details/{_planId}"));
        await using (var db = database.CreateContext())
        {
            var plan = await db.Plans.SingleAsync(p => p.Id == _planId);
            (plan.Status, plan.VersionNumber).Should().Be((PlanStatus.InForce, 1));
        }

        await StepAsync(Director, "Amend", "Xato ochildi");
        await EditAsync(director, "19", target: "200", name: "Ko'chma kutubxonalar");
        await AddRowAsync(director, "43", "Mahalla kutubxonachilari uchun seminar");
        await Forms.PostAsync(director, $"/PlanEditor/Index/{_planId}", $"/PlanEditor/DeleteIndicator/{id}", new Dictionary<string, string>());
        var page = await PageAsync(director, $"/Plans/Details/{_planId}");
        page.QuerySelector("form[action$='/Plans/Discard/" + _planId + "'] button[data-confirm]").Should().NotBeNull("discarding asks first");

        (await StepAsync(Director, "Discard")).Should().Be(PlanStatus.InForce);

        var after = Document(await PageAsync(director, $"/Plans/Details/{_planId}"));
        after.Should().Be(before, "the plan reads exactly as the version in force");
        await using var check = database.CreateContext();
        var restored = await check.Plans.SingleAsync(p => p.Id == _planId);
        restored.VersionNumber.Should().Be(1);
        restored.AmendmentReason.Should().BeNull();
        (await check.Indicators.IgnoreQueryFilters().AnyAsync(i => i.PlanId == _planId && i.Number == "43")).Should().BeFalse();
        (await check.Indicators.SingleAsync(i => i.Id == id)).IsWithdrawn.Should().BeFalse();
        var row19 = await check.Indicators.SingleAsync(i => i.PlanId == _planId && i.Number == "19");
        (row19.Target, row19.Name).Should().Be((175m, "Ko'chma kutubxonalar orqali xizmat ko'rsatish"));
        (await check.PlanEvents.Where(e => e.PlanId == _planId).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync())
            .Should().EndWith([PlanAction.AmendmentOpened, PlanAction.AmendmentDiscarded]);
        (await check.PlanVersions.CountAsync(v => v.PlanId == _planId)).Should().Be(1);
        Cell(await PageAsync(director, $"/Actuals?planId={_planId}&month=9"), number, 0).Should().Be(number);
    }

    [Fact]
    public async Task DiscardsAnAmendment_ThatReplacedARowByANewOneOfTheSameNumber()
    {
        var director = Client(Director);
        var (number, id) = await RowWithoutActualsAsync();
        await StepAsync(Director, "Amend", "Qator almashtirildi");
        await Forms.PostAsync(director, $"/PlanEditor/Index/{_planId}", $"/PlanEditor/DeleteIndicator/{id}", new Dictionary<string, string>());
        (await AddRowAsync(director, number, "Yangi ko'rsatkich")).IsRedirectTo($"/PlanEditor/Index/{_planId}").Should().BeTrue();

        (await StepAsync(Director, "Discard")).Should().Be(PlanStatus.InForce);

        await using var db = database.CreateContext();
        (await db.Indicators.IgnoreQueryFilters().Where(i => i.PlanId == _planId && i.Number == number).Select(i => i.Id).ToListAsync()).Should().Equal(id);
    }

    [Fact]
    public async Task RefusesToDiscard_APlanWithoutAnAmendment_OrForAUserWhoMayNotApprove()
    {
        var notAmended = await StepResponseAsync(Director, "Discard");
        var status = await StatusAsync();
        await StepAsync(Director, "Amend", "Sinov");
        var byInspector = await StepResponseAsync("xojaobod.inspektor", "Discard");
        var byServiceHead = await StepResponseAsync("xojaobod.abonement", "Discard");
        var byRegion = await StepResponseAsync(Region, "Discard");

        notAmended.StatusCode.Should().Be(HttpStatusCode.Redirect);
        status.Should().Be((PlanStatus.InForce, 1), "nothing to discard");
        byInspector.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        byServiceHead.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        byRegion.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await StatusAsync()).Should().Be((PlanStatus.Draft, 2));
    }

    [Fact]
    public async Task AsksBeforeOpeningAnAmendment_SayingWhatStaysInForce()
    {
        var page = await PageAsync(Client(Director), $"/Plans/Details/{_planId}");

        var confirm = page.QuerySelector("form[action$='/Plans/Amend/" + _planId + "'] button[data-confirm]")!.GetAttribute("data-confirm");

        confirm.Should().Contain("2-versiya").And.Contain("1-versiya amalda qoladi");
    }

    [Fact]
    public async Task OpeningThePagesOfAnAmendment_WritesNothing()
    {
        await StepAsync(Director, "Amend", "Sinov");
        await EditAsync(Client(Director), "19", target: "200");
        var before = await StateAsync();

        foreach (var user in new[] { Director, Region, "xojaobod.inspektor" })
        {
            var client = Client(user);
            foreach (var url in new[] { $"/Plans/Details/{_planId}", $"/Plans/Compare/{_planId}?from=1&to=2", $"/Actuals?planId={_planId}&month=9", $"/Reports/Quarter?planId={_planId}&quarter=3", "/" })
            {
                (await client.GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.OK, url);
            }
        }

        (await StateAsync()).Should().Be(before);
    }
}
