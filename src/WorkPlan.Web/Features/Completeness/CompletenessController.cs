using Microsoft.AspNetCore.Mvc;
using WorkPlan.Core.Common;
using WorkPlan.Core.Regional;
using WorkPlan.Web.Infrastructure;

namespace WorkPlan.Web.Features.Completeness;

/// <summary>Completeness of monthly entries and timeliness of quarterly reports: districts for a region, services for a district.</summary>
public sealed class CompletenessController(CompletenessService completeness) : Controller
{
    /// <summary>The region's matrices for those who see a region; a district's own otherwise.</summary>
    [HttpGet]
    public async Task<IActionResult> Index(int? regionId, int? year, CancellationToken cancellationToken)
    {
        var region = await completeness.RegionAsync(regionId, year, cancellationToken);
        if (region.Status == ResultStatus.NotFound && regionId is null)
        {
            // Not regional staff: their own centre's plan in force, if it has one yet.
            var own = await completeness.DistrictAsync(null, cancellationToken);
            return own.Status == ResultStatus.NotFound ? View("~/Features/Actuals/NoPlan.cshtml") : own.ToActionResult(this, matrix => View(matrix));
        }

        return region.ToActionResult(this, matrix => View(matrix));
    }

    /// <summary>One district plan's matrix by service.</summary>
    [HttpGet]
    public async Task<IActionResult> Plan(int planId, CancellationToken cancellationToken) =>
        (await completeness.DistrictAsync(planId, cancellationToken)).ToActionResult(this, matrix => View("Index", matrix));
}
