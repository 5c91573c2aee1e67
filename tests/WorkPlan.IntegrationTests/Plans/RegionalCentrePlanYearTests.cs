using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using WorkPlan.Core.Common;
using WorkPlan.Core.Organisations;
using WorkPlan.Core.Plans;
using WorkPlan.Core.Reports;
using WorkPlan.IntegrationTests.Actuals;
using WorkPlan.IntegrationTests.Infrastructure;
using WorkPlan.IntegrationTests.Regional;

namespace WorkPlan.IntegrationTests.Plans;

/// <summary>
/// A regional centre's own year through the app's pages, as a district's goes with the National Library in the region's
/// place: the plan from the region's template, KELISHILDI by the National Library, TASDIQLAYMAN by the regional director,
/// monthly entry by its service head, the quarterly report sent by its inspector and accepted by the National Library.
/// </summary>
[Collection(DatabaseTests.Name)]
public sealed class RegionalCentrePlanYearTests(DatabaseFixture database) : IAsyncLifetime
{
    private const string Director = "andijon.direktor";
    private const string NationalDirector = "centre.milliy.direktor";
    private const string NationalMethodologist = "centre.milliy.metodist";
    private const string Inspector = "centre.andijon.inspektor";
    private const string ServiceHead = "centre.andijon.abonement";

