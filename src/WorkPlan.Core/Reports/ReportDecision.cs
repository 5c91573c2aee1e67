using Microsoft.EntityFrameworkCore;
using WorkPlan.Core.Common;

namespace WorkPlan.Core.Reports;

/// <summary>A report the centre above accepts or returns: a district's to its region, a region's to the National Library.</summary>
public interface IDecidableReport
{
    ReportStatus Status { get; }

    /// <summary>Row version (PostgreSQL xmin) for optimistic concurrency.</summary>
    uint Version { get; }

    void Accept(string by, DateTimeOffset at);

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1716", Justification = "The step's name in the domain; the reports are implemented in C# only.")]
    void Return(string reason, string by, DateTimeOffset at);
}

/// <summary>
/// The centre above's decision on a report, the same at every level: a return needs a reason, only a submitted report is
/// decided, and a decision taken over a stale page (the report's row version moved on) is a conflict.
/// </summary>
public static class ReportDecision
{
    /// <summary>Accepts the report (<paramref name="reason"/> null) or returns it with the reason, and saves.</summary>
    public static async Task<Result> DecideAsync<TReport>(
        IAppDbContext db, TReport? report, uint version, string? reason, string by, DateTimeOffset at, CancellationToken cancellationToken)
        where TReport : class, IDecidableReport
    {
        ArgumentNullException.ThrowIfNull(db);
        if (reason is not null && string.IsNullOrWhiteSpace(reason))
        {
            return Result.Invalid([new ValidationError("Reason", "Workflow.ReasonRequired")]);
        }

        if (report is not { Status: ReportStatus.Submitted })
        {
            return Result.Invalid([new ValidationError(string.Empty, QuarterlyReportService.Messages.NotPossible)]);
        }

        db.Entry(report).Property(nameof(IDecidableReport.Version)).OriginalValue = version;
        if (reason is null)
        {
            report.Accept(by, at);
        }
        else
        {
            report.Return(reason, by, at);
        }

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
}
