namespace WorkPlan.Infrastructure.Operations;

/// <summary>The checks of readiness (may this instance take traffic?); liveness runs none.</summary>
public static class HealthTags
{
    public const string Ready = "ready";
}
