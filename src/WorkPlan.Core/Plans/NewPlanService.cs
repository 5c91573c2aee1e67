using Microsoft.EntityFrameworkCore;
using WorkPlan.Core.Access;
using WorkPlan.Core.Actuals;
using WorkPlan.Core.Catalogue;
using WorkPlan.Core.Common;
using WorkPlan.Core.Organisations;

namespace WorkPlan.Core.Plans;

/// <summary>
/// A centre's new draft plan for a year, made in one place for every way a plan starts (empty, from the region's
/// template, next year's from this year's, imported from a file): who may, which years, one plan per centre and
/// year, the title, the signature lines and the recorded first step. The way it starts only fills it.
/// </summary>
public sealed class NewPlanService(IAppDbContext db, ICurrentUser currentUser, IPlanTitles titles, TimeProvider clock)
{
    public static class Messages
    {
        public const string YearRange = "Catalogue.YearRange";

        /// <summary>"A plan for {0} already exists": the one answer of every way of creating a plan.</summary>
        public const string PlanExists = "Plans.PlanExists";
    }

    /// <summary>Whether the centre already has a plan for the year.</summary>
    public Task<bool> ExistsAsync(int organisationId, int year, CancellationToken cancellationToken = default) =>
        db.Plans.AnyAsync(p => p.OrganisationId == organisationId && p.Year == year, cancellationToken);

