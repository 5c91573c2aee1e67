using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WorkPlan.Core.Access;
using WorkPlan.Core.Auditing;
using WorkPlan.Core.Common;
using WorkPlan.Core.Plans;

namespace WorkPlan.Core.Actuals;

/// <summary>A request to reopen a month, as its requester, the director and the month's history show it.</summary>
public sealed record ReopenRequestLine(
    long Id, int PlanId, int Month, int Year, string Reason, string RequestedBy, DateTimeOffset RequestedAt,
    ReopenRequestStatus Status, string? DecidedBy, DateTimeOffset? DecidedAt, string? DeclineReason);

/// <summary>
/// The lock panel of the entry page: the month's state (why it is locked, since when, who can reopen
/// it; or the reopening that keeps it open), its history of reopenings and requests, and what the user may do.
/// </summary>
public sealed record MonthPanel(
    int PlanId,
    int Year,
    MonthState State,
    IReadOnlyList<MonthReopeningLine> Reopenings,
    IReadOnlyList<ReopenRequestLine> Requests,
    IReadOnlyList<ReopenRequestLine> MyOtherRequests,
    bool CanReopen,
    bool CanRequest,
    bool HasPendingRequest);

/// <summary>
/// Locked months: the director reopens one with a reason (recorded and shown); a service head or the
/// inspector asks the director to, with a reason, and the director reopens or declines. Every step is audited.
/// </summary>
public sealed class MonthLockService(IAppDbContext db, ICurrentUser currentUser, TimeProvider clock, IOptions<ActualsOptions> options, AuditLog audit, Notifications.EventNotifications? events = null)
{
    public const string AuditEntity = "Month";

    public static class Messages
    {
        public const string ReasonRequired = "Workflow.ReasonRequired";
        public const string NotLocked = "MonthLock.NotLockedByWindow";
        public const string AlreadyRequested = "MonthLock.AlreadyRequested";
        public const string AlreadyDecided = "MonthLock.AlreadyDecided";
    }

    private ActualsOptions Settings => options.Value;

    /// <summary>The lock panel of a month of a plan the user can see, from the month's state (read once by the entry page).</summary>
    internal async Task<MonthPanel> PanelAsync(EntryPlan plan, MonthState state, CancellationToken cancellationToken)
    {
        var user = currentUser.Required;
        var planId = plan.Id;
        var month = state.Month;
        var reopenings = await db.MonthReopenings.AsNoTracking().Where(r => r.PlanId == planId && r.Month == month).OrderByDescending(r => r.At)
            .Select(r => new MonthReopeningLine(r.At, r.UserName, r.Reason, r.Until)).ToListAsync(cancellationToken);
        // This month's requests, and the user's own of other months (so a requester sees where each stands).
        var all = await db.MonthReopenRequests.AsNoTracking().Where(r => r.PlanId == planId && (r.Month == month || r.RequestedById == user.UserId))
            .OrderByDescending(r => r.RequestedAt).Take(50)
            .Select(r => new ReopenRequestLine(r.Id, r.PlanId, r.Month, plan.Year, r.Reason, r.RequestedBy, r.RequestedAt, r.Status, r.DecidedBy, r.DecidedAt, r.DeclineReason))
            .ToListAsync(cancellationToken);
        var requests = all.Where(r => r.Month == month).ToList();
        var since = clock.GetUtcNow().AddDays(-Settings.ReopenDays);
        var mine = all.Where(r => r.Month != month && (r.Status == ReopenRequestStatus.Pending || r.DecidedAt >= since)).OrderBy(r => r.Month).ToList();
        var director = state.Lock is { DirectorReopens: true };
        var pending = requests.Any(r => r.Status == ReopenRequestStatus.Pending);
        return new MonthPanel(
            plan.Id, plan.Year, state, reopenings, requests, mine,
            director && AccessRules.CanReopenMonths(user, plan.OrganisationId),
            director && !pending && AccessRules.CanRequestReopening(user, plan.OrganisationId),
            pending);
    }

    /// <summary>The director reopens a month their centre's plan has locked by its window, with a reason; pending requests for it are granted.</summary>
    public Task<Result> ReopenAsync(int planId, int month, string? reason, CancellationToken cancellationToken = default) =>
        db.InTransactionAsync(ct => ReopenInTransactionAsync(planId, month, reason, ct), cancellationToken);

