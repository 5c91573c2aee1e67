using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using WorkPlan.Core.Administration;
using WorkPlan.Web.Authorization;
using WorkPlan.Web.Infrastructure;

namespace WorkPlan.Web.Features.Users;

/// <summary>User accounts of the administrator's branch: list, create, edit, deactivate, reset password.</summary>
[Authorize(Policy = Policies.Administer)]
public sealed class UsersController(UserAdminService users, IStringLocalizer<SharedResource> localizer) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index(int? organisationId, string? search, int page = 1, CancellationToken cancellationToken = default)
    {
        var filter = new UserFilter(organisationId, search, page);
        return View(new UsersIndexViewModel(await users.ListAsync(filter, cancellationToken), filter, await users.FormOptionsAsync(cancellationToken)));
    }

    [HttpGet]
    public async Task<IActionResult> Create(int? organisationId, CancellationToken cancellationToken) =>
        View("Form", new UserFormViewModel(new UserInput { OrganisationId = organisationId }, await users.FormOptionsAsync(cancellationToken), null));

    [HttpPost]
    public async Task<IActionResult> Create(UserInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (string.IsNullOrEmpty(input.Password))
        {
            ModelState.AddModelError($"{nameof(UserFormViewModel.Input)}.{nameof(UserInput.Password)}", localizer["Validation.Required"]);
        }

        var answer = await this.PostFormAsync(
            localizer,
            () => users.CreateAsync(input.ToCreateCommand(), cancellationToken),
            id =>
            {
                TempData["Message"] = localizer["Users.Created", input.UserName].Value;
                return RedirectToAction(nameof(Edit), new { id });
            });
        input.Password = null;
        return answer ?? View("Form", new UserFormViewModel(input, await users.FormOptionsAsync(cancellationToken), null));
    }

    [HttpGet]
    public async Task<IActionResult> Edit(string id, CancellationToken cancellationToken)
    {
        var user = await users.GetAsync(id, cancellationToken);
        return user.IsOk
            ? View("Form", new UserFormViewModel(UserInput.From(user.Value), await users.FormOptionsAsync(cancellationToken), user.Value))
            : user.Failure(this);
    }

    [HttpPost]
    public async Task<IActionResult> Edit(string id, UserInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var existing = await users.GetAsync(id, cancellationToken);
        if (!existing.IsOk)
        {
            return existing.Failure(this);
        }

        ModelState.Remove($"{nameof(UserFormViewModel.Input)}.{nameof(UserInput.UserName)}");
        ModelState.Remove($"{nameof(UserFormViewModel.Input)}.{nameof(UserInput.Password)}");
        input.UserName = existing.Value.UserName;
        return await this.PostFormAsync(
                localizer,
                () => users.UpdateAsync(id, input.ToUpdateCommand(), cancellationToken),
                () => RedirectToAction(nameof(Edit), new { id }),
                conflictKey: FormPosts.ChangedMeanwhileKey,
                onConflict: () =>
                {
                    input.ConcurrencyStamp = existing.Value.ConcurrencyStamp;
                    this.KeepTypedOverCurrent($"{FormPosts.InputPrefix}.{nameof(input.ConcurrencyStamp)}");
                })
            ?? View("Form", new UserFormViewModel(input, await users.FormOptionsAsync(cancellationToken), existing.Value));
    }

    [HttpPost]
    public Task<IActionResult> Deactivate(string id, CancellationToken cancellationToken) => SetActiveAsync(id, false, cancellationToken);

    [HttpPost]
    public Task<IActionResult> Activate(string id, CancellationToken cancellationToken) => SetActiveAsync(id, true, cancellationToken);

    [HttpPost]
    public async Task<IActionResult> ResetPassword(string id, CancellationToken cancellationToken)
    {
        var user = await users.GetAsync(id, cancellationToken);
        if (!user.IsOk)
        {
            return user.Failure(this);
        }

        var reset = await users.ResetPasswordAsync(id, cancellationToken);
        return reset.ToActionResult(this, password => View("TemporaryPassword", new TemporaryPasswordViewModel(id, user.Value.UserName, password)));
    }

    private async Task<IActionResult> SetActiveAsync(string id, bool active, CancellationToken cancellationToken)
    {
        var result = await users.SetActiveAsync(id, active, cancellationToken);
        return result.AfterStep(this, localizer, active ? "Users.Activated" : "Users.Deactivated", () => RedirectToAction(nameof(Edit), new { id }));
    }
}
