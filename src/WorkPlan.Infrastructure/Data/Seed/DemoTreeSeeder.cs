using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using WorkPlan.Core.Auditing;
using WorkPlan.Core.Calendar;
using WorkPlan.Core.Catalogue;
using WorkPlan.Core.Common;
using WorkPlan.Core.Organisations;
using WorkPlan.Core.Plans;
using WorkPlan.Core.Regional;
using WorkPlan.Core.Reports;
using WorkPlan.Infrastructure.Data.Queries;
using WorkPlan.Infrastructure.Identity;

namespace WorkPlan.Infrastructure.Data.Seed;

/// <summary>
/// Demo mode only: the rest of the tree above and beside the Andijon region, generated from one template. Two more
/// regions (Namangan, Samarqand), each with its regional centre and five districts: a pilot district's plan made
/// after the Xo'jaobod plan builds the region's catalogue, the other districts' plans are made from it, all in
/// force with actuals at different paces and quarterly reports in every state. Each regional centre (Andijon's
/// too) keeps its own plan, agreed by the National Library and approved by its director through the workflow,
/// with actuals. The National Library keeps a published national catalogue every region maps to (Samarqand keeps
/// one indicator its own), and the regions' consolidated reports for the first two quarters are accepted, late,
/// returned or still awaited. Everything goes through the services the users use, on a demo clock for the past
/// dates. Added once, when the Andijon region is in place and nothing of the rest is there yet (no other region, no
/// plan of Andijon's centre, no national catalogue, no regional report).
/// </summary>
public sealed partial class DemoTreeSeeder(AppDbContext db, IPlanTitles titles, IPasswordHasher<AppUser> hasher, ILogger<DemoTreeSeeder> logger)
{
    private const int Year = 2022;

    public Task SeedAsync(CancellationToken cancellationToken = default) => db.InTransactionAsync(SeedInTransactionAsync, cancellationToken);

