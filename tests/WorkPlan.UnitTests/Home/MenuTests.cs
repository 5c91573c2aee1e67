using WorkPlan.Core.Home;
using static WorkPlan.UnitTests.Access.AccessTable;

namespace WorkPlan.UnitTests.Home;

/// <summary>The menu offers each user the parts of the app the access rules open to them, at every level of the tree.</summary>
public class MenuTests
{
    [Theory]
    //          user                              own centre, inbox, region, country, administer
    [InlineData("Director@xojaobod", true, false, false, false, false)]
    [InlineData("Inspector@xojaobod", true, false, false, false, false)]
    [InlineData("ServiceHead@xojaobod", true, false, false, false, false)]
    [InlineData("Administrator@xojaobod", true, false, false, false, true)]
    [InlineData("RegionalDirector@andijon", true, true, true, false, false)]
    [InlineData("RegionalMethodologist@andijon", false, true, true, false, false)]
    [InlineData("Inspector@andijon", true, false, false, false, false)]
    [InlineData("ServiceHead@andijon", true, false, false, false, false)]
    [InlineData("Administrator@andijon", false, false, true, false, true)]
    [InlineData("NationalDirector@national", false, true, false, true, false)]
    [InlineData("NationalMethodologist@national", false, true, false, true, false)]
    [InlineData("Administrator@national", false, false, false, true, true)]
    public void OffersEachUserThePartsOfTheAppTheyMayOpen(string user, bool ownCentre, bool inbox, bool region, bool country, bool administer)
    {
        var menu = Menu.For(User(user));

        (menu.OwnCentre, menu.Inbox, menu.Region, menu.Country, menu.Administer).Should().Be((ownCentre, inbox, region, country, administer));
    }

    [Theory]
    [InlineData("RegionalDirector@andijon", true)]
    [InlineData("Director@xojaobod", false)]
    [InlineData("NationalMethodologist@national", false)]
    public void GroupsTheCentresOwnPages_OnlyWhereARegionsPagesShowBesideThem(string user, bool grouped)
    {
        Menu.For(User(user)).GroupsOwnCentre.Should().Be(grouped);
    }
}
