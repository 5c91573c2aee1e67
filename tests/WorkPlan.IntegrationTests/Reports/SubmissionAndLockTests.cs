using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using WorkPlan.Core.Actuals;
using WorkPlan.Core.Reports;
using WorkPlan.IntegrationTests.Infrastructure;

namespace WorkPlan.IntegrationTests.Reports;

/// <summary>
/// On 3 October 2022: an incomplete Q3 report is sent only on a second confirmation; a locked month
/// always says why, since when and who can reopen it; a service head asks the director to reopen a
/// month, the director reopens it from the home page, and the reason shows where the month is open again.
/// </summary>
[Collection(DatabaseTests.Name)]
public sealed class SubmissionAndLockTests(DatabaseFixture database) : IAsyncLifetime
{
    private const string Lending = "xojaobod.abonement";
    private const string InspectorName = "Xo'jaobod TAKM kadrlar bo'yicha inspektori";
    private const string DirectorName = "M.Mo'minova";

    private int _planId;

    public async Task InitializeAsync()
    {
        await database.ResetWithDemoDataAsync();
        await using var db = database.CreateContext();
        _planId = await db.Plans.Where(p => p.Organisation!.Code == "xojaobod").Select(p => p.Id).SingleAsync();
        var rows = await db.Indicators.Where(i => i.PlanId == _planId).ToDictionaryAsync(i => i.Number);
        foreach (var (number, month) in new[] { ("16", 7), ("16", 8), ("17", 7) })
        {
            db.MonthlyActuals.Add(new MonthlyActual(rows[number], month, 9000, null, "test", DateTimeOffset.UtcNow));
        }

        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ListsTheMissingValuesByServiceAndRow_AndRefusesToSubmitWithoutASecondConfirmation()
    {
        var inspector = database.OctoberFactory.CreateClientAs("xojaobod.inspektor");

        var page = await Html.ParseAsync(await inspector.GetAsync(QuarterUrl));
        var refused = await Forms.PostAsync(inspector, QuarterUrl, SubmitUrl, new Dictionary<string, string>());
        var afterRefusal = await Html.ParseAsync(await inspector.GetAsync(QuarterUrl));
        var statusAfterRefusal = await StatusAsync();
        var accepted = await Forms.PostAsync(inspector, QuarterUrl, SubmitUrl, new Dictionary<string, string> { ["confirmMissing"] = "true" });

        var missing = page.QuerySelector("section.missing-values")!;
        missing.QuerySelector("h3[data-service^='Abonem']")!.Text().Should().NotBeEmpty();
        missing.QuerySelectorAll("li[data-number='16']").Should().ContainSingle().Which.Text().Should().Contain("Sentyabr").And.NotContain("Iyul");
        missing.QuerySelectorAll("li[data-number='17']").Single().Text().Should().Contain("Avgust, Sentyabr");
        missing.QuerySelectorAll("li[data-number='27']").Should().BeEmpty("the inventory is due by December");
        var confirmation = page.QuerySelector("form.submit-report-form input[name='confirmMissing']")!;
        confirmation.GetAttribute("aria-required").Should().Be("true");
        confirmation.HasAttribute("required").Should().BeFalse("the browser's own bubble speaks the browser's language; the server's refusal speaks the user's");
        refused.StatusCode.Should().Be(HttpStatusCode.Redirect);
        afterRefusal.ValidationText().Should().Contain("kutilgan qiymat kiritilmagan");
        statusAfterRefusal.Should().BeNull("a refused submission stores nothing");
        accepted.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await StatusAsync()).Should().Be(ReportStatus.Submitted);
    }

    [Fact]
    public async Task SaysWhySinceWhenAndWhoCanReopen_OnTheEntryPageAndARefusedSave_WhenTheReportWasSubmitted()
    {
        var head = database.OctoberFactory.CreateClientAs(Lending);
        await Forms.PostAsync(database.OctoberFactory.CreateClientAs("xojaobod.inspektor"), QuarterUrl, SubmitUrl, new Dictionary<string, string> { ["confirmMissing"] = "true" });

        var september = await Html.ParseAsync(await head.GetAsync($"/Actuals?planId={_planId}&month=9"));
        var refused = await SaveAsync(head, 9, september, "16", "9500");

        var message = september.QuerySelector(".month-lock")!.Text();
        message.Should().Contain("2022 yil \"3\" oktyabr").And.Contain(InspectorName).And.Contain("viloyat markazi, hisobotni qaytarib");
        september.QuerySelector(".month-lock-panel form").Should().BeNull("nobody in the centre can reopen a reported quarter");
        refused.StatusCode.Should().Be(HttpStatusCode.OK);
        (await Html.ParseAsync(refused)).ValidationText().Should().Contain("2022 yil \"3\" oktyabr").And.Contain(InspectorName).And.Contain("hisobotni qaytarib");
        (await ValueAsync("16", 9)).Should().BeNull();
    }