    public async Task InitializeAsync()
    {
        await database.ResetWithDemoDataAsync();
        await using (var db = database.CreateContext())
        {
            var xojaobod = await db.Plans.Where(p => p.Organisation!.Code == "xojaobod").Select(p => p.Id).SingleAsync();
            await RegionalFixture.PublishTemplateAsync(database, xojaobod);
            var national = await db.Organisations.SingleAsync(o => o.Code == "national");
            national.SetDirector("Milliy kutubxona direktori", "U.Karimov");
            var andijon = await db.Organisations.Include(o => o.Services).SingleAsync(o => o.Code == "andijon");
            andijon.Services.Add(new ServiceUnit(andijon, "lending", "Abonement bo'limi", null, 1));
            await db.SaveChangesAsync();
        }

        await TestUsers.CreateAsync(database, NationalDirector, Roles.NationalDirector, "national");
        await TestUsers.CreateAsync(database, NationalMethodologist, Roles.NationalMethodologist, "national");
        await TestUsers.CreateAsync(database, Inspector, Roles.Inspector, "andijon");
        await TestUsers.CreateAsync(database, ServiceHead, Roles.ServiceHead, "andijon", serviceCode: "lending");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task RunsItsOwnYear_AgreedByTheNationalLibrary_ApprovedByItsDirector_EnteredAndReportedUpwards()
    {
        var director = database.OctoberFactory.CreateClientAs(Director);

        // The plan, from the region's published template, with the National Library on its KELISHILDI line.
        var created = await Forms.PostAsync(director, "/Catalogue", "/Catalogue/CreatePlan", new Dictionary<string, string> { ["year"] = "2022" });
        created.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var planId = await PlanIdAsync();
        await using (var db = database.CreateContext())
        {
            var plan = await db.Plans.Include(p => p.Indicators).SingleAsync(p => p.Id == planId);
            plan.Agreement.Name.Should().Be("U.Karimov", "the National Library agrees a regional centre's plan");
            plan.Indicators.Should().NotBeEmpty().And.OnlyContain(i => i.CatalogueCode != null, "every row comes with its catalogue code");
        }

        // Signatures: the regional director may not agree their own centre's plan; the National Library does.
        (await StepAsync(Director, planId, "Submit")).Should().Be(HttpStatusCode.Redirect);
        (await StepAsync(Director, planId, "Agree")).Should().Be(HttpStatusCode.Forbidden);
        (await StepAsync("xojaobod.direktor", planId, "Agree")).Should().Be(HttpStatusCode.NotFound);
        (await StepAsync(NationalDirector, planId, "Agree")).Should().Be(HttpStatusCode.Redirect);
        (await StepAsync(NationalDirector, planId, "Approve")).Should().Be(HttpStatusCode.Forbidden, "TASDIQLAYMAN is the centre's own director's");
        (await StepAsync(Director, planId, "Approve")).Should().Be(HttpStatusCode.Redirect);
        (await StatusAsync(planId)).Should().Be(PlanStatus.InForce);

        // Monthly entry: the centre's service head enters September for the rows of their service.
        var head = database.OctoberFactory.CreateClientAs(ServiceHead);
        var sheet = await Html.ParseAsync(await head.GetAsync($"/Actuals?planId={planId}&month=9"));
        var (fields, typed) = MonthlyEntryForm.Fields(sheet, _ => 12);
        typed.Should().NotBeEmpty("the service head has rows of their own to enter");
        var saved = await head.PostAsync($"/Actuals/Save?planId={planId}&month=9", new FormUrlEncodedContent(fields));
        saved.StatusCode.Should().Be(HttpStatusCode.Redirect);

        // The quarterly report: sent by the centre's inspector, in the National Library's inbox, accepted there.
        var inspector = database.OctoberFactory.CreateClientAs(Inspector);
        var quarter = $"/Reports/Quarter?planId={planId}&quarter=3";
        var sent = await Forms.PostAsync(inspector, quarter, $"/Reports/Submit?planId={planId}&quarter=3", new Dictionary<string, string> { ["confirmMissing"] = "true" });
        var national = database.OctoberFactory.CreateClientAs(NationalMethodologist);
        var inbox = await Html.ParseAsync(await national.GetAsync("/Reports/Inbox"));
        var byRegion = await Forms.PostAsync(database.OctoberFactory.CreateClientAs("andijon.metodist"), quarter, $"/Reports/Accept?planId={planId}&quarter=3",
            new Dictionary<string, string> { ["version"] = await ReportVersionAsync(planId) });
        var accepted = await Forms.PostAsync(national, quarter, $"/Reports/Accept?planId={planId}&quarter=3",
            new Dictionary<string, string> { ["version"] = await ReportVersionAsync(planId) });

        sent.StatusCode.Should().Be(HttpStatusCode.Redirect);
        inbox.QuerySelectorAll(".inbox-table tbody tr").Select(r => r.Text())
            .Should().Contain(t => t.Contains("Andijon", StringComparison.Ordinal) && t.Contains("Yuborildi", StringComparison.Ordinal));
        byRegion.StatusCode.Should().Be(HttpStatusCode.Forbidden, "the region's own staff do not accept their own centre's report");
        accepted.StatusCode.Should().Be(HttpStatusCode.Redirect);
        await using var check = database.CreateContext();
        (await check.MonthlyActuals.Where(a => a.Indicator!.PlanId == planId && a.Month == 9).Select(a => a.Value).ToListAsync())
            .Should().HaveCount(typed.Count).And.OnlyContain(v => v == 12m);
        (await check.ReportSubmissions.SingleAsync(r => r.PlanId == planId && r.Quarter == 3)).Status.Should().Be(ReportStatus.Accepted);
    }

    private async Task<HttpStatusCode> StepAsync(string user, int planId, string step)
    {
        await using var db = database.CreateContext();
        var version = await db.Plans.Where(p => p.Id == planId).Select(p => p.Version).SingleAsync();
        var response = await Forms.PostAsync(database.OctoberFactory.CreateClientAs(user), "/Plans", $"/Plans/{step}/{planId}",
            new Dictionary<string, string> { ["Version"] = version.ToString(CultureInfo.InvariantCulture) });
        return response.StatusCode;
    }

    private async Task<PlanStatus> StatusAsync(int planId)
    {
        await using var db = database.CreateContext();
        return await db.Plans.Where(p => p.Id == planId).Select(p => p.Status).SingleAsync();
    }

    private async Task<int> PlanIdAsync()
    {
        await using var db = database.CreateContext();
        return await db.Plans.Where(p => p.Organisation!.Code == "andijon" && p.Year == 2022).Select(p => p.Id).SingleAsync();
    }

    private async Task<string> ReportVersionAsync(int planId)
    {
        await using var db = database.CreateContext();
        return (await db.ReportSubmissions.Where(r => r.PlanId == planId && r.Quarter == 3).Select(r => r.Version).SingleAsync())
            .ToString(CultureInfo.InvariantCulture);
    }
}
