using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace WorkPlan.Web.Infrastructure;

/// <summary>
/// Exports (Excel workbooks, PDFs) are CPU- and memory-heavy: a few run at a time and the rest wait their
/// turn in order, so that a burst of downloads neither exhausts the memory nor slows every other page.
/// </summary>
public static class ExportLimits
{
    public const string Policy = "exports";

    /// <summary>How many exports are built at once: two per processor core.</summary>
    public static int Concurrent => Environment.ProcessorCount * 2;

    /// <summary>How many may wait; beyond that the app answers 503 (try again).</summary>
    public const int Queue = 500;

    public static void Register(RateLimiterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.RejectionStatusCode = StatusCodes.Status503ServiceUnavailable;
        options.AddConcurrencyLimiter(Policy, limiter =>
        {
            limiter.PermitLimit = Concurrent;
            limiter.QueueLimit = Queue;
            limiter.QueueProcessingOrder = QueueProcessingOrder.OldestFirst;
        });
    }
}
