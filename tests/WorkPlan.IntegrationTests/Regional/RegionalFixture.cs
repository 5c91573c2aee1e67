using System.Globalization;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using WorkPlan.Core.Actuals;
using WorkPlan.Core.Calendar;
using WorkPlan.Core.Organisations;
using WorkPlan.Core.Plans;
using WorkPlan.Core.Reports;
using WorkPlan.IntegrationTests.Infrastructure;

namespace WorkPlan.IntegrationTests.Regional;

/// <summary>
/// Puts the Andijon region in place as its users would: the methodologist builds the template from the
/// Xo'jaobod plan and publishes it, Xo'jaobod maps its rows (taking the suggestions), Baliqchi creates its
/// 2022 plan from the template; then the test's own targets, actuals and report statuses.
/// </summary>
internal static class RegionalFixture
{
    public static async Task PublishTemplateAsync(DatabaseFixture database, int xojaobodPlanId)
    {
        var region = database.OctoberFactory.CreateClientAs("andijon.metodist");
        await Forms.PostAsync(region, "/Catalogue", $"/Catalogue/FromPlan?planId={xojaobodPlanId}", new Dictionary<string, string>());
        var page = await Html.ParseAsync(await region.GetAsync("/Catalogue"));
        var version = page.QuerySelector("form[action='/Catalogue/Publish'] input[name=version]")!.GetAttribute("value")!;
        await Forms.PostAsync(region, "/Catalogue", "/Catalogue/Publish", new Dictionary<string, string> { ["version"] = version });
    }

    /// <summary>Posts the mapping page as shown: every row with its current or suggested code.</summary>
    public static async Task<HttpResponseMessage> MapAsSuggestedAsync(HttpClient client, int planId)
    {
        var page = await Html.ParseAsync(await client.GetAsync($"/Catalogue/Mapping?planId={planId}"));
        return await Forms.PostAsync(client, $"/Catalogue/Mapping?planId={planId}", $"/Catalogue/Mapping?planId={planId}", Fields(page));
    }

    public static Dictionary<string, string> Fields(IDocument page)
    {
        var fields = new Dictionary<string, string>();
        foreach (var input in page.QuerySelectorAll("form input[type=hidden][name^='rows[']"))
        {
            fields[input.GetAttribute("name")!] = input.GetAttribute("value")!;
        }

        foreach (var select in page.QuerySelectorAll("form select[name^='rows[']"))
        {
            fields[select.GetAttribute("name")!] = select.QuerySelector("option[selected]")?.GetAttribute("value") ?? string.Empty;
        }

        return fields;
    }

    /// <summary>Creates Baliqchi's 2022 plan from the template (as its director) and puts it in force with the given targets.</summary>
    public static async Task<int> BaliqchiPlanAsync(DatabaseFixture database, IReadOnlyDictionary<string, decimal?> targets)
    {
        var director = database.OctoberFactory.CreateClientAs("baliqchi.direktor");
        var created = await Forms.PostAsync(director, "/Catalogue", "/Catalogue/CreatePlan", new Dictionary<string, string> { ["year"] = "2022" });
        var planId = int.Parse(created.Headers.Location!.OriginalString.Split('/').Last(), CultureInfo.InvariantCulture);
        await using var db = database.CreateContext();
        var plan = await db.Plans.Include(p => p.Sections).Include(p => p.Indicators).ThenInclude(i => i.ResponsibleServices).ThenInclude(r => r.Service)
            .SingleAsync(p => p.Id == planId);
        foreach (var indicator in plan.Indicators)
        {
            indicator.Update(
                indicator.ToDefinition() with { Target = targets.TryGetValue(indicator.Number, out var target) ? target : null },
                [.. indicator.ResponsibleServices.OrderBy(r => r.Position).Select(r => r.Service!)]);
        }

        // A row of Baliqchi's own, with an actual: it must stay out of the consolidation.
        plan.AddIndicator(
            plan.Sections.OrderBy(s => s.SortOrder).Last(),
            new IndicatorDefinition("43", "Mahalla kutubxonachilari uchun seminar", "Seminar", Measure.Count, null, 8, [], "2022-yil davomida", DueSchedule.DuringYear(), RollupKind.Sum, false),
            [plan.Indicators.First().ResponsibleServices.First().Service!]);
        plan.RecordPaperSignatures(plan.Agreement with { Date = new DateOnly(2022, 1, 10) }, plan.Approval with { Date = new DateOnly(2022, 1, 6) }, PlanStatus.InForce);
        await db.SaveChangesAsync();
        return planId;
    }

