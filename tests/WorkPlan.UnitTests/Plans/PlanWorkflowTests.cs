using WorkPlan.Core.Plans;

namespace WorkPlan.UnitTests.Plans;

public class PlanWorkflowTests
{
    [Theory]
    [InlineData(PlanStatus.Draft, PlanAction.Submitted, PlanStatus.Submitted)]
    [InlineData(PlanStatus.Submitted, PlanAction.Agreed, PlanStatus.Agreed)]
    [InlineData(PlanStatus.Submitted, PlanAction.Approved, PlanStatus.Approved)]
    [InlineData(PlanStatus.Agreed, PlanAction.Approved, PlanStatus.InForce)]
    [InlineData(PlanStatus.Approved, PlanAction.Agreed, PlanStatus.InForce)]
    [InlineData(PlanStatus.Submitted, PlanAction.Returned, PlanStatus.Draft)]
    [InlineData(PlanStatus.Agreed, PlanAction.Returned, PlanStatus.Draft)]
    [InlineData(PlanStatus.Approved, PlanAction.Returned, PlanStatus.Draft)]
    [InlineData(PlanStatus.InForce, PlanAction.AmendmentOpened, PlanStatus.Draft)]
    [InlineData(PlanStatus.Draft, PlanAction.AmendmentDiscarded, PlanStatus.InForce)]
    [InlineData(PlanStatus.Agreed, PlanAction.AmendmentDiscarded, PlanStatus.InForce)]
    public void MovesToTheNextStatus_WhenTheStepIsAllowed(PlanStatus from, PlanAction action, PlanStatus to)
    {
        PlanWorkflow.Next(from, action).Should().Be(to);
    }

    [Theory]
    [InlineData(PlanStatus.Draft, PlanAction.Agreed)]
    [InlineData(PlanStatus.Draft, PlanAction.Approved)]
    [InlineData(PlanStatus.Draft, PlanAction.Returned)]
    [InlineData(PlanStatus.Draft, PlanAction.AmendmentOpened)]
    [InlineData(PlanStatus.Submitted, PlanAction.Submitted)]
    [InlineData(PlanStatus.Agreed, PlanAction.Agreed)]
    [InlineData(PlanStatus.Approved, PlanAction.Approved)]
    [InlineData(PlanStatus.InForce, PlanAction.Submitted)]
    [InlineData(PlanStatus.InForce, PlanAction.Agreed)]
    [InlineData(PlanStatus.InForce, PlanAction.Approved)]
    [InlineData(PlanStatus.InForce, PlanAction.Returned)]
    [InlineData(PlanStatus.InForce, PlanAction.AmendmentDiscarded)]
    public void RefusesTheStep_WhenTheStatusDoesNotAllowIt(PlanStatus from, PlanAction action)
    {
        PlanWorkflow.Next(from, action).Should().BeNull();
    }

    [Theory]
    [InlineData(PlanStatus.Draft, true)]
    [InlineData(PlanStatus.Submitted, false)]
    [InlineData(PlanStatus.Agreed, false)]
    [InlineData(PlanStatus.Approved, false)]
    [InlineData(PlanStatus.InForce, false)]
    public void LetsOnlyADraftBeEdited(PlanStatus status, bool editable)
    {
        PlanWorkflow.IsEditable(status).Should().Be(editable);
    }

    [Fact]
    public void ComesIntoForce_WhenAgreedAndApprovedInEitherOrder()
    {
        var first = PlanWorkflow.Next(PlanWorkflow.Next(PlanStatus.Submitted, PlanAction.Agreed)!.Value, PlanAction.Approved);
        var second = PlanWorkflow.Next(PlanWorkflow.Next(PlanStatus.Submitted, PlanAction.Approved)!.Value, PlanAction.Agreed);

        first.Should().Be(PlanStatus.InForce);
        second.Should().Be(PlanStatus.InForce);
    }

    [Theory]
    [InlineData(PlanStatus.InForce, 1, true, false)]
    [InlineData(PlanStatus.Draft, 1, false, false)]
    [InlineData(PlanStatus.Submitted, 1, false, false)]
    [InlineData(PlanStatus.Draft, 2, true, true)]
    [InlineData(PlanStatus.Approved, 3, true, true)]
    [InlineData(PlanStatus.InForce, 2, true, false)]
    public void KnowsWhetherAVersionIsInForce_AndWhetherAnAmendmentIsOpen(PlanStatus status, int version, bool inForce, bool amendment)
    {
        PlanRules.HasVersionInForce(status, version).Should().Be(inForce);
        PlanRules.IsAmendmentOpen(status, version).Should().Be(amendment);
    }
}
