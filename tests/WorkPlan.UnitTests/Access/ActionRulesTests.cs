using WorkPlan.Core.Access;
using WorkPlan.Core.Plans;
using static WorkPlan.UnitTests.Access.AccessTable;

namespace WorkPlan.UnitTests.Access;

/// <summary>
/// The "Can…" rules: every user against a district plan of their own, a foreign district of the same region and a
/// district of another region (and, for the regional rules, their own region and another).
/// </summary>
public class ActionRulesTests
{
    public static TheoryData<string, string, bool> EditsPlan => Table(
        Districts, ("Director@xojaobod", "xojaobod"), ("Inspector@xojaobod", "xojaobod"));

    public static TheoryData<string, string, bool> ApprovesPlan => Table(Districts, ("Director@xojaobod", "xojaobod"));

    public static TheoryData<string, string, bool> RequestsReopening => Table(
        Districts, ("ServiceHead@xojaobod", "xojaobod"), ("Inspector@xojaobod", "xojaobod"));

    public static TheoryData<string, string, bool> ActsAsRegion => Table(
        Districts, ("RegionalDirector@andijon", "xojaobod, asaka"), ("RegionalMethodologist@andijon", "xojaobod, asaka"));

    public static TheoryData<string, string, bool> ManagesTemplate => Table(
        Regions, ("RegionalDirector@andijon", "andijon"), ("RegionalMethodologist@andijon", "andijon"));

    /// <summary>Each step of the workflow: who may take it on which district's plan.</summary>
    public static TheoryData<PlanAction, string, string, bool> TakesStep
    {
        get
        {
            var regional = "xojaobod, asaka";
            var allowed = new Dictionary<PlanAction, (string User, string Targets)[]>
            {
                [PlanAction.Submitted] = [("Director@xojaobod", "xojaobod"), ("Inspector@xojaobod", "xojaobod")],
                [PlanAction.Agreed] = [("RegionalDirector@andijon", regional), ("RegionalMethodologist@andijon", regional)],
                [PlanAction.Approved] = [("Director@xojaobod", "xojaobod")],
                [PlanAction.Returned] = [("Director@xojaobod", "xojaobod"), ("RegionalDirector@andijon", regional), ("RegionalMethodologist@andijon", regional)],
                [PlanAction.AmendmentOpened] = [("Director@xojaobod", "xojaobod")],
                [PlanAction.AmendmentDiscarded] = [("Director@xojaobod", "xojaobod")],
                [PlanAction.Created] = [],
                [PlanAction.CameIntoForce] = [],
                [PlanAction.Imported] = [],
            };
            var data = new TheoryData<PlanAction, string, string, bool>();
            foreach (var (step, users) in allowed)
            {
                foreach (var row in Table(Districts, users))
                {
                    data.Add(step, (string)row[0], (string)row[1], (bool)row[2]);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(EditsPlan))]
    public void LetsOnlyTheCentresDirectorAndInspectorEditItsPlan(string user, string district, bool allowed)
    {
        AccessRules.CanEditPlan(User(user), Id(district)).Should().Be(allowed);
    }

    [Theory]
    [MemberData(nameof(ApprovesPlan))]
    public void LetsOnlyTheCentresDirectorApproveItsPlan(string user, string district, bool allowed)
    {
        AccessRules.CanApprovePlan(User(user), Id(district)).Should().Be(allowed);
    }

    [Theory]
    [MemberData(nameof(ApprovesPlan))]
    public void LetsOnlyTheCentresDirectorReopenItsMonths(string user, string district, bool allowed)
    {
        AccessRules.CanReopenMonths(User(user), Id(district)).Should().Be(allowed);
    }

    [Theory]
    [MemberData(nameof(RequestsReopening))]
    public void LetsTheCentresServiceHeadsAndInspectorAskForAReopening(string user, string district, bool allowed)
    {
        AccessRules.CanRequestReopening(User(user), Id(district)).Should().Be(allowed);
    }

    [Theory]
    [MemberData(nameof(ActsAsRegion))]
    public void LetsARegionsStaffActOnItsOwnDistrictsOnly(string user, string district, bool allowed)
    {
        AccessRules.CanActAsRegion(User(user), Organisations[district].RegionId).Should().Be(allowed);
    }

    [Theory]
    [MemberData(nameof(TakesStep))]
    public void LetsEachWorkflowStepBeTakenByItsSignersOnly(PlanAction step, string user, string district, bool allowed)
    {
        AccessRules.CanTakePlanStep(User(user), step, Id(district), Organisations[district].RegionId).Should().Be(allowed);
    }

    [Theory]
    [MemberData(nameof(ManagesTemplate))]
    public void LetsARegionsStaffKeepItsOwnTemplateOnly(string user, string region, bool allowed)
    {
        AccessRules.CanManageTemplate(User(user), Id(region)).Should().Be(allowed);
    }

    /// <summary>Monthly values: by the row's centre and responsible service.</summary>
    public static TheoryData<string, string, bool> WritesActual => Table(
        ["xojaobod/reading", "xojaobod/events", "asaka/reading", "chust/reading"],
        ("Director@xojaobod", "xojaobod/reading, xojaobod/events"),
        ("Inspector@xojaobod", "xojaobod/reading, xojaobod/events"),
        ("ServiceHead@xojaobod", "xojaobod/reading"));

    [Theory]
    [MemberData(nameof(WritesActual))]
    public void LetsAServiceHeadWriteTheirServicesRows_AndTheCentresDirectorAndInspectorAny(string user, string row, bool allowed)
    {
        var service = Services[row];
        AccessRules.CanWriteActual(User(user), service.Organisation!.Id, [service.Id]).Should().Be(allowed);
    }

    [Theory]
    [InlineData("Director@xojaobod", true)]
    [InlineData("Inspector@xojaobod", true)]
    [InlineData("ServiceHead@xojaobod", false)]
    [InlineData("Administrator@xojaobod", false)]
    [InlineData("RegionalDirector@andijon", false)]
    [InlineData("RegionalMethodologist@andijon", false)]
    [InlineData("Administrator@andijon", false)]
    [InlineData("Administrator@national", false)]
    public void LetsOnlyADistrictsDirectorAndInspectorCreateItsPlans(string user, bool allowed)
    {
        AccessRules.CanCreatePlan(User(user)).Should().Be(allowed);
    }
}
