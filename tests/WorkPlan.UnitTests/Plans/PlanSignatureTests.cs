using WorkPlan.Core.Access;
using WorkPlan.Core.Common;
using WorkPlan.Core.Organisations;
using WorkPlan.Core.Plans;

namespace WorkPlan.UnitTests.Plans;

/// <summary>Who may sign, and what the signature block then says: one rule each.</summary>
public class PlanSignatureTests
{
    private const int Region = 1;
    private const int District = 2;

    private static Organisation RegionalCentre()
    {
        var national = new Organisation("national", OrganisationKind.National, "Milliy kutubxona", "MK", null);
        var region = new Organisation("andijon", OrganisationKind.Regional, "Andijon viloyat AKM", "Andijon", national);
        region.SetDirector("Bobur nomidagi Andijon viloyat axborot-kutubxona markazi direktori", "G.Ismailova");
        return region;
    }

    private static CurrentUser User(string role, int organisation, string name, string? position = null) =>
        new("id", "login", role, organisation, organisation == Region ? OrganisationKind.Regional : OrganisationKind.District, null, name, position);

    [Fact]
    public void PrintsTheMethodologistsOwnPosition_WhenTheMethodologistSigns()
    {
        var block = PlanWorkflow.Signature(User(Roles.RegionalMethodologist, Region, "D.Tojiboyeva", "Andijon viloyat AKM metodisti"), RegionalCentre(), new DateOnly(2022, 1, 10));

        block.Should().Be(new SignatureBlock("Andijon viloyat AKM metodisti", "D.Tojiboyeva", new DateOnly(2022, 1, 10)));
    }

    [Fact]
    public void NeverPrintsTheDirectorsTitle_WhenAMethodologistWithoutAPositionSigns()
    {
        var block = PlanWorkflow.Signature(User(Roles.RegionalMethodologist, Region, "D.Tojiboyeva"), RegionalCentre(), new DateOnly(2022, 1, 10));

        block.Title.Should().BeNull();
        block.Name.Should().Be("D.Tojiboyeva");
    }

    [Fact]
    public void PrintsTheCentresDirectorTitle_WhenADirectorWithoutAPositionSigns()
    {
        var block = PlanWorkflow.Signature(User(Roles.RegionalDirector, Region, "G.Ismailova"), RegionalCentre(), new DateOnly(2022, 1, 10));

        block.Title.Should().Be("Bobur nomidagi Andijon viloyat axborot-kutubxona markazi direktori");
    }

    [Theory]
    [InlineData(Roles.RegionalDirector, Region, PlanAction.Agreed, true)]
    [InlineData(Roles.RegionalMethodologist, Region, PlanAction.Agreed, true)]
    [InlineData(Roles.Director, District, PlanAction.Agreed, false)]
    [InlineData(Roles.Director, District, PlanAction.Approved, true)]
    [InlineData(Roles.Inspector, District, PlanAction.Approved, false)]
    [InlineData(Roles.RegionalMethodologist, Region, PlanAction.Approved, false)]
    [InlineData(Roles.Inspector, District, PlanAction.Submitted, true)]
    [InlineData(Roles.RegionalMethodologist, Region, PlanAction.Returned, true)]
    [InlineData(Roles.ServiceHead, District, PlanAction.Submitted, false)]
    public void AllowsEachStepToWhomTheRuleNames(string role, int organisation, PlanAction step, bool allowed) =>
        AccessRules.CanTakePlanStep(User(role, organisation, "X"), step, District, Region).Should().Be(allowed);
}
