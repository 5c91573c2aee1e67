using Microsoft.EntityFrameworkCore;
using WorkPlan.Core.Access;
using WorkPlan.Core.Actuals;
using WorkPlan.Core.Calendar;
using WorkPlan.Core.Common;
using WorkPlan.Core.Plans;

namespace WorkPlan.Core.Reports;

/// <summary>The report page: the document (the stored snapshot once submitted), its status and what the user may do.</summary>
public sealed record QuarterlyReportPage(
    QuarterlyReportDocument Document,
    ReportStatus Status,
    DateOnly DueDate,
    DateTimeOffset? SubmittedAt,
    string? SubmittedBy,
    string? ReturnReason,
    bool IsLate,
    bool CanSubmit,
    bool CanDecide,
    uint Version,
    Timeliness Timeliness,
    IReadOnlyList<MissingValue> Missing,
    IReadOnlyList<ReportSubmissionLine> History,
    ReportComparison? Changes);

/// <summary>One submission of the report in its history: number, who sent it and when, and the region's decision.</summary>
public sealed record ReportSubmissionLine(
    int Number, DateTimeOffset SubmittedAt, string SubmittedBy, ReportStatus Outcome, DateTimeOffset? DecidedAt, string? DecidedBy, string? ReturnReason);

/// <summary>An expected value of the quarter not entered yet: its service ("" when the row has none), row and month.</summary>
public sealed record MissingValue(string Service, string Number, string Name, int Month);

/// <summary>A line of the regional centre's inbox; Submissions counts how many times the report was sent (2 and more after a return).</summary>
public sealed record InboxLine(int PlanId, string OrganisationName, int Year, int Quarter, ReportStatus Status, DateOnly DueDate, DateTimeOffset? SubmittedAt, bool IsLate, int Submissions)
{
    /// <summary>Set on a region's consolidated report to the National Library (<see cref="Regional.RegionalReportInbox"/>): the region it is of; <see cref="PlanId"/> is then 0.</summary>
    public int? RegionId { get; init; }

    /// <summary>How much the line waits for the region: 0 a report to accept or return, 1 a district behind its deadline (not sent, or returned and not sent again), 2 nothing to do.</summary>
    public int Urgency => Status == ReportStatus.Submitted ? 0 : IsLate && Status is ReportStatus.Draft or ReportStatus.Returned ? 1 : 2;
}

/// <summary>
/// Quarterly reports: built from the monthly actuals by each indicator's roll-up kind, the report page (the
/// stored snapshot once submitted) and the region's inbox. Submitting, accepting and returning, and the
/// files, are <see cref="ReportSubmissionService"/>'s.
/// </summary>
public sealed class QuarterlyReportService(IAppDbContext db, ICurrentUser currentUser, TimeProvider clock, IPeople people)
{
    public static class Messages
    {
        public const string NotPossible = "Reports.NotPossible";
        public const string NotYet = "Reports.NotYet";
        public const string MissingValues = "Reports.MissingValuesConfirm";
        public const string AlreadySubmitted = "Reports.AlreadySubmitted";
    }

