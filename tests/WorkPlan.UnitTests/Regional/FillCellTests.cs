using WorkPlan.Core.Regional;

namespace WorkPlan.UnitTests.Regional;

/// <summary>A cell of the completeness grid: how many of a month's due values are entered.</summary>
public sealed class FillCellTests
{
    [Theory]
    [InlineData(0, 0, FillState.NotDue)]
    [InlineData(10, 0, FillState.None)]
    [InlineData(10, 4, FillState.Partial)]
    [InlineData(10, 10, FillState.Full)]
    public void ClassifiesAMonthByHowManyDueValuesAreEntered(int due, int entered, FillState state) =>
        new FillCell(1, due, entered).State.Should().Be(state);
}
