using Microsoft.EntityFrameworkCore;
using WorkPlan.Core.Actuals;
using WorkPlan.Core.Catalogue;
using WorkPlan.Core.Common;
using WorkPlan.Core.Organisations;
using WorkPlan.Core.Plans;
using WorkPlan.Core.Regional;
using WorkPlan.IntegrationTests.Infrastructure;
using WorkPlan.Infrastructure.Data;

namespace WorkPlan.IntegrationTests.National;

/// <summary>
/// Two regions of hand-made 2022 Q1 figures beside the demo data (whose Andijon has no template, so no national figures).
/// The national set: N01 (sum), N02 (last value), N03 (maximum), published.
/// Alfa (template A01→N01, A02→N02, A03→N03, A04 its own): districts Alfa 1, Alfa 2 and the regional centre's own plan.
/// Beta (template B10→N01, B20→N02): Beta 1 with targets, Beta 2 with none.
/// </summary>
internal static class NationalWorld
{
    public const string Director = "national.direktor";

    public sealed record World(int Alfa, int Beta, int Alfa1Plan, int Alfa2Plan, int AlfaCentrePlan, int Beta1Plan, int Beta2Plan);

    public static async Task<World> BuildAsync(DatabaseFixture database)
    {
        await database.ResetWithDemoDataAsync();
        await TestUsers.CreateAsync(database, Director, Roles.NationalDirector, "national");
        await using var db = database.CreateContext();
        var national = await db.Organisations.SingleAsync(o => o.Code == "national");

        var catalogue = new NationalCatalogue();
        catalogue.Add("N01", new NationalItemDefinition("I", "KITOBXONLAR", "1", "Kitobxonlar soni", "kishi", Measure.Count, RollupKind.Sum));
        catalogue.Add("N02", new NationalItemDefinition("I", "KITOBXONLAR", "2", "Fond hajmi", "nusxa", Measure.Count, RollupKind.Last));
        catalogue.Add("N03", new NationalItemDefinition("I", "KITOBXONLAR", "3", "Ko'rik-tanlov", "ta", Measure.Count, RollupKind.Max));
        catalogue.Publish("test", DateTimeOffset.UtcNow);
        db.NationalCatalogues.Add(catalogue);

        var alfa = Region(national, "alfa", "Alfa viloyat AKM");
        var beta = Region(national, "beta", "Beta viloyat AKM");
        db.Organisations.AddRange(alfa, beta);
        await db.SaveChangesAsync();

        var alfaItems = Template(db, alfa, ("A01", RollupKind.Sum, "N01"), ("A02", RollupKind.Last, "N02"), ("A03", RollupKind.Max, "N03"), ("A04", RollupKind.Sum, null));
        var betaItems = Template(db, beta, ("B10", RollupKind.Sum, "N01"), ("B20", RollupKind.Last, "N02"));
        var a1 = District(alfa, "alfa1", "Alfa 1");
        var a2 = District(alfa, "alfa2", "Alfa 2");
        var b1 = District(beta, "beta1", "Beta 1");
        var b2 = District(beta, "beta2", "Beta 2");
        db.Organisations.AddRange(a1, a2, b1, b2);
        var alfaService = new ServiceUnit(alfa, "all", "Barcha xizmatlar", null, 1);
        alfa.Services.Add(alfaService);
        await db.SaveChangesAsync();

        var plans = new[]
        {
            PlanOf(a1, alfaItems, new() { ["A01"] = 100, ["A02"] = 50, ["A03"] = 1, ["A04"] = 9 }),
            PlanOf(a2, alfaItems, new() { ["A01"] = 200, ["A02"] = 60, ["A03"] = 1, ["A04"] = 9 }),
            PlanOf(alfa, alfaItems, new() { ["A01"] = 300, ["A02"] = 20, ["A03"] = 1, ["A04"] = 9 }),
            PlanOf(b1, betaItems, new() { ["B10"] = 100, ["B20"] = 40 }),
            PlanOf(b2, betaItems, new()),
        };
        db.Plans.AddRange(plans);
        await db.SaveChangesAsync();

        Actuals(db, plans[0], ("A01", 1, 10), ("A01", 2, 20), ("A01", 3, 30), ("A02", 1, 5), ("A02", 2, 7), ("A02", 3, 6), ("A03", 1, 0), ("A03", 2, 1), ("A03", 3, 0), ("A04", 1, 4));
        Actuals(db, plans[1], ("A01", 1, 40), ("A01", 3, 50), ("A02", 1, 10), ("A02", 2, 12), ("A04", 2, 5));
        Actuals(db, plans[2], ("A01", 2, 100), ("A02", 3, 8), ("A03", 1, 1));
        Actuals(db, plans[3], ("B10", 1, 30), ("B10", 2, 30), ("B10", 3, 40), ("B20", 1, 20), ("B20", 3, 25));
        Actuals(db, plans[4], ("B10", 1, 50), ("B20", 2, 15));

        // Alfa has sent its Q1 report to the National Library; Beta has not.
        var report = new RegionalReportSubmission(alfa.Id, 2022, 1);
        report.Submit(new ConsolidationDocument(alfa.Id, alfa.Name, 2022, 1, false, [], [], []), "alfa.direktor", new DateTimeOffset(2022, 4, 8, 9, 0, 0, TimeSpan.Zero));
        db.RegionalReportSubmissions.Add(report);
        await db.SaveChangesAsync();
        return new World(alfa.Id, beta.Id, plans[0].Id, plans[1].Id, plans[2].Id, plans[3].Id, plans[4].Id);
    }

