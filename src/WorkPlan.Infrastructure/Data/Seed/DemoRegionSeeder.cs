using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using WorkPlan.Core.Auditing;
using WorkPlan.Core.Calendar;
using WorkPlan.Core.Catalogue;
using WorkPlan.Core.Common;
using WorkPlan.Core.Organisations;
using WorkPlan.Core.Plans;
using WorkPlan.Core.Reports;

namespace WorkPlan.Infrastructure.Data.Seed;

/// <summary>
/// Demo mode only: the Andijon region's template plan (built from the Xo'jaobod plan and published, the
/// Xo'jaobod rows mapped to it) and five more districts whose 2022 plans are made from the template with
/// varied targets, with actuals through August at different paces: one with a local indicator, one with
/// August half entered, one without July and August; Q1/Q2 reports on time, late, missing and one Q2
/// returned. Everything goes through the same services the users use. Added once, when the region has
/// no template yet.
/// </summary>
public sealed class DemoRegionSeeder(AppDbContext db, IPlanTitles titles, ILogger<DemoRegionSeeder> logger)
{
    private const int Year = 2022;

    private static readonly DistrictProfile[] Profiles =
    [
        new("baliqchi", 1.2m, 0.12m, (_, m) => m <= 8, [new(1, new(2022, 4, 6), DemoDecision.Accept), new(2, new(2022, 7, 7), DemoDecision.Accept)]),
        new("boz", 0.8m, -0.15m, (_, m) => m <= 8, [new(1, new(2022, 4, 14), DemoDecision.Accept), new(2, new(2022, 7, 9), DemoDecision.Return)]),
        new("izboskan", 1.0m, 0.02m, (i, m) => m <= 7 || (m == 8 && i.Id % 2 == 0), [new(1, new(2022, 4, 8), DemoDecision.Accept), new(2, new(2022, 7, 19), DemoDecision.None)]),
        new("marhamat", 0.9m, -0.05m, (_, m) => m <= 6, [new(1, new(2022, 4, 9), DemoDecision.Accept)]),
        new("shahrixon", 1.4m, 0.05m, (i, m) => m <= 8 && !(m == 6 && i.Id % 3 == 0), [new(1, new(2022, 4, 5), DemoDecision.Accept), new(2, new(2022, 7, 6), DemoDecision.Accept)]),
    ];

    public Task SeedAsync(CancellationToken cancellationToken = default) => db.InTransactionAsync(SeedInTransactionAsync, cancellationToken);

    private async Task SeedInTransactionAsync(CancellationToken cancellationToken)
    {
        var region = await db.Organisations.SingleOrDefaultAsync(o => o.Code == "andijon", cancellationToken);
        var source = await db.Plans.Include(p => p.Indicators).SingleOrDefaultAsync(p => p.Organisation!.Code == "xojaobod" && p.Year == Year, cancellationToken);
        if (region is null || source is null || await db.RegionalTemplates.AnyAsync(t => t.RegionId == region.Id, cancellationToken))
        {
            return;
        }

        // All or nothing: a half-seeded region would never be completed (the template marks it as done).
        var methodologist = await UserAsync(region, Roles.RegionalMethodologist, cancellationToken);
        var catalogue = Catalogue(methodologist);
        Ensure(await catalogue.BuildFromPlanAsync(source.Id, cancellationToken), "build the template");
        var template = await db.RegionalTemplates.AsNoTracking().SingleAsync(t => t.RegionId == region.Id, cancellationToken);
        Ensure(await catalogue.PublishAsync(template.Version, cancellationToken), "publish the template");

        var codes = await db.TemplateIndicators.Where(i => i.TemplateId == template.Id).ToDictionaryAsync(i => i.Number, i => i.Code, StringComparer.Ordinal, cancellationToken);
        foreach (var indicator in source.Indicators)
        {
            indicator.MapToCatalogue(codes[indicator.Number]);
        }

        await db.SaveChangesAsync(cancellationToken);
        var targets = source.Indicators.ToDictionary(i => i.CatalogueCode!, i => (i.Target, i.PreviousFact), StringComparer.Ordinal);

        var plans = 0;
        foreach (var profile in Profiles)
        {
            var district = await db.Organisations.SingleOrDefaultAsync(o => o.Code == profile.Code, cancellationToken);
            if (district is null)
            {
                continue;
            }

            var director = await UserAsync(district, Roles.Director, cancellationToken);
            var inspector = await UserAsync(district, Roles.Inspector, cancellationToken);
            var created = await new NewPlanService(db, new FixedCurrentUser(director), titles, TimeProvider.System).CreateFromTemplateAsync(Year, cancellationToken);
            Ensure(created, $"create the {profile.Code} plan");

            var plan = await db.Plans.Include(p => p.Sections).Include(p => p.Indicators).ThenInclude(i => i.ResponsibleServices).ThenInclude(r => r.Service)
                .SingleAsync(p => p.Id == created.Value, cancellationToken);
            SetTargets(plan, profile.Code, profile.Scale, targets);
            if (profile.Code == "shahrixon")
            {
                // A row of the district's own: it is in the plan and the reports, not in the consolidation.
                var services = await db.Services.Where(s => s.OrganisationId == district.Id && s.Code == "lending").ToListAsync(cancellationToken);
                plan.AddIndicator(
                    plan.Sections.OrderBy(s => s.SortOrder).Last(),
                    new IndicatorDefinition("43", "Mahalla kutubxonachilari uchun amaliy seminarlar o'tkazish", "Seminar", Measure.Count, 3, 8, ["Tuman markazi rejasi asosida"], DeadlineText.For(DueSchedule.EveryQuarter(), Year), DueSchedule.EveryQuarter(), RollupKind.Sum, false),
                    services);
            }

            plan.RecordPaperSignatures(plan.Agreement with { Date = new DateOnly(Year, 1, 10) }, plan.Approval with { Date = new DateOnly(Year, 1, 6) }, PlanStatus.InForce);
            await db.SaveChangesAsync(cancellationToken);

            var heads = plan.Indicators.SelectMany(i => i.ResponsibleServices).Select(r => r.ServiceId).Distinct().ToDictionary(id => id, _ => (inspector.UserId, inspector.UserName));
            DemoActualsSeeder.AddActuals(db, plan, heads, profile.PaceShift, profile.Entered);
            await db.SaveChangesAsync(cancellationToken);
            await ReportAsync(plan.Id, profile, inspector, methodologist, cancellationToken);
            plans++;
        }

        logger.LogInformation("Demo region: template published and {PlanCount} more district plans in force", plans);
    }