    private async Task<Result> ReopenInTransactionAsync(int planId, int month, string? reason, CancellationToken cancellationToken)
    {
        var user = currentUser.Required;
        var (plan, refused) = await WindowLockedMonthAsync(planId, month, reason, AccessRules.CanReopenMonths, cancellationToken);
        if (plan is null)
        {
            return refused!;
        }

        var now = clock.GetUtcNow();
        var reopening = new MonthReopening(plan.Id, month, reason!, user.UserId, user.DisplayName, now, now.AddDays(Settings.ReopenDays));
        db.MonthReopenings.Add(reopening);
        var pending = await db.MonthReopenRequests.Where(r => r.PlanId == planId && r.Month == month && r.Status == ReopenRequestStatus.Pending).ToListAsync(cancellationToken);
        foreach (var request in pending)
        {
            request.Grant(user.DisplayName, now);
        }

        audit.Record(AuditAction.MonthReopened, AuditEntity, $"{plan.Id}-{month}", plan.OrganisationId, null,
            new { plan.Year, Month = month, reopening.Reason, Until = reopening.Until, Requests = pending.Select(r => r.RequestedBy).ToList() });
        await db.SaveChangesAsync(cancellationToken);
        if (events is not null)
        {
            var services = await db.Indicators.Where(i => i.PlanId == planId).SelectMany(i => i.ResponsibleServices.Select(r => r.ServiceId)).Distinct().ToListAsync(cancellationToken);
            await events.RaiseAsync(user, Notifications.NotificationKind.MonthReopened, Notifications.NotificationRules.MonthReopened(plan.OrganisationId, services),
                $"month-reopening:{reopening.Id}", Arguments(plan.Year, month, user, reopening.Reason), $"/Actuals?planId={planId}&month={month}", cancellationToken);
        }

        return Result.Ok();
    }

    /// <summary>A service head (or the inspector) asks the director to reopen a month locked by its window, with a reason.</summary>
    public Task<Result> RequestAsync(int planId, int month, string? reason, CancellationToken cancellationToken = default) =>
        db.InTransactionAsync(ct => RequestInTransactionAsync(planId, month, reason, ct), cancellationToken);

    private static string[] Arguments(int year, int month, CurrentUser user, string reason) =>
        [year.ToString(System.Globalization.CultureInfo.InvariantCulture), month.ToString(System.Globalization.CultureInfo.InvariantCulture), user.DisplayName, reason];

    private async Task<Result> RequestInTransactionAsync(int planId, int month, string? reason, CancellationToken cancellationToken)
    {
        var user = currentUser.Required;
        var (plan, refused) = await WindowLockedMonthAsync(planId, month, reason, AccessRules.CanRequestReopening, cancellationToken);
        if (plan is null)
        {
            return refused!;
        }

        if (await db.MonthReopenRequests.AnyAsync(r => r.PlanId == planId && r.Month == month && r.Status == ReopenRequestStatus.Pending, cancellationToken))
        {
            return Result.Invalid([new ValidationError(string.Empty, Messages.AlreadyRequested)]);
        }

        var request = new MonthReopenRequest(plan.Id, month, reason!, user.UserId, user.DisplayName, clock.GetUtcNow());
        db.MonthReopenRequests.Add(request);
        audit.Record(AuditAction.MonthReopenRequested, AuditEntity, $"{plan.Id}-{month}", plan.OrganisationId, null, new { plan.Year, Month = month, request.Reason });
        await db.SaveChangesAsync(cancellationToken);
        if (events is not null)
        {
            await events.RaiseAsync(user, Notifications.NotificationKind.ReopeningRequested, Notifications.NotificationRules.ReopeningRequested(plan.OrganisationId),
                $"month-reopen-request:{request.Id}", Arguments(plan.Year, month, user, request.Reason), $"/Actuals?planId={planId}&month={month}", cancellationToken);
        }

        return Result.Ok();
    }