    /// <summary>More regions, each with districts whose plans carry the regional codes mapped to N01–N03 (for the statement count).</summary>
    public static async Task AddRegionsAsync(DatabaseFixture database, int regions, int districts)
    {
        await using var db = database.CreateContext();
        var national = await db.Organisations.SingleAsync(o => o.Code == "national");
        for (var r = 1; r <= regions; r++)
        {
            var region = Region(national, $"sinov{r}", $"Sinov {r} viloyat AKM");
            db.Organisations.Add(region);
            await db.SaveChangesAsync();
            var items = Template(db, region, ("S01", RollupKind.Sum, "N01"), ("S02", RollupKind.Last, "N02"), ("S03", RollupKind.Max, "N03"));
            for (var d = 1; d <= districts; d++)
            {
                var district = District(region, $"sinov{r}-{d}", $"Sinov {r}-{d}");
                db.Organisations.Add(district);
                await db.SaveChangesAsync();
                var plan = PlanOf(district, items, new() { ["S01"] = 10, ["S02"] = 10, ["S03"] = 1 });
                db.Plans.Add(plan);
                await db.SaveChangesAsync();
                Actuals(db, plan, ("S01", 1, 1), ("S02", 2, 2), ("S03", 3, 1));
            }
        }

        await db.SaveChangesAsync();
    }

    private static Organisation Region(Organisation national, string code, string name) => new(code, OrganisationKind.Regional, name, name, national);

    private static Organisation District(Organisation region, string code, string name)
    {
        var district = new Organisation(code, OrganisationKind.District, $"{name} tuman AKM", name, region);
        district.Services.Add(new ServiceUnit(district, "all", "Barcha xizmatlar", null, 1));
        return district;
    }

    private static List<TemplateIndicator> Template(AppDbContext db, Organisation region, params (string Code, RollupKind Rollup, string? National)[] items)
    {
        var template = new RegionalTemplate(region.Id);
        var added = new List<TemplateIndicator>();
        var n = 0;
        foreach (var (code, rollup, nationalCode) in items)
        {
            n++;
            var item = template.Add(code, new TemplateItemDefinition("I", "KITOBXONLAR", n.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{code} ko'rsatkichi", "ta", Measure.Count, rollup, [], DueSchedule.Monthly(), false, []));
            item.MapToNational(nationalCode);
            added.Add(item);
        }

        db.RegionalTemplates.Add(template);
        return added;
    }

    private static Plan PlanOf(Organisation centre, IReadOnlyList<TemplateIndicator> items, Dictionary<string, decimal?> targets)
    {
        var plan = new Plan(centre, 2022, $"{centre.ShortName} ish rejasi");
        var section = plan.AddSection("I", "KITOBXONLAR");
        var service = centre.Services.First();
        foreach (var item in items)
        {
            var definition = new IndicatorDefinition(item.Number, item.Name, item.Unit, item.Measure, null, targets.GetValueOrDefault(item.Code), [], null, item.Schedule, item.Rollup, false);
            plan.AddIndicator(section, definition, [service]).MapToCatalogue(item.Code);
        }

        plan.RecordPaperSignatures(plan.Agreement, plan.Approval, PlanStatus.InForce);
        return plan;
    }

    private static void Actuals(AppDbContext db, Plan plan, params (string Code, int Month, decimal Value)[] actuals)
    {
        foreach (var (code, month, value) in actuals)
        {
            db.MonthlyActuals.Add(new MonthlyActual(plan.Indicators.Single(i => i.CatalogueCode == code), month, value, null, "test", DateTimeOffset.UtcNow));
        }
    }
}
