using Microsoft.EntityFrameworkCore;
using WorkPlan.Core.Actuals;
using WorkPlan.Core.Common;
using WorkPlan.Core.Organisations;
using WorkPlan.Core.Plans;
using WorkPlan.IntegrationTests.Infrastructure;
using WorkPlan.IntegrationTests.Regional;
using Xunit.Abstractions;

namespace WorkPlan.IntegrationTests.Home;

/// <summary>
/// The pages a centre opens every day (the monthly entry sheet, the year of reports, the home page) each cost a
/// fixed number of SQL commands, whatever the plan's size or the region's number of districts: no query per row.
/// </summary>
[Collection(DatabaseTests.Name)]
public sealed class PageQueryCountTests(DatabaseFixture database, ITestOutputHelper output) : IAsyncLifetime
{
    public Task InitializeAsync() => database.ResetWithDemoRegionAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task TheEntrySheetTheYearOfReportsAndTheDistrictHome_CostAsManySqlCommandsForThirtyRowsAsForThree()
    {
        string[] pages = ["/Actuals?month=8", "/Actuals", "/Reports", "/"];
        await AddDistrictAsync("kichik", 3);
        await AddDistrictAsync("katta", 30);

        var few = await CountAsync("kichik.direktor", pages);
        var many = await CountAsync("katta.direktor", pages);

        for (var i = 0; i < pages.Length; i++)
        {
            output.WriteLine($"{pages[i]}: {few[i]} SQL commands for 3 rows, {many[i]} for 30 rows");
        }

        many.Should().Equal(few, "each page is one query of a fixed number of SQL commands, none per row");
        few.Should().OnlyContain(n => n <= 25, "a page is a fixed handful of queries");
    }

    [Fact]
    public async Task TheRegionsHome_CostsAsManySqlCommandsForManyDistrictsAsForFew()
    {
        var few = await CountAsync("andijon.direktor", ["/"]);
        await RegionalFixture.AddDistrictsAsync(database, 12);
        var many = await CountAsync("andijon.direktor", ["/"]);

        output.WriteLine($"/ (region): {few[0]} SQL commands for 6 districts, {many[0]} for 18");
        many.Should().Equal(few, "the region's home is a fixed number of queries, none per district");
        few[0].Should().BeLessThanOrEqualTo(10);
    }

    /// <summary>The SQL commands each page costs the user (after a first visit, so that start-up work is not counted).</summary>
    private Task<int[]> CountAsync(string userName, string[] pages) => DatabaseWrites.PageCommandsAsync(database.OctoberFactory, userName, pages);

    /// <summary>
    /// A district of the Andijon region with its director and a 2022 plan in force of <paramref name="rows"/> rows (every
    /// other one "of which" the row above it), an actual in every row for January to August, the first quarter's
    /// report accepted and a request to reopen July waiting.
    /// </summary>
    private async Task AddDistrictAsync(string code, int rows)
    {
        await using (var db = database.CreateContext())
        {
            var region = await db.Organisations.SingleAsync(o => o.Code == "andijon");
            var district = new Organisation(code, OrganisationKind.District, $"{code} tumani AKM", $"{code} tumani", region);
            var service = new ServiceUnit(district, "all", "Barcha xizmatlar", null, 1);
            district.Services.Add(service);
            var plan = new Plan(district, 2022, $"{code} tumani ish rejasi");
            var section = plan.AddSection("1", "Bo'lim");
            Indicator? parent = null;
            for (var n = 1; n <= rows; n++)
            {
                var definition = new IndicatorDefinition($"{n}", $"Ko'rsatkich {n}", "ta", Measure.Count, null, 1000, [], null, DueSchedule.Monthly(), RollupKind.Sum, false);
                var row = plan.AddIndicator(section, definition, [service], n % 2 == 0 ? parent : null);
                parent = row;
            }

            plan.RecordPaperSignatures(plan.Agreement, plan.Approval, PlanStatus.InForce);
            db.Organisations.Add(district);
            db.Plans.Add(plan);
            await db.SaveChangesAsync();
            foreach (var row in plan.Indicators)
            {
                db.MonthlyActuals.AddRange(Enumerable.Range(1, 8).Select(m => new MonthlyActual(row, m, m, null, "test", DateTimeOffset.UtcNow)));
            }

            db.MonthReopenRequests.Add(new MonthReopenRequest(plan.Id, 7, "Kechikdi", "test", "test", DatabaseFixture.October3.ToUniversalTime()));
            await db.SaveChangesAsync();
            await RegionalFixture.ReportAsync(database, plan.Id, 1, new DateOnly(2022, 4, 8), accept: true);
        }

        await TestUsers.CreateAsync(database, $"{code}.direktor", Roles.Director, code, isDemo: true);
    }
}