    /// <summary>The director declines a pending request, with a reason the requester then sees.</summary>
    public async Task<Result> DeclineAsync(long requestId, string? reason, CancellationToken cancellationToken = default)
    {
        var user = currentUser.Required;
        var request = await db.MonthReopenRequests.SingleOrDefaultAsync(r => r.Id == requestId, cancellationToken);
        var plan = request is null ? null : await PlanAsync(request.PlanId, cancellationToken);
        if (request is null || plan is null)
        {
            return Result.NotFound();
        }

        if (!AccessRules.CanReopenMonths(user, plan.OrganisationId))
        {
            return Result.Forbidden();
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return Result.Invalid([new ValidationError("Reason", Messages.ReasonRequired)]);
        }

        if (FieldLimits.Check(reason, FieldLimits.Reason, "Reason", TextKind.Lines).ToList() is { Count: > 0 } badText)
        {
            return Result.Invalid(badText);
        }

        if (request.Status != ReopenRequestStatus.Pending)
        {
            return Result.Invalid([new ValidationError(string.Empty, Messages.AlreadyDecided)]);
        }

        request.Decline(reason, user.DisplayName, clock.GetUtcNow());
        audit.Record(AuditAction.MonthReopenDeclined, AuditEntity, $"{plan.Id}-{request.Month}", plan.OrganisationId, null,
            new { plan.Year, request.Month, request.RequestedBy, Reason = request.DeclineReason });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result.Conflict();
        }

        return Result.Ok();
    }

    /// <summary>The director's to-do: the pending requests to reopen months of their centre's plans.</summary>
    public async Task<IReadOnlyList<ReopenRequestLine>> PendingForDirectorAsync(CancellationToken cancellationToken = default)
    {
        var user = currentUser.Required;
        if (!AccessRules.CanReopenMonths(user, user.OrganisationId))
        {
            return [];
        }

        return await db.MonthReopenRequests.AsNoTracking()
            .Where(r => r.Status == ReopenRequestStatus.Pending)
            .Join(db.Plans.Where(AccessRules.PlansVisibleTo(user)).Where(p => p.OrganisationId == user.OrganisationId), r => r.PlanId, p => p.Id, (r, p) => new { r, p.Year })
            .OrderBy(x => x.r.RequestedAt).Take(50)
            .Select(x => new ReopenRequestLine(x.r.Id, x.r.PlanId, x.r.Month, x.Year, x.r.Reason, x.r.RequestedBy, x.r.RequestedAt, x.r.Status, x.r.DecidedBy, x.r.DecidedAt, x.r.DeclineReason))
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// What reopening a month and asking for it both need: the plan within the user's reach (else NotFound), the user's
    /// right to the step (else Forbidden), a reason, and a month that its entry window locked (else why it cannot be reopened).
    /// </summary>
    private async Task<(PlanRow? Plan, Result? Refused)> WindowLockedMonthAsync(
        int planId, int month, string? reason, Func<CurrentUser, int, bool> may, CancellationToken cancellationToken)
    {
        var plan = await PlanAsync(planId, cancellationToken);
        if (plan is null || month is < 1 or > 12)
        {
            return (null, Result.NotFound());
        }

        if (!may(currentUser.Required, plan.OrganisationId))
        {
            return (null, Result.Forbidden());
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return (null, Result.Invalid([new ValidationError("Reason", Messages.ReasonRequired)]));
        }

        if (FieldLimits.Check(reason, FieldLimits.Reason, "Reason", TextKind.Lines).ToList() is { Count: > 0 } badText)
        {
            return (null, Result.Invalid(badText));
        }

        var state = await StateAsync(plan.Id, plan.Year, plan.InForce, month, cancellationToken);
        return state.Lock is { DirectorReopens: true }
            ? (plan, null)
            : (null, Result.Invalid([state.Lock is { } other ? MonthLocks.Refusal(other) : new ValidationError(string.Empty, Messages.NotLocked)]));
    }

    private async Task<MonthState> StateAsync(int planId, int year, bool inForce, int month, CancellationToken cancellationToken) =>
        (await MonthLocks.ForPlanAsync(db, planId, year, inForce, clock.GetUtcNow(), Settings.ClosingDay, cancellationToken))[month - 1];

    private async Task<PlanRow?> PlanAsync(int planId, CancellationToken cancellationToken) =>
        await db.Plans.AsNoTracking().Where(AccessRules.PlansVisibleTo(currentUser.Required)).Where(p => p.Id == planId)
            .Select(p => new PlanRow(p.Id, p.Year, p.OrganisationId, PlanRules.HasVersionInForce(p.Status, p.VersionNumber)))
            .SingleOrDefaultAsync(cancellationToken);

    private sealed record PlanRow(int Id, int Year, int OrganisationId, bool InForce);
}