    /// <summary>The live report: the plan's rows with the quarter's actuals (two queries whatever the plan's size).</summary>
    public async Task<Result<QuarterlyReportDocument>> BuildAsync(int planId, int quarter, CancellationToken cancellationToken = default)
    {
        if (quarter is < 1 or > 4)
        {
            return Result<QuarterlyReportDocument>.NotFound();
        }

        var user = currentUser.Required;
        var plan = await db.Plans.AsNoTracking().Where(AccessRules.PlansVisibleTo(user)).Where(p => p.Id == planId)
            .Select(p => new { p.Id, p.Year, p.Title, p.OrganisationId, OrganisationName = p.Organisation!.Name, p.Organisation.DirectorTitle, p.Organisation.DirectorName })
            .SingleOrDefaultAsync(cancellationToken);
        if (plan is null)
        {
            return Result<QuarterlyReportDocument>.NotFound();
        }

        // The version in force: what an open amendment's draft changes is not reported until it comes into force.
        var sections = await db.Sections.AsNoTracking().InForce().Where(s => s.PlanId == planId).OrderBy(s => s.InForceSortOrder)
            .Select(s => new { s.Id, Label = s.InForceLabel, Title = s.InForceTitle }).ToListAsync(cancellationToken);
        var indicators = await db.Indicators.AsNoTracking().InForce().Where(i => i.PlanId == planId).OrderBy(i => i.InForceSortOrder)
            .Select(i => new
            {
                i.Id, SectionId = i.InForceSectionId, Number = i.InForceNumber, Name = i.InForceName, Unit = i.InForceUnit, Measure = i.InForceMeasure,
                Target = i.InForceTarget, Rollup = i.InForceRollup, ParentId = i.InForceParentId, ChildrenPartition = i.InForceChildrenPartition,
            }).ToListAsync(cancellationToken);
        var actuals = (await db.MonthlyActuals.AsNoTracking().WithWithdrawn().Where(a => a.Indicator!.PlanId == planId && a.Month <= Quarters.LastMonth(quarter))
            .Select(a => new { a.IndicatorId, a.Month, a.Value, a.Note }).ToListAsync(cancellationToken)).ToLookup(a => a.IndicatorId);
        var months = Quarters.Months(quarter).ToList();
        var family = indicators.Select(i => new OfWhichRow(i.Id, i.ParentId, i.Number, i.Rollup, i.ChildrenPartition)).ToList();
        var figures = actuals.SelectMany(a => a).Where(a => a.Value is not null).Select(a => new MonthFigure(a.IndicatorId, a.Month, a.Value!.Value)).ToList();
        var marks = OfWhichCheck.Marks(family, OfWhichCheck.Check(family, figures, [new CheckedPeriod("Quarter", months[0], months[^1]), new CheckedPeriod("YearToDate", 1, Quarters.LastMonth(quarter))]));

        // The prepared-by line names the centre's inspector whoever looks: the inspector at hand, or the centre's.
        var inspector = user.IsInRole(Roles.Inspector) && user.OrganisationId == plan.OrganisationId
            ? user.DisplayName
            : await people.InspectorOfAsync(plan.OrganisationId, cancellationToken);

        var rows = indicators.Select(i =>
        {
            var values = actuals[i.Id].ToList();
            var figures = values.Where(v => v.Value is not null).Select(v => (v.Month, Value: v.Value!.Value)).ToList(); // a note alone has no figure
            var quarterValue = Rollup.Combine(i.Rollup, figures.Where(v => months.Contains(v.Month)));
            var ytd = Rollup.Combine(i.Rollup, figures);
            var percent = Execution.Percent(ytd, i.Target);
            var notes = string.Join("; ", values.Where(v => months.Contains(v.Month) && !string.IsNullOrWhiteSpace(v.Note)).OrderBy(v => v.Month).Select(v => v.Note));
            return (i.SectionId, Row: new QuarterlyReportRow(i.Id, i.Number, i.Name, i.Unit, i.Measure, i.Target, quarterValue, ytd, percent, notes.Length == 0 ? null : notes, i.ParentId is not null)
            {
                OfWhichMark = marks.GetValueOrDefault(i.Id),
            });
        }).ToList();

        return Result<QuarterlyReportDocument>.Ok(new QuarterlyReportDocument(
            plan.Id, plan.Year, quarter, plan.OrganisationName, plan.Title, plan.DirectorTitle, plan.DirectorName,
            inspector,
            [.. sections.Select(s => new QuarterlyReportSection(s.Label, s.Title, [.. rows.Where(r => r.SectionId == s.Id).Select(r => r.Row)]))]));
    }