    public static async Task AddActualsAsync(DatabaseFixture database, int planId, params (string Number, int Month, decimal Value)[] actuals)
    {
        await using var db = database.CreateContext();
        var rows = await db.Indicators.Where(i => i.PlanId == planId).ToDictionaryAsync(i => i.Number);
        foreach (var (number, month, value) in actuals)
        {
            db.MonthlyActuals.Add(new MonthlyActual(rows[number], month, value, null, "test", DateTimeOffset.UtcNow));
        }

        await db.SaveChangesAsync();
    }

    /// <summary>A quarter's report, submitted (and accepted) on the given days, as the region's inbox would have it.</summary>
    public static async Task ReportAsync(DatabaseFixture database, int planId, int quarter, DateOnly submitted, bool accept)
    {
        await using var db = database.CreateContext();
        var submission = new ReportSubmission(planId, quarter, ReportTimeliness.DueDate(2022, quarter));
        var at = new DateTimeOffset(submitted.ToDateTime(new TimeOnly(11, 0)), LocalClock.Offset).ToUniversalTime();
        submission.Submit(new QuarterlyReportDocument(planId, 2022, quarter, "test", "test", null, null, null, []), "test", at);
        if (accept)
        {
            submission.Accept("andijon.metodist", at.AddDays(2));
        }

        db.ReportSubmissions.Add(submission);
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// More districts of the Andijon region, each with a 2022 plan in force made of the catalogue's rows
    /// (with their codes) and an actual for every row in every month of the first half-year.
    /// </summary>
    public static async Task AddDistrictsAsync(DatabaseFixture database, int count)
    {
        await using var db = database.CreateContext();
        var region = await db.Organisations.SingleAsync(o => o.Code == "andijon");
        var items = await db.TemplateIndicators.AsNoTracking().Where(i => i.Template!.RegionId == region.Id).OrderBy(i => i.SortOrder).ToListAsync();
        var plans = new List<Plan>();
        for (var n = 1; n <= count; n++)
        {
            var district = new Organisation($"sinov{n}", OrganisationKind.District, $"Sinov tumani {n:00}", $"Sinov {n:00}", region);
            var service = new ServiceUnit(district, "all", "Barcha xizmatlar", null, 1);
            district.Services.Add(service);
            var plan = PlanOfTheCatalogue(district, service, items, $"Sinov tumani {n:00} ish rejasi", 100 + n);
            db.Organisations.Add(district);
            db.Plans.Add(plan);
            plans.Add(plan);
        }

        await db.SaveChangesAsync();
        foreach (var row in plans.SelectMany(p => p.Indicators))
        {
            for (var month = 1; month <= 6; month++)
            {
                db.MonthlyActuals.Add(new MonthlyActual(row, month, month, null, "test", DateTimeOffset.UtcNow));
            }
        }

        await db.SaveChangesAsync();
    }

    /// <summary>A 2022 plan in force of a centre, made of the catalogue's rows (with their codes), each with the same target.</summary>
    public static Plan PlanOfTheCatalogue(Organisation centre, ServiceUnit service, IReadOnlyList<WorkPlan.Core.Catalogue.TemplateIndicator> items, string title, decimal target)
    {
        var plan = new Plan(centre, 2022, title);
        var sections = new Dictionary<string, Section>();
        var rows = new Dictionary<int, Indicator>();
        foreach (var item in items)
        {
            if (!sections.TryGetValue(item.SectionLabel, out var section))
            {
                section = plan.AddSection(item.SectionLabel, item.SectionTitle);
                sections[item.SectionLabel] = section;
            }

            var definition = new IndicatorDefinition(item.Number, item.Name, item.Unit, item.Measure, null, target, [], null, item.Schedule, item.Rollup, false);
            var row = plan.AddIndicator(section, definition, [service], item.ParentId is { } parent ? rows[parent] : null);
            row.MapToCatalogue(item.Code);
            rows[item.Id] = row;
        }

        plan.RecordPaperSignatures(plan.Agreement, plan.Approval, PlanStatus.InForce);
        return plan;
    }
}