    /// <summary>The title a new plan starts with: the one given, or else the paper's usual one in the centre's document language.</summary>
    public string TitleFor(Organisation organisation, int year, string? title)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        return string.IsNullOrWhiteSpace(title) ? titles.NewPlan(organisation.Name, year, organisation.DocumentLanguage) : title;
    }

    /// <summary>An empty draft (no sections, no rows) for the user's own centre, with its signature lines.</summary>
    public Task<Result<int>> CreateEmptyAsync(int year, CancellationToken cancellationToken = default) =>
        CreateAsync(year, "empty", (_, _, _) => Task.FromResult<IReadOnlyList<ValidationError>>([]), cancellationToken: cancellationToken);

    /// <summary>
    /// A district's new draft plan for a year from its region's published template: the sections and
    /// rows with their codes, services matched by code, deadlines in that year, last year's facts from
    /// the actual totals of the rows with the same code, and empty targets.
    /// </summary>
    public Task<Result<int>> CreateFromTemplateAsync(int year, CancellationToken cancellationToken = default) =>
        CreateAsync(year, "template", FillFromTemplateAsync, cancellationToken: cancellationToken);

    /// <summary>
    /// A new draft for the user's own centre: the director or inspector of a district, a year in range and not
    /// yet planned; <paramref name="fill"/> adds the sections and rows (or says why it cannot). The title is the
    /// paper's usual one unless given (next year's plan keeps this year's wording).
    /// </summary>
    public Task<Result<int>> CreateAsync(
        int year, string origin, Func<Plan, Organisation, CancellationToken, Task<IReadOnlyList<ValidationError>>> fill, string? title = null,
        CancellationToken cancellationToken = default) =>
        db.InTransactionAsync(ct => CreateInTransactionAsync(year, PlanAction.Created, origin, fill, title, ct), cancellationToken);

    /// <summary>As <see cref="CreateAsync"/>, for a plan read from a file: its first step is recorded as imported.</summary>
    public Task<Result<int>> CreateImportedAsync(
        int year, Func<Plan, Organisation, CancellationToken, Task<IReadOnlyList<ValidationError>>> fill, string? title,
        CancellationToken cancellationToken = default) =>
        db.InTransactionAsync(ct => CreateInTransactionAsync(year, PlanAction.Imported, null, fill, title, ct), cancellationToken);

    private async Task<Result<int>> CreateInTransactionAsync(
        int year, PlanAction action, string? origin, Func<Plan, Organisation, CancellationToken, Task<IReadOnlyList<ValidationError>>> fill, string? title,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fill);
        var user = currentUser.Required;
        if (!AccessRules.CanCreatePlan(user))
        {
            return Result<int>.Forbidden();
        }

        if (!PlanRules.IsPlanYear(year))
        {
            return Result<int>.Invalid([new ValidationError("Year", Messages.YearRange, PlanRules.FirstYear, PlanRules.LastYear)]);
        }

        var organisation = await db.Organisations.Include(o => o.Services).Include(o => o.Parent).SingleAsync(o => o.Id == user.OrganisationId, cancellationToken);
        if (await ExistsAsync(organisation.Id, year, cancellationToken))
        {
            return Result<int>.Invalid([new ValidationError("Year", Messages.PlanExists, year)]);
        }

        var plan = new Plan(organisation, year, TitleFor(organisation, year, title));
        if (await fill(plan, organisation, cancellationToken) is { Count: > 0 } errors)
        {
            return Result<int>.Invalid(errors);
        }

        db.Plans.Add(plan);

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            db.PlanEvents.Add(new PlanEvent(plan.Id, 1, action, plan.Status, plan.Status, user.UserId, user.UserName, clock.GetUtcNow(), origin));
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (SaveFailures.IsUniqueViolation(exception))
        {
            // Someone created the year's plan meanwhile.
            db.ChangeTracker.Clear();
            return Result<int>.Invalid([new ValidationError("Year", Messages.PlanExists, year)]);
        }

        return Result<int>.Ok(plan.Id);
    }

    private async Task<IReadOnlyList<ValidationError>> FillFromTemplateAsync(Plan plan, Organisation organisation, CancellationToken cancellationToken)
    {
        var template = await db.RegionalTemplates.AsNoTracking().Include(t => t.Items)
            .SingleOrDefaultAsync(t => t.RegionId == organisation.WorksInRegionId && t.PublishedAt != null, cancellationToken);
        if (template is null)
        {
            return [new ValidationError(string.Empty, TemplateRules.Messages.NotPublished)];
        }

        var year = plan.Year;
        var lastYear = await PreviousFactsAsync(organisation.Id, year - 1, cancellationToken);
        var sections = new Dictionary<string, Section>(StringComparer.Ordinal);
        var added = new Dictionary<int, Indicator>();
        foreach (var item in template.Items.OrderBy(i => i.SortOrder))
        {
            if (!sections.TryGetValue(item.SectionLabel, out var section))
            {
                section = plan.AddSection(item.SectionLabel, item.SectionTitle);
                sections.Add(item.SectionLabel, section);
            }

            var services = organisation.Services.Where(s => item.ServiceCodes.Contains(s.Code)).OrderBy(s => item.ServiceCodes.IndexOf(s.Code)).ToList();
            var definition = new IndicatorDefinition(
                item.Number, item.Name, item.Unit, item.Measure, lastYear.GetValueOrDefault(item.Code), null, item.Mechanism,
                DeadlineText.For(item.Schedule, year), item.Schedule, item.Rollup, item.ChildrenPartition);

            // A row without services in the template stays without them (the paper's blank cell); codes the
            // district lacks fall back to all its services.
            List<ServiceUnit> responsible = item.ServiceCodes.Count == 0 ? [] : services.Count > 0 ? services : [.. organisation.Services.OrderBy(s => s.SortOrder)];
            var indicator = plan.AddIndicator(section, definition, responsible, item.ParentId is { } parent ? added[parent] : null);
            indicator.MapToCatalogue(item.Code);
            added[item.Id] = indicator;
        }

        return [];
    }

    /// <summary>Last year's actual totals by catalogue code, for the "previous year" column of a plan made from the template.</summary>
    private async Task<Dictionary<string, decimal>> PreviousFactsAsync(int organisationId, int year, CancellationToken cancellationToken)
    {
        var rows = await db.MonthlyActuals.AsNoTracking()
            .Where(a => a.Indicator!.Plan!.OrganisationId == organisationId && a.Indicator.Plan.Year == year && a.Indicator.CatalogueCode != null && a.Value != null)
            .Select(a => new { Code = a.Indicator!.CatalogueCode!, a.Indicator.Rollup, a.Month, Value = a.Value!.Value })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.Code, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Rollup.Combine(g.First().Rollup, g.Select(r => (r.Month, r.Value)))!.Value, StringComparer.Ordinal);
    }
}
