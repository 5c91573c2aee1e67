using System.Globalization;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using WorkPlan.Core.Actuals;
using WorkPlan.Core.Common;
using WorkPlan.Core.Organisations;
using WorkPlan.Core.Regional;
using WorkPlan.IntegrationTests.Infrastructure;

namespace WorkPlan.IntegrationTests.Regional;

/// <summary>
/// The demo region on 3 October 2022, with the regional centre's own 2022 plan in force (the catalogue's rows, a target
/// of 1 000 each, 7 in every month of the third quarter), the National Library's director and methodologist (demo accounts),
/// and the director of another region (Namangan).
/// </summary>
internal static class RegionalReportWorld
{
    public const string NationalDirector = "milliy.direktor";
    public const string NationalMethodologist = "milliy.metodist";
    public const string ForeignDirector = "namangan.direktor";

    /// <summary>Puts the world in place; the Andijon regional centre's id.</summary>
    public static async Task<int> BuildAsync(DatabaseFixture database)
    {
        await database.ResetWithDemoRegionAsync();
        await using var db = database.CreateContext();
        var national = await db.Organisations.SingleAsync(o => o.Code == "national");
        db.Organisations.Add(new Organisation("namangan", OrganisationKind.Regional, "Namangan viloyat axborot-kutubxona markazi", "Namangan viloyat AKM", national));
        var region = await db.Organisations.SingleAsync(o => o.Code == "andijon");
        var service = new ServiceUnit(region, "centre-all", "Markaz xizmatlari", null, 1);
        region.Services.Add(service);
        var items = await db.TemplateIndicators.AsNoTracking().Where(i => i.Template!.RegionId == region.Id).OrderBy(i => i.SortOrder).ToListAsync();
        var plan = RegionalFixture.PlanOfTheCatalogue(region, service, items, "Andijon viloyat AKMning 2022 yil uchun ish rejasi", 1_000);
        db.Plans.Add(plan);
        await db.SaveChangesAsync();
        foreach (var row in plan.Indicators)
        {
            foreach (var month in new[] { 7, 8, 9 })
            {
                db.MonthlyActuals.Add(new MonthlyActual(row, month, 7, null, "test", DateTimeOffset.UtcNow));
            }
        }

        await db.SaveChangesAsync();
        // The National Library's director and methodologist are demo accounts.
        await TestUsers.CreateAsync(database, ForeignDirector, Roles.RegionalDirector, "namangan");
        return region.Id;
    }

    public static async Task<RegionalReportSubmission?> SubmissionAsync(DatabaseFixture database, int regionId, int quarter)
    {
        await using var db = database.CreateContext();
        return await db.RegionalReportSubmissions.AsNoTracking().Include(r => r.Snapshots)
            .SingleOrDefaultAsync(r => r.RegionId == regionId && r.Year == 2022 && r.Quarter == quarter);
    }

    public static string Page(int regionId, int quarter) => $"/RegionalReports?regionId={regionId}&year=2022&quarter={quarter}";

    public static string Step(string step, int regionId, int quarter) => $"/RegionalReports/{step}?regionId={regionId}&year=2022&quarter={quarter}";

    /// <summary>The row version the page's accept and return forms carry.</summary>
    public static async Task<string> VersionAsync(HttpClient client, int regionId, int quarter)
    {
        var page = await Html.ParseAsync(await client.GetAsync(Page(regionId, quarter)));
        return page.QuerySelector("form[action^='/RegionalReports/Accept'] input[name=version]")!.GetAttribute("value")!;
    }

    public static string[] Cells(IDocument page, string code) =>
        [.. page.QuerySelector($"tr[data-code='{code}']")!.QuerySelectorAll("td.cell-value").Select(c => c.Text())];

    /// <summary>A figure as the page writes it ("12 345", "34,1 %") as a number.</summary>
    public static decimal Number(string text)
    {
        var figure = new string([.. text.Where(c => char.IsDigit(c) || c == ',')]).Replace(',', '.');
        return figure.Length == 0 ? 0 : decimal.Parse(figure, CultureInfo.InvariantCulture); // "-": no value
    }
}
