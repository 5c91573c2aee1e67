using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using WorkPlan.Core.Access;
using WorkPlan.Core.Calendar;
using WorkPlan.Core.Common;
using WorkPlan.Core.Plans;
using WorkPlan.Core.Reports;

namespace WorkPlan.Core.Regional;

/// <summary>
/// A region's consolidated quarterly report's life with the National Library: the region sends its consolidation as
/// a stored snapshot with its files made once (in the region's document language), the National Library accepts or
/// returns it with a reason; and the stored files for download, which reading never writes.
/// </summary>
public sealed class RegionalReportService(
    IAppDbContext db,
    ICurrentUser currentUser,
    TimeProvider clock,
    ConsolidationService consolidation,
    DocumentLanguageService languages,
    IPeople people,
    ILogger<RegionalReportService> logger,
    IConsolidationFileRenderer? files = null)
{
    public static class Messages
    {
        public const string NotYet = "RegionalReports.NotYet";
        public const string MissingReports = "RegionalReports.MissingReportsConfirm";
        public const string AlreadySubmitted = "RegionalReports.AlreadySubmitted";
    }

    /// <summary>Where the quarter's report stands, beside the consolidation already built for the page (no figures read again).</summary>
    public async Task<RegionalReportStanding> StandingAsync(ConsolidationDocument live, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(live);
        var parentId = await db.Organisations.AsNoTracking().Where(o => o.Id == live.RegionId).Select(o => o.ParentId).SingleAsync(cancellationToken);
        var submission = await Submissions(live.RegionId, live.Year, live.Quarter).AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        return await StandingOfAsync(live, parentId, submission, cancellationToken);
    }

    /// <summary>The page of the quarter's report: the latest submission as it was sent (or the live consolidation before any) and every submission.</summary>
    public async Task<Result<RegionalReportPage>> GetAsync(int? regionId, int year, int quarter, CancellationToken cancellationToken = default)
    {
        var live = await consolidation.BuildAsync(regionId, year, quarter, false, cancellationToken);
        if (!live.IsOk)
        {
            return Result<RegionalReportPage>.NotFound();
        }

        var standing = await StandingAsync(live.Value, cancellationToken);
        var snapshots = await db.RegionalReportSnapshots.AsNoTracking()
            .Where(s => Submissions(live.Value.RegionId, year, quarter).Any(r => r.Id == s.RegionalReportSubmissionId)).OrderBy(s => s.Number)
            .Select(s => new { s.Number, s.SchemaVersion, s.Document, s.SubmittedAt, s.SubmittedBy, s.ReportsIn, s.ReportsExpected, s.Outcome, s.DecidedAt, s.DecidedBy, s.ReturnReason })
            .ToListAsync(cancellationToken);
        var names = await people.NamesAsync([.. snapshots.Select(s => s.SubmittedBy), .. snapshots.Select(s => s.DecidedBy ?? string.Empty)], cancellationToken);
        var history = snapshots.Select(s => new RegionalReportLine(
                s.Number, s.SubmittedAt, names.GetValueOrDefault(s.SubmittedBy, s.SubmittedBy), s.ReportsIn, s.ReportsExpected, s.Outcome, s.DecidedAt,
                s.DecidedBy is { } d ? names.GetValueOrDefault(d, d) : null, s.ReturnReason))
            .ToList();
        var document = snapshots.Count > 0 ? SubmittedConsolidationSnapshot.Read(snapshots[^1].SchemaVersion, snapshots[^1].Document) : live.Value;
        return Result<RegionalReportPage>.Ok(new RegionalReportPage(standing, document, snapshots.Count > 0 ? snapshots[^1].Number : null, history));
    }

    /// <summary>
    /// Sends the region's consolidation of the quarter (every column with a plan in force, the regional centre's own
    /// included) as a new stored snapshot, then makes and keeps its files. Refused before the quarter's last month; while
    /// districts' reports are not in, refused unless the sender confirmed sending it without them.
    /// </summary>
    public async Task<Result> SubmitAsync(int regionId, int year, int quarter, bool confirmMissing, CancellationToken cancellationToken = default)
    {
        Result<RegionalReportSnapshot> submitted;
        try
        {
            submitted = await db.InTransactionAsync(ct => SubmitInTransactionAsync(regionId, year, quarter, confirmMissing, ct), cancellationToken);
        }
        catch (DbUpdateException)
        {
            return Result.Conflict();
        }

        if (submitted.IsOk)
        {
            await KeepFilesAsync(regionId, submitted.Value, cancellationToken);
        }

        return submitted.IsOk ? Result.Ok() : submitted;
    }

    public Task<Result> AcceptAsync(int regionId, int year, int quarter, uint version, CancellationToken cancellationToken = default) =>
        DecideAsync(regionId, year, quarter, version, null, cancellationToken);

    public Task<Result> ReturnAsync(int regionId, int year, int quarter, uint version, string? reason, CancellationToken cancellationToken = default) =>
        DecideAsync(regionId, year, quarter, version, reason ?? string.Empty, cancellationToken);

    /// <summary>
    /// A submission's file, read only: the numbered one, or without a number the latest. In the region's document language
    /// its stored file is served; another language (only when chosen), or a submission stored without its files, is
    /// rendered for this download and never stored.
    /// </summary>
    public async Task<Result<RegionalReportExport>> ExportAsync(int regionId, int year, int quarter, int? number, ReportFile file, string? language, CancellationToken cancellationToken = default)
    {
        if (await RegionScope.VisibleRegionAsync(db, currentUser.Required, regionId, cancellationToken) is null)
        {
            return Result<RegionalReportExport>.NotFound();
        }

        var excel = file == ReportFile.Excel;
        var snapshots = db.RegionalReportSnapshots.AsNoTracking().Where(s => Submissions(regionId, year, quarter).Any(r => r.Id == s.RegionalReportSubmissionId));
        var stored = await (number is { } n ? snapshots.Where(s => s.Number == n) : snapshots.OrderByDescending(s => s.Number).Take(1))
            .Select(s => new { s.Number, s.SchemaVersion, s.Document, File = excel ? s.ExcelFile : s.PdfFile })
            .SingleOrDefaultAsync(cancellationToken);
        if (stored is null)
        {
            return Result<RegionalReportExport>.NotFound();
        }

        var document = SubmittedConsolidationSnapshot.Read(stored.SchemaVersion, stored.Document);
        var official = await languages.OfOrganisationAsync(regionId, cancellationToken);
        var chosen = DocumentLanguages.Choose(official, language);
        var content = (chosen == official ? stored.File : null) ?? await Files.RenderAsync(document, file, chosen, cancellationToken);
        return Result<RegionalReportExport>.Ok(new RegionalReportExport(document, stored.Number, chosen, content));
    }

    private IConsolidationFileRenderer Files => files ?? throw new InvalidOperationException("No consolidation file renderer is registered.");

    private IQueryable<RegionalReportSubmission> Submissions(int regionId, int year, int quarter) =>
        db.RegionalReportSubmissions.Where(r => r.RegionId == regionId && r.Year == year && r.Quarter == quarter);

    private async Task<RegionalReportStanding> StandingOfAsync(ConsolidationDocument live, int? parentId, RegionalReportSubmission? submission, CancellationToken cancellationToken)
    {
        var user = currentUser.Required;
        var today = LocalClock.Today(clock);
        var standing = QuarterStanding.Of(live.Year, live.Quarter, submission?.Status, submission?.DueDate, submission?.SubmittedAt, submission?.ReturnReason, today);
        var (reportsIn, expected) = live.DistrictReports;
        var submittedBy = submission?.SubmittedBy is { } by ? (await people.NamesAsync([by], cancellationToken)).GetValueOrDefault(by, by) : null;
        return new RegionalReportStanding(
            live.RegionId,
            live.RegionName,
            live.Year,
            standing,
            submission?.SubmittedAt,
            submittedBy,
            submission?.SubmissionCount ?? 0,
            submission?.Version ?? 0,
            AccessRules.CanSubmitRegionalReport(user, live.RegionId) && Quarters.HasReachedLastMonth(live.Year, live.Quarter, today) && (submission?.CanBeSubmitted ?? true),
            AccessRules.CanActAsCentreAbove(user, parentId) && standing.Status == ReportStatus.Submitted,
            reportsIn,
            expected);
    }

    private async Task<Result<RegionalReportSnapshot>> SubmitInTransactionAsync(int regionId, int year, int quarter, bool confirmMissing, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var user = currentUser.Required;
        if (await RegionScope.VisibleRegionAsync(db, user, regionId, cancellationToken) is null || quarter is < 1 or > 4 || !PlanRules.IsPlanYear(year))
        {
            return Result<RegionalReportSnapshot>.NotFound();
        }

        if (!AccessRules.CanSubmitRegionalReport(user, regionId))
        {
            return Result<RegionalReportSnapshot>.Forbidden();
        }

        if (!Quarters.HasReachedLastMonth(year, quarter, LocalClock.Today(clock)))
        {
            return Result<RegionalReportSnapshot>.Invalid([new ValidationError(string.Empty, Messages.NotYet)]);
        }

        var submission = await Submissions(regionId, year, quarter).SingleOrDefaultAsync(cancellationToken);
        if (submission is { CanBeSubmitted: false })
        {
            return Result<RegionalReportSnapshot>.Invalid([new ValidationError(string.Empty, Messages.AlreadySubmitted)]);
        }

        var live = (await consolidation.BuildAsync(regionId, year, quarter, false, cancellationToken)).Value;
        var (reportsIn, expected) = live.DistrictReports;
        if (reportsIn < expected && !confirmMissing)
        {
            return Result<RegionalReportSnapshot>.Invalid([new ValidationError(string.Empty, Messages.MissingReports, expected - reportsIn, expected)]);
        }

        if (submission is null)
        {
            submission = new RegionalReportSubmission(regionId, year, quarter);
            db.RegionalReportSubmissions.Add(submission);
        }

        var snapshot = submission.Submit(live with { Years = [year] }, user.UserName, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return Result<RegionalReportSnapshot>.Ok(snapshot);
    }

    /// <summary>
    /// Makes the new submission's files from its stored snapshot, in the region's document language, and keeps them. The
    /// submission stands whatever happens here: a render that fails is logged, and its files are then rendered on each download.
    /// </summary>
    private async Task KeepFilesAsync(int regionId, RegionalReportSnapshot snapshot, CancellationToken cancellationToken)
    {
        if (files is null)
        {
            return;
        }

        try
        {
            var document = snapshot.Read();
            var language = await languages.OfOrganisationAsync(regionId, cancellationToken);
            var excel = await files.RenderAsync(document, ReportFile.Excel, language, cancellationToken);
            var pdf = await files.RenderAsync(document, ReportFile.Pdf, language, cancellationToken);
            var id = snapshot.Id;
            await db.RegionalReportSnapshots.Where(s => s.Id == id && s.ExcelFile == null && s.PdfFile == null)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.ExcelFile, excel).SetProperty(s => s.PdfFile, pdf), cancellationToken);
        }
#pragma warning disable CA1031 // The submission is committed: no failure of its files may undo or hide it.
        catch (Exception exception) when (exception is not OperationCanceledException)
#pragma warning restore CA1031
        {
            logger.LogError(exception, "The files of region {RegionId}'s consolidated report, submission {Number}, were not made; they are rendered on each download", regionId, snapshot.Number);
        }
    }

    private async Task<Result> DecideAsync(int regionId, int year, int quarter, uint version, string? reason, CancellationToken cancellationToken)
    {
        if (FieldLimits.Check(reason, FieldLimits.Reason, "Reason", TextKind.Lines).ToList() is { Count: > 0 } badText)
        {
            return Result.Invalid(badText);
        }

        var user = currentUser.Required;
        if (await RegionScope.VisibleRegionAsync(db, user, regionId, cancellationToken) is null)
        {
            return Result.NotFound();
        }

        var parentId = await db.Organisations.AsNoTracking().Where(o => o.Id == regionId).Select(o => o.ParentId).SingleAsync(cancellationToken);
        if (!AccessRules.CanActAsCentreAbove(user, parentId))
        {
            return Result.Forbidden();
        }

        var submission = await Submissions(regionId, year, quarter).Include(r => r.Snapshots.OrderByDescending(s => s.Number).Take(1)).SingleOrDefaultAsync(cancellationToken);
        return await ReportDecision.DecideAsync(db, submission, version, reason, user.UserName, clock.GetUtcNow(), cancellationToken);
    }
}