    public async Task<Result<QuarterlyReportPage>> GetAsync(int planId, int quarter, CancellationToken cancellationToken = default)
    {
        var live = await BuildAsync(planId, quarter, cancellationToken);
        if (!live.IsOk)
        {
            return Result<QuarterlyReportPage>.NotFound();
        }

        var user = currentUser.Required;
        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == planId)
            .Select(p => new { p.Year, p.OrganisationId, p.Organisation!.ParentId, p.Status, p.VersionNumber }).SingleAsync(cancellationToken);
        var submission = await db.ReportSubmissions.AsNoTracking().SingleOrDefaultAsync(r => r.PlanId == planId && r.Quarter == quarter, cancellationToken);
        var snapshots = submission is null
            ? []
            : await db.ReportSnapshots.AsNoTracking().Where(s => s.ReportSubmissionId == submission.Id).OrderBy(s => s.Number)
                .Select(s => new { s.Number, s.SchemaVersion, s.Document, s.SubmittedAt, s.SubmittedBy, s.Outcome, s.DecidedAt, s.DecidedBy, s.ReturnReason })
                .ToListAsync(cancellationToken);
        var standing = QuarterStanding.Of(plan.Year, quarter, submission, LocalClock.Today(clock));
        var status = standing.Status;
        var document = snapshots.Count > 0 && status != ReportStatus.Returned
            ? SubmittedReportSnapshot.Read(snapshots[^1].SchemaVersion, snapshots[^1].Document)
            : live.Value;
        var names = await people.NamesAsync([.. snapshots.Select(s => s.SubmittedBy), .. snapshots.Select(s => s.DecidedBy ?? string.Empty)], cancellationToken);
        var history = snapshots
            .Select(s => new ReportSubmissionLine(
                s.Number, s.SubmittedAt, names.GetValueOrDefault(s.SubmittedBy, s.SubmittedBy), s.Outcome, s.DecidedAt, s.DecidedBy is { } d ? names.GetValueOrDefault(d, d) : null, s.ReturnReason))
            .ToList();

