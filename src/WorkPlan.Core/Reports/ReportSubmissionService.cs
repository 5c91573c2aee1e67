using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using WorkPlan.Core.Access;
using WorkPlan.Core.Common;

namespace WorkPlan.Core.Reports;

/// <summary>Renders a quarterly report's official files in a document language (the Excel workbook and the printed PDF).</summary>
public interface IReportFileRenderer
{
    Task<byte[]> RenderAsync(QuarterlyReportDocument document, ReportFile file, string language, CancellationToken cancellationToken = default);
}

/// <summary>
/// A report file to download: the document it shows, the submission it belongs to (null for the live figures),
/// the language it is in, and its content (a submission's stored file, or rendered for this download).
/// </summary>
public sealed record ReportExport(QuarterlyReportDocument Document, int? Number, string Language, byte[] Content);

/// <summary>
/// A quarterly report's life with the region: the centre submits it (a stored snapshot, and its files made
/// once, in the document language), the region accepts or returns it; and its files for download, which
/// reading never writes.
/// </summary>
public sealed class ReportSubmissionService(
    IAppDbContext db,
    ICurrentUser currentUser,
    TimeProvider clock,
    QuarterlyReportService reports,
    DocumentLanguageService languages,
    ILogger<ReportSubmissionService> logger,
    IReportFileRenderer? files = null,
    Notifications.EventNotifications? events = null)
{
    /// <summary>The submission use cases outside a request (the demo's history of earlier quarters): no files are made.</summary>
    public static ReportSubmissionService WithoutFiles(IAppDbContext db, ICurrentUser currentUser, TimeProvider clock, IPeople people) =>
        new(db, currentUser, clock, new QuarterlyReportService(db, currentUser, clock, people), new DocumentLanguageService(db, currentUser), NullLogger<ReportSubmissionService>.Instance);

    /// <summary>
    /// Submits the report: its snapshot is stored and the quarter's months lock; then its files are made from
    /// the stored snapshot and kept. While expected values are missing, it is refused unless the sender
    /// confirmed sending it without them.
    /// </summary>
    public async Task<Result> SubmitAsync(int planId, int quarter, bool confirmMissing, CancellationToken cancellationToken = default)
    {
        var submitted = await SubmitAsync(planId, quarter, clock.GetUtcNow(), confirmMissing, cancellationToken);
        if (submitted.IsOk)
        {
            await KeepFilesAsync(planId, quarter, submitted.Value, cancellationToken);
        }

        return submitted.IsOk ? Result.Ok() : submitted;
    }

    /// <summary>Submits as of a given moment (the demo's history of earlier quarters, sent as they were), without files.</summary>
    public async Task<Result> SubmitAsync(int planId, int quarter, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var submitted = await SubmitAsync(planId, quarter, at, true, cancellationToken);
        return submitted.IsOk ? Result.Ok() : submitted;
    }

    public Task<Result> AcceptAsync(int planId, int quarter, uint version, CancellationToken cancellationToken = default) =>
        DecideAsync(planId, quarter, version, null, cancellationToken);

    /// <summary>Accepts as of a given moment, whatever the row version (the demo's history of earlier quarters).</summary>
    public async Task AcceptAsOfAsync(int planId, int quarter, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var submission = await WithLatestSnapshot().SingleAsync(r => r.PlanId == planId && r.Quarter == quarter, cancellationToken);
        submission.Accept(currentUser.Required.UserName, at);
        await db.SaveChangesAsync(cancellationToken);
    }

    public Task<Result> ReturnAsync(int planId, int quarter, uint version, string? reason, CancellationToken cancellationToken = default) =>
        DecideAsync(planId, quarter, version, reason ?? string.Empty, cancellationToken);

    /// <summary>
    /// The report as a file, read only: a numbered submission, or without a number the report as it stands with
    /// the region (the live figures while it is a draft or returned). In the centre's document language a
    /// submission's stored file is served; another language (only when chosen), a submission stored without its
    /// files, and the live figures are rendered for this download and never stored.
    /// </summary>
    public async Task<Result<ReportExport>> ExportAsync(int planId, int quarter, int? number, ReportFile file, string? language, CancellationToken cancellationToken = default)
    {
        if (!await db.Plans.Where(AccessRules.PlansVisibleTo(currentUser.Required)).AnyAsync(p => p.Id == planId, cancellationToken))
        {
            return Result<ReportExport>.NotFound();
        }

        var report = db.ReportSubmissions.Where(r => r.PlanId == planId && r.Quarter == quarter);
        var snapshots = db.ReportSnapshots.AsNoTracking().Where(s => report.Any(r => r.Id == s.ReportSubmissionId));
        var excel = file == ReportFile.Excel;
        var stored = await (number is { } n
                ? snapshots.Where(s => s.Number == n)
                : snapshots.Where(s => report.Any(r => r.SubmissionCount == s.Number && r.Status != ReportStatus.Returned)))
            .Select(s => new { s.Number, s.SchemaVersion, s.Document, File = excel ? s.ExcelFile : s.PdfFile })
            .SingleOrDefaultAsync(cancellationToken);
        QuarterlyReportDocument document;
        if (stored is not null)
        {
            document = SubmittedReportSnapshot.Read(stored.SchemaVersion, stored.Document);
        }
        else if (number is null && await reports.BuildAsync(planId, quarter, cancellationToken) is { IsOk: true } live)
        {
            document = live.Value;
        }
        else
        {
            return Result<ReportExport>.NotFound();
        }

        var official = await languages.OfPlanAsync(planId, cancellationToken);
        var chosen = DocumentLanguages.Choose(official, language);
        var content = (chosen == official ? stored?.File : null) ?? await Files.RenderAsync(document, file, chosen, cancellationToken);
        return Result<ReportExport>.Ok(new ReportExport(document, stored?.Number, chosen, content));
    }

    private IReportFileRenderer Files => files ?? throw new InvalidOperationException("No report file renderer is registered.");

    private async Task<Result<ReportSnapshot>> SubmitAsync(int planId, int quarter, DateTimeOffset at, bool confirmMissing, CancellationToken cancellationToken)
    {
        try
        {
            return await db.InTransactionAsync(ct => SubmitLockedAsync(planId, quarter, at, confirmMissing, ct), cancellationToken);
        }
        catch (DbUpdateException)
        {
            return Result<ReportSnapshot>.Conflict();
        }
    }

    /// <summary>
    /// The submission under the plan's lock, which the month saves take too: every save committed before is in
    /// the snapshot, and every save after it finds the quarter locked. So the snapshot equals the locked months.
    /// </summary>
    private async Task<Result<ReportSnapshot>> SubmitLockedAsync(int planId, int quarter, DateTimeOffset at, bool confirmMissing, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var user = currentUser.Required;
        if (!await db.Plans.Where(AccessRules.PlansVisibleTo(user)).AnyAsync(p => p.Id == planId, cancellationToken))
        {
            return Result<ReportSnapshot>.NotFound();
        }

        await db.LockPlanAsync(planId, cancellationToken);
        var page = await reports.GetAsync(planId, quarter, cancellationToken);
        if (!page.IsOk)
        {
            return Result<ReportSnapshot>.NotFound();
        }

        if (!page.Value.CanSubmit)
        {
            var organisation = await db.Plans.Where(p => p.Id == planId).Select(p => p.OrganisationId).SingleAsync(cancellationToken);
            if (!AccessRules.CanEditPlan(user, organisation))
            {
                return Result<ReportSnapshot>.Forbidden();
            }

            return page.Value.Status.IsSent()
                ? Result<ReportSnapshot>.Invalid([new ValidationError(string.Empty, QuarterlyReportService.Messages.AlreadySubmitted)])
                : Result<ReportSnapshot>.Invalid([new ValidationError(string.Empty, QuarterlyReportService.Messages.NotPossible)]);
        }

        if (page.Value.Missing.Count > 0 && !confirmMissing)
        {
            var count = page.Value.Missing.Select(m => (m.Number, m.Month)).Distinct().Count();
            return Result<ReportSnapshot>.Invalid([new ValidationError(string.Empty, QuarterlyReportService.Messages.MissingValues, count)]);
        }

        var live = (await reports.BuildAsync(planId, quarter, cancellationToken)).Value;
        var submission = await db.ReportSubmissions.SingleOrDefaultAsync(r => r.PlanId == planId && r.Quarter == quarter, cancellationToken);
        if (submission is null)
        {
            submission = new ReportSubmission(planId, quarter, ReportTimeliness.DueDate(live.Year, quarter));
            db.ReportSubmissions.Add(submission);
        }

        var snapshot = submission.Submit(live, user.DisplayName, at);
        await db.SaveChangesAsync(cancellationToken);
        await NotifyAsync(user, planId, quarter, Notifications.NotificationKind.ReportSubmitted, $"report:{submission.Id}:{snapshot.Number}:submitted", null, cancellationToken);
        return Result<ReportSnapshot>.Ok(snapshot);
    }

    /// <summary>
    /// Makes the new submission's files from its stored snapshot, in the centre's document language, and keeps
    /// them. The submission stands whatever happens here: a render that fails is logged, and the submission's
    /// files are then rendered on each download instead.
    /// </summary>
    private async Task KeepFilesAsync(int planId, int quarter, ReportSnapshot snapshot, CancellationToken cancellationToken)
    {
        if (files is null)
        {
            return;
        }

        try
        {
            var document = snapshot.Read();
            var language = await languages.OfPlanAsync(planId, cancellationToken);
            var excel = await files.RenderAsync(document, ReportFile.Excel, language, cancellationToken);
            var pdf = await files.RenderAsync(document, ReportFile.Pdf, language, cancellationToken);
            var id = snapshot.Id;
            await db.ReportSnapshots.Where(s => s.Id == id && s.ExcelFile == null && s.PdfFile == null)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.ExcelFile, excel).SetProperty(s => s.PdfFile, pdf), cancellationToken);
        }
