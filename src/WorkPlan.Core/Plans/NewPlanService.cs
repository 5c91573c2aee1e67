using Microsoft.EntityFrameworkCore;
using WorkPlan.Core.Access;
using WorkPlan.Core.Common;
using WorkPlan.Core.Organisations;

namespace WorkPlan.Core.Plans;

/// <summary>
/// A centre's new draft plan for a year, made in one place: who may, which years, one plan per year, the
/// signature lines and the recorded "created" step. It starts empty (from scratch) or is filled by the caller
/// (from the region's template, or from this year's plan for the next).
/// </summary>
public sealed class NewPlanService(IAppDbContext db, ICurrentUser currentUser, TimeProvider clock)
{
    public static class Messages
    {
        public const string YearRange = "Catalogue.YearRange";
        public const string PlanExists = "Plans.NextYearExists";
    }

    /// <summary>The title a new plan starts with, as the paper writes it.</summary>
    public static string DefaultTitle(Organisation organisation, int year)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        return $"{organisation.Name}ning {year} yil uchun mo'ljallangan ish rejasi";
    }

    /// <summary>An empty draft (no sections, no rows) for the user's own centre, with its signature lines.</summary>
    public Task<Result<int>> CreateEmptyAsync(int year, CancellationToken cancellationToken = default) =>
        CreateAsync(year, "empty", (_, _, _) => Task.FromResult<IReadOnlyList<ValidationError>>([]), cancellationToken: cancellationToken);

    /// <summary>
    /// A new draft for the user's own centre: the director or inspector of a district, a year in range and not
    /// yet planned; <paramref name="fill"/> adds the sections and rows (or says why it cannot). The title is the
    /// paper's usual one unless given (next year's plan keeps this year's wording).
    /// </summary>
    public Task<Result<int>> CreateAsync(
        int year, string origin, Func<Plan, Organisation, CancellationToken, Task<IReadOnlyList<ValidationError>>> fill, string? title = null,
        CancellationToken cancellationToken = default) =>
        db.InTransactionAsync(ct => CreateInTransactionAsync(year, origin, fill, title, ct), cancellationToken);

    private async Task<Result<int>> CreateInTransactionAsync(int year, string origin, Func<Plan, Organisation, CancellationToken, Task<IReadOnlyList<ValidationError>>> fill, string? title, CancellationToken cancellationToken)
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
        if (await db.Plans.AnyAsync(p => p.OrganisationId == organisation.Id && p.Year == year, cancellationToken))
        {
            return Result<int>.Invalid([new ValidationError("Year", Messages.PlanExists, year)]);
        }

        var plan = new Plan(organisation, year, string.IsNullOrWhiteSpace(title) ? DefaultTitle(organisation, year) : title);
        if (await fill(plan, organisation, cancellationToken) is { Count: > 0 } errors)
        {
            return Result<int>.Invalid(errors);
        }

        db.Plans.Add(plan);

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            db.PlanEvents.Add(new PlanEvent(plan.Id, 1, PlanAction.Created, plan.Status, plan.Status, user.UserId, user.UserName, clock.GetUtcNow(), origin));
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Someone created the year's plan meanwhile.
            db.ChangeTracker.Clear();
            return Result<int>.Invalid([new ValidationError("Year", Messages.PlanExists, year)]);
        }

        return Result<int>.Ok(plan.Id);
    }
}
