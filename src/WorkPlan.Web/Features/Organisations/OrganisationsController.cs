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
        if (!parent.IsOk)
        {
            return parent.Failure(this);
        }

        if (parent.Value.ChildKind is null)
        {
            return NotFound();
        }

        return await this.PostFormAsync(
                localizer,
                () => organisations.CreateAsync(parentId, input.ToCommand(), cancellationToken),
                id => RedirectToAction(nameof(Details), new { id }))
            ?? View("Form", new OrganisationFormViewModel(input, parent.Value, IsNew: true));
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
            return current.Failure(this);
        }

        return await this.PostFormAsync(
                localizer,
                () => organisations.UpdateAsync(id, input.ToCommand(), cancellationToken),
                () => RedirectToAction(nameof(Details), new { id }),
                conflictKey: FormPosts.ChangedMeanwhileKey,
                onConflict: () =>
                {
                    input.Version = current.Value.Version;
                    this.KeepTypedOverCurrent($"{FormPosts.InputPrefix}.{nameof(input.Version)}");
                })
            ?? View("Form", new OrganisationFormViewModel(input, current.Value, IsNew: false));
    }
}
