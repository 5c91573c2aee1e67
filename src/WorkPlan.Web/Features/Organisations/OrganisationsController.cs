using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using WorkPlan.Core.Administration;
using WorkPlan.Web.Authorization;
using WorkPlan.Web.Infrastructure;

namespace WorkPlan.Web.Features.Organisations;

/// <summary>The organisation tree of the administrator's branch, and each organisation's details.</summary>
[Authorize(Policy = Policies.Administer)]
public sealed class OrganisationsController(OrganisationAdminService organisations, IStringLocalizer<SharedResource> localizer) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) => View(await organisations.TreeAsync(cancellationToken));

    [HttpGet]
    public async Task<IActionResult> Details(int id, CancellationToken cancellationToken) =>
        (await organisations.GetAsync(id, cancellationToken)).ToActionResult(this, details => View(details));

    [HttpGet]
    public async Task<IActionResult> Create(int parentId, CancellationToken cancellationToken) =>
        (await organisations.GetAsync(parentId, cancellationToken)).ToActionResult(this, parent =>
            parent.ChildKind is null ? NotFound() : View("Form", new OrganisationFormViewModel(new OrganisationInput(), parent, IsNew: true)));

    [HttpPost]
    public async Task<IActionResult> Create(int parentId, OrganisationInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var parent = await organisations.GetAsync(parentId, cancellationToken);
        if (!parent.IsOk || parent.Value.ChildKind is null)
        {
            return NotFound();
        }

        if (ModelState.IsValid)
        {
            var created = await organisations.CreateAsync(parentId, input.ToCommand(), cancellationToken);
            if (created.IsOk)
            {
                TempData["Message"] = localizer["Admin.Saved"].Value;
                return RedirectToAction(nameof(Details), new { id = created.Value });
            }

            ModelState.AddErrors(created.Errors, localizer, nameof(OrganisationFormViewModel.Input));
        }

        return View("Form", new OrganisationFormViewModel(input, parent.Value, IsNew: true));
    }

    [HttpGet]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken) =>
        (await organisations.GetAsync(id, cancellationToken)).ToActionResult(this, details =>
            View("Form", new OrganisationFormViewModel(OrganisationInput.From(details), details, IsNew: false)));

    [HttpPost]
    public async Task<IActionResult> Edit(int id, OrganisationInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var current = await organisations.GetAsync(id, cancellationToken);
        if (!current.IsOk)
        {
            return NotFound();
        }

        if (ModelState.IsValid)
        {
            var saved = await organisations.UpdateAsync(id, input.ToCommand(), cancellationToken);
            if (saved.IsOk)
            {
                TempData["Message"] = localizer["Admin.Saved"].Value;
                return RedirectToAction(nameof(Details), new { id });
            }

            if (saved.Status == Core.Common.ResultStatus.Conflict)
            {
                ModelState.AddModelError(string.Empty, localizer["Error.409.Text"]);
                return View("Form", new OrganisationFormViewModel(OrganisationInput.From(current.Value), current.Value, IsNew: false));
            }

            ModelState.AddErrors(saved.Errors, localizer, nameof(OrganisationFormViewModel.Input));
        }

        return View("Form", new OrganisationFormViewModel(input, current.Value, IsNew: false));
    }
}
