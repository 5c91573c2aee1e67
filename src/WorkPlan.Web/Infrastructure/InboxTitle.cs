using WorkPlan.Core.Access;
using WorkPlan.Core.Common;

namespace WorkPlan.Web.Infrastructure;

/// <summary>
/// The name of the report inbox in the user's words: a region's inbox holds its districts' reports ("Tumanlar hisobotlari"),
/// the National Library's the regions' ("Viloyatlar hisobotlari"), both their consolidated reports and their centres' own.
/// </summary>
public static class InboxTitle
{
    public static string Key(ICurrentUser currentUser)
    {
        ArgumentNullException.ThrowIfNull(currentUser);
        return currentUser.User is { } user && AccessRules.ReadsCountry(user) ? "Reports.InboxRegions" : "Reports.Inbox";
    }
}
