using Microsoft.EntityFrameworkCore;
using WorkPlan.Core.Calendar;
using WorkPlan.Core.Common;
using WorkPlan.Core.Reports;

namespace WorkPlan.Core.Actuals;

/// <summary>Why a month of a plan does not accept actuals.</summary>
public enum MonthLockReason
{
    /// <summary>The plan is not in force yet (no approved version).</summary>
    PlanNotInForce,

    /// <summary>The month has not begun.</summary>
    NotStarted,

    /// <summary>The entry window closed (the closing day of the next month passed, or a reopening ended).</summary>
    WindowClosed,

    /// <summary>The quarter's report is with the regional centre: its snapshot must stay consistent with the months.</summary>
    ReportSubmitted,

    /// <summary>The quarter's report was accepted by the regional centre.</summary>
    ReportAccepted,
}

/// <summary>
/// Why a month is locked, since when, by whom (the report's sender) and who can open it again: the
/// centre's director (a closed window) or the regional centre, by returning the report.
/// </summary>
public sealed record MonthLock(MonthLockReason Reason, DateOnly? Since, string? By, bool DirectorReopens, bool RegionReturns);

/// <summary>A reopening of a month by the director: when, by whom, why, until when.</summary>
public sealed record MonthReopeningLine(DateTimeOffset At, string UserName, string Reason, DateTimeOffset Until);

/// <summary>A month's state: open or locked (and why); the reopening that keeps it open, if any.</summary>
public sealed record MonthState(int Month, bool IsOpen, MonthLock? Lock, MonthReopeningLine? Reopening);

/// <summary>
/// The one home of "is this month open, and if not, why": the entry window (open until the closing
/// day of the next month, or while the director's reopening lasts) and the quarter's report (a
/// submitted or accepted report locks its months, so that its snapshot and the months agree).
/// </summary>
public static class MonthLocks
{
    public static class Messages
    {
        public const string NotStarted = "MonthLock.NotStarted";
        public const string WindowClosed = "MonthLock.WindowClosed";
        public const string ReportSubmitted = "MonthLock.ReportSubmitted";
        public const string ReportAccepted = "MonthLock.ReportAccepted";
    }

    /// <summary>The quarter's report as far as locking goes.</summary>
    public sealed record QuarterReport(ReportStatus Status, DateTimeOffset? SubmittedAt, string? SubmittedBy);

    /// <summary>A month's state from the plan's year, the clock, its report and its latest reopening.</summary>
    public static MonthState Explain(int year, int month, DateTimeOffset now, int closingDay, bool inForce, QuarterReport? report, MonthReopeningLine? latestReopening)
    {
        if (!inForce)
        {
            return new(month, false, new MonthLock(MonthLockReason.PlanNotInForce, null, null, false, false), null);
        }

        if (!EntryWindow.HasStarted(year, month, now))
        {
            return new(month, false, new MonthLock(MonthLockReason.NotStarted, new DateOnly(year, month, 1), null, false, false), null);
        }

        if (report is not null && report.Status.LocksMonths())
        {
            var since = report.SubmittedAt is { } at ? LocalClock.DateOf(at) : (DateOnly?)null;
            return report.Status == ReportStatus.Submitted
                ? new(month, false, new MonthLock(MonthLockReason.ReportSubmitted, since, report.SubmittedBy, false, true), null)
                : new(month, false, new MonthLock(MonthLockReason.ReportAccepted, since, report.SubmittedBy, false, false), null);
        }

        var closes = EntryWindow.Closes(year, month, closingDay);
        if (LocalClock.DateOf(now) <= closes)
        {
            return new(month, true, null, null);
        }

        if (latestReopening is { } reopening && now <= reopening.Until)
        {
            return new(month, true, null, reopening);
        }

        var closedOn = closes.AddDays(1);
        if (latestReopening is { } ended && LocalClock.DateOf(ended.Until) >= closedOn)
        {
            closedOn = LocalClock.DateOf(ended.Until);
        }

        return new(month, false, new MonthLock(MonthLockReason.WindowClosed, closedOn, null, true, false), latestReopening);
    }

    /// <summary>The refusal of a save into a locked month: the reason, since when, by whom and who can reopen, in one message.</summary>
    public static ValidationError Refusal(MonthLock monthLock)
    {
        ArgumentNullException.ThrowIfNull(monthLock);
        return monthLock.Reason switch
        {
            MonthLockReason.PlanNotInForce => new ValidationError(string.Empty, ActualsService.Messages.NotInForce),
            MonthLockReason.NotStarted => new ValidationError(string.Empty, Messages.NotStarted, monthLock.Since!.Value),
            MonthLockReason.WindowClosed => new ValidationError(string.Empty, Messages.WindowClosed, monthLock.Since!.Value),
            MonthLockReason.ReportSubmitted => new ValidationError(string.Empty, Messages.ReportSubmitted, (object?)monthLock.Since ?? string.Empty, monthLock.By ?? string.Empty),
            _ => new ValidationError(string.Empty, Messages.ReportAccepted, (object?)monthLock.Since ?? string.Empty, monthLock.By ?? string.Empty),
        };
    }

    /// <summary>Every month of a plan's year (index 0 = January), from two small queries.</summary>
    public static async Task<IReadOnlyList<MonthState>> ForPlanAsync(
        IAppDbContext db, int planId, int year, bool inForce, DateTimeOffset now, int closingDay, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var reopenings = (await db.MonthReopenings.AsNoTracking().Where(r => r.PlanId == planId)
                .Select(r => new { r.Month, Line = new MonthReopeningLine(r.At, r.UserName, r.Reason, r.Until) }).ToListAsync(cancellationToken))
            .GroupBy(r => r.Month).ToDictionary(g => g.Key, g => g.Select(r => r.Line).MaxBy(r => r.Until)!);
        var reports = (await db.ReportSubmissions.AsNoTracking().Where(r => r.PlanId == planId)
                .Select(r => new { r.Quarter, r.Status, r.SubmittedAt, r.SubmittedBy }).ToListAsync(cancellationToken))
            .GroupBy(r => r.Quarter)
            .ToDictionary(g => g.Key, g => g.Select(r => new QuarterReport(r.Status, r.SubmittedAt, r.SubmittedBy)).OrderByDescending(r => r.SubmittedAt).First());
        return
        [
            .. Enumerable.Range(1, 12).Select(m => Explain(
                year, m, now, closingDay, inForce, reports.GetValueOrDefault(Quarters.Of(m)), reopenings.GetValueOrDefault(m))),
        ];
    }
}