    private static void Ensure(Result result, string step) => DemoSeeding.Ensure(result, "Demo region", step);

    /// <summary>Each row's target is the Xo'jaobod target scaled for the district (a little more or less per row); "of which" rows stay within their parent.</summary>
    internal static void SetTargets(Plan plan, string centreCode, decimal scale, IReadOnlyDictionary<string, (decimal? Target, decimal? PreviousFact)> source)
    {
        decimal? Scale(decimal? value, Indicator indicator)
        {
            if (value is not { } v)
            {
                return null;
            }

            var variation = 0.9m + ((indicator.CatalogueCode!.Sum(c => c) + centreCode.Sum(c => c)) % 21 / 100m);
            var scaled = v * scale * variation;
            return indicator.Measure == Measure.Money ? Math.Round(scaled, 2) : Math.Max(v > 0 ? 1 : 0, Math.Round(scaled, 0));
        }

        var values = new Dictionary<Indicator, (decimal? Target, decimal? PreviousFact)>();
        foreach (var indicator in plan.Indicators.Where(i => i.CatalogueCode is not null))
        {
            var (target, previous) = source.GetValueOrDefault(indicator.CatalogueCode!);
            values[indicator] = indicator.Rollup == RollupKind.Max ? (target, previous) : (Scale(target, indicator), Scale(previous, indicator));
        }

        foreach (var parent in plan.Indicators.Where(i => i.ParentId is null && values.ContainsKey(i)))
        {
            var children = plan.Indicators.Where(c => c.Parent == parent && values.ContainsKey(c)).ToList();
            if (children.Count == 0)
            {
                continue;
            }

            if (parent.ChildrenPartition)
            {
                values[parent] = (Sum(children.Select(c => values[c].Target)), Sum(children.Select(c => values[c].PreviousFact)));
            }
            else
            {
                foreach (var child in children)
                {
                    values[child] = (Min(values[child].Target, values[parent].Target), Min(values[child].PreviousFact, values[parent].PreviousFact));
                }
            }
        }

        foreach (var (indicator, (target, previous)) in values)
        {
            indicator.Update(
                indicator.ToDefinition() with { Target = target, PreviousFact = previous },
                [.. indicator.ResponsibleServices.OrderBy(r => r.Position).Select(r => r.Service!)]);
        }
    }

    private static decimal? Sum(IEnumerable<decimal?> values)
    {
        var list = values.Where(v => v is not null).ToList();
        return list.Count == 0 ? null : list.Sum();
    }

    private static decimal? Min(decimal? value, decimal? limit) => value is { } v && limit is { } l ? Math.Min(v, l) : value;

    private async Task ReportAsync(int planId, DistrictProfile profile, CurrentUser inspector, CurrentUser methodologist, CancellationToken cancellationToken)
    {
        var asDistrict = ReportSubmissionService.WithoutFiles(db, new FixedCurrentUser(inspector), TimeProvider.System, new Identity.People(db));
        var asRegion = ReportSubmissionService.WithoutFiles(db, new FixedCurrentUser(methodologist), TimeProvider.System, new Identity.People(db));
        foreach (var report in profile.Reports)
        {
            var submitted = new DateTimeOffset(report.Submitted.ToDateTime(new TimeOnly(11, 0)), LocalClock.Offset).ToUniversalTime();
            Ensure(await asDistrict.SubmitAsync(planId, report.Quarter, submitted, cancellationToken), $"submit Q{report.Quarter} of {profile.Code}");
            var decided = submitted.AddDays(4).AddHours(4);
            if (report.Decision == DemoDecision.Accept)
            {
                await asRegion.AcceptAsOfAsync(planId, report.Quarter, decided, cancellationToken);
            }
            else if (report.Decision == DemoDecision.Return)
            {
                var submission = await db.ReportSubmissions.Include(r => r.Snapshots.OrderByDescending(s => s.Number).Take(1))
                    .SingleAsync(r => r.PlanId == planId && r.Quarter == report.Quarter, cancellationToken);
                submission.Return("10-qatordagi tadbirlar soni oylik ma'lumotlarga mos emas; iyun oyini tuzatib, qayta yuboring.", methodologist.UserName, decided);
                await db.SaveChangesAsync(cancellationToken);
            }
        }
    }

    private CatalogueService Catalogue(CurrentUser user)
    {
        var current = new FixedCurrentUser(user);
        return new CatalogueService(db, current, new AuditLog(db, current, TimeProvider.System), TimeProvider.System);
    }

    private Task<CurrentUser> UserAsync(Organisation organisation, string role, CancellationToken cancellationToken) =>
        DemoSeeding.UserAsync(db, organisation, role, cancellationToken);

    private sealed record DistrictProfile(string Code, decimal Scale, decimal PaceShift, Func<Indicator, int, bool> Entered, IReadOnlyList<QuarterReport> Reports);

    private sealed record QuarterReport(int Quarter, DateOnly Submitted, DemoDecision Decision);
}
