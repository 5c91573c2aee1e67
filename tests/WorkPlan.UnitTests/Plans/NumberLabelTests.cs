using WorkPlan.Core.Plans;

namespace WorkPlan.UnitTests.Plans;

public class NumberLabelTests
{
    [Theory]
    [InlineData("10.2", "10.10")]
    [InlineData("10.10", "11")]
    [InlineData("10", "10.1")]
    [InlineData("9", "10")]
    [InlineData("2", "10")]
    [InlineData("10.1.", "10.2")]
    public void OrdersLabelsAsPeopleReadThem_WhenComparingTwoLabels(string earlier, string later)
    {
        NumberLabel.Compare(earlier, later).Should().BeNegative();
        NumberLabel.Compare(later, earlier).Should().BePositive();
    }

    [Fact]
    public void SortsAPlansLabelsIntoDocumentOrder_WhenGivenThemShuffled()
    {
        string[] shuffled = ["11", "10.10", "2", "10", "10.2", "1", "10.1", "42.2", "42"];

        var sorted = shuffled.Order(NumberLabel.Comparer).ToList();

        sorted.Should().Equal("1", "2", "10", "10.1", "10.2", "10.10", "11", "42", "42.2");
    }

    [Fact]
    public void TreatsATrailingDotAsTheSameLabel_WhenNormalising()
    {
        NumberLabel.Normalise(" 10.1. ").Should().Be("10.1");
        NumberLabel.Compare("10.1.", "10.1").Should().Be(0);
    }

    [Theory]
    [InlineData("10.1", "10")]
    [InlineData("22.3.", "22")]
    [InlineData("10", null)]
    public void FindsTheParentLabel_WhenTheLabelHasADot(string label, string? parent)
    {
        NumberLabel.ParentOf(label).Should().Be(parent);
    }
}
