using Microsoft.AspNetCore.Mvc;
using WorkPlan.Core.Common;
using WorkPlan.Core.Regional;
using WorkPlan.Web.Infrastructure;

namespace WorkPlan.Web.Features.Dashboard;

/// <summary>Dashboards with charts (each also a table): a district's execution, a region's districts.</summary>
public sealed class DashboardController(DashboardService dashboards) : Controller
{
    /// <summary>The region's dashboard for those who see a region; their district's otherwise.</summary>
    [HttpGet]
    public async Task<IActionResult> Index(int? regionId, int? year, string? code, CancellationToken cancellationToken)
    {
        var region = await dashboards.RegionAsync(regionId, year, code, cancellationToken);
        if (region.Status == ResultStatus.NotFound && regionId is null)
        {
            // Not regional staff: their own centre's plan in force, if it has one yet.
            var own = await dashboards.DistrictAsync(null, null, cancellationToken);
            return own.Status == ResultStatus.NotFound ? View("~/Features/Actuals/NoPlan.cshtml") : own.ToActionResult(this, dashboard => View("District", dashboard));
        }

        return region.ToActionResult(this, dashboard => View("Region", dashboard));
    }

    /// <summary>One centre's plan's dashboard (the user's own centre's when none is given), with a chosen indicator's months.</summary>
    [HttpGet]
    public async Task<IActionResult> District(int? planId, int? indicatorId, CancellationToken cancellationToken) =>
        (await dashboards.DistrictAsync(planId, indicatorId, cancellationToken)).ToActionResult(this, dashboard => View(dashboard));
}
