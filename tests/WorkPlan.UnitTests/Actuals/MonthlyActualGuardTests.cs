using WorkPlan.Core.Actuals;
using WorkPlan.Core.Plans;
using WorkPlan.UnitTests.Builders;

namespace WorkPlan.UnitTests.Actuals;

/// <summary>A month's entry holds only what its indicator's measure allows, and only with that indicator loaded.</summary>
public class MonthlyActualGuardTests
{
    private static readonly DateTimeOffset At = new(2022, 10, 3, 9, 0, 0, TimeSpan.FromHours(5));

    [Fact]
    public void RefusesAChange_WhenTheEntryWasLoadedWithoutItsIndicator()
    {
        var entry = DraftPlans.Unloaded<MonthlyActual>();

        var act = () => entry.Change(5, null, "fond", At);

        act.Should().Throw<InvalidOperationException>().WithMessage("*without its indicator*");
        entry.Value.Should().BeNull();
    }

    [Fact]
    public void RefusesAFraction_WhenTheIndicatorCountsUnits()
    {
        var (_, _, count, _) = DraftPlans.InForce();

        var act = () => new MonthlyActual(count, 9, 1.5m, null, "fond", At);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void RefusesAFractionOnChange_WhenTheIndicatorCountsUnits()
    {
        var (_, _, count, _) = DraftPlans.InForce();
        var entry = new MonthlyActual(count, 9, 1, null, "fond", At);

        var act = () => entry.Change(1.5m, null, "fond", At);

        act.Should().Throw<ArgumentOutOfRangeException>();
        entry.Value.Should().Be(1);
    }

    [Fact]
    public void KeepsSums_WhenTheIndicatorIsInSom()
    {
        var (_, _, _, money) = DraftPlans.InForce();

        var entry = new MonthlyActual(money, 9, 1500.25m, null, "fond", At);

        entry.Value.Should().Be(1500.25m);
    }

    [Fact]
    public void RefusesANegativeValue()
    {
        var (_, _, _, money) = DraftPlans.InForce();

        var act = () => new MonthlyActual(money, 9, -1, null, "fond", At);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void RefusesAnEntryThatHoldsNothing()
    {
        var (_, _, count, _) = DraftPlans.InForce();

        var act = () => new MonthlyActual(count, 9, null, " ", "fond", At);

        act.Should().Throw<ArgumentException>();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(13)]
    public void RefusesAMonthOutsideTheYear(int month)
    {
        var (_, _, count, _) = DraftPlans.InForce();

        var act = () => new MonthlyActual(count, month, 1, null, "fond", At);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void TakesTheMeasureInForce_WhileAnAmendmentChangesTheRowsMeasure()
    {
        // Actuals are entered against the version in force, as the entry sheet checks them.
        var (plan, _, _, money) = DraftPlans.InForce();
        plan.OpenAmendment("O'lchov birligi");
        money.Update(money.ToDefinition() with { Measure = Measure.Count, Unit = "Marta" }, []);

        var entry = new MonthlyActual(money, 9, 1500.25m, null, "fond", At);

        entry.Value.Should().Be(1500.25m);
    }
}
