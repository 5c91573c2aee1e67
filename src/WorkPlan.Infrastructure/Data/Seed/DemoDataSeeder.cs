using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using WorkPlan.Core.Organisations;
using WorkPlan.Core.Plans;

namespace WorkPlan.Infrastructure.Data.Seed;

/// <summary>
/// Loads the demo data files idempotently: organisations and services are added when their code is
/// missing, a plan when its centre has none for that year. Running it again changes nothing.
/// </summary>
public sealed class DemoDataSeeder(AppDbContext db, ILogger<DemoDataSeeder> logger)
{
    public Task SeedAsync(CancellationToken cancellationToken = default) => db.InTransactionAsync(SeedInTransactionAsync, cancellationToken);

    private async Task SeedInTransactionAsync(CancellationToken cancellationToken)
    {
        var files = DemoData.LoadEmbedded();

        var organisations = await db.Organisations.Include(o => o.Services).ToDictionaryAsync(o => o.Code, StringComparer.Ordinal, cancellationToken);
        var added = 0;
        // Parents first, whichever file names them.
        var pending = files.SelectMany(f => f.Organisations ?? []).Where(o => !organisations.ContainsKey(o.Code)).ToList();
        while (pending.Count > 0)
        {
            var ready = pending.Where(o => o.Parent is null || organisations.ContainsKey(o.Parent)).ToList();
            if (ready.Count == 0)
            {
                throw new InvalidDataException($"Demo organisations with unknown parents: {string.Join(", ", pending.Select(o => o.Code))}.");
            }

            foreach (var item in ready)
            {
                var parent = item.Parent is null ? null : organisations[item.Parent];
                var organisation = new Organisation(item.Code, item.Kind, item.Name, item.ShortName, parent);
                organisation.SetDirector(item.DirectorTitle, item.DirectorName);
                db.Organisations.Add(organisation);
                organisations.Add(item.Code, organisation);
                pending.Remove(item);
                added++;
            }
        }

        foreach (var file in files)
        {
            foreach (var (item, index) in (file.Services ?? []).Select((s, i) => (s, i)))
            {
                var organisation = organisations[item.Organisation];
                if (organisation.Services.All(s => s.Code != item.Code))
                {
                    organisation.Services.Add(new ServiceUnit(organisation, item.Code, item.Name, item.ShortName, index + 1));
                    added++;
                }
            }
        }

        var existingPlans = await db.Plans
            .Select(p => new { p.Organisation!.Code, p.Year })
            .ToListAsync(cancellationToken);
        foreach (var item in files.SelectMany(f => f.Plans ?? []))
        {
            if (existingPlans.Any(p => p.Code == item.Organisation && p.Year == item.Year))
            {
                continue;
            }

            db.Plans.Add(BuildPlan(item, organisations[item.Organisation]));
            added++;
        }

        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Demo data loaded: {AddedCount} records added", added);
    }

    private static Plan BuildPlan(DemoPlan item, Organisation organisation)
    {
        var plan = new Plan(organisation, item.Year, item.Title);
        foreach (var sectionItem in item.Sections)
        {
            var section = plan.AddSection(sectionItem.Label, sectionItem.Title);
            foreach (var indicatorItem in sectionItem.Indicators)
            {
                var parent = plan.AddIndicator(section, indicatorItem.ToDefinition(), ServicesOf(indicatorItem, organisation));
                foreach (var child in indicatorItem.Children ?? [])
                {
                    plan.AddIndicator(section, child.ToDefinition(), ServicesOf(child, organisation), parent);
                }
            }
        }

        plan.RecordPaperSignatures(item.Agreement.ToBlock(), item.Approval.ToBlock(), item.Status);
        return plan;
    }

    private static IEnumerable<ServiceUnit> ServicesOf(DemoIndicator item, Organisation organisation) =>
        item.Services.Contains(DemoIndicator.AllServices)
            ? organisation.Services
            : item.Services.Select(code => organisation.Services.Single(s => s.Code == code));
}
