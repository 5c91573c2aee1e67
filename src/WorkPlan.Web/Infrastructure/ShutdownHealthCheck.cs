using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace WorkPlan.Web.Infrastructure;

/// <summary>
/// Not ready once the instance is stopping (SIGTERM): the proxy stops sending it new requests while it
/// finishes those in flight (<c>WorkPlan:ShutdownDrainSeconds</c> of notice, then up to
/// <c>WorkPlan:ShutdownTimeoutSeconds</c> for the requests still running).
/// </summary>
public sealed class ShutdownHealthCheck(IHostApplicationLifetime lifetime) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(lifetime.ApplicationStopping.IsCancellationRequested
            ? HealthCheckResult.Unhealthy("the instance is shutting down")
            : HealthCheckResult.Healthy("running"));
}
