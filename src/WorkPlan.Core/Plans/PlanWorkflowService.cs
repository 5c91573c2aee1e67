using Microsoft.EntityFrameworkCore;
using WorkPlan.Core.Access;
using WorkPlan.Core.Calendar;
using WorkPlan.Core.Common;

namespace WorkPlan.Core.Plans;

/// <summary>
/// The plan's steps as use cases: submit, agree, approve, return, open an amendment. Each checks who
/// may take it, records it, and when the plan comes into force stores the version's snapshot.
/// </summary>
public sealed class PlanWorkflowService(IAppDbContext db, ICurrentUser currentUser, PlanService documents, TimeProvider clock, IPeople people, Notifications.EventNotifications? events = null)
{
    public static class Messages
    {
        public const string NotPossible = "Workflow.NotPossible";
        public const string ReasonRequired = "Workflow.ReasonRequired";
        public const string WithdrawnRowsHoldValues = "Workflow.WithdrawnRowsHoldValues";
    }

    public async Task<Result<PlanActions>> GetActionsAsync(int planId, CancellationToken cancellationToken = default)
    {
        var user = currentUser.Required;
        var plan = await db.Plans.AsNoTracking()
            .Where(AccessRules.PlansVisibleTo(user))
            .Where(p => p.Id == planId)
            .Select(p => new
            {
                p.Id, p.Version, p.Status, p.VersionNumber, p.ReturnReason, p.AmendmentReason, p.OrganisationId, p.Organisation!.ParentId, p.Year,
                NextYearExists = db.Plans.Any(n => n.OrganisationId == p.OrganisationId && n.Year == p.Year + 1),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (plan is null)
        {
            return Result<PlanActions>.NotFound();
        }

        var steps = await db.PlanEvents.AsNoTracking().Where(e => e.PlanId == planId).OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Select(e => new { e.At, e.UserId, e.UserName, e.Action, e.StatusAfter, e.PlanVersion, e.Comment })
            .ToListAsync(cancellationToken);
        var named = await people.FindAsync(steps.Select(e => e.UserId), cancellationToken);
        var events = steps.Select(e => new PlanEventLine(e.At, named.Named(e.UserId, e.UserName), e.Action, e.StatusAfter, e.PlanVersion, e.Comment)).ToList();
        var versions = await db.PlanVersions.AsNoTracking().Where(v => v.PlanId == planId).OrderBy(v => v.Number)
            .Select(v => new PlanVersionLine(v.Number, v.CameIntoForceAt, v.Reason))
            .ToListAsync(cancellationToken);

        var canEdit = AccessRules.CanEditPlan(user, plan.OrganisationId);
        bool May(PlanAction step) => AccessRules.CanTakePlanStep(user, step, plan.OrganisationId, plan.ParentId) && PlanWorkflow.Next(plan.Status, step) is not null;
        return Result<PlanActions>.Ok(new PlanActions(
            plan.Id,
            plan.Version,
            plan.Status,
            plan.VersionNumber,
            plan.ReturnReason,
            plan.AmendmentReason,
            CanEdit: canEdit && PlanWorkflow.IsEditable(plan.Status),
            CanSubmit: May(PlanAction.Submitted),
            CanAgree: May(PlanAction.Agreed),
            CanApprove: May(PlanAction.Approved),
            CanReturn: May(PlanAction.Returned),
            CanAmend: May(PlanAction.AmendmentOpened),
            CanCreateNextYear: canEdit && !plan.NextYearExists && plan.Status == PlanStatus.InForce,
            events,
            versions,
            CanDiscard: May(PlanAction.AmendmentDiscarded) && PlanRules.IsAmendmentOpen(plan.Status, plan.VersionNumber)));
    }

    public Task<Result> SubmitAsync(int planId, uint version, CancellationToken cancellationToken = default) =>
        StepAsync(planId, version, PlanAction.Submitted, null, cancellationToken);

    public Task<Result> AgreeAsync(int planId, uint version, string? comment, CancellationToken cancellationToken = default) =>
        StepAsync(planId, version, PlanAction.Agreed, comment, cancellationToken);

    public Task<Result> ApproveAsync(int planId, uint version, string? comment, CancellationToken cancellationToken = default) =>
        StepAsync(planId, version, PlanAction.Approved, comment, cancellationToken);

    public Task<Result> ReturnAsync(int planId, uint version, string? reason, CancellationToken cancellationToken = default) =>
        StepAsync(planId, version, PlanAction.Returned, reason, cancellationToken);

    public Task<Result> OpenAmendmentAsync(int planId, uint version, string? reason, CancellationToken cancellationToken = default) =>
        StepAsync(planId, version, PlanAction.AmendmentOpened, reason, cancellationToken);

    /// <summary>
    /// Drops the open amendment: the plan is again exactly the version in force (rows, values, sections,
    /// signatures, version number), and the step is recorded in its history. The director decides, as for opening one.
    /// </summary>
    public Task<Result> DiscardAmendmentAsync(int planId, uint version, CancellationToken cancellationToken = default) =>
        db.InTransactionAsync(ct => DiscardAmendmentInTransactionAsync(planId, version, ct), cancellationToken);

    private async Task<Result> DiscardAmendmentInTransactionAsync(int planId, uint version, CancellationToken cancellationToken)
    {
        var user = currentUser.Required;
        var plan = await db.Plans.Where(AccessRules.PlansVisibleTo(user))
            .Include(p => p.Sections).Include(p => p.Indicators).ThenInclude(i => i.ResponsibleServices)
            .Include(p => p.Indicators).ThenInclude(i => i.InForceServices)
            .WithWithdrawn()
            .SingleOrDefaultAsync(p => p.Id == planId, cancellationToken);
        if (plan is null)
        {
            return Result.NotFound();
        }

        if (!AccessRules.CanTakePlanStep(user, PlanAction.AmendmentDiscarded, plan.OrganisationId, null))
        {
            return Result.Forbidden();
        }

        var inForce = plan.IsAmendmentOpen
            ? await db.PlanVersions.AsNoTracking().Where(v => v.PlanId == plan.Id && v.Number == plan.VersionNumber - 1)
                .Select(v => new { v.Reason, v.SchemaVersion, v.Snapshot }).SingleOrDefaultAsync(cancellationToken)
            : null;
        if (inForce is null)
        {
            return Result.Invalid([new ValidationError(string.Empty, Messages.NotPossible)]);
        }

        var document = SignedPlanSnapshot.Read(inForce.SchemaVersion, inForce.Snapshot);
        var services = await db.Services.Where(s => s.OrganisationId == plan.OrganisationId).ToListAsync(cancellationToken);
        db.Entry(plan).Property(p => p.Version).OriginalValue = version;
        var discarded = plan.VersionNumber;
        try
        {
            // What the draft added goes first, so that no number or code is held twice when the rows in force come back.
            plan.RemoveDraftAdditions();
            await db.SaveChangesAsync(cancellationToken);
            var from = plan.DiscardAmendment(document.Agreement, document.Approval, inForce.Reason, services);
            db.PlanEvents.Add(new PlanEvent(plan.Id, discarded, PlanAction.AmendmentDiscarded, from, plan.Status, user.UserId, user.UserName, clock.GetUtcNow(), null));
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result.Conflict();
        }

        return Result.Ok();
    }

    private Task<Result> StepAsync(int planId, uint version, PlanAction action, string? comment, CancellationToken cancellationToken) =>
        db.InTransactionAsync(ct => StepInTransactionAsync(planId, version, action, comment, ct), cancellationToken);

    private async Task<Result> StepInTransactionAsync(int planId, uint version, PlanAction action, string? comment, CancellationToken cancellationToken)
    {
        if (FieldLimits.Check(comment, FieldLimits.Reason, "Comment", TextKind.Lines).ToList() is { Count: > 0 } badText)
        {
            return Result.Invalid(badText);
        }

        var user = currentUser.Required;
        var query = db.Plans
            .Where(AccessRules.PlansVisibleTo(user))
            .Include(p => p.Organisation).ThenInclude(o => o!.Parent)
            .AsQueryable();
        if (action is PlanAction.Agreed or PlanAction.Approved)
        {
            // Coming into force turns the plan's rows into the version in force: load them all.
            query = query.Include(p => p.Sections).Include(p => p.Indicators).ThenInclude(i => i.ResponsibleServices)
                .Include(p => p.Indicators).ThenInclude(i => i.InForceServices).WithWithdrawn();
        }

        var plan = await query.SingleOrDefaultAsync(p => p.Id == planId, cancellationToken);
        if (plan is null)
        {
            return Result.NotFound();
        }

        var organisation = plan.Organisation!;
        if (!AccessRules.CanTakePlanStep(user, action, plan.OrganisationId, organisation.ParentId))
        {
            return Result.Forbidden();
        }

        if (PlanWorkflow.Next(plan.Status, action) is null)
        {
            return Result.Invalid([new ValidationError(string.Empty, Messages.NotPossible)]);
        }

        if (action is PlanAction.Returned or PlanAction.AmendmentOpened && string.IsNullOrWhiteSpace(comment))
        {
            return Result.Invalid([new ValidationError("Reason", Messages.ReasonRequired)]);
        }

        if (PlanWorkflow.Next(plan.Status, action) == PlanStatus.InForce && await WithdrawnRowsWithValuesAsync(plan, cancellationToken) is { Count: > 0 } holding)
        {
            // Coming into force deletes the rows the amendment withdrew: never with the values entered in them meanwhile.
            return Result.Invalid([new ValidationError(string.Empty, Messages.WithdrawnRowsHoldValues, string.Join(", ", holding))]);
        }

        if (action == PlanAction.Submitted && await BrokenRulesAsync(planId, cancellationToken) is { Count: > 0 } broken)
        {
            return Result.Invalid(broken);
        }

        var now = clock.GetUtcNow();
        if (action == PlanAction.AmendmentOpened && !await db.PlanVersions.AnyAsync(v => v.PlanId == plan.Id && v.Number == plan.VersionNumber, cancellationToken))
        {
            // A plan that came into force outside the workflow (signed on paper, imported): keep the version being amended.
            var current = await documents.GetDocumentAsync(plan.Id, cancellationToken);
            db.PlanVersions.Add(new PlanVersion(plan.Id, plan.VersionNumber, now, plan.AmendmentReason, current.Value));
        }

        db.Entry(plan).Property(p => p.Version).OriginalValue = version;
        var today = LocalClock.DateOf(now);
        var from = action switch
        {
            PlanAction.Submitted => plan.Submit(),
            PlanAction.Agreed => plan.Agree(PlanWorkflow.Signature(user, organisation.Parent!, today)),
            PlanAction.Approved => plan.Approve(PlanWorkflow.Signature(user, organisation, today)),
            PlanAction.Returned => plan.Return(comment!),
            _ => plan.OpenAmendment(comment!),
        };
        var step = new PlanEvent(plan.Id, plan.VersionNumber, action, from, plan.Status, user.UserId, user.UserName, now, comment);
        db.PlanEvents.Add(step);
        if (plan.Status == PlanStatus.InForce)
        {
            db.PlanEvents.Add(new PlanEvent(plan.Id, plan.VersionNumber, PlanAction.CameIntoForce, from, plan.Status, user.UserId, user.UserName, now, null));
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result.Conflict();
        }

        if (plan.Status == PlanStatus.InForce)
        {
            var document = await documents.GetDocumentAsync(plan.Id, cancellationToken);
            db.PlanVersions.Add(new PlanVersion(plan.Id, plan.VersionNumber, now, plan.AmendmentReason, document.Value));
            await db.SaveChangesAsync(cancellationToken);
        }

        await NotifyAsync(user, plan, organisation, action, step, comment, cancellationToken);
        return Result.Ok();
    }

    /// <summary>Tells the people whose work the step is, in the step's transaction: a refused step tells no one.</summary>
    private Task NotifyAsync(CurrentUser user, Plan plan, Organisations.Organisation organisation, PlanAction action, PlanEvent step, string? comment, CancellationToken cancellationToken)
    {
        if (events is null)
        {
            return Task.CompletedTask;
        }

        (Notifications.NotificationKind Kind, IReadOnlyList<Notifications.Audience> Audiences)? told = action switch
        {
            PlanAction.Submitted => (Notifications.NotificationKind.PlanSubmitted, Notifications.NotificationRules.PlanSubmitted(plan.OrganisationId, organisation.ParentId)),
            PlanAction.Agreed => (Notifications.NotificationKind.PlanAgreed, Notifications.NotificationRules.PlanDecided(plan.OrganisationId)),
            PlanAction.Approved => (Notifications.NotificationKind.PlanApproved, Notifications.NotificationRules.PlanDecided(plan.OrganisationId)),
            PlanAction.Returned => (Notifications.NotificationKind.PlanReturned, Notifications.NotificationRules.PlanDecided(plan.OrganisationId)),
            _ => null,
        };
        return told is { } t
            ? events.RaiseAsync(user, t.Kind, t.Audiences, $"plan-event:{step.Id}",
                [organisation.ShortName, plan.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), user.DisplayName, comment ?? string.Empty],
                $"/Plans/Details/{plan.Id}", cancellationToken)
            : Task.CompletedTask;
    }

    /// <summary>The plan's numbers must obey the rules before it goes for signatures.</summary>
    /// <summary>The numbers of the rows an open amendment withdrew that hold monthly values or notes (entered since, as the version in force still had them).</summary>
    private async Task<IReadOnlyList<string>> WithdrawnRowsWithValuesAsync(Plan plan, CancellationToken cancellationToken)
    {
        var withdrawn = plan.Indicators.Where(i => i.IsWithdrawn).Select(i => i.Id).ToList();
        if (withdrawn.Count == 0)
        {
            return [];
        }

        var holding = await db.MonthlyActuals.AsNoTracking().WithWithdrawn().Where(a => withdrawn.Contains(a.IndicatorId))
            .Select(a => a.IndicatorId).Distinct().ToListAsync(cancellationToken);
        return [.. plan.Indicators.Where(i => holding.Contains(i.Id)).OrderBy(i => i.InForceSortOrder).Select(i => i.InForceNumber)];
    }

    private async Task<List<ValidationError>> BrokenRulesAsync(int planId, CancellationToken cancellationToken)
    {
        var indicators = await db.Indicators.AsNoTracking().Where(i => i.PlanId == planId).ToListAsync(cancellationToken);
        return
        [
            .. indicators.Where(i => i.ParentId is null)
                .SelectMany(parent => PlanRules.CheckChildren(parent, [.. indicators.Where(c => c.ParentId == parent.Id)])
                    .Select(e => e with { Field = parent.Number })),
        ];
    }
}
