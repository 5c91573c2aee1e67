using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using WorkPlan.Core.Common;
using WorkPlan.Core.Plans;
using WorkPlan.Web.Infrastructure;

namespace WorkPlan.Web.Features.PlanEditor;

/// <summary>Editing a draft plan: sections and indicators (the centre's director and inspector).</summary>
public sealed class PlanEditorController(
    PlanEditService editor, PlanSectionEditService sections, PlanFamilyEditService families, IStringLocalizer<SharedResource> localizer) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index(int id, CancellationToken cancellationToken) =>
        (await editor.GetEditorAsync(id, cancellationToken)).ToActionResult(this, view => View(new PlanEditorPageViewModel(view)));

    /// <summary>Adds a section; the same form sent twice adds it once and leads to it.</summary>
    [HttpPost]
    public async Task<IActionResult> AddSection(int id, SectionInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var result = await sections.AddSectionAsync(id, input.Label, input.Title, FormTokens.Read(input.FormToken), cancellationToken);
        return result.Status switch
        {
            ResultStatus.Ok => AfterAdd(result.Value, id, $"section-{result.Value.Id}"),
            ResultStatus.NotFound or ResultStatus.Forbidden => NotFound(),
            ResultStatus.Conflict => await SectionRefusedAsync(id, null, input, localizer["Editor.AddConflict"].Value, null, cancellationToken),
            _ => await SectionRefusedAsync(id, null, input, result.Errors.Localize(localizer), result.Errors.Count > 0 ? result.Errors[0].Field : null, cancellationToken),
        };
    }

    /// <summary>Renames a section as the form showed it; over a section changed meanwhile it is refused, keeping what was typed.</summary>
    [HttpPost]
    public async Task<IActionResult> RenameSection(int id, int planId, SectionInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var result = await sections.RenameSectionAsync(id, input.Label, input.Title, input.Version, cancellationToken);
        return result.Status switch
        {
            ResultStatus.Ok => AfterChange(result.Status, result.Errors, result.Value),
            ResultStatus.NotFound or ResultStatus.Forbidden => NotFound(),
            ResultStatus.Conflict => await SectionRefusedAsync(planId, id, input, null, null, cancellationToken),
            _ => await SectionRefusedAsync(planId, id, input, result.Errors.Localize(localizer), result.Errors.Count > 0 ? result.Errors[0].Field : null, cancellationToken),
        };
    }

    [HttpPost]
    public async Task<IActionResult> MoveSection(int id, int planId, int direction, CancellationToken cancellationToken)
    {
        var result = await sections.MoveSectionAsync(id, direction, cancellationToken);
        return AfterChange(result.Status, result.Errors, planId);
    }

    [HttpPost]
    public async Task<IActionResult> DeleteSection(int id, int planId, CancellationToken cancellationToken)
    {
        var result = await sections.DeleteSectionAsync(id, cancellationToken);
        return AfterChange(result.Status, result.Errors, planId);
    }

    [HttpGet]
    public async Task<IActionResult> AddIndicator(int id, int? sectionId, int? parentId, CancellationToken cancellationToken)
    {
        var context = await editor.GetFormContextAsync(id, cancellationToken);
        return context.ToActionResult(this, c => View("Indicator", new IndicatorFormViewModel(
            new IndicatorInput { SectionId = sectionId ?? (c.Sections.Count > 0 ? c.Sections[0].Id : 0), ParentId = parentId, FormToken = FormTokens.New() }, c, null, false)));
    }

    [HttpPost]
    public async Task<IActionResult> AddIndicator(int id, IndicatorInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var context = await editor.GetFormContextAsync(id, cancellationToken);
        if (!context.IsOk)
        {
            return NotFound();
        }

        if (ValidCommand(input) is { } command)
        {
            var added = await editor.AddIndicatorAsync(id, command, FormTokens.Read(input.FormToken), cancellationToken);
            switch (added.Status)
            {
                case ResultStatus.Ok:
                    return AfterAdd(added.Value, id, $"row-{added.Value.Id}");
                case ResultStatus.NotFound:
                    return NotFound();
                case ResultStatus.Conflict:
                    ModelState.AddModelError(string.Empty, localizer["Editor.AddConflict"]);
                    break;
                default:
                    ModelState.AddErrors(added.Errors, localizer, nameof(IndicatorFormViewModel.Input));
                    break;
            }
        }

        return View("Indicator", new IndicatorFormViewModel(input, context.Value, null, false));
    }

    [HttpGet]
    public async Task<IActionResult> EditIndicator(int id, CancellationToken cancellationToken)
    {
        var indicator = await editor.GetIndicatorAsync(id, cancellationToken);
        if (!indicator.IsOk)
        {
            return NotFound();
        }

        var context = await editor.GetFormContextAsync(indicator.Value.PlanId, cancellationToken);
        return context.ToActionResult(this, c => View("Indicator", new IndicatorFormViewModel(
            IndicatorInput.From(indicator.Value.Form.Values), c, id, indicator.Value.Form.HasChildren)));
    }

    [HttpPost]
    public async Task<IActionResult> EditIndicator(int id, IndicatorInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var indicator = await editor.GetIndicatorAsync(id, cancellationToken);
        var context = indicator.IsOk ? await editor.GetFormContextAsync(indicator.Value.PlanId, cancellationToken) : Result<IndicatorFormContext>.NotFound();
        if (!context.IsOk)
        {
            return NotFound();
        }

        if (ValidCommand(input) is { } command)
        {
            var saved = await editor.UpdateIndicatorAsync(id, command, cancellationToken);
            switch (saved.Status)
            {
                case ResultStatus.Ok:
                    TempData["Message"] = localizer["Admin.Saved"].Value;
                    return RedirectToAction(nameof(Index), new { id = saved.Value });
                case ResultStatus.Conflict:
                    ModelState.AddModelError(string.Empty, localizer["Error.409.Text"]);
                    input = IndicatorInput.From(indicator.Value.Form.Values);
                    break;
                case ResultStatus.NotFound:
                    return NotFound();
                default:
                    ModelState.AddErrors(saved.Errors, localizer, nameof(IndicatorFormViewModel.Input));
                    break;
            }
        }

        return View("Indicator", new IndicatorFormViewModel(input, context.Value, id, indicator.Value.Form.HasChildren));
    }

    /// <summary>The "of which" family of a row (its parent and all the parent's "of which" rows) as one form.</summary>
    [HttpGet]
    public async Task<IActionResult> Family(int id, CancellationToken cancellationToken) =>
        (await families.GetFamilyAsync(id, cancellationToken)).ToActionResult(this, form => View(new FamilyFormViewModel(form, FamilyInput.From(form))));

    /// <summary>Saves the family's facts and targets together: the rule checks the rows as a whole, in one transaction.</summary>
    [HttpPost]
    public async Task<IActionResult> Family(int id, FamilyInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var form = await families.GetFamilyAsync(id, cancellationToken);
        if (!form.IsOk)
        {
            return NotFound();
        }

        var (rows, badNumbers) = input.ToValues();
        foreach (var field in badNumbers)
        {
            ModelState.AddModelError($"{nameof(FamilyFormViewModel.Input)}.{field}", localizer["Editor.NotANumber"]);
        }

        if (ModelState.IsValid)
        {
            var saved = await families.SaveFamilyAsync(id, rows, cancellationToken: cancellationToken);
            switch (saved.Status)
            {
                case ResultStatus.Ok:
                    TempData["Message"] = localizer["Admin.Saved"].Value;
                    return RedirectToAction(nameof(Index), new { id = saved.Value });
                case ResultStatus.Conflict:
                    ModelState.Clear();
                    ModelState.AddModelError(string.Empty, localizer["Error.409.Text"]);
                    input = FamilyInput.From(form.Value);
                    break;
                case ResultStatus.NotFound:
                    return NotFound();
                default:
                    ModelState.AddErrors(saved.Errors, localizer, nameof(FamilyFormViewModel.Input));
                    break;
            }
        }

        return View(new FamilyFormViewModel(form.Value, input));
    }

    /// <summary>Changes one target straight from the editor's list (the row's own small save, with its version).</summary>
    [HttpPost]
    public async Task<IActionResult> SetTarget(int id, TargetInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var indicator = await editor.GetIndicatorAsync(id, cancellationToken);
        if (!indicator.IsOk)
        {
            return NotFound();
        }

        var planId = indicator.Value.PlanId;
        string? failure = null;
        if (!ModelState.IsValid || !Infrastructure.NumberInput.TryParse(input.Target, out var target))
        {
            failure = localizer["Editor.NotANumber"].Value;
        }
        else
        {
            var saved = await families.SaveFamilyAsync(id, [new FamilyRowValues(id, null, target, input.Version)], targetsOnly: true, cancellationToken);
            switch (saved.Status)
            {
                case ResultStatus.Ok:
                    TempData["Message"] = localizer["Admin.Saved"].Value;
                    return Redirect(Url.Action(nameof(Index), new { id = planId }) + $"#row-{id}");
                case ResultStatus.Conflict:
                    TempData["Error"] = localizer["Error.409.Text"].Value;
                    return RedirectToAction(nameof(Index), new { id = planId });
                case ResultStatus.NotFound:
                    return NotFound();
                default:
                    failure = saved.Errors.Localize(localizer);
                    break;
            }
        }

        var view = await editor.GetEditorAsync(planId, cancellationToken);
        return view.ToActionResult(this, v => View(nameof(Index), new PlanEditorPageViewModel(v, id, input.Target, failure)));
    }

    [HttpPost]
    public async Task<IActionResult> DeleteIndicator(int id, CancellationToken cancellationToken)
    {
        var indicator = await editor.GetIndicatorAsync(id, cancellationToken);
        if (!indicator.IsOk)
        {
            return NotFound();
        }

        var result = await editor.DeleteIndicatorAsync(id, cancellationToken);
        return AfterChange(result.Status, result.Errors, indicator.Value.PlanId);
    }

    [HttpPost]
    public async Task<IActionResult> MoveIndicator(int id, int planId, int direction, CancellationToken cancellationToken)
    {
        var result = await editor.MoveIndicatorAsync(id, direction, cancellationToken);
        return AfterChange(result.Status, result.Errors, planId);
    }

    private SaveIndicator? ValidCommand(IndicatorInput input)
    {
        var (command, badNumbers) = input.ToCommand();
        foreach (var field in badNumbers)
        {
            ModelState.AddModelError($"{nameof(IndicatorFormViewModel.Input)}.{field}", localizer["Editor.NotANumber"]);
        }

        return ModelState.IsValid ? command : null;
    }

    /// <summary>Back to the editor with what happened; a record out of reach answers 404.</summary>
    private IActionResult AfterChange(ResultStatus status, IReadOnlyList<ValidationError> errors, int planId)
    {
        if (status is ResultStatus.NotFound or ResultStatus.Forbidden)
        {
            return NotFound();
        }

        if (status == ResultStatus.Ok)
        {
            TempData["Message"] = localizer["Admin.Saved"].Value;
        }
        else
        {
            TempData["Error"] = status == ResultStatus.Conflict ? localizer["Error.409.Text"].Value : errors.Localize(localizer);
        }

        return RedirectToAction(nameof(Index), new { id = planId });
    }

    /// <summary>To the record a form added (by this post, or by an earlier post of the same form).</summary>
    private RedirectResult AfterAdd(Added added, int planId, string anchor)
    {
        TempData["Message"] = localizer[added.Again ? "Editor.AlreadyAdded" : "Admin.Saved"].Value;
        return Redirect(Url.Action(nameof(Index), new { id = planId }) + "#" + anchor);
    }

    /// <summary>
    /// The editor again with a section form that could not be saved: what was typed, and why next to it; a rename over
    /// a section changed meanwhile says what it reads now (the form then carries the new version).
    /// </summary>
    private async Task<IActionResult> SectionRefusedAsync(
        int planId, int? sectionId, SectionInput input, string? message, string? field, CancellationToken cancellationToken)
    {
        var view = await editor.GetEditorAsync(planId, cancellationToken);
        if (!view.IsOk)
        {
            return NotFound();
        }

        if (message is null)
        {
            if (view.Value.Sections.FirstOrDefault(s => s.Id == sectionId) is not { } now)
            {
                return NotFound();
            }

            message = localizer["Editor.SectionChanged", now.Label, now.Title].Value;
        }

        return View(nameof(Index), new PlanEditorPageViewModel(view.Value, FailedSection: new SectionFailure(sectionId, input.Label, input.Title, input.FormToken, message, field)));
    }
}
