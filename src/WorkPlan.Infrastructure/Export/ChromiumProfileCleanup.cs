using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace WorkPlan.Infrastructure.Export;

/// <summary>
/// At start, removes the Chromium profile folders left by apps that ended without removing them (crashed,
/// killed): each is a browser profile of a few to a few hundred megabytes. Runs beside the start, never fails it.
/// </summary>
public sealed class ChromiumProfileCleanup(ILogger<ChromiumProfileCleanup> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(
        () =>
        {
            try
            {
                ChromiumProfiles.InTempFolder(logger).RemoveStale();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                logger.LogWarning(ex, "Could not look for Chromium profile folders left by an earlier run");
            }
        },
        stoppingToken);
}
