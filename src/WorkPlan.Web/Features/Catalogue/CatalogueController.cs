using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using WorkPlan.Core.Catalogue;
using WorkPlan.Core.Common;
using WorkPlan.Core.Plans;
using WorkPlan.Web.Authorization;
using WorkPlan.Web.Infrastructure;

namespace WorkPlan.Web.Features.Catalogue;

/// <summary>
/// The regional template plan and its indicator catalogue (kept by the regional centre, read by its
/// districts), creating a district plan from it, and mapping a district plan's rows to its codes.
/// </summary>
public sealed class CatalogueController(
    CatalogueService catalogue, CatalogueMappingService mapping, NewPlanService newPlans, IStringLocalizer<SharedResource> localizer) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index(int? regionId, CancellationToken cancellationToken) =>
        (await catalogue.GetAsync(regionId, cancellationToken)).ToActionResult(this, page => View(page));

    [HttpPost]
    public async Task<IActionResult> FromPlan(int planId, CancellationToken cancellationToken) =>
        (await catalogue.BuildFromPlanAsync(planId, cancellationToken)).AfterStep(this, localizer, "Catalogue.Built", () => RedirectToAction(nameof(Index)));

    [HttpGet]
    [Authorize(Policy = Policies.RegionalStaff)]
    public async Task<IActionResult> Item(int? id, CancellationToken cancellationToken) =>
        (await catalogue.GetItemAsync(id, cancellationToken)).ToActionResult(this, found =>
            View(new TemplateItemViewModel(TemplateItemInput.From(found.Form), found.Form.Id, found.Form.CodeFrozen, found.Choices)));

    [HttpPost]
    [Authorize(Policy = Policies.RegionalStaff)]
    public async Task<IActionResult> Item(int? id, TemplateItemInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var current = await catalogue.GetItemAsync(id, cancellationToken);
        if (!current.IsOk)
        {
            return current.Failure(this);
        }

        return await this.PostFormAsync(
                localizer,
                () => catalogue.SaveItemAsync(id, input.ToCommand(), cancellationToken),
                _ => RedirectToAction(nameof(Index)),
                conflictKey: FormPosts.ChangedMeanwhileKey,
                onConflict: () =>
                {
                    input.Version = current.Value.Form.Version;
                    this.KeepTypedOverCurrent($"{FormPosts.InputPrefix}.{nameof(input.Version)}");
                })
            ?? View(new TemplateItemViewModel(input, id, current.Value.Form.CodeFrozen, current.Value.Choices));
    }

    [HttpPost]
    [Authorize(Policy = Policies.RegionalStaff)]
    public async Task<IActionResult> Delete(int id, uint version, CancellationToken cancellationToken) =>
        (await catalogue.DeleteItemAsync(id, version, cancellationToken)).AfterStep(this, localizer, "Admin.Deleted", () => RedirectToAction(nameof(Index)));

    [HttpPost]
    [Authorize(Policy = Policies.RegionalStaff)]
    public async Task<IActionResult> Publish(uint version, CancellationToken cancellationToken) =>
        (await catalogue.PublishAsync(version, cancellationToken)).AfterStep(this, localizer, "Catalogue.Published", () => RedirectToAction(nameof(Index)));

    [HttpPost]
    public async Task<IActionResult> CreatePlan(int year, CancellationToken cancellationToken) =>
        (await newPlans.CreateFromTemplateAsync(year, cancellationToken))
            .AfterCreatingPlan(this, localizer, "Catalogue.PlanCreated", () => RedirectToAction("Index", "Plans"));

    [HttpGet]
    public async Task<IActionResult> Mapping(int planId, CancellationToken cancellationToken) =>
        (await mapping.MappingAsync(planId, cancellationToken)).ToActionResult(this, page => View(page));

    [HttpPost]
    [RequestSizeLimit(RequestLimits.SheetBytes)]
    [RequestFormLimits(ValueCountLimit = RequestLimits.MappingFormValues)]
    public async Task<IActionResult> Mapping(int planId, [FromForm] IReadOnlyList<MappingCellInput>? rows, CancellationToken cancellationToken)
    {
        var cells = (rows ?? []).Select(r => new MappingCell(r.IndicatorId, r.Code, r.Version)).ToList();
        return (await mapping.SaveMappingAsync(planId, cells, cancellationToken))
            .AfterStep(this, localizer, "Admin.Saved", () => RedirectToAction(nameof(Mapping), new { planId }));
    }
}

public sealed record TemplateItemViewModel(TemplateItemInput Input, int? Id, bool CodeFrozen, TemplateItemChoices Choices);

/// <summary>A row of the mapping form: the indicator, the chosen code (empty for a row of the district's own) and the row version.</summary>
public sealed class MappingCellInput
{
    public int IndicatorId { get; set; }

    public string? Code { get; set; }

    public uint Version { get; set; }
}

public sealed class TemplateItemInput : IndicatorRowInput
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(FieldLimits.CatalogueCode, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Catalogue.Code")]
    public string Code { get; set; } = string.Empty;

    [Display(Name = "Catalogue.Parent")]
    public int? ParentId { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(FieldLimits.SectionLabel, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Editor.SectionLabel")]
    public string SectionLabel { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(FieldLimits.SectionTitle, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Editor.SectionTitle")]
    public string SectionTitle { get; set; } = string.Empty;

    [Display(Name = "Plan.Responsible")]
    public List<string> ServiceCodes { get; set; } = [];

    public uint Version { get; set; }

    public DeadlineChoices Deadline => new(ScheduleKind, Quarters, FromMonth, ToMonth, "mb-3");

    public static TemplateItemInput From(TemplateItemForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var input = new TemplateItemInput
        {
            Code = form.Code, ParentId = form.ParentId, SectionLabel = form.SectionLabel, SectionTitle = form.SectionTitle, Number = form.Number,
            Name = form.Name, Unit = form.Unit, Measure = form.Measure, Rollup = form.Rollup, ServiceCodes = [.. form.ServiceCodes], Version = form.Version,
        };
        input.ShowStepsAndDeadline(form.Mechanism, form.Schedule);
        return input;
    }

    public SaveTemplateItem ToCommand() => new(
        Code, ParentId, SectionLabel, SectionTitle, Number, Name, Unit, Measure, Rollup,
        Steps(), ScheduleKind, Quarters, FromMonth, ToMonth, ServiceCodes, Version);
}
