using Microsoft.AspNetCore.Mvc;
using WorkPlan.Core.Plans;
using WorkPlan.Web.Infrastructure;

namespace WorkPlan.Web.Features.Plans;

/// <summary>The list of plans and the plan document.</summary>
public sealed class PlansController(PlanService plans) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await plans.ListAsync(cancellationToken));

    [HttpGet]
    public async Task<IActionResult> Details(int id, CancellationToken cancellationToken) =>
        (await plans.GetDocumentAsync(id, cancellationToken)).ToActionResult(this, document => View(document));
}
