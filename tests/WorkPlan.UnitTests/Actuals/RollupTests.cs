using WorkPlan.Core.Actuals;
using WorkPlan.Core.Plans;

namespace WorkPlan.UnitTests.Actuals;

public class RollupTests
{
    private static readonly (int Month, decimal Value)[] Quarter = [(2, 120m), (3, 90m), (1, 100m)];

    [Fact]
    public void AddsTheMonths_WhenTheIndicatorIsAFlow()
    {
        Rollup.Combine(RollupKind.Sum, Quarter).Should().Be(310m);
    }

    [Fact]
    public void TakesTheLatestMonth_WhenTheIndicatorIsAStock()
    {
        // Registered users at the end of March, not the sum of three month-ends.
        Rollup.Combine(RollupKind.Last, Quarter).Should().Be(90m);
    }

    [Fact]
    public void TakesTheHighestMonth_WhenTheIndicatorIsAOneOffState()
    {
        Rollup.Combine(RollupKind.Max, Quarter).Should().Be(120m);
    }

    [Theory]
    [InlineData(RollupKind.Sum)]
    [InlineData(RollupKind.Last)]
    [InlineData(RollupKind.Max)]
    public void HasNoValue_WhenNoMonthWasEntered(RollupKind kind)
    {
        Rollup.Combine(kind, []).Should().BeNull();
    }
}
