using System.Diagnostics;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using WorkPlan.Core.Access;
using WorkPlan.Core.Common;
using WorkPlan.Core.Organisations;
using WorkPlan.Core.Plans;
using WorkPlan.Core.Reports;
using WorkPlan.Infrastructure.Data.Seed;
using WorkPlan.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace WorkPlan.IntegrationTests.Seed;

/// <summary>
/// The whole demo tree on the demo's 3 October 2022: the National Library with its accounts, three regions of at least
/// five districts each with plans in force, the regional centres' own plans, the national catalogue every region maps
/// to, and the regions' reports to the National Library in every state.
/// </summary>
[Collection(DatabaseTests.Name)]
public sealed class DemoTreeTests(DatabaseFixture database, ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly string[] RegionCodes = ["andijon", "namangan", "samarqand"];

    public async Task InitializeAsync()
    {
        var region = Stopwatch.GetTimestamp();
        await database.ResetWithDemoRegionAsync();
        output.WriteLine($"Demo data and the Andijon region seeded in {Stopwatch.GetElapsedTime(region).TotalSeconds:0.0} s");
        var started = Stopwatch.GetTimestamp();
        await using var db = database.CreateContext();
        await DatabaseFixture.TreeSeeder(db).SeedAsync();
        output.WriteLine($"Demo tree seeded in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task KeepsTheNationalLibraryWithItsDirectorMethodologistAndAdministrator_WhoSignInWithTheDemoPassword()
    {
        await using var db = database.CreateContext();
        var national = await db.Organisations.SingleAsync(o => o.Kind == OrganisationKind.National);
        var accounts = await db.Users.Where(u => u.OrganisationId == national.Id).ToDictionaryAsync(u => u.UserName!, u => u.Role);

        national.Name.Should().Be("Alisher Navoiy nomidagi O'zbekiston Milliy kutubxonasi");
        accounts.Should().Contain("milliy.direktor", Roles.NationalDirector).And.Contain("milliy.metodist", Roles.NationalMethodologist).And.Contain("admin", Roles.Administrator);
        foreach (var user in new[] { "milliy.direktor", "milliy.metodist", "namangan.direktor", "urgut.inspektor" })
        {
            var client = database.DemoFactory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            var response = await Forms.SignInAsync(client, user, DemoUserSeeder.Password);
            response.IsRedirectTo("/").Should().BeTrue($"{user} signs in with the demo password");
        }
    }

    [Fact]
    public async Task GivesThreeRegionsAtLeastFiveDistrictsEach_WithPlansInForce_ActualsAndReportsInEveryState()
    {
        await using var db = database.CreateContext();
        var districts = await db.Organisations.Where(o => o.Kind == OrganisationKind.District && RegionCodes.Contains(o.Parent!.Code))
            .Select(o => new
            {
                Region = o.Parent!.Code,
                o.Code,
                InForce = db.Plans.Any(p => p.OrganisationId == o.Id && p.Year == 2022 && p.Status == PlanStatus.InForce),
                Actuals = db.MonthlyActuals.Count(a => a.Indicator!.Plan!.OrganisationId == o.Id),
                Reports = db.ReportSubmissions.Where(r => db.Plans.Any(p => p.Id == r.PlanId && p.OrganisationId == o.Id)).Select(r => new { r.Quarter, r.Status, r.SubmittedAt }).ToList(),
            })
            .ToListAsync();
        var mapped = await db.Indicators.Where(i => RegionCodes.Skip(1).Contains(i.Plan!.Organisation!.Parent!.Code)).CountAsync(i => i.CatalogueCode == null);

        foreach (var region in RegionCodes)
        {
            districts.Count(d => d.Region == region && d.InForce).Should().BeGreaterThanOrEqualTo(5, $"{region} has five districts with plans in force");
        }

        mapped.Should().Be(0, "every row of the new regions' districts' plans carries its catalogue code");
        districts.Where(d => d.InForce).Should().OnlyContain(d => d.Actuals > 0);
        var reports = districts.Where(d => d.Region != "andijon").SelectMany(d => d.Reports).ToList();
        reports.Should().Contain(r => r.Status == ReportStatus.Accepted).And.Contain(r => r.Status == ReportStatus.Returned).And.Contain(r => r.Status == ReportStatus.Submitted);
        reports.Should().Contain(r => r.SubmittedAt != null && LocalDay(r.SubmittedAt.Value) > ReportTimeliness.DueDate(2022, r.Quarter), "some were sent late");
        districts.Where(d => d.Region != "andijon").Should().Contain(d => !d.Reports.Any(r => r.Quarter == 2), "some Q2 reports are still awaited, overdue");
    }

    [Fact]
    public async Task GivesEachRegionalCentreItsOwnPlan_AgreedByTheNationalLibrary_ApprovedByItsDirector_WithActuals()
    {
        await using var db = database.CreateContext();
        var plans = await db.Plans.Where(p => RegionCodes.Contains(p.Organisation!.Code) && p.Year == 2022)
            .Select(p => new
            {
                p.Organisation!.Code,
                p.Status,
                Steps = db.PlanEvents.Where(e => e.PlanId == p.Id).OrderBy(e => e.At).Select(e => new { e.Action, e.UserName }).ToList(),
                Actuals = db.MonthlyActuals.Count(a => a.Indicator!.PlanId == p.Id),
                Accepted = db.ReportSubmissions.Count(r => r.PlanId == p.Id && r.Status == ReportStatus.Accepted),
            })
            .ToListAsync();

        plans.Select(p => p.Code).Should().BeEquivalentTo(RegionCodes);
        foreach (var plan in plans)
        {
            plan.Status.Should().Be(PlanStatus.InForce);
            plan.Steps.Where(s => s.Action != PlanAction.Created).Select(s => (s.Action, s.UserName)).Should().Equal(
                (PlanAction.Submitted, $"{plan.Code}.direktor"), (PlanAction.Agreed, "milliy.direktor"), (PlanAction.Approved, $"{plan.Code}.direktor"),
                (PlanAction.CameIntoForce, $"{plan.Code}.direktor"));
            plan.Actuals.Should().BePositive();
            plan.Accepted.Should().Be(2, "its Q1 and Q2 reports were accepted by the National Library");
        }
    }

    [Fact]
    public async Task PublishesTheNationalCatalogue_AndMapsEveryRegionToIt_SamarqandKeepingOneIndicatorItsOwn()
    {
        await using var db = database.CreateContext();
        var national = await db.NationalIndicators.Select(n => new { n.Code, Published = n.PublishedAt != null }).ToListAsync();
        var mapped = await db.TemplateIndicators.Where(t => t.NationalCode != null)
            .GroupBy(t => t.Template!.RegionId).Select(g => new { Region = db.Organisations.Single(o => o.Id == g.Key).Code, Count = g.Count() })
            .ToDictionaryAsync(g => g.Region, g => g.Count);
        var samarqand = await db.Organisations.Where(o => o.Code == DemoTreeSeeder.UnmappedRegion).Select(o => o.Id).SingleAsync();
        var own = await db.TemplateIndicators.Where(t => t.Template!.RegionId == samarqand && t.Code == DemoTreeSeeder.UnmappedCode)
            .Select(t => t.NationalCode).SingleAsync();

        national.Should().HaveCountGreaterThanOrEqualTo(5).And.OnlyContain(n => n.Published);
        mapped.Keys.Should().BeEquivalentTo(RegionCodes);
        mapped["andijon"].Should().Be(national.Count);
        mapped["namangan"].Should().Be(national.Count);
        mapped["samarqand"].Should().Be(national.Count - 1);
        own.Should().BeNull();
    }

    [Fact]
    public async Task KeepsTheRegionsReportsToTheNationalLibrary_AcceptedLateReturnedAndOverdue()
    {
        await using var db = database.CreateContext();
        var reports = await db.RegionalReportSubmissions.Where(r => r.Year == 2022)
            .Join(db.Organisations, r => r.RegionId, o => o.Id, (r, o) => new { o.Code, r.Quarter, r.Status, r.SubmittedAt, r.DueDate, r.ReturnReason })
            .ToListAsync();
        string Of(string region, int quarter) => reports.SingleOrDefault(r => r.Code == region && r.Quarter == quarter)?.Status.ToString() ?? "None";

        Of("andijon", 1).Should().Be("Accepted");
        Of("andijon", 2).Should().Be("Accepted");
        Of("namangan", 1).Should().Be("Accepted");
        Of("namangan", 2).Should().Be("Submitted");
        var late = reports.Single(r => r.Code == "namangan" && r.Quarter == 2);
        LocalDay(late.SubmittedAt!.Value).Should().BeAfter(late.DueDate, "Namangan sent its Q2 report late");
        Of("samarqand", 1).Should().Be("Returned");
        reports.Single(r => r.Code == "samarqand" && r.Quarter == 1).ReturnReason.Should().NotBeNullOrWhiteSpace();
        Of("samarqand", 2).Should().Be("None", "Samarqand's Q2 report is overdue, not sent");
        ReportTimeliness.DueDate(2022, 2).Should().BeBefore(new DateOnly(2022, 10, 3));
    }

    [Fact]
    public async Task LetsTheNationalMethodologistSeeEveryRegion_AndARegionOnlyItself()
    {
        await using var db = database.CreateContext();
        var regionIds = await db.Organisations.Where(o => o.Kind == OrganisationKind.Regional).Select(o => o.Id).ToListAsync();
        var user = await db.Users.Where(u => u.UserName == "milliy.metodist").Select(u => new { u.Id, u.OrganisationId }).SingleAsync();
        var nationalUser = new CurrentUser(user.Id, "milliy.metodist", Roles.NationalMethodologist, user.OrganisationId, OrganisationKind.National, null, "M", null);
        var namangan = await db.Organisations.SingleAsync(o => o.Code == "namangan");
        var regionalUser = new CurrentUser("x", "namangan.metodist", Roles.RegionalMethodologist, namangan.Id, OrganisationKind.Regional, null, "M", null);

        var seenByNational = await db.Organisations.Where(AccessRules.RegionsVisibleTo(nationalUser)).Select(o => o.Code).ToListAsync();
        var seenByRegion = await db.Organisations.Where(AccessRules.RegionsVisibleTo(regionalUser)).Select(o => o.Code).ToListAsync();
        var each = new List<string?>();
        foreach (var id in regionIds)
        {
            each.Add((await RegionScope.VisibleRegionAsync(db, nationalUser, id, default))?.Name);
        }

        seenByNational.Should().HaveCount(regionIds.Count).And.Contain(RegionCodes);
        seenByRegion.Should().Equal("namangan");
        each.Should().OnlyContain(name => name != null);
    }

    [Fact]
    public async Task ChangesNothing_WhenSeededAgain()
    {
        await using var db = database.CreateContext();
        var before = (await db.Organisations.CountAsync(), await db.Users.CountAsync(), await db.Plans.CountAsync(), await db.RegionalReportSubmissions.CountAsync());

        await DatabaseFixture.TreeSeeder(db).SeedAsync();

        (await db.Organisations.CountAsync(), await db.Users.CountAsync(), await db.Plans.CountAsync(), await db.RegionalReportSubmissions.CountAsync())
            .Should().Be(before);
    }

    private static DateOnly LocalDay(DateTimeOffset at) => WorkPlan.Core.Calendar.LocalClock.DateOf(at);
}
