namespace WorkPlan.Web.Infrastructure;

/// <summary>The application's own settings (section "WorkPlan"; environment: WorkPlan__DemoMode and so on).</summary>
public sealed class WorkPlanOptions
{
    public const string SectionName = "WorkPlan";

    /// <summary>Loads the demo organisations, plans and (later) users. Never on in production.</summary>
    public bool DemoMode { get; set; }

    /// <summary>Applies pending database migrations when the app starts.</summary>
    public bool MigrateOnStartup { get; set; } = true;
}