    private async Task SeedInTransactionAsync(CancellationToken cancellationToken)
    {
        var national = await db.Organisations.SingleOrDefaultAsync(o => o.Code == "national", cancellationToken);
        var andijon = await db.Organisations.SingleOrDefaultAsync(o => o.Code == "andijon", cancellationToken);
        var source = await db.Plans.AsNoTracking().Include(p => p.Sections).Include(p => p.Indicators).ThenInclude(i => i.ResponsibleServices).ThenInclude(r => r.Service)
            .SingleOrDefaultAsync(p => p.Organisation!.Code == "xojaobod" && p.Year == Year, cancellationToken);
        if (national is null || andijon is null || source is null || source.Indicators.Any(i => i.CatalogueCode is null)
            || !await db.Users.AnyAsync(u => u.OrganisationId == national.Id && u.Role == Roles.NationalDirector, cancellationToken)
            || await db.Organisations.AnyAsync(o => o.Code == Regions[0].Code || o.Code == Regions[1].Code, cancellationToken)
            || await db.Plans.AnyAsync(p => p.OrganisationId == andijon.Id, cancellationToken)
            || await db.NationalIndicators.AnyAsync(cancellationToken)
            || await db.RegionalReportSubmissions.AnyAsync(cancellationToken))
        {
            return;
        }

        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var targets = source.Indicators.ToDictionary(i => i.CatalogueCode!, i => (i.Target, i.PreviousFact), StringComparer.Ordinal);
        var clock = new DemoClock(new DateTimeOffset(2022, 1, 4, 10, 0, 0, LocalClock.Offset));
        var nationalDirector = await UserAsync(national, Roles.NationalDirector, cancellationToken);
        var nationalMethodologist = await UserAsync(national, Roles.NationalMethodologist, cancellationToken);

        // The tree: regional centres, districts, their services and accounts.
        await AddTreeAsync(national, andijon, cancellationToken);

        var regions = new List<Organisation> { andijon };
        foreach (var item in Regions)
        {
            var region = await db.Organisations.SingleAsync(o => o.Code == item.Code, cancellationToken);
            regions.Add(region);
            var methodologist = await UserAsync(region, Roles.RegionalMethodologist, cancellationToken);

            // The pilot district's plan after the Xo'jaobod plan builds and publishes the region's catalogue.
            var pilot = await db.Organisations.SingleAsync(o => o.Code == item.Districts[0].Code, cancellationToken);
            var pilotDirector = await UserAsync(pilot, Roles.Director, cancellationToken);
            var pilotPlan = await new NewPlanService(db, new FixedCurrentUser(pilotDirector), titles, clock)
                .CreateAsync(Year, "demo", (plan, organisation, _) => Task.FromResult(CopyRows(source, plan, organisation)), cancellationToken: cancellationToken);
            Ensure(pilotPlan, $"create the {pilot.Code} plan");
            var catalogue = Catalogue(methodologist, clock);
            Ensure(await catalogue.BuildFromPlanAsync(pilotPlan.Value, cancellationToken), $"build the {item.Code} catalogue");
            var template = await db.RegionalTemplates.AsNoTracking().SingleAsync(t => t.RegionId == region.Id, cancellationToken);
            Ensure(await catalogue.PublishAsync(template.Version, cancellationToken), $"publish the {item.Code} catalogue");
            var codes = await db.TemplateIndicators.Where(i => i.TemplateId == template.Id).ToDictionaryAsync(i => i.Number, i => i.Code, StringComparer.Ordinal, cancellationToken);
            var pilotRows = await db.Indicators.Where(i => i.PlanId == pilotPlan.Value).ToListAsync(cancellationToken);
            foreach (var row in pilotRows)
            {
                row.MapToCatalogue(codes[row.Number]);
            }

            await db.SaveChangesAsync(cancellationToken);

            foreach (var (district, index) in item.Districts.Select((d, i) => (d, i)))
            {
                await DistrictYearAsync(district.Code, index == 0 ? pilotPlan.Value : null, Profiles[index], targets, methodologist, clock, cancellationToken);
            }
        }

        // Each regional centre's own plan: agreed by the National Library, approved by the regional director.
        foreach (var region in regions)
        {
            await CentreYearAsync(region, targets, nationalDirector, nationalMethodologist, clock, cancellationToken);
        }

        await NationalCatalogueAsync(nationalMethodologist, regions, clock, cancellationToken);
        await RegionalReportsAsync(regions, nationalMethodologist, clock, cancellationToken);

        logger.LogInformation("Demo tree: {RegionCount} more regions, the regional centres' own plans, the national catalogue and the regional reports in {Seconds:0.0} s",
            Regions.Length, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds);
    }