        // What changed between the last returned submission and the one sent after it.
        var returned = snapshots.FindLastIndex(s => s.Outcome == ReportStatus.Returned);
        var changes = returned >= 0 && returned + 1 < snapshots.Count
            ? ReportComparison.Between(
                snapshots[returned].Number,
                SubmittedReportSnapshot.Read(snapshots[returned].SchemaVersion, snapshots[returned].Document),
                snapshots[returned + 1].Number,
                SubmittedReportSnapshot.Read(snapshots[returned + 1].SchemaVersion, snapshots[returned + 1].Document))
            : null;
        var started = Quarters.HasReachedLastMonth(plan.Year, quarter, LocalClock.Today(clock));
        var inForce = PlanRules.HasVersionInForce(plan.Status, plan.VersionNumber);
        var canSubmit = AccessRules.CanEditPlan(user, plan.OrganisationId) && inForce && started && (submission?.CanBeSubmitted ?? true);
        return Result<QuarterlyReportPage>.Ok(new QuarterlyReportPage(
            document,
            status,
            standing.DueDate,
            submission?.SubmittedAt,
            submission?.SubmittedBy,
            standing.ReturnReason,
            standing.IsLate,
            canSubmit,
            AccessRules.CanActAsCentreAbove(user, plan.ParentId) && status == ReportStatus.Submitted,
            submission?.Version ?? 0,
            standing.Timeliness,
            canSubmit ? await MissingAsync(planId, quarter, cancellationToken) : [],
            history,
            changes));
    }

    /// <summary>
    /// The year of reports: the plan asked for (or the user's default plan), its centre and where each quarter's
    /// report stands, from two queries; no value when the user has no plan to report on.
    /// </summary>
    public async Task<Result<ReportYear?>> YearAsync(int? planId, CancellationToken cancellationToken = default)
    {
        var user = currentUser.Required;
        if ((planId ?? await DefaultPlan.ForAsync(db, user, clock, cancellationToken)) is not { } id)
        {
            return Result<ReportYear?>.Ok(null);
        }

        var plan = await db.Plans.AsNoTracking().Where(AccessRules.PlansVisibleTo(user)).Where(p => p.Id == id)
            .Select(p => new { p.Id, p.Year, OrganisationName = p.Organisation!.Name }).SingleOrDefaultAsync(cancellationToken);
        if (plan is null)
        {
            return Result<ReportYear?>.NotFound();
        }

        var submissions = await db.ReportSubmissions.AsNoTracking().Where(r => r.PlanId == id).ToListAsync(cancellationToken);
        return Result<ReportYear?>.Ok(new ReportYear(plan.Id, plan.OrganisationName, plan.Year, ReportYear.QuartersOf(plan.Year, submissions, LocalClock.Today(clock))));
    }

    /// <summary>
    /// The inbox of the centre above: every submitted, accepted or returned report of the centres directly below the
    /// user's (a region's districts, the National Library's regional centres), and the ones due but missing; for the
    /// National Library, the regions' consolidated reports too. The most urgent first.
    /// </summary>
    public async Task<IReadOnlyList<InboxLine>> InboxAsync(CancellationToken cancellationToken = default)
    {
        var user = currentUser.Required;
        var plans = await db.Plans.AsNoTracking().Where(AccessRules.PlansVisibleTo(user))
            .Where(p => p.Organisation!.ParentId == user.OrganisationId).Where(PlanRules.PlansWithVersionInForce)
            .Select(p => new { p.Id, p.Year, OrganisationName = p.Organisation!.Name })
            .ToListAsync(cancellationToken);
        var ids = plans.Select(p => p.Id).ToList();
        var submissions = await db.ReportSubmissions.AsNoTracking().Where(r => ids.Contains(r.PlanId))
            .Select(r => new { r.PlanId, r.Quarter, r.Status, r.DueDate, r.SubmittedAt, r.SubmissionCount }).ToListAsync(cancellationToken);
        var today = LocalClock.Today(clock);
        var regional = await Regional.RegionalReportInbox.LinesAsync(db, user, today, cancellationToken);
        return
        [
            .. plans.SelectMany(p => Enumerable.Range(1, 4)
                .Where(q => Quarters.HasReachedLastMonth(p.Year, q, today))
                .Select(q =>
                {
                    var s = submissions.FirstOrDefault(x => x.PlanId == p.Id && x.Quarter == q);
                    var due = s?.DueDate ?? ReportTimeliness.DueDate(p.Year, q);
                    return new InboxLine(p.Id, p.OrganisationName, p.Year, q, s?.Status ?? ReportStatus.Draft, due, s?.SubmittedAt, ReportTimeliness.IsLate(due, s?.SubmittedAt, today), s?.SubmissionCount ?? 0);
                }))
                .Concat(regional)
                .OrderBy(l => l.Urgency).ThenByDescending(l => l.Year).ThenByDescending(l => l.Quarter).ThenBy(l => l.OrganisationName),
        ];
    }

    /// <summary>
    /// The quarter's expected values (by the one "expects an actual" rule) that have no value, by
    /// service and row; a row of several services is listed under each of them.
    /// </summary>
    private async Task<IReadOnlyList<MissingValue>> MissingAsync(int planId, int quarter, CancellationToken cancellationToken)
    {
        var indicators = await db.Indicators.AsNoTracking().InForce().Where(i => i.PlanId == planId).OrderBy(i => i.InForceSortOrder)
            .Select(i => new { i.Id, Number = i.InForceNumber, Name = i.InForceName, Target = i.InForceTarget, Schedule = i.InForceSchedule, Rollup = i.InForceRollup, Services = i.InForceServices.OrderBy(r => r.Service!.SortOrder).Select(r => r.Service!.Name).ToList() })
            .ToListAsync(cancellationToken);
        var entered = (await db.MonthlyActuals.AsNoTracking().WithWithdrawn().Where(a => a.Indicator!.PlanId == planId && a.Month <= Quarters.LastMonth(quarter) && a.Value != null)
            .Select(a => new { a.IndicatorId, a.Month }).ToListAsync(cancellationToken)).Select(a => (a.IndicatorId, a.Month)).ToHashSet();
        return
        [
            .. from i in indicators
               from m in Quarters.Months(quarter)
               where PlanRules.ExpectsActual(i.Target, i.Schedule, i.Rollup, m)
                   && !Enumerable.Range(1, m).Any(k => entered.Contains((i.Id, k)) && PlanRules.Answers(i.Target, i.Rollup, m, k))
               from service in i.Services.DefaultIfEmpty(string.Empty)
               select new MissingValue(service, i.Number, i.Name, m),
        ];
    }
}
