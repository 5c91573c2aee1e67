using Microsoft.AspNetCore.Mvc;
using WorkPlan.Core.National;
using WorkPlan.Web.Infrastructure;

namespace WorkPlan.Web.Features.NationalProgress;

/// <summary>The National Library's view of the country: the regions' reports and completeness, and the national dashboard (404 to anyone else).</summary>
public sealed class NationalProgressController(NationalProgressService progress) : Controller
{
    /// <summary>Regions × quarters of the consolidated reports' timeliness, and regions × months of the share of districts complete.</summary>
    [HttpGet]
    public async Task<IActionResult> Index(int? year, CancellationToken cancellationToken) =>
        (await progress.TimelinessAsync(year, cancellationToken)).ToActionResult(this, page => View(page));

    /// <summary>Regions ranked by execution, a national indicator across regions, the districts at risk of missing the year.</summary>
    [HttpGet]
    public async Task<IActionResult> Dashboard(int? year, string? code, CancellationToken cancellationToken) =>
        (await progress.DashboardAsync(year, code, cancellationToken)).ToActionResult(this, page => View(page));
}
