using WorkPlan.Core.Access;
using WorkPlan.Core.Plans;
using static WorkPlan.UnitTests.Access.AccessTable;

namespace WorkPlan.UnitTests.Access;

/// <summary>
/// The "Can…" rules: every user against the plan of every centre that keeps one (their own, a foreign district of the
/// same region, a district of another region, their own regional centre and another), and, for the template, their
/// own region and another.
/// </summary>
public class ActionRulesTests
{
    public static TheoryData<string, string, bool> EditsPlan => Table(
        PlanCentres, ("Director@xojaobod", "xojaobod"), ("Inspector@xojaobod", "xojaobod"), ("RegionalDirector@andijon", "andijon"), ("Inspector@andijon", "andijon"));

    public static TheoryData<string, string, bool> ApprovesPlan => Table(PlanCentres, ("Director@xojaobod", "xojaobod"), ("RegionalDirector@andijon", "andijon"));

    public static TheoryData<string, string, bool> RequestsReopening => Table(
        PlanCentres, ("ServiceHead@xojaobod", "xojaobod"), ("Inspector@xojaobod", "xojaobod"), ("ServiceHead@andijon", "andijon"), ("Inspector@andijon", "andijon"));

    private const string AndijonDistricts = "xojaobod, asaka";

    private const string RegionalCentres = "andijon, namangan";

    public static TheoryData<string, string, bool> ActsAsCentreAbove => Table(
        PlanCentres,
        ("RegionalDirector@andijon", AndijonDistricts),
        ("RegionalMethodologist@andijon", AndijonDistricts),
        ("NationalDirector@national", RegionalCentres),
        ("NationalMethodologist@national", RegionalCentres));

    public static TheoryData<string, string, bool> ManagesTemplate => Table(
        Regions, ("RegionalDirector@andijon", "andijon"), ("RegionalMethodologist@andijon", "andijon"));

    /// <summary>The region's consolidated report: its own director and methodologist send it; no one else, not even the National Library.</summary>
    public static TheoryData<string, string, bool> SubmitsRegionalReport => Table(
        Regions, ("RegionalDirector@andijon", "andijon"), ("RegionalMethodologist@andijon", "andijon"));

    /// <summary>Each step of the workflow: who may take it on which centre's plan.</summary>
    public static TheoryData<PlanAction, string, string, bool> TakesStep
    {
        get
        {
            (string, string)[] above =
            [
                ("RegionalDirector@andijon", AndijonDistricts), ("RegionalMethodologist@andijon", AndijonDistricts),
                ("NationalDirector@national", RegionalCentres), ("NationalMethodologist@national", RegionalCentres),
            ];
            (string, string)[] directors = [("Director@xojaobod", "xojaobod"), ("RegionalDirector@andijon", "andijon")];
            var allowed = new Dictionary<PlanAction, (string User, string Targets)[]>
            {
                [PlanAction.Submitted] = [("Director@xojaobod", "xojaobod"), ("Inspector@xojaobod", "xojaobod"), ("RegionalDirector@andijon", "andijon"), ("Inspector@andijon", "andijon")],
                [PlanAction.Agreed] = above,
                [PlanAction.Approved] = directors,
                [PlanAction.Returned] = [("Director@xojaobod", "xojaobod"), ("RegionalDirector@andijon", "andijon, " + AndijonDistricts), .. above.Skip(1)],
                [PlanAction.AmendmentOpened] = directors,
                [PlanAction.AmendmentDiscarded] = directors,
                [PlanAction.Created] = [],
                [PlanAction.CameIntoForce] = [],
                [PlanAction.Imported] = [],
            };
            var data = new TheoryData<PlanAction, string, string, bool>();
            foreach (var (step, users) in allowed)
            {
                foreach (var row in Table(PlanCentres, users))
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
    [MemberData(nameof(ActsAsCentreAbove))]
    public void LetsARegionActOnItsOwnDistricts_AndTheNationalLibraryOnTheRegionalCentres(string user, string centre, bool allowed)
    {
        AccessRules.CanActAsCentreAbove(User(user), Organisations[centre].ParentId).Should().Be(allowed);
    }

    [Theory]
    [MemberData(nameof(TakesStep))]
    public void LetsEachWorkflowStepBeTakenByItsSignersOnly(PlanAction step, string user, string centre, bool allowed)
    {
        AccessRules.CanTakePlanStep(User(user), step, Id(centre), Organisations[centre].ParentId).Should().Be(allowed);
    }

    [Theory]
    [InlineData("NationalDirector@national", true)]
    [InlineData("NationalMethodologist@national", true)]
    [InlineData("Administrator@national", false)]
    [InlineData("RegionalDirector@andijon", false)]
    [InlineData("RegionalMethodologist@andijon", false)]
    [InlineData("Director@xojaobod", false)]
    public void LetsOnlyTheNationalLibrarysStaffKeepTheNationalCatalogue(string user, bool allowed)
    {
        AccessRules.CanManageNationalCatalogue(User(user)).Should().Be(allowed);
    }

    [Theory]
    [MemberData(nameof(SubmitsRegionalReport))]
    public void LetsOnlyARegionsDirectorAndMethodologistSendItsConsolidatedReport(string user, string region, bool allowed)
    {
        AccessRules.CanSubmitRegionalReport(User(user), Id(region)).Should().Be(allowed);
    }

    [Theory]
    [MemberData(nameof(ManagesTemplate))]
    public void LetsARegionsStaffKeepItsOwnTemplateOnly(string user, string region, bool allowed)
    {
        AccessRules.CanManageTemplate(User(user), Id(region)).Should().Be(allowed);
    }

    /// <summary>Monthly values: by the row's centre and responsible service.</summary>
    public static TheoryData<string, string, bool> WritesActual => Table(
        Services.Keys,
        ("Director@xojaobod", "xojaobod/reading, xojaobod/events"),
        ("Inspector@xojaobod", "xojaobod/reading, xojaobod/events"),
        ("ServiceHead@xojaobod", "xojaobod/reading"),
        ("RegionalDirector@andijon", "andijon/reading"),
        ("Inspector@andijon", "andijon/reading"),
        ("ServiceHead@andijon", "andijon/reading"));

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
    [InlineData("RegionalDirector@andijon", true)]
    [InlineData("RegionalMethodologist@andijon", false)]
    [InlineData("Inspector@andijon", true)]
    [InlineData("ServiceHead@andijon", false)]
    [InlineData("Administrator@andijon", false)]
    [InlineData("NationalDirector@national", false)]
    [InlineData("NationalMethodologist@national", false)]
    [InlineData("Administrator@national", false)]
    public void LetsOnlyACentresDirectorAndInspectorCreateItsPlans(string user, bool allowed)
    {
        AccessRules.CanCreatePlan(User(user)).Should().Be(allowed);
    }
}
