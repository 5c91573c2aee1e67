using WorkPlan.Core.Access;
using WorkPlan.Core.Common;
using WorkPlan.Core.Organisations;
using static WorkPlan.UnitTests.Access.AccessTable;

namespace WorkPlan.UnitTests.Access;

/// <summary>What a user chooses inside a page: the services of the entry pages, the template; and who needs a second factor.</summary>
public class ScopeRulesTests
{
    [Theory]
    [InlineData("Director@xojaobod", true)]
    [InlineData("Inspector@xojaobod", true)]
    [InlineData("ServiceHead@xojaobod", false)]
    [InlineData("RegionalMethodologist@andijon", true)]
    [InlineData("Administrator@national", true)]
    public void LetsEveryoneButAServiceHeadChooseTheService(string user, bool chooses)
    {
        AccessRules.ChoosesService(User(user)).Should().Be(chooses);
    }

    [Theory]
    [InlineData("Director@xojaobod", null, null)]
    [InlineData("Director@xojaobod", "xojaobod/events", "xojaobod/events")]
    [InlineData("Inspector@xojaobod", "xojaobod/reading", "xojaobod/reading")]
    [InlineData("ServiceHead@xojaobod", null, "xojaobod/reading")]
    [InlineData("ServiceHead@xojaobod", "xojaobod/events", "xojaobod/reading")]
    [InlineData("ServiceHead@xojaobod", "asaka/reading", "xojaobod/reading")]
    public void KeepsAServiceHeadToTheirOwnService_WhateverIsAskedFor(string user, string? chosen, string? scope)
    {
        AccessRules.ServiceScope(User(user), chosen is null ? null : Services[chosen].Id).Should().Be(scope is null ? null : Services[scope].Id);
    }

    /// <summary>Everyone who chooses a service is offered every one; a service head their own.</summary>
    public static TheoryData<string, string, bool> ListsService => Table(
        Services.Keys,
        [
            .. Users.Where(u => !u.StartsWith("ServiceHead@", StringComparison.Ordinal)).Select(u => (u, string.Join(", ", Services.Keys))),
            ("ServiceHead@xojaobod", "xojaobod/reading"),
            ("ServiceHead@andijon", "andijon/reading"),
        ]);

    /// <summary>The scope narrows a plan's services; which plan is visible is the plan's rule.</summary>
    [Theory]
    [MemberData(nameof(ListsService))]
    public void ListsOnlyAServiceHeadsOwnServiceOnTheEntryPages(string user, string service, bool listed)
    {
        AccessRules.ServicesInScopeOf(User(user)).Compile()(Services[service]).Should().Be(listed);
    }

    [Theory]
    [InlineData("Director@xojaobod", false, false)]
    [InlineData("Director@xojaobod", true, true)]
    [InlineData("ServiceHead@xojaobod", false, false)]
    [InlineData("ServiceHead@xojaobod", true, true)]
    [InlineData("Administrator@xojaobod", false, false)]
    [InlineData("RegionalMethodologist@andijon", false, true)]
    [InlineData("RegionalDirector@andijon", true, true)]
    [InlineData("Administrator@andijon", false, true)]
    [InlineData("Inspector@andijon", false, false)]
    [InlineData("Inspector@andijon", true, true)]
    [InlineData("NationalMethodologist@national", false, true)]
    [InlineData("Administrator@national", false, true)]
    public void ShowsADistrictItsRegionsTemplateOnlyOncePublished(string user, bool published, bool reads)
    {
        AccessRules.ReadsTemplate(User(user), published).Should().Be(reads);
    }

    [Theory]
    [InlineData("Director@xojaobod", false)]
    [InlineData("Inspector@xojaobod", false)]
    [InlineData("ServiceHead@xojaobod", false)]
    [InlineData("Administrator@xojaobod", false)]
    [InlineData("Inspector@andijon", false)]
    [InlineData("ServiceHead@andijon", false)]
    [InlineData("RegionalDirector@andijon", true)]
    [InlineData("RegionalMethodologist@andijon", true)]
    [InlineData("Administrator@andijon", true)]
    [InlineData("NationalDirector@national", true)]
    [InlineData("NationalMethodologist@national", true)]
    [InlineData("Administrator@national", true)]
    public void ShowsTheNationalCatalogueToRegionalAndNationalStaffOnly(string user, bool reads) =>
        AccessRules.ReadsNationalCatalogue(User(user)).Should().Be(reads);

    [Theory]
    [InlineData(Roles.Administrator, OrganisationKind.District, true)]
    [InlineData(Roles.Director, OrganisationKind.District, true)]
    [InlineData(Roles.Inspector, OrganisationKind.District, true)]
    [InlineData(Roles.ServiceHead, OrganisationKind.District, false)]
    [InlineData(Roles.RegionalDirector, OrganisationKind.Regional, true)]
    [InlineData(Roles.RegionalMethodologist, OrganisationKind.Regional, true)]
    [InlineData(Roles.Inspector, OrganisationKind.Regional, true)]
    [InlineData(Roles.ServiceHead, OrganisationKind.Regional, false)]
    [InlineData(Roles.NationalDirector, OrganisationKind.National, true)]
    [InlineData(Roles.NationalMethodologist, OrganisationKind.National, true)]
    [InlineData(Roles.Administrator, OrganisationKind.National, true)]
    [InlineData(Roles.ServiceHead, OrganisationKind.National, true)]
    public void AsksASecondFactorOfWhoeverSignsOrAccepts_AndOfTheNationalCentre(string role, OrganisationKind kind, bool required)
    {
        var policy = new SecondFactorPolicy(Required: true, DemoMode: false);

        SecondFactorRules.IsRequired(policy, role, kind, isDemoAccount: false).Should().Be(required);
        SecondFactorRules.IsRequired(policy, role, kind, isDemoAccount: true).Should().Be(required, "outside demo mode a demo account is like any other");
    }

    [Theory]
    [InlineData(true, true, true, false)]
    [InlineData(true, true, false, true)]
    [InlineData(true, false, true, true)]
    [InlineData(false, false, false, false)]
    public void ExemptsOnlyDemoAccountsOfTheDemo_OrEveryoneWhenTheOperatorTurnsItOff(bool required, bool demoMode, bool demoAccount, bool asked)
    {
        SecondFactorRules.IsRequired(new SecondFactorPolicy(required, demoMode), Roles.Director, OrganisationKind.District, demoAccount).Should().Be(asked);
    }
}
