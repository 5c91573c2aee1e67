using WorkPlan.Core.Actuals;

namespace WorkPlan.UnitTests.Actuals;

/// <summary>The text that ties a downloaded month's sheet to its plan and month, as the upload reads it back.</summary>
public class MonthWorkbookIdentityTests
{
    [Theory]
    [InlineData(null)]
    [InlineData(5)]
    public void ReadsBackWhatItWrote(int? service)
    {
        var identity = new MonthWorkbookIdentity(12, 3, 2022, 9, 2, service);

        MonthWorkbookIdentity.TryParse(identity.ToText()).Should().Be(identity);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Xo'jaobod: sentyabr")]
    [InlineData("workplan:month-sheet:v1;plan=12;organisation=3;year=2022;month=13;version=2;service=")]
    [InlineData("workplan:month-sheet:v1;plan=12;organisation=3;year=2022;month=9;version=2")]
    [InlineData("workplan:month-sheet:v1;plan=x;organisation=3;year=2022;month=9;version=2;service=")]
    [InlineData("workplan:month-sheet:v1;plan=12;organisation=3;year=2022;month=9;version=2;service=abc")]
    [InlineData("workplan:month-sheet:v2;plan=12;organisation=3;year=2022;month=9;version=2;service=")]
    public void FindsNoIdentity_InTextThatIsNotOneOrIsDamaged(string text)
    {
        MonthWorkbookIdentity.TryParse(text).Should().BeNull();
    }
}
