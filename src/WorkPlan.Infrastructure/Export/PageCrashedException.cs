using PuppeteerSharp;

namespace WorkPlan.Infrastructure.Export;

/// <summary>The renderer process of a PDF render's page crashed (or was killed) while the browser lived on.</summary>
public sealed class PageCrashedException : PuppeteerException
{
    public PageCrashedException()
    {
    }

    public PageCrashedException(string message)
        : base(message)
    {
    }

    public PageCrashedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