#pragma warning disable CA1031 // The submission is committed: no failure of its files may undo or hide it.
        catch (Exception exception) when (exception is not OperationCanceledException)
#pragma warning restore CA1031
        {
            logger.LogError(exception, "The files of plan {PlanId}'s Q{Quarter} report, submission {Number}, were not made; they are rendered on each download", planId, quarter, snapshot.Number);
        }
    }

    private Task<Result> DecideAsync(int planId, int quarter, uint version, string? reason, CancellationToken cancellationToken) =>
        db.InTransactionAsync(ct => DecideInTransactionAsync(planId, quarter, version, reason, ct), cancellationToken);

    /// <summary>Tells the people whose work the report's step is, in the step's transaction.</summary>
    private async Task NotifyAsync(CurrentUser user, int planId, int quarter, Notifications.NotificationKind kind, string key, string? reason, CancellationToken cancellationToken)
    {
        if (events is null)
        {
            return;
        }

        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == planId)
            .Select(p => new { p.OrganisationId, p.Organisation!.ParentId, p.Organisation.ShortName, p.Year }).SingleAsync(cancellationToken);
        var audiences = kind == Notifications.NotificationKind.ReportSubmitted
            ? Notifications.NotificationRules.ReportSubmitted(plan.ParentId)
            : Notifications.NotificationRules.ReportDecided(plan.OrganisationId);
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        await events.RaiseAsync(user, kind, audiences, key,
            [plan.ShortName, plan.Year.ToString(invariant), quarter.ToString(invariant), user.DisplayName, reason ?? string.Empty],
            $"/Reports/Quarter?planId={planId}&quarter={quarter}", cancellationToken);
    }

    private async Task<Result> DecideInTransactionAsync(int planId, int quarter, uint version, string? reason, CancellationToken cancellationToken)
    {
        if (FieldLimits.Check(reason, FieldLimits.Reason, "Reason", TextKind.Lines).ToList() is { Count: > 0 } badText)
        {
            return Result.Invalid(badText);
        }

        var user = currentUser.Required;
        var plan = await db.Plans.AsNoTracking().Where(AccessRules.PlansVisibleTo(user)).Where(p => p.Id == planId)
            .Select(p => new { p.Organisation!.ParentId }).SingleOrDefaultAsync(cancellationToken);
        if (plan is null)
        {
            return Result.NotFound();
        }

        if (!AccessRules.CanActAsCentreAbove(user, plan.ParentId))
        {
            return Result.Forbidden();
        }

        var submission = await WithLatestSnapshot().SingleOrDefaultAsync(r => r.PlanId == planId && r.Quarter == quarter, cancellationToken);
        var decided = await ReportDecision.DecideAsync(db, submission, version, reason, user.UserName, clock.GetUtcNow(), cancellationToken);
        if (decided.IsOk)
        {
            var number = submission!.Snapshots.FirstOrDefault()?.Number ?? 0;
            var kind = reason is null ? Notifications.NotificationKind.ReportAccepted : Notifications.NotificationKind.ReportReturned;
            await NotifyAsync(user, planId, quarter, kind, $"report:{submission.Id}:{number}:{kind}", reason, cancellationToken);
        }

        return decided;
    }

    /// <summary>Reports with their latest snapshot loaded, to decide on it.</summary>
    private IQueryable<ReportSubmission> WithLatestSnapshot() =>
        db.ReportSubmissions.Include(r => r.Snapshots.OrderByDescending(s => s.Number).Take(1));
}
