using WorkPlan.Core.Plans;

namespace WorkPlan.UnitTests.Plans;

public class PlanRulesTests
{
    [Fact]
    public void AcceptsChildren_WhenTheyPartitionTheParentExactly()
    {
        // Seed row 10: 0 + 1450 + "-" + 2929 = 4379.
        var errors = PlanRules.CheckChildren(4379m, [("10.1", 0m), ("10.2", 1450m), ("10.3", null), ("10.4", 2929m)], partition: true, "Fact");

        errors.Should().BeEmpty();
    }

    [Fact]
    public void RejectsChildren_WhenTheyPartitionTheParentButDoNotAddUp()
    {
        var errors = PlanRules.CheckChildren(4000m, [("10.2", 3000m), ("10.4", 900m)], partition: true, "Target").ToList();

        errors.Should().ContainSingle().Which.Should().Match<Core.Common.ValidationError>(e =>
            e.MessageKey == PlanRules.Messages.PartitionSum && e.Field == "Target");
    }

    [Fact]
    public void AcceptsAChildSmallerThanItsParent_WhenTheChildrenDoNotPartitionIt()
    {
        // Seed row 15: 14 000 users of which 2 660 new.
        PlanRules.CheckChildren(14000m, [("15.1", 2660m)], partition: false, "Target").Should().BeEmpty();
    }

    [Fact]
    public void RejectsAChildLargerThanItsParent_WhateverThePartitionFlag()
    {
        PlanRules.CheckChildren(100m, [("15.1", 101m)], partition: false, "Target")
            .Should().ContainSingle(e => e.MessageKey == PlanRules.Messages.ChildExceedsParent);
    }

    [Fact]
    public void ChecksNothing_WhenTheParentHasNoValue()
    {
        // Seed row 22: the categories carry the numbers, the parent row prints "-".
        PlanRules.CheckChildren(null, [("22.1", 30m), ("22.2", 320m)], partition: true, "Target").Should().BeEmpty();
    }

    [Fact]
    public void ChecksNothing_WhenNoChildHasAValue()
    {
        PlanRules.CheckChildren(500m, [("42.1", null), ("42.2", null)], partition: true, "Target").Should().BeEmpty();
    }

    [Theory]
    [InlineData(Measure.Count, "3", true)]
    [InlineData(Measure.Count, "3.5", false)]
    [InlineData(Measure.Count, "-1", false)]
    [InlineData(Measure.Money, "1250000.50", true)]
    [InlineData(Measure.Money, "10.555", false)]
    [InlineData(Measure.Money, "-0.01", false)]
    public void AcceptsOnlyValuesTheMeasureAllows(Measure measure, string value, bool valid)
    {
        var errors = PlanRules.CheckValue(measure, decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), "Target");

        errors.Any().Should().Be(!valid);
    }

    [Fact]
    public void AcceptsNoValue_BecauseADashIsNotAZero()
    {
        PlanRules.CheckValue(Measure.Count, null, "Target").Should().BeEmpty();
    }

    [Theory]
    [InlineData(-1, true)]
    [InlineData(1, true)]
    [InlineData(0, false)]
    [InlineData(2, false)]
    [InlineData(99, false)]
    [InlineData(int.MinValue, false)]
    [InlineData(int.MaxValue, false)]
    public void MovesOnlyOnePlaceUpOrDown(int direction, bool accepted)
    {
        PlanRules.IsMoveDirection(direction).Should().Be(accepted);
    }
}
