using Microsoft.EntityFrameworkCore;
using WorkPlan.Core.Access;
using WorkPlan.Core.Common;

namespace WorkPlan.Core.Plans;

/// <summary>What every edit of a draft starts from: the whole plan, tracked, when the user may edit it; and the "of which" rule of a row's family.</summary>
internal static class EditablePlans
{
    /// <summary>The whole plan, tracked, when the user may edit it and it is a draft; the refusal of <see cref="Refusal{T}"/> otherwise.</summary>
    public static async Task<Result<Plan>> LoadAsync(IAppDbContext db, CurrentUser user, int planId, CancellationToken cancellationToken)
    {
        var plan = await db.Plans.Where(AccessRules.PlansVisibleTo(user))
            .Include(p => p.Sections)
            .Include(p => p.Indicators).ThenInclude(i => i.ResponsibleServices)
            .SingleOrDefaultAsync(p => p.Id == planId, cancellationToken);
        return plan is null ? Result<Plan>.NotFound() : Refusal<Plan>(user, plan.OrganisationId, plan.Status) ?? Result<Plan>.Ok(plan);
    }

    /// <summary>
    /// Why the user may not edit a plan they read, or null when they may: Forbidden when they do not write its centre's
    /// plan (they read it, so it is not hidden from them), NotFound when it is not a draft (a plan in force has no editor).
    /// A plan out of the user's reach is NotFound before this is asked.
    /// </summary>
    public static Result<T>? Refusal<T>(CurrentUser user, int planOrganisationId, PlanStatus status) =>
        !AccessRules.CanEditPlan(user, planOrganisationId) ? Result<T>.Forbidden()
        : !PlanWorkflow.IsEditable(status) ? Result<T>.NotFound()
        : null;

    /// <summary>The editable plan an indicator belongs to (see <see cref="LoadAsync"/>).</summary>
    public static async Task<Result<Plan>> LoadByIndicatorAsync(IAppDbContext db, CurrentUser user, int indicatorId, CancellationToken cancellationToken)
    {
        var planId = await PlanOfIndicatorAsync(db, user, indicatorId, cancellationToken);
        return planId is { } id ? await LoadAsync(db, user, id, cancellationToken) : Result<Plan>.NotFound();
    }

    /// <summary>The plan of an indicator within the user's reach; null otherwise.</summary>
    public static Task<int?> PlanOfIndicatorAsync(IAppDbContext db, CurrentUser user, int indicatorId, CancellationToken cancellationToken) =>
        db.Indicators.Where(AccessRules.IndicatorsVisibleTo(user)).Where(i => i.Id == indicatorId)
            .Select(i => (int?)i.PlanId).SingleOrDefaultAsync(cancellationToken);

    /// <summary>The plan of a section within the user's reach; null otherwise.</summary>
    public static Task<int?> PlanOfSectionAsync(IAppDbContext db, CurrentUser user, int sectionId, CancellationToken cancellationToken)
    {
        var plans = db.Plans.Where(AccessRules.PlansVisibleTo(user)).Select(p => p.Id);
        return db.Sections.Where(s => s.Id == sectionId && plans.Contains(s.PlanId)).Select(s => (int?)s.PlanId).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// One edit of a draft: in one transaction, under the plan's lock (edits of one plan run one after another, each on
    /// what the one before it saved), on the whole plan loaded afresh. The edit saves what it changed; a write that
    /// still meets a changed row or a value taken meanwhile (from outside the editor) saves nothing and is a conflict.
    /// </summary>
    public static async Task<Result<T>> EditAsync<T>(
        IAppDbContext db, CurrentUser user, int? planId, Func<Plan, CancellationToken, Task<Result<T>>> edit, CancellationToken cancellationToken)
    {
        if (planId is not { } id)
        {
            return Result<T>.NotFound();
        }

        try
        {
            return await db.InTransactionAsync(async token =>
            {
                db.ChangeTracker.Clear();
                await db.LockPlanAsync(id, token);
                var plan = await LoadAsync(db, user, id, token);
                return plan.IsOk ? await edit(plan.Value, token) : plan.Status == ResultStatus.Forbidden ? Result<T>.Forbidden() : Result<T>.NotFound();
            }, cancellationToken);
        }
        catch (DbUpdateException exception) when (SaveFailures.IsConflict(exception))
        {
            db.ChangeTracker.Clear();
            return Result<T>.Conflict();
        }
    }

    /// <summary>The "of which" rule for the family a row belongs to.</summary>
    public static List<ValidationError> FamilyRule(Plan plan, Indicator indicator)
    {
        var head = indicator.Parent ?? indicator;
        return [.. PlanRules.CheckChildren(head, [.. plan.Indicators.Where(i => i.Parent == head)])];
    }
}
