using System.Globalization;
using Microsoft.EntityFrameworkCore;
using WorkPlan.Core.Access;
using WorkPlan.Core.Actuals;
using WorkPlan.Core.Common;

namespace WorkPlan.Core.Plans;

/// <summary>Versions of a plan (each one as it came into force), what changed between two, and next year's plan.</summary>
public sealed class PlanHistoryService(IAppDbContext db, ICurrentUser currentUser, PlanService documents, NewPlanService newPlans)
{
    /// <summary>A stored version exactly as it came into force.</summary>
    public async Task<Result<PlanDocument>> GetVersionAsync(int planId, int number, CancellationToken cancellationToken = default)
    {
        var stored = await VisibleVersions(planId).Where(v => v.Number == number).SingleOrDefaultAsync(cancellationToken);
        return stored is null ? Result<PlanDocument>.NotFound() : Result<PlanDocument>.Ok(stored.Document());
    }

    /// <summary>
    /// The changes from version <paramref name="from"/> to version <paramref name="to"/>, indicator by
    /// indicator. Version <paramref name="to"/> may be an open amendment's draft, compared as it stands now.
    /// </summary>
    public async Task<Result<IReadOnlyList<PlanChange>>> CompareAsync(int planId, int from, int to, CancellationToken cancellationToken = default)
    {
        var snapshots = await VisibleVersions(planId).Where(v => v.Number == from || v.Number == to)
            .ToDictionaryAsync(v => v.Number, cancellationToken);
        if (!snapshots.TryGetValue(from, out var older))
        {
            return Result<IReadOnlyList<PlanChange>>.NotFound();
        }

        PlanDocument newer;
        if (snapshots.TryGetValue(to, out var stored))
        {
            newer = stored.Document();
        }
        else if (await documents.GetDocumentAsync(planId, cancellationToken) is { IsOk: true } draft
            && PlanRules.IsAmendmentOpen(draft.Value.Status, draft.Value.VersionNumber) && draft.Value.VersionNumber == to)
        {
            newer = draft.Value;
        }
        else
        {
            return Result<IReadOnlyList<PlanChange>>.NotFound();
        }

        return Result<IReadOnlyList<PlanChange>>.Ok(Compare(older.Document(), newer));
    }

    /// <summary>
    /// What the amendment being drafted changes against the version in force, for a plan whose document is
    /// loaded; null when no amendment is open.
    /// </summary>
    public async Task<PendingAmendment?> PendingAmendmentAsync(PlanDocument draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (!PlanRules.IsAmendmentOpen(draft.Status, draft.VersionNumber))
        {
            return null;
        }

        var inForce = await VisibleVersions(draft.Id).Where(v => v.Number == draft.VersionNumber - 1).SingleOrDefaultAsync(cancellationToken);
        return inForce is null ? null : new PendingAmendment(draft.VersionNumber - 1, draft.VersionNumber, Compare(inForce.Document(), draft));
    }

    /// <summary>Row-by-row differences between two documents; rows are matched by their indicator id, which amendments keep.</summary>
    public static IReadOnlyList<PlanChange> Compare(PlanDocument older, PlanDocument newer)
    {
        ArgumentNullException.ThrowIfNull(older);
        ArgumentNullException.ThrowIfNull(newer);
        var before = older.Sections.SelectMany(s => s.Rows.Select(r => (Section: $"{s.Label}. {s.Title}", Row: r))).ToDictionary(x => x.Row.Id);
        var after = newer.Sections.SelectMany(s => s.Rows.Select(r => (Section: $"{s.Label}. {s.Title}", Row: r))).ToDictionary(x => x.Row.Id);
        var changes = new List<PlanChange>();
        foreach (var (id, now) in after)
        {
            if (!before.TryGetValue(id, out var was))
            {
                changes.Add(new PlanChange(now.Row.Number, now.Row.Name, PlanChangeKind.Added, null, null, Describe(now.Row)));
                continue;
            }

            void Field(string field, string? old, string? @new)
            {
                if (!string.Equals(old, @new, StringComparison.Ordinal))
                {
                    changes.Add(new PlanChange(now.Row.Number, now.Row.Name, PlanChangeKind.Changed, field, old, @new));
                }
            }

            Field("Number", was.Row.Number, now.Row.Number);
            Field("Name", was.Row.Name, now.Row.Name);
            Field("Section", was.Section, now.Section);
            Field("Unit", was.Row.Unit, now.Row.Unit);
            Field("PreviousFact", Value(was.Row.PreviousFact), Value(now.Row.PreviousFact));
            Field("Target", Value(was.Row.Target), Value(now.Row.Target));
            Field("Mechanism", string.Join(" / ", was.Row.Mechanism), string.Join(" / ", now.Row.Mechanism));
            Field("Deadline", was.Row.Deadline, now.Row.Deadline);
            Field("Responsible", string.Join(", ", was.Row.Services), string.Join(", ", now.Row.Services));
        }

        changes.AddRange(before.Where(b => !after.ContainsKey(b.Key))
            .Select(b => new PlanChange(b.Value.Row.Number, b.Value.Row.Name, PlanChangeKind.Removed, null, Describe(b.Value.Row), null)));
        return [.. changes.OrderBy(c => c.Number, NumberLabel.Comparer)];
    }

