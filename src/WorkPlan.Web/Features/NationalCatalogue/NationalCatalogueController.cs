using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using WorkPlan.Core.Catalogue;
using WorkPlan.Core.Common;
using WorkPlan.Web.Infrastructure;

namespace WorkPlan.Web.Features.NationalCatalogue;

/// <summary>
/// The national indicator catalogue (kept by the National Library, read by regional and national staff) and the mapping
/// of each region's catalogue to it. Who may do what is decided in Core.
/// </summary>
public sealed class NationalCatalogueController(
    NationalCatalogueService catalogue, NationalMappingService mapping, IStringLocalizer<SharedResource> localizer) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        (await catalogue.GetAsync(cancellationToken)).ToActionResult(this, page => View(page));

    [HttpPost]
    public async Task<IActionResult> FromTemplate(int regionId, CancellationToken cancellationToken) =>
        (await catalogue.BuildFromTemplateAsync(regionId, cancellationToken)).AfterStep(this, localizer, "NationalCatalogue.Built", () => RedirectToAction(nameof(Index)));

    [HttpGet]
    public async Task<IActionResult> Item(int? id, CancellationToken cancellationToken) =>
        (await catalogue.GetItemAsync(id, cancellationToken)).ToActionResult(this, form => View(new NationalItemViewModel(NationalItemInput.From(form), form.Id, form.CodeFrozen)));

    [HttpPost]
    public async Task<IActionResult> Item(int? id, NationalItemInput input, CancellationToken cancellationToken)
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
                    input.Version = current.Value.Version;
                    this.KeepTypedOverCurrent($"{FormPosts.InputPrefix}.{nameof(input.Version)}");
                })
            ?? View(new NationalItemViewModel(input, id, current.Value.CodeFrozen));
    }

    [HttpPost]
    public async Task<IActionResult> Delete(int id, uint version, CancellationToken cancellationToken) =>
        (await catalogue.DeleteItemAsync(id, version, cancellationToken)).AfterStep(this, localizer, "Admin.Deleted", () => RedirectToAction(nameof(Index)));

    [HttpPost]
    public async Task<IActionResult> Publish(uint version, CancellationToken cancellationToken) =>
        (await catalogue.PublishAsync(version, cancellationToken)).AfterStep(this, localizer, "NationalCatalogue.PublishedNotice", () => RedirectToAction(nameof(Index)));

    [HttpGet]
    public async Task<IActionResult> Mapping(int? regionId, CancellationToken cancellationToken) =>
        (await mapping.GetAsync(regionId, cancellationToken)).ToActionResult(this, page => View(new NationalMappingViewModel(page, null)));

    [HttpPost]
    [RequestSizeLimit(RequestLimits.SheetBytes)]
    [RequestFormLimits(ValueCountLimit = RequestLimits.MappingFormValues)]
    public async Task<IActionResult> Mapping([FromForm] IReadOnlyList<NationalMappingCellInput>? rows, CancellationToken cancellationToken)
    {
        var cells = (rows ?? []).Select(r => new NationalMappingCell(r.Id, r.Code, r.Version)).ToList();
        var shown = await this.PostFormAsync(localizer, () => mapping.SaveAsync(cells, cancellationToken), () => RedirectToAction(nameof(Mapping)), prefix: null, conflictKey: FormPosts.ChangedMeanwhileKey);
        if (shown is not null)
        {
            return shown;
        }

        // Shown again over what is stored now, with what was typed kept in each chooser and each message beside its own.
        var page = await mapping.GetAsync(null, cancellationToken);
        return page.ToActionResult(this, p => View(new NationalMappingViewModel(p, cells.ToDictionary(c => c.IndicatorId, c => c.NationalCode))));
    }
}

public sealed record NationalItemViewModel(NationalItemInput Input, int? Id, bool CodeFrozen);

/// <summary>The mapping page, and after a refused save what was typed for each indicator (by its id).</summary>
public sealed record NationalMappingViewModel(NationalMappingPage Page, IReadOnlyDictionary<int, string?>? Typed)
{
    /// <summary>The code the chooser shows: what was typed, the stored code, or the first suggestion.</summary>
    public string? Chosen(NationalMappingLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (Typed is not null && Typed.TryGetValue(line.Id, out var typed))
        {
            return string.IsNullOrWhiteSpace(typed) ? null : typed.Trim().ToUpperInvariant();
        }

        return line.NationalCode ?? (line.Suggestions.Count > 0 ? line.Suggestions[0].Code : null);
    }
}

/// <summary>A row of the mapping form: the regional indicator, the chosen national code (empty for the region's own) and the row version.</summary>
public sealed class NationalMappingCellInput
{
    public int Id { get; set; }

    public string? Code { get; set; }

    public uint Version { get; set; }
}

/// <summary>A national indicator's form: its code and section beside what every indicator form has.</summary>
public sealed class NationalItemInput : IndicatorBasicsInput
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(FieldLimits.CatalogueCode, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Catalogue.Code")]
    public string Code { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(FieldLimits.SectionLabel, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Editor.SectionLabel")]
    public string SectionLabel { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(FieldLimits.SectionTitle, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Editor.SectionTitle")]
    public string SectionTitle { get; set; } = string.Empty;

    public uint Version { get; set; }

    public static NationalItemInput From(NationalItemForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return new NationalItemInput
        {
            Code = form.Code, SectionLabel = form.SectionLabel, SectionTitle = form.SectionTitle, Number = form.Number, Name = form.Name,
            Unit = form.Unit, Measure = form.Measure, Rollup = form.Rollup, Version = form.Version,
        };
    }

    public SaveNationalItem ToCommand() => new(Code, SectionLabel, SectionTitle, Number, Name, Unit, Measure, Rollup, Version);
}