    private async Task AddTreeAsync(Organisation national, Organisation andijon, CancellationToken cancellationToken)
    {
        var users = new List<(Organisation Organisation, string UserName, string FullName, string Role, string? Position)>();
        var centres = new List<Organisation>();
        foreach (var item in Regions)
        {
            var region = new Organisation(item.Code, OrganisationKind.Regional, item.Name, item.ShortName, national);
            region.SetDirector($"{item.Name} direktori", item.DirectorName);
            db.Organisations.Add(region);
            centres.Add(region);
            users.Add((region, $"{item.Code}.admin", $"{item.ShortName} administratori", Roles.Administrator, null));
            users.Add((region, $"{item.Code}.direktor", item.DirectorName, Roles.RegionalDirector, $"{item.Name} direktori"));
            users.Add((region, $"{item.Code}.metodist", $"{item.ShortName} metodisti", Roles.RegionalMethodologist, $"{item.Name} metodisti"));
            users.Add((region, $"{item.Code}.inspektor", $"{item.ShortName} inspektori", Roles.Inspector, null));
            foreach (var (district, index) in item.Districts.Select((d, i) => (d, i)))
            {
                var name = $"{item.Area} {district.Name} tuman axborot-kutubxona markazi";
                var director = $"{(char)('A' + index)}.{district.Name.Replace("'", string.Empty, StringComparison.Ordinal)}ova";
                var organisation = new Organisation(district.Code, OrganisationKind.District, name, $"{district.Name} TAKM", region);
                organisation.SetDirector($"{name} direktori", director);
                db.Organisations.Add(organisation);
                centres.Add(organisation);
                users.Add((organisation, $"{district.Code}.direktor", director, Roles.Director, null));
                users.Add((organisation, $"{district.Code}.inspektor", $"{district.Name} TAKM inspektori", Roles.Inspector, null));
            }
        }

        // Andijon's regional centre keeps a plan of its own too: its services and its inspector.
        centres.Add(andijon);
        await db.Entry(andijon).Collection(o => o.Services).LoadAsync(cancellationToken);
        users.Add((andijon, "andijon.inspektor", "Andijon viloyat AKM inspektori", Roles.Inspector, null));
        foreach (var centre in centres)
        {
            foreach (var (service, index) in Services.Select((s, i) => (s, i)))
            {
                if (centre.Services.All(s => s.Code != service.Code))
                {
                    centre.Services.Add(new ServiceUnit(centre, service.Code, service.Name, service.ShortName, index + 1));
                }
            }
        }

        await db.SaveChangesAsync(cancellationToken);

        var existing = await db.Users.Select(u => u.NormalizedUserName).ToListAsync(cancellationToken);
        var accounts = new DemoAccounts(hasher, TimeProvider.System);
        foreach (var item in users.Where(u => !existing.Contains(u.UserName.ToUpperInvariant())))
        {
            db.Users.Add(accounts.New(item.UserName, item.FullName, item.Position, item.Role, item.Organisation.Id));
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The pilot's rows: the Xo'jaobod plan's sections and rows, services matched by code, deadlines of the year.</summary>
    private static IReadOnlyList<ValidationError> CopyRows(Plan source, Plan plan, Organisation organisation)
    {
        var sections = new Dictionary<int, Section>();
        var added = new Dictionary<int, Indicator>();
        foreach (var section in source.Sections.OrderBy(s => s.SortOrder))
        {
            sections[section.Id] = plan.AddSection(section.Label, section.Title);
        }

        foreach (var row in source.Indicators.OrderBy(i => i.ParentId is not null).ThenBy(i => i.SortOrder))
        {
            var codes = row.ResponsibleServices.OrderBy(r => r.Position).Select(r => r.Service!.Code).ToList();
            var services = codes.Select(c => organisation.Services.Single(s => s.Code == c)).ToList();
            added[row.Id] = plan.AddIndicator(sections[row.SectionId], row.ToDefinition(), services, row.ParentId is { } parent ? added[parent] : null);
        }

        return [];
    }

    private async Task DistrictYearAsync(
        string code, int? planId, Profile profile, IReadOnlyDictionary<string, (decimal? Target, decimal? PreviousFact)> targets,
        CurrentUser methodologist, DemoClock clock, CancellationToken cancellationToken)
    {
        var district = await db.Organisations.SingleAsync(o => o.Code == code, cancellationToken);
        var director = await UserAsync(district, Roles.Director, cancellationToken);
        var inspector = await UserAsync(district, Roles.Inspector, cancellationToken);
        clock.Set(new DateTimeOffset(Year, 1, 4, 10, 0, 0, LocalClock.Offset));
        if (planId is null)
        {
            var created = await new NewPlanService(db, new FixedCurrentUser(director), titles, clock).CreateFromTemplateAsync(Year, cancellationToken);
            Ensure(created, $"create the {code} plan");
            planId = created.Value;
        }

        var plan = await PlanAsync(planId.Value, cancellationToken);
        DemoRegionSeeder.SetTargets(plan, code, profile.Scale, targets);
        plan.RecordPaperSignatures(plan.Agreement with { Date = new DateOnly(Year, 1, 10) }, plan.Approval with { Date = new DateOnly(Year, 1, 6) }, PlanStatus.InForce);
        await db.SaveChangesAsync(cancellationToken);

        DemoActualsSeeder.AddActuals(db, plan, Heads(plan, inspector), profile.PaceShift, profile.Entered);
        await db.SaveChangesAsync(cancellationToken);

        var asDistrict = ReportSubmissionService.WithoutFiles(db, new FixedCurrentUser(inspector), clock, new People(db));
        var asRegion = ReportSubmissionService.WithoutFiles(db, new FixedCurrentUser(methodologist), clock, new People(db));
        foreach (var report in profile.Reports)
        {
            var submitted = At(report.Submitted, 11);
            clock.Set(submitted);
            Ensure(await asDistrict.SubmitAsync(plan.Id, report.Quarter, submitted, cancellationToken), $"submit Q{report.Quarter} of {code}");
            var decided = submitted.AddDays(3).AddHours(4);
            if (report.Decision == DemoDecision.Accept)
            {
                await asRegion.AcceptAsOfAsync(plan.Id, report.Quarter, decided, cancellationToken);
            }
            else if (report.Decision == DemoDecision.Return)
            {
                var submission = await db.ReportSubmissions.Include(r => r.Snapshots.OrderByDescending(s => s.Number).Take(1))
                    .SingleAsync(r => r.PlanId == plan.Id && r.Quarter == report.Quarter, cancellationToken);
                submission.Return("17-qatordagi kitob berilishi oylik ma'lumotlarga mos emas; may oyini tekshirib, qayta yuboring.", methodologist.UserName, decided);
                await db.SaveChangesAsync(cancellationToken);
            }
        }
    }

    /// <summary>A regional centre's own year: its plan from its catalogue, KELISHILDI by the National Library, TASDIQLAYMAN by its director, with actuals and Q1/Q2 reports accepted by the National Library.</summary>
    private async Task CentreYearAsync(
        Organisation region, IReadOnlyDictionary<string, (decimal? Target, decimal? PreviousFact)> targets,
        CurrentUser nationalDirector, CurrentUser nationalMethodologist, DemoClock clock, CancellationToken cancellationToken)
    {
        var director = await UserAsync(region, Roles.RegionalDirector, cancellationToken);
        var inspector = await UserAsync(region, Roles.Inspector, cancellationToken);
        clock.Set(new DateTimeOffset(Year, 1, 5, 10, 0, 0, LocalClock.Offset));
        var created = await new NewPlanService(db, new FixedCurrentUser(director), titles, clock).CreateFromTemplateAsync(Year, cancellationToken);
        Ensure(created, $"create the {region.Code} centre's plan");
        var plan = await PlanAsync(created.Value, cancellationToken);
        DemoRegionSeeder.SetTargets(plan, region.Code, 2.5m, targets);
        await db.SaveChangesAsync(cancellationToken);

        await StepAsync(director, plan.Id, PlanAction.Submitted, clock, cancellationToken);
        clock.Set(new DateTimeOffset(Year, 1, 12, 15, 0, 0, LocalClock.Offset));
        await StepAsync(nationalDirector, plan.Id, PlanAction.Agreed, clock, cancellationToken);
        clock.Set(new DateTimeOffset(Year, 1, 13, 10, 0, 0, LocalClock.Offset));
        await StepAsync(director, plan.Id, PlanAction.Approved, clock, cancellationToken);

        plan = await PlanAsync(created.Value, cancellationToken);
        DemoActualsSeeder.AddActuals(db, plan, Heads(plan, inspector), 0.08m, (_, m) => m <= 8);
        await db.SaveChangesAsync(cancellationToken);

        var asCentre = ReportSubmissionService.WithoutFiles(db, new FixedCurrentUser(inspector), clock, new People(db));
        var asNational = ReportSubmissionService.WithoutFiles(db, new FixedCurrentUser(nationalMethodologist), clock, new People(db));
        foreach (var (quarter, submitted) in new[] { (1, new DateOnly(Year, 4, 5)), (2, new DateOnly(Year, 7, 6)) })
        {
            var at = At(submitted, 10);
            clock.Set(at);
            Ensure(await asCentre.SubmitAsync(plan.Id, quarter, at, cancellationToken), $"submit Q{quarter} of the {region.Code} centre");
            await asNational.AcceptAsOfAsync(plan.Id, quarter, at.AddDays(2), cancellationToken);
        }
    }

    private async Task StepAsync(CurrentUser user, int planId, PlanAction action, DemoClock clock, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var current = new FixedCurrentUser(user);
        var workflow = new PlanWorkflowService(db, current, new PlanService(db, current), clock, new People(db));
        var version = await db.Plans.Where(p => p.Id == planId).Select(p => p.Version).SingleAsync(cancellationToken);
        var result = action switch
        {
            PlanAction.Submitted => await workflow.SubmitAsync(planId, version, cancellationToken),
            PlanAction.Agreed => await workflow.AgreeAsync(planId, version, null, cancellationToken),
            _ => await workflow.ApproveAsync(planId, version, null, cancellationToken),
        };
        Ensure(result, $"take the step {action} on plan {planId}");
    }

    /// <summary>The National Library's published set, and each region's catalogue mapped to it (Samarqand keeps one indicator its own).</summary>
    private async Task NationalCatalogueAsync(CurrentUser methodologist, IReadOnlyList<Organisation> regions, DemoClock clock, CancellationToken cancellationToken)
    {
        clock.Set(new DateTimeOffset(Year, 2, 1, 10, 0, 0, LocalClock.Offset));
        var current = new FixedCurrentUser(methodologist);
        var service = new NationalCatalogueService(db, current, new AuditLog(db, current, clock), clock);
        foreach (var item in National)
        {
            var saved = await service.SaveItemAsync(null, new SaveNationalItem(item.Code, "I", "ASOSIY KO'RSATKICHLAR", item.Number, item.Name, item.Unit, Measure.Count, item.Rollup, 0), cancellationToken);
            Ensure(saved, $"add the national indicator {item.Code}");
        }

        var version = await db.NationalCatalogues.Select(c => c.Version).SingleAsync(cancellationToken);
        Ensure(await service.PublishAsync(version, cancellationToken), "publish the national catalogue");

        clock.Set(new DateTimeOffset(Year, 2, 8, 10, 0, 0, LocalClock.Offset));
        foreach (var region in regions)
        {
            db.ChangeTracker.Clear();
            var regional = new FixedCurrentUser(await UserAsync(region, Roles.RegionalMethodologist, cancellationToken));
            var rows = await db.TemplateIndicators.AsNoTracking().Where(i => i.Template!.RegionId == region.Id)
                .Select(i => new { i.Id, i.Code, i.Version }).ToListAsync(cancellationToken);
            var cells = National
                .Where(n => !(region.Code == UnmappedRegion && n.RegionalCode == UnmappedCode))
                .Select(n => rows.Single(r => r.Code == n.RegionalCode))
                .Select(r => new NationalMappingCell(r.Id, National.Single(n => n.RegionalCode == r.Code).Code, r.Version))
                .ToList();
            Ensure(await new NationalMappingService(db, regional, new AuditLog(db, regional, clock)).SaveAsync(cells, cancellationToken), $"map the {region.Code} catalogue");
        }
    }

    /// <summary>The regions' consolidated reports of Q1 and Q2: Andijon's both accepted; Namangan's Q1 accepted and Q2 sent late; Samarqand's Q1 returned and Q2 not sent.</summary>
    private async Task RegionalReportsAsync(IReadOnlyList<Organisation> regions, CurrentUser nationalMethodologist, DemoClock clock, CancellationToken cancellationToken)
    {
        var plan = new Dictionary<string, (int Quarter, DateOnly Submitted, DemoDecision Decision)[]>(StringComparer.Ordinal)
        {
            ["andijon"] = [(1, new(Year, 4, 8), DemoDecision.Accept), (2, new(Year, 7, 8), DemoDecision.Accept)],
            ["namangan"] = [(1, new(Year, 4, 7), DemoDecision.Accept), (2, new(Year, 7, 26), DemoDecision.None)],
            ["samarqand"] = [(1, new(Year, 4, 9), DemoDecision.Return)],
        };
        foreach (var region in regions)
        {
            var methodologist = new FixedCurrentUser(await UserAsync(region, Roles.RegionalMethodologist, cancellationToken));
            foreach (var (quarter, submitted, decision) in plan[region.Code])
            {
                db.ChangeTracker.Clear();
                clock.Set(At(submitted, 12));
                Ensure(await Reports(methodologist, clock).SubmitAsync(region.Id, Year, quarter, true, cancellationToken), $"send the {region.Code} report of Q{quarter}");
                if (decision == DemoDecision.None)
                {
                    continue;
                }

                clock.Set(At(submitted.AddDays(4), 15));
                var version = await db.RegionalReportSubmissions.Where(r => r.RegionId == region.Id && r.Year == Year && r.Quarter == quarter)
                    .Select(r => r.Version).SingleAsync(cancellationToken);
                var national = new FixedCurrentUser(nationalMethodologist);
                Ensure(
                    decision == DemoDecision.Accept
                        ? await Reports(national, clock).AcceptAsync(region.Id, Year, quarter, version, cancellationToken)
                        : await Reports(national, clock).ReturnAsync(region.Id, Year, quarter, version,
                            "Tumanlar hisobotlari to'liq emas: Ishtixon va Jomboy TAKMlarining ma'lumotlarini tekshirib, qayta yuboring.", cancellationToken),
                    $"decide the {region.Code} report of Q{quarter}");
            }
        }
    }

    private RegionalReportService Reports(ICurrentUser user, TimeProvider clock) =>
        new(db, user, clock, new ConsolidationService(db, user, new RegionalFiguresQueries(db), clock), new DocumentLanguageService(db, user), new People(db),
            NullLogger<RegionalReportService>.Instance);

    private Task<Plan> PlanAsync(int planId, CancellationToken cancellationToken) =>
        db.Plans.Include(p => p.Sections).Include(p => p.Indicators).ThenInclude(i => i.ResponsibleServices).ThenInclude(r => r.Service)
            .SingleAsync(p => p.Id == planId, cancellationToken);

    /// <summary>Who entered each service's actuals: the centre's inspector stands in for its service heads.</summary>
    private static Dictionary<int, (string Id, string Name)> Heads(Plan plan, CurrentUser inspector) =>
        plan.Indicators.SelectMany(i => i.ResponsibleServices).Select(r => r.ServiceId).Distinct().ToDictionary(id => id, _ => (inspector.UserId, inspector.UserName));

    private static DateTimeOffset At(DateOnly day, int hour) => new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, 0)), LocalClock.Offset).ToUniversalTime();

    private static void Ensure(Result result, string step) => DemoSeeding.Ensure(result, "Demo tree", step);

    private CatalogueService Catalogue(CurrentUser user, TimeProvider clock)
    {
        var current = new FixedCurrentUser(user);
        return new CatalogueService(db, current, new AuditLog(db, current, clock), clock);
    }

    private Task<CurrentUser> UserAsync(Organisation organisation, string role, CancellationToken cancellationToken) =>
        DemoSeeding.UserAsync(db, organisation, role, cancellationToken);

    /// <summary>The moments the demo's past steps were taken at.</summary>
    private sealed class DemoClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _now = start;

        public void Set(DateTimeOffset now) => _now = now;

        public override DateTimeOffset GetUtcNow() => _now.ToUniversalTime();
    }
}
