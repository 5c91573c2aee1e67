using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using WorkPlan.Core.Administration;
using WorkPlan.Web.Authorization;
using WorkPlan.Web.Infrastructure;

namespace WorkPlan.Web.Features.Services;

/// <summary>The services (xizmat) of an organisation: add, rename, delete when unused.</summary>
[Authorize(Policy = Policies.Administer)]
public sealed class ServicesController(OrganisationAdminService organisations, IStringLocalizer<SharedResource> localizer) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Create(int organisationId, CancellationToken cancellationToken) =>
        (await organisations.GetAsync(organisationId, cancellationToken)).ToActionResult(this, organisation =>
            View("Form", new ServiceFormViewModel(new ServiceInput(), organisation.Id, organisation.Name, null)));

    [HttpPost]
    public async Task<IActionResult> Create(int organisationId, ServiceInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var organisation = await organisations.GetAsync(organisationId, cancellationToken);
        if (!organisation.IsOk)
        {
            return organisation.Failure(this);
        }

        return await this.PostFormAsync(
                localizer,
                () => organisations.AddServiceAsync(organisationId, input.ToCommand(), cancellationToken),
                _ => RedirectToAction("Details", "Organisations", new { id = organisationId }))
            ?? View("Form", new ServiceFormViewModel(input, organisation.Value.Id, organisation.Value.Name, null));
    }

    [HttpGet]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken) =>
        (await organisations.GetServiceAsync(id, cancellationToken)).ToActionResult(this, service =>
            View("Form", new ServiceFormViewModel(ServiceInput.From(service), service.OrganisationId, service.Name, service.Id)));

    [HttpPost]
    public async Task<IActionResult> Edit(int id, ServiceInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var service = await organisations.GetServiceAsync(id, cancellationToken);
        if (!service.IsOk)
        {
            return service.Failure(this);
        }

        return await this.PostFormAsync(
                localizer,
                () => organisations.UpdateServiceAsync(id, input.ToCommand(), cancellationToken),
                () => RedirectToAction("Details", "Organisations", new { id = service.Value.OrganisationId }),
                conflictKey: FormPosts.ChangedMeanwhileKey,
                onConflict: () =>
                {
                    input.Version = service.Value.Version;
                    this.KeepTypedOverCurrent($"{FormPosts.InputPrefix}.{nameof(input.Version)}");
                })
            ?? View("Form", new ServiceFormViewModel(input, service.Value.OrganisationId, service.Value.Name, id));
    }

    [HttpPost]
    public async Task<IActionResult> Delete(int id, CancellationToken cancellationToken)
    {
        var service = await organisations.GetServiceAsync(id, cancellationToken);
        if (!service.IsOk)
        {
            return service.Failure(this);
        }

        return (await organisations.DeleteServiceAsync(id, cancellationToken))
            .AfterStep(this, localizer, "Admin.Deleted", () => RedirectToAction("Details", "Organisations", new { id = service.Value.OrganisationId }));
    }
}

public sealed class ServiceInput : NamedInput
{
    public uint Version { get; set; }

    public static ServiceInput From(ServiceItem service)
    {
        ArgumentNullException.ThrowIfNull(service);
        return new() { Name = service.Name, ShortName = service.ShortName, Version = service.Version };
    }

    public SaveService ToCommand() => new(Name, ShortName, Version);
}

/// <summary>The service form; <see cref="ServiceId"/> is null when adding a service.</summary>
public sealed record ServiceFormViewModel(ServiceInput Input, int OrganisationId, string ContextName, int? ServiceId);
