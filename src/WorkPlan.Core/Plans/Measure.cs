namespace WorkPlan.Core.Plans;

/// <summary>What an indicator counts: whole things, or money in so'm (two decimals allowed).</summary>
public enum Measure
{
    Count,
    Money,
}
