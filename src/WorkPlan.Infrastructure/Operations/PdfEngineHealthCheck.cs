using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using WorkPlan.Infrastructure.Export;

namespace WorkPlan.Infrastructure.Operations;

/// <summary>
/// Reports whether PDF exports can work: the configured Chromium exists, and whether a browser is
/// running now. Without it only the PDF exports fail, so the instance stays ready (degraded).
/// </summary>
public sealed class PdfEngineHealthCheck(IOptions<PdfOptions> options, ChromiumPdfRenderer renderer) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var path = options.Value.ChromiumPath;
        var data = new Dictionary<string, object> { ["chromium"] = path, ["browser"] = renderer.IsBrowserRunning ? "running" : "not started" };
        return Task.FromResult(File.Exists(path)
            ? HealthCheckResult.Healthy("Chromium found", data)
            : HealthCheckResult.Degraded($"Chromium not found at {path}: PDF exports fail", data: data));
    }
}
