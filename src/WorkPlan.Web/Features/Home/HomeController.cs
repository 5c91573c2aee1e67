using Microsoft.AspNetCore.Mvc;
using WorkPlan.Core.Common;
using WorkPlan.Core.Home;

namespace WorkPlan.Web.Features.Home;

/// <summary>The start page: each role lands on its own work.</summary>
public sealed class HomeController(HomeService home, ICurrentUser currentUser) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var user = currentUser.Required;
        if (user.IsInRole(Roles.ServiceHead))
        {
            // This month's missing entries head the entry sheet.
            return RedirectToAction("Index", "Actuals");
        }

        if (Roles.Overseeing.Contains(user.Role))
        {
            return View("Region", await home.RegionAsync(cancellationToken));
        }

        if (user.IsInRole(Roles.Director) || user.IsInRole(Roles.Inspector))
        {
            return await home.DistrictAsync(cancellationToken) is { } district ? View("District", district) : RedirectToAction("Index", "Plans");
        }

        return RedirectToAction("Index", user.IsInRole(Roles.Administrator) ? "Organisations" : "Plans");
    }
}