    /// <summary>
    /// Next year's plan from this one: same sections, indicators, services and schedules; the
    /// previous-year fact is this year's actual total (by each indicator's roll-up kind) where actuals
    /// exist; targets are left for the authors. It starts as a draft.
    /// </summary>
    public async Task<Result<int>> CreateNextYearAsync(int planId, CancellationToken cancellationToken = default)
    {
        var user = currentUser.Required;
        var source = await db.Plans.Where(AccessRules.PlansVisibleTo(user))
            .Include(p => p.Organisation).ThenInclude(o => o!.Services)
            .Include(p => p.Sections)
            .Include(p => p.Indicators).ThenInclude(i => i.ResponsibleServices)
            .Include(p => p.Indicators).ThenInclude(i => i.InForceServices)
            .WithWithdrawn()
            .AsNoTracking()
            .SingleOrDefaultAsync(p => p.Id == planId, cancellationToken);
        if (source is null)
        {
            return Result<int>.NotFound();
        }

        if (!AccessRules.CanEditPlan(user, source.OrganisationId))
        {
            return Result<int>.Forbidden();
        }

        var year = source.Year + 1;
        var title = source.Title.Replace(source.Year.ToString(CultureInfo.InvariantCulture), year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        return await newPlans.CreateAsync(
            year,
            $"{source.Year} → {year}",
            async (plan, organisation, ct) =>
            {
                var actuals = (await db.MonthlyActuals.AsNoTracking().WithWithdrawn().Where(a => a.Indicator!.PlanId == planId && a.Value != null)
                    .Select(a => new { a.IndicatorId, a.Month, Value = a.Value!.Value }).ToListAsync(ct))
                    .ToLookup(a => a.IndicatorId, a => (a.Month, a.Value));

                // From the version in force when there is one (an open amendment's draft is not the year's plan yet).
                var inForce = PlanRules.HasVersionInForce(source.Status, source.VersionNumber);
                var rows = inForce
                    ? source.Indicators.Where(i => i.IsInForce).OrderBy(i => i.InForceSortOrder)
                        .Select(i => (i.Id, Definition: i.ToDefinitionInForce(), SectionId: i.InForceSectionId!.Value, ParentId: i.InForceParentId, Services: (IReadOnlyList<int>)[.. i.InForceServices.OrderBy(r => r.Position).Select(r => r.ServiceId)], i.CatalogueCode))
                    : source.Indicators.Where(i => !i.IsWithdrawn).OrderBy(i => i.SortOrder)
                        .Select(i => (i.Id, Definition: i.ToDefinition(), i.SectionId, i.ParentId, Services: (IReadOnlyList<int>)[.. i.ResponsibleServices.OrderBy(r => r.Position).Select(r => r.ServiceId)], i.CatalogueCode));
                var sourceSections = inForce
                    ? source.Sections.Where(s => s.IsInForce).OrderBy(s => s.InForceSortOrder).Select(s => (s.Id, Label: s.InForceLabel, Title: s.InForceTitle))
                    : source.Sections.Where(s => !s.IsWithdrawn).OrderBy(s => s.SortOrder).Select(s => (s.Id, s.Label, s.Title));
                var sections = sourceSections.ToDictionary(s => s.Id, s => plan.AddSection(s.Label, s.Title));
                var copies = new Dictionary<int, Indicator>();
                foreach (var indicator in rows)
                {
                    var definition = indicator.Definition with
                    {
                        PreviousFact = actuals.Contains(indicator.Id) ? Rollup.Combine(indicator.Definition.Rollup, actuals[indicator.Id]) : null,
                        Target = null,
                        Deadline = DeadlineText.For(indicator.Definition.Schedule, year),
                    };
                    var services = indicator.Services.Select(id => organisation.Services.Single(s => s.Id == id));
                    copies[indicator.Id] = plan.AddIndicator(
                        sections[indicator.SectionId], definition, services, indicator.ParentId is { } parent ? copies[parent] : null);
                    copies[indicator.Id].MapToCatalogue(indicator.CatalogueCode);
                }

                return [];
            },
            title,
            cancellationToken);
    }

    private IQueryable<PlanVersion> VisibleVersions(int planId)
    {
        var plans = db.Plans.Where(AccessRules.PlansVisibleTo(currentUser.Required)).Select(p => p.Id);
        return db.PlanVersions.AsNoTracking().Where(v => v.PlanId == planId && plans.Contains(v.PlanId));
    }

    private static string? Value(decimal? value) => value?.ToString("#,##0.##", CultureInfo.InvariantCulture).Replace(',', ' ');

    private static string Describe(PlanDocumentRow row) =>
        $"{row.Unit}; {Value(row.PreviousFact) ?? "-"} → {Value(row.Target) ?? "-"}; {row.Deadline}";
}
