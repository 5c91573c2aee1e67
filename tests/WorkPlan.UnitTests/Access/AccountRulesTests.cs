using WorkPlan.Core.Access;
using WorkPlan.Core.Administration;
using WorkPlan.Core.Common;
using WorkPlan.Core.Organisations;
using static WorkPlan.UnitTests.Access.AccessTable;

namespace WorkPlan.UnitTests.Access;

/// <summary>
/// Who administers which account: the roles each kind of centre holds, an administrator's own account, a service
/// head's service, and who must set up a second factor.
/// </summary>
public class AccountRulesTests
{
    private static readonly OrganisationKind[] Kinds = [OrganisationKind.National, OrganisationKind.Regional, OrganisationKind.District];

    /// <summary>Every role (and one unknown) at every kind of centre: true where it may be given.</summary>
    public static TheoryData<string, OrganisationKind, bool> HoldsRole
    {
        get
        {
            var allowed = new Dictionary<string, OrganisationKind[]>
            {
                [Roles.Administrator] = Kinds,
                [Roles.Director] = [OrganisationKind.District],
                [Roles.Inspector] = [OrganisationKind.District, OrganisationKind.Regional],
                [Roles.ServiceHead] = [OrganisationKind.District, OrganisationKind.Regional],
                [Roles.RegionalDirector] = [OrganisationKind.Regional],
                [Roles.RegionalMethodologist] = [OrganisationKind.Regional],
                [Roles.NationalDirector] = [OrganisationKind.National],
                [Roles.NationalMethodologist] = [OrganisationKind.National],
                ["Superuser"] = [],
            };
            var data = new TheoryData<string, OrganisationKind, bool>();
            foreach (var (role, kinds) in allowed)
            {
                foreach (var kind in Kinds)
                {
                    data.Add(role, kind, kinds.Contains(kind));
                }
            }

            return data;
        }
    }

    [Fact]
    public void CoversEveryRole()
    {
        HoldsRole.Select(row => (string)row[0]).Should().Contain(Roles.All);
    }

    [Theory]
    [MemberData(nameof(HoldsRole))]
    public void GivesARoleOnlyAtTheKindOfCentreThatHoldsIt(string role, OrganisationKind kind, bool allowed)
    {
        AccessRules.CanHoldRole(role, kind).Should().Be(allowed);
        var refused = UserRules.CheckAssignment(role, kind, 1, role == Roles.ServiceHead ? 10 : null, 1).Select(e => e.MessageKey);
        if (allowed)
        {
            refused.Should().BeEmpty();
        }
        else
        {
            refused.Should().ContainSingle().Which.Should().Be(Roles.All.Contains(role) ? UserRules.Messages.RoleDoesNotFitOrganisation : UserRules.Messages.UnknownRole);
        }
    }

    /// <summary>Every user against their own account and another's: only another's may have its access changed or be deactivated.</summary>
    public static TheoryData<string, string, bool> ChangesAccount
    {
        get
        {
            var data = new TheoryData<string, string, bool>();
            foreach (var user in Users)
            {
                data.Add(user, user, false);
                data.Add(user, "someone-else", true);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(ChangesAccount))]
    public void LetsNobodyChangeTheirOwnAccessOrDeactivateThemself(string user, string account, bool allowed)
    {
        AccessRules.CanChangeAccessOf(User(user), account).Should().Be(allowed);
        AccessRules.CanDeactivate(User(user), account).Should().Be(allowed);
    }

    [Theory]
    [InlineData(true, false, false, true)]
    [InlineData(false, true, false, true)]
    [InlineData(false, false, true, true)]
    [InlineData(false, false, false, false)]
    public void RefusesAChangeOfOnesOwnRoleCentreOrService_ButNotOfOnesName(bool role, bool centre, bool service, bool refused)
    {
        var administrator = User("Administrator@andijon");

        UserRules.CheckOwnAccess(administrator, administrator.UserId, role, centre, service).Should().HaveCount(refused ? 1 : 0);
        UserRules.CheckOwnAccess(administrator, "someone-else", role, centre, service).Should().BeEmpty();
    }

    [Theory]
    [InlineData(Roles.ServiceHead, null, null, UserRules.Messages.ServiceRequired)]
    [InlineData(Roles.ServiceHead, 10, 2, UserRules.Messages.ServiceNotOfOrganisation)]
    [InlineData(Roles.ServiceHead, 10, 1, null)]
    [InlineData(Roles.Director, 10, 1, UserRules.Messages.ServiceOnlyForServiceHeads)]
    [InlineData(Roles.Director, null, null, null)]
    public void GivesAServiceToAServiceHeadOnly_OneOfTheirOwnCentre(string role, int? service, int? serviceCentre, string? refusal)
    {
        var refused = UserRules.CheckAssignment(role, OrganisationKind.District, 1, service, serviceCentre).Select(e => e.MessageKey);

        refused.Should().Equal(refusal is null ? [] : [refusal]);
    }

    [Theory]
    [InlineData(Roles.Director, false, true)]
    [InlineData(Roles.Director, true, false)]
    [InlineData(Roles.ServiceHead, false, false)]
    public void KeepsAnAccountOnTheSetUpPage_UntilTheSecondFactorItNeedsIsOn(string role, bool enabled, bool mustSetUp)
    {
        var policy = new SecondFactorPolicy(Required: true, DemoMode: false);

        SecondFactorRules.MustSetUp(policy, role, OrganisationKind.District, isDemoAccount: false, enabled).Should().Be(mustSetUp);
        SecondFactorRules.CanTurnOff(policy, role, OrganisationKind.District, isDemoAccount: false).Should().Be(role == Roles.ServiceHead);
    }
}