    [Fact]
    public async Task SaysWhySinceWhenAndWhoCanReopen_WhenTheEntryWindowClosed()
    {
        var head = database.OctoberFactory.CreateClientAs(Lending);

        var august = await Html.ParseAsync(await head.GetAsync($"/Actuals?planId={_planId}&month=8"));
        var refused = await SaveAsync(head, 8, august, "16", "9500");

        august.QuerySelector(".month-lock")!.Text().Should().Contain("2022 yil \"6\" sentyabr").And.Contain("markaz direktori");
        august.QuerySelector("form.reopen-request-form").Should().NotBeNull("a service head can ask the director");
        (await Html.ParseAsync(refused)).ValidationText().Should().Contain("2022 yil \"6\" sentyabr").And.Contain("markaz direktori");
    }

    [Fact]
    public async Task BringsAServiceHeadsRequestToTheDirectorsHome_WhoReopensTheMonth_AndTheReasonShowsOnTheEntryPage()
    {
        var head = database.OctoberFactory.CreateClientAs(Lending);
        var director = database.OctoberFactory.CreateClientAs("xojaobod.direktor");
        var augustUrl = $"/Actuals?planId={_planId}&month=8";

        var requested = await Forms.PostAsync(head, augustUrl, $"/Actuals/RequestReopen?planId={_planId}&month=8",
            new Dictionary<string, string> { ["reason"] = "Avgust qatnovlari kech keldi" });
        var waiting = await Html.ParseAsync(await head.GetAsync(augustUrl));
        var home = await Html.ParseAsync(await director.GetAsync("/"));
        var todo = home.QuerySelector(".reopen-requests li.reopen-request")!;
        var reopened = await Forms.PostAsync(director, "/", $"/Actuals/Reopen?planId={_planId}&month=8",
            new Dictionary<string, string> { ["reason"] = todo.QuerySelector("form input[name='reason']")!.GetAttribute("value")! });
        var open = await Html.ParseAsync(await head.GetAsync(augustUrl));
        var homeAfter = await Html.ParseAsync(await director.GetAsync("/"));

        requested.StatusCode.Should().Be(HttpStatusCode.Redirect);
        waiting.QuerySelector(".reopen-request[data-status='Pending']")!.Text().Should().Contain("Avgust qatnovlari kech keldi").And.Contain("Direktorda kutmoqda");
        todo.Text().Should().Contain("Avgust 2022").And.Contain("Avgust qatnovlari kech keldi").And.Contain("Abonement");
        reopened.StatusCode.Should().Be(HttpStatusCode.Redirect);
        open.QuerySelector(".month-reopened")!.Text().Should().Contain("Avgust qatnovlari kech keldi").And.Contain(DirectorName);
        open.QuerySelectorAll("input.cell-input").Should().NotBeEmpty();
        open.QuerySelector(".month-history")!.Text().Should().Contain("Avgust qatnovlari kech keldi").And.Contain("Qayta ochildi");
        homeAfter.QuerySelector(".reopen-requests").Should().BeNull("nothing waits any more");
        await using var db = database.CreateContext();
        (await db.MonthReopenRequests.SingleAsync()).Status.Should().Be(ReopenRequestStatus.Granted);
        var audit = await db.AuditEntries.Where(a => a.EntityType == "Month").OrderBy(a => a.Id).Select(a => new { a.Action, a.After }).ToListAsync();
        audit.Select(a => a.Action).Should().Equal("Month.ReopenRequested", "Month.Reopened");
        audit[1].After.Should().Contain("Avgust qatnovlari kech keldi");
    }

