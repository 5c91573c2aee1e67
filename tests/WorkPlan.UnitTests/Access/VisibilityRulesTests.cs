using WorkPlan.Core.Access;
using WorkPlan.Core.Organisations;
using static WorkPlan.UnitTests.Access.AccessTable;

namespace WorkPlan.UnitTests.Access;

/// <summary>
/// The visibility expressions, compiled and run on the in-memory network: every user against every centre, its plan
/// and its indicator (own centre, a foreign one of the same region, another region, the region and the country above).
/// </summary>
public class VisibilityRulesTests
{
    /// <summary>Who reads which centre: a centre's own plan staff their own; a region its districts; the national centre every one.</summary>
    public static TheoryData<string, string, bool> Reads => Table(
        Centres,
        ("Director@xojaobod", "xojaobod"),
        ("Inspector@xojaobod", "xojaobod"),
        ("ServiceHead@xojaobod", "xojaobod"),
        ("Administrator@xojaobod", "xojaobod"),
        ("RegionalDirector@andijon", "andijon, xojaobod, asaka"),
        ("RegionalMethodologist@andijon", "andijon, xojaobod, asaka"),
        ("Inspector@andijon", "andijon"),
        ("ServiceHead@andijon", "andijon"),
        ("Administrator@andijon", "andijon, xojaobod, asaka"),
        ("NationalDirector@national", "national, andijon, xojaobod, asaka, namangan, chust"),
        ("NationalMethodologist@national", "national, andijon, xojaobod, asaka, namangan, chust"),
        ("Administrator@national", "national, andijon, xojaobod, asaka, namangan, chust"));

    /// <summary>Who administers which centre: administrators their branch; nobody else any.</summary>
    public static TheoryData<string, string, bool> Administers => Table(
        Centres,
        ("Administrator@xojaobod", "xojaobod"),
        ("Administrator@andijon", "andijon, xojaobod, asaka"),
        ("Administrator@national", "national, andijon, xojaobod, asaka, namangan, chust"));

    /// <summary>
    /// Whose regional figures a user may look at: regional staff and administrators their region's, the national centre
    /// every region's; districts and a regional centre's own plan staff (inspector, service heads) none.
    /// </summary>
    public static TheoryData<string, string, bool> LooksAtRegion => Table(
        Centres,
        ("RegionalDirector@andijon", "andijon"),
        ("RegionalMethodologist@andijon", "andijon"),
        ("Administrator@andijon", "andijon"),
        ("NationalDirector@national", "andijon, namangan"),
        ("NationalMethodologist@national", "andijon, namangan"),
        ("Administrator@national", "andijon, namangan"));

    [Theory]
    [MemberData(nameof(Reads))]
    public void ShowsACentre_OnlyToThoseWhoReachIt(string user, string centre, bool visible)
    {
        AccessRules.OrganisationsVisibleTo(User(user)).Compile()(Organisations[centre]).Should().Be(visible);
    }

    [Theory]
    [MemberData(nameof(Reads))]
    public void ShowsAPlan_AsItsCentre(string user, string centre, bool visible)
    {
        AccessRules.PlansVisibleTo(User(user)).Compile()(AccessTable.Plans[centre]).Should().Be(visible);
    }

    [Theory]
    [MemberData(nameof(Reads))]
    public void ShowsAnIndicator_AsItsPlan(string user, string centre, bool visible)
    {
        AccessRules.IndicatorsVisibleTo(User(user)).Compile()(Indicators[centre]).Should().Be(visible);
    }

    [Theory]
    [MemberData(nameof(Administers))]
    public void LetsOnlyAdministratorsAdministerTheirBranch(string user, string centre, bool administered)
    {
        AccessRules.OrganisationsAdministeredBy(User(user)).Compile()(Organisations[centre]).Should().Be(administered);
    }

    [Theory]
    [MemberData(nameof(LooksAtRegion))]
    public void ShowsARegionsFigures_ToItsCentreAndTheNationalOneOnly(string user, string centre, bool visible)
    {
        AccessRules.RegionsVisibleTo(User(user)).Compile()(Organisations[centre]).Should().Be(visible);
    }

    [Theory]
    [InlineData("Director@xojaobod", Reach.OwnCentre)]
    [InlineData("ServiceHead@xojaobod", Reach.OwnCentre)]
    [InlineData("Administrator@xojaobod", Reach.OwnCentre)]
    [InlineData("RegionalMethodologist@andijon", Reach.Region)]
    [InlineData("Administrator@andijon", Reach.Region)]
    [InlineData("Inspector@andijon", Reach.OwnCentre)]
    [InlineData("ServiceHead@andijon", Reach.OwnCentre)]
    [InlineData("NationalDirector@national", Reach.Everything)]
    [InlineData("NationalMethodologist@national", Reach.Everything)]
    [InlineData("Administrator@national", Reach.Everything)]
    public void ReachesAsFarAsTheUsersCentreAndRoleGo(string user, Reach reach)
    {
        AccessRules.ReachOf(User(user)).Should().Be(reach);
    }

    [Theory]
    [InlineData("national", null)]
    [InlineData("andijon", null)]
    [InlineData("xojaobod", "andijon")]
    [InlineData("asaka", "andijon")]
    [InlineData("chust", "namangan")]
    public void SettlesEachCentresRegionFromItsParent(string centre, string? region)
    {
        Organisations[centre].RegionId.Should().Be(region is null ? null : Id(region));
    }

    [Fact]
    public void SettlesTheRegion_WhenTheParentIsNotSavedYet()
    {
        var national = new Organisation("n", OrganisationKind.National, "n", "n", null);
        var region = new Organisation("r", OrganisationKind.Regional, "r", "r", national);
        var district = new Organisation("d", OrganisationKind.District, "d", "d", region);

        (region.Region, district.Region).Should().Be((null, region));
    }

    [Theory]
    [InlineData("Director@xojaobod", null)]
    [InlineData("Administrator@xojaobod", null)]
    [InlineData("RegionalDirector@andijon", "andijon")]
    [InlineData("Administrator@andijon", "andijon")]
    [InlineData("Inspector@andijon", null)]
    [InlineData("NationalMethodologist@national", null)]
    [InlineData("Administrator@national", null)]
    public void StartsARegionalPageOnTheUsersOwnRegion(string user, string? region)
    {
        AccessRules.DefaultRegionOf(User(user)).Should().Be(region is null ? null : Id(region));
    }
}
