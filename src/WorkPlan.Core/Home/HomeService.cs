using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WorkPlan.Core.Access;
using WorkPlan.Core.Actuals;
using WorkPlan.Core.Calendar;
using WorkPlan.Core.Common;
using WorkPlan.Core.Plans;
using WorkPlan.Core.Reports;

namespace WorkPlan.Core.Home;

/// <summary>
/// What waits for a district's director or inspector: what they must act on (<see cref="Waiting"/>), the plan, this
/// month's entries and who has not entered them yet, the quarters' reports, and the requests to reopen a month (the director's).
/// </summary>
public sealed record DistrictHome(
    int PlanId, string PlanTitle, PlanStatus PlanStatus, int Month, int Entered, int Due, int BehindPlan,
    IReadOnlyList<(int Quarter, ReportStatus Status, bool Late, Timeliness Timeliness)> Reports,
    IReadOnlyList<WaitingItem> Waiting,
    IReadOnlyList<NotEntered> NotEntered,
    IReadOnlyList<ReopenRequestLine> ReopenRequests);

/// <summary>Kinds of work that wait for a district's director or inspector on the home page.</summary>
public enum WaitingKind
{
    /// <summary>The plan was sent and waits for the director's TASDIQLAYMAN.</summary>
    PlanToApprove,

    /// <summary>The plan came back (from the region or the director) with a reason: fix and send again.</summary>
    PlanReturned,

    /// <summary>A quarter's report came back from the region with a reason: correct and submit again.</summary>
    ReportReturned,
}

/// <summary>One thing that waits: its kind, the quarter (for a report) and the reason given, if any.</summary>
public sealed record WaitingItem(WaitingKind Kind, int? Quarter, string? Reason);

/// <summary>A service that has not entered all of this month's due values yet: its name, its heads by name, how many are missing.</summary>
public sealed record NotEntered(int? ServiceId, string Service, IReadOnlyList<Person> Heads, int Missing, int Due);

/// <summary>
/// What waits for the centre above (a regional centre, or the National Library): plans to agree, reports to accept,
/// centres below that are late; for the regional director, what waits on their own centre's plan; for the National Library
/// (<see cref="Country"/>), the way to the country's pages (the regions' reports and completeness, the national dashboard).
/// </summary>
public sealed record RegionHome(
    IReadOnlyList<(int PlanId, string Organisation, int Year, PlanStatus Status)> PlansToAgree, IReadOnlyList<InboxLine> ReportsToAccept, IReadOnlyList<InboxLine> Late,
    DistrictHome? OwnCentre = null, bool Country = false);

/// <summary>The start page's answer to "what do I have to do now?", role by role: one query per page, a fixed number of SQL commands.</summary>
public sealed class HomeService(
    IAppDbContext db, ICurrentUser currentUser, TimeProvider clock, IOptions<ActualsOptions> options,
    ActualsService actuals, MonthLockService locks, QuarterlyReportService reports, IPeople people)
{
    public async Task<DistrictHome?> DistrictAsync(CancellationToken cancellationToken = default)
    {
        var user = currentUser.Required;
        if (await DefaultPlan.ForAsync(db, user, clock, cancellationToken) is not { } planId
            || await EntryPlan.FindAsync(db, user, planId, cancellationToken) is not { } plan)
        {
            return null;
        }

        var returnReason = await db.Plans.AsNoTracking().Where(p => p.Id == planId).Select(p => p.ReturnReason).SingleAsync(cancellationToken);
        var waiting = new List<WaitingItem>();
        if (plan.Status is PlanStatus.Submitted or PlanStatus.Agreed && AccessRules.CanApprovePlan(user, plan.OrganisationId))
        {
            waiting.Add(new WaitingItem(WaitingKind.PlanToApprove, null, null));
        }

        if (plan.Status == PlanStatus.Draft && !string.IsNullOrWhiteSpace(returnReason))
        {
            waiting.Add(new WaitingItem(WaitingKind.PlanReturned, null, returnReason));
        }

        var submissions = await db.ReportSubmissions.AsNoTracking().Where(r => r.PlanId == plan.Id).ToListAsync(cancellationToken);
        var quarters = ReportYear.QuartersOf(plan.Year, submissions, LocalClock.Today(clock));
        waiting.AddRange(quarters.Where(q => q.Status == ReportStatus.Returned).Select(q => new WaitingItem(WaitingKind.ReportReturned, q.Quarter, q.ReturnReason)));

        var states = await MonthLocks.ForPlanAsync(db, plan.Id, plan.Year, plan.InForce, clock.GetUtcNow(), options.Value.ClosingDay, cancellationToken);
        var sheet = await actuals.SheetAsync(plan, null, null, states, cancellationToken);
        var rows = sheet.Rows;
        return new DistrictHome(
            planId, plan.Title, plan.Status, sheet.Month,
            rows.Count(r => r.Due && r.IsAnswered(sheet.Month)), rows.Count(r => r.Due), rows.Count(r => r.BehindPlan),
            [.. quarters.Select(q => (q.Quarter, q.Status, q.IsLateToSend, q.Timeliness))],
            waiting, await NotEnteredAsync(plan, sheet.Month, cancellationToken), await locks.PendingForDirectorAsync(cancellationToken));
    }

    /// <summary>The services still missing due values of the month, with their heads by name, most missing first.</summary>
    private async Task<IReadOnlyList<NotEntered>> NotEnteredAsync(EntryPlan plan, int month, CancellationToken cancellationToken)
    {
        var missing = (await actuals.CompletenessAsync(plan, cancellationToken))
            .Where(c => c.Month == month && c.Entered < c.Due)
            .ToList();
        var heads = await people.ServiceHeadsAsync(missing.Select(c => c.ServiceId).OfType<int>(), cancellationToken);
        return
        [
            .. missing
                .OrderByDescending(c => c.Due - c.Entered).ThenBy(c => c.ServiceName, StringComparer.CurrentCulture)
                .Select(c => new NotEntered(c.ServiceId, c.ServiceName, c.ServiceId is { } id && heads.TryGetValue(id, out var h) ? h : [], c.Due - c.Entered, c.Due)),
        ];
    }

    public async Task<RegionHome> RegionAsync(CancellationToken cancellationToken = default)
    {
        var user = currentUser.Required;
        var plans = await db.Plans.AsNoTracking().Where(AccessRules.PlansVisibleTo(user))
            .Where(p => p.Organisation!.ParentId == user.OrganisationId && (p.Status == PlanStatus.Submitted || p.Status == PlanStatus.Approved))
            .OrderBy(p => p.Organisation!.Name)
            .Select(p => new { p.Id, p.Organisation!.Name, p.Year, p.Status })
            .ToListAsync(cancellationToken);
        var inbox = await reports.InboxAsync(cancellationToken);
        return new RegionHome(
            [.. plans.Select(p => (p.Id, p.Name, p.Year, p.Status))],
            [.. inbox.Where(l => l.Status == ReportStatus.Submitted)],
            [.. inbox.Where(l => l.IsLate && l.Status is ReportStatus.Draft or ReportStatus.Returned)],
            Menu.For(user).OwnCentre ? await DistrictAsync(cancellationToken) : null,
            AccessRules.ReadsCountry(user));
    }
}
