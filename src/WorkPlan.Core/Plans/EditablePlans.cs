using Microsoft.EntityFrameworkCore;
using WorkPlan.Core.Access;
using WorkPlan.Core.Common;

namespace WorkPlan.Core.Plans;

/// <summary>What every edit of a draft starts from: the whole plan, tracked, when the user may edit it; and the "of which" rule of a row's family.</summary>
internal static class EditablePlans
{
    /// <summary>The whole plan, tracked, when the user may edit it and it is a draft; NotFound otherwise.</summary>
    public static async Task<Result<Plan>> LoadAsync(IAppDbContext db, CurrentUser user, int planId, CancellationToken cancellationToken)
    {
        var plan = await db.Plans.Where(AccessRules.PlansVisibleTo(user))
            .Include(p => p.Sections)
            .Include(p => p.Indicators).ThenInclude(i => i.ResponsibleServices)
            .SingleOrDefaultAsync(p => p.Id == planId, cancellationToken);
        return plan is null || !AccessRules.CanEditPlan(user, plan.OrganisationId) || !plan.IsEditable
            ? Result<Plan>.NotFound()
            : Result<Plan>.Ok(plan);
    }

    /// <summary>The editable plan an indicator belongs to (see <see cref="LoadAsync"/>).</summary>
    public static async Task<Result<Plan>> LoadByIndicatorAsync(IAppDbContext db, CurrentUser user, int indicatorId, CancellationToken cancellationToken)
    {
        var planId = await db.Indicators.Where(AccessRules.IndicatorsVisibleTo(user)).Where(i => i.Id == indicatorId)
            .Select(i => (int?)i.PlanId).SingleOrDefaultAsync(cancellationToken);
        return planId is { } id ? await LoadAsync(db, user, id, cancellationToken) : Result<Plan>.NotFound();
    }

    /// <summary>The "of which" rule for the family a row belongs to.</summary>
    public static List<ValidationError> FamilyRule(Plan plan, Indicator indicator)
    {
        var head = indicator.Parent ?? indicator;
        return [.. PlanRules.CheckChildren(head, [.. plan.Indicators.Where(i => i.Parent == head)])];
    }
}