    [Fact]
    public async Task ShowsTheRequesterWhyTheDirectorDeclined()
    {
        var head = database.OctoberFactory.CreateClientAs(Lending);
        var director = database.OctoberFactory.CreateClientAs("xojaobod.direktor");
        var augustUrl = $"/Actuals?planId={_planId}&month=8";
        await Forms.PostAsync(head, augustUrl, $"/Actuals/RequestReopen?planId={_planId}&month=8", new Dictionary<string, string> { ["reason"] = "Kechikdim" });
        var id = await RequestIdAsync();

        var withoutReason = await Forms.PostAsync(director, "/", $"/Actuals/DeclineReopen/{id}", new Dictionary<string, string>());
        var declined = await Forms.PostAsync(director, "/", $"/Actuals/DeclineReopen/{id}", new Dictionary<string, string> { ["reason"] = "Avgust hisoboti allaqachon tahlil qilingan" });
        var page = await Html.ParseAsync(await head.GetAsync(augustUrl));
        var september = await Html.ParseAsync(await head.GetAsync($"/Actuals?planId={_planId}&month=9"));

        withoutReason.StatusCode.Should().Be(HttpStatusCode.Redirect);
        declined.StatusCode.Should().Be(HttpStatusCode.Redirect);
        page.QuerySelector(".reopen-request[data-status='Declined']")!.Text().Should().Contain("Avgust hisoboti allaqachon tahlil qilingan").And.Contain(DirectorName);
        page.QuerySelectorAll("input.cell-input").Should().BeEmpty();
        september.QuerySelector(".my-reopen-requests li[data-status='Declined']")!.Text().Should().Contain("Avgust").And.Contain("Avgust hisoboti allaqachon tahlil qilingan",
            "the requester sees where their request stands from the month they are working on");
    }

    [Fact]
    public async Task AnswersNotFound_ForAnotherCentresMonthOrRequest()
    {
        await Forms.PostAsync(database.OctoberFactory.CreateClientAs(Lending), $"/Actuals?planId={_planId}&month=8", $"/Actuals/RequestReopen?planId={_planId}&month=8",
            new Dictionary<string, string> { ["reason"] = "Kechikdim" });
        var id = await RequestIdAsync();
        var otherDirector = database.OctoberFactory.CreateClientAs("asaka.direktor");
        var otherHead = database.OctoberFactory.CreateClientAs("asaka.bibliografiya");

        var decline = await Forms.PostAsync(otherDirector, "/Account/ChangePassword", $"/Actuals/DeclineReopen/{id}", new Dictionary<string, string> { ["reason"] = "Yo'q" });
        var reopen = await Forms.PostAsync(otherDirector, "/Account/ChangePassword", $"/Actuals/Reopen?planId={_planId}&month=8", new Dictionary<string, string> { ["reason"] = "Yo'q" });
        var request = await Forms.PostAsync(otherHead, "/Account/ChangePassword", $"/Actuals/RequestReopen?planId={_planId}&month=8", new Dictionary<string, string> { ["reason"] = "Yo'q" });

        decline.StatusCode.Should().Be(HttpStatusCode.NotFound);
        reopen.StatusCode.Should().Be(HttpStatusCode.NotFound);
        request.StatusCode.Should().Be(HttpStatusCode.NotFound);
        await using var db = database.CreateContext();
        (await db.MonthReopenRequests.SingleAsync()).Status.Should().Be(ReopenRequestStatus.Pending);
        (await db.MonthReopenings.CountAsync()).Should().Be(0);
    }

    private string QuarterUrl => $"/Reports/Quarter?planId={_planId}&quarter=3";

    private string SubmitUrl => $"/Reports/Submit?planId={_planId}&quarter=3";

    /// <summary>Posts one value into a month whose page shows no input (it is locked), as a stale or hand-made form would.</summary>
    private async Task<HttpResponseMessage> SaveAsync(HttpClient client, int month, AngleSharp.Dom.IDocument page, string number, string value) =>
        await client.PostAsync($"/Actuals/Save?planId={_planId}&month={month}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = page.QuerySelector("form.entry-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            ["cells[0].IndicatorId"] = (await IndicatorIdAsync(number)).ToString(CultureInfo.InvariantCulture),
            ["cells[0].Value"] = value,
        }));

    private async Task<ReportStatus?> StatusAsync()
    {
        await using var db = database.CreateContext();
        return await db.ReportSubmissions.Where(r => r.PlanId == _planId && r.Quarter == 3).Select(r => (ReportStatus?)r.Status).SingleOrDefaultAsync();
    }

    private async Task<long> RequestIdAsync()
    {
        await using var db = database.CreateContext();
        return await db.MonthReopenRequests.Select(r => r.Id).SingleAsync();
    }

    private async Task<decimal?> ValueAsync(string number, int month)
    {
        await using var db = database.CreateContext();
        return await db.MonthlyActuals.Where(a => a.Indicator!.PlanId == _planId && a.Indicator.Number == number && a.Month == month).Select(a => (decimal?)a.Value).SingleOrDefaultAsync();
    }

    private async Task<int> IndicatorIdAsync(string number)
    {
        await using var db = database.CreateContext();
        return await db.Indicators.Where(i => i.PlanId == _planId && i.Number == number).Select(i => i.Id).SingleAsync();
    }
}
