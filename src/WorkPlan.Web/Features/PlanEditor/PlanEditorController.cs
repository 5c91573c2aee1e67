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
        return await this.PostFormAsync(
                localizer,
                () => sections.AddSectionAsync(id, input.Label, input.Title, FormTokens.Read(input.FormToken), cancellationToken),
                added => AfterAdd(added, id, $"section-{added.Id}"),
                prefix: null,
                conflictKey: "Editor.AddConflict")
            ?? await SectionRefusedAsync(id, null, input, false, cancellationToken);
    }

    /// <summary>Renames a section as the form showed it; over a section changed meanwhile it is refused, keeping what was typed.</summary>
    [HttpPost]
    public async Task<IActionResult> RenameSection(int id, int planId, SectionInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var changed = false;
        return await this.PostFormAsync(
                localizer,
                () => sections.RenameSectionAsync(id, input.Label, input.Title, input.Version, cancellationToken),
                BackToEditor,
                prefix: null,
                onConflict: () => changed = true)
            ?? await SectionRefusedAsync(planId, id, input, changed, cancellationToken);
    }

    [HttpPost]
    public async Task<IActionResult> MoveSection(int id, int planId, int direction, CancellationToken cancellationToken) =>
        AfterChange(await sections.MoveSectionAsync(id, direction, cancellationToken), planId);

    [HttpPost]
    public async Task<IActionResult> DeleteSection(int id, int planId, CancellationToken cancellationToken) =>
        AfterChange(await sections.DeleteSectionAsync(id, cancellationToken), planId);

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
            return context.Failure(this);
        }

        var command = Command(input);
        return await this.PostFormAsync(
                localizer,
                () => editor.AddIndicatorAsync(id, command!, FormTokens.Read(input.FormToken), cancellationToken),
                added => AfterAdd(added, id, $"row-{added.Id}"),
                conflictKey: "Editor.AddConflict")
            ?? View("Indicator", new IndicatorFormViewModel(input, context.Value, null, false));
    }

    [HttpGet]
    public async Task<IActionResult> EditIndicator(int id, CancellationToken cancellationToken)
    {
        var indicator = await editor.GetIndicatorAsync(id, cancellationToken);
        if (!indicator.IsOk)
        {
            return indicator.Failure(this);
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
        if (!indicator.IsOk)
        {
            return indicator.Failure(this);
        }

        var context = await editor.GetFormContextAsync(indicator.Value.PlanId, cancellationToken);
        if (!context.IsOk)
        {
            return context.Failure(this);
        }

        var command = Command(input);
        return await this.PostFormAsync(
                localizer,
                () => editor.UpdateIndicatorAsync(id, command!, cancellationToken),
                BackToEditor,
                conflictKey: FormPosts.ChangedMeanwhileKey,
                onConflict: () =>
                {
                    input.Version = indicator.Value.Form.Values.Version;
                    this.KeepTypedOverCurrent($"{FormPosts.InputPrefix}.{nameof(input.Version)}");
                })
            ?? View("Indicator", new IndicatorFormViewModel(input, context.Value, id, indicator.Value.Form.HasChildren));
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
            return form.Failure(this);
        }

        var (rows, badNumbers) = input.ToValues();
        foreach (var field in badNumbers)
        {
            ModelState.AddModelError($"{nameof(FamilyFormViewModel.Input)}.{field}", localizer["Editor.NotANumber"]);
        }

        return await this.PostFormAsync(
                localizer,
                () => families.SaveFamilyAsync(id, rows, cancellationToken: cancellationToken),
                BackToEditor,
                onConflict: () =>
                {
                    // The family as it is now, with its new versions: what was typed was measured against rows that changed.
                    ModelState.Clear();
                    input = FamilyInput.From(form.Value);
                })
            ?? View(new FamilyFormViewModel(form.Value, input));
    }

    /// <summary>
    /// Changes one target straight from the editor's list (the row's own small save, with its version); a conflict
    /// leads back to the list as it is now.
    /// </summary>
    [HttpPost]
    public async Task<IActionResult> SetTarget(int id, TargetInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var indicator = await editor.GetIndicatorAsync(id, cancellationToken);
        if (!indicator.IsOk)
        {
            return indicator.Failure(this);
        }

        var planId = indicator.Value.PlanId;
        var failure = localizer["Editor.NotANumber"].Value;
        if (ModelState.IsValid && Infrastructure.NumberInput.TryParse(input.Target, out var target))
        {
            var saved = await families.SaveFamilyAsync(id, [new FamilyRowValues(id, null, target, input.Version)], targetsOnly: true, cancellationToken);
            if (saved.Status != ResultStatus.Invalid)
            {
                return saved.AfterStep(this, localizer, "Admin.Saved", () => saved.IsOk ? Redirect(Url.Action(nameof(Index), new { id = planId }) + $"#row-{id}") : BackToEditor(planId));
            }

            failure = saved.Errors.Localize(localizer);
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
            return indicator.Failure(this);
        }

        return AfterChange(await editor.DeleteIndicatorAsync(id, cancellationToken), indicator.Value.PlanId);
    }

    [HttpPost]
    public async Task<IActionResult> MoveIndicator(int id, int planId, int direction, CancellationToken cancellationToken) =>
        AfterChange(await editor.MoveIndicatorAsync(id, direction, cancellationToken), planId);

    /// <summary>
    /// The indicator form's values as a command; a number that is not one is marked next to its field (and then there is
    /// no command, and the form is shown again without calling the use case).
    /// </summary>
    private SaveIndicator? Command(IndicatorInput input)
    {
        var (command, badNumbers) = input.ToCommand();
        foreach (var field in badNumbers)
        {
            ModelState.AddModelError($"{nameof(IndicatorFormViewModel.Input)}.{field}", localizer["Editor.NotANumber"]);
        }

        return command;
    }

    /// <summary>Back to the editor with what happened.</summary>
    private IActionResult AfterChange(Result result, int planId) =>
        result.AfterStep(this, localizer, "Admin.Saved", () => BackToEditor(planId));

    private RedirectToActionResult BackToEditor(int planId) => RedirectToAction(nameof(Index), new { id = planId });

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
    private async Task<IActionResult> SectionRefusedAsync(int planId, int? sectionId, SectionInput input, bool changed, CancellationToken cancellationToken)
    {
        var view = await editor.GetEditorAsync(planId, cancellationToken);
        if (!view.IsOk)
        {
            return view.Failure(this);
        }

        var refused = ModelState.Where(e => e.Value is { Errors.Count: > 0 }).ToList();
        var message = string.Join(" ", refused.SelectMany(e => e.Value!.Errors).Select(e => e.ErrorMessage));
        if (changed)
        {
            if (view.Value.Sections.FirstOrDefault(s => s.Id == sectionId) is not { } now)
            {
                return NotFound();
            }

            message = localizer["Editor.SectionChanged", now.Label, now.Title].Value;
        }

        var field = refused.Count > 0 && !changed ? refused[0].Key : null;
        return View(nameof(Index), new PlanEditorPageViewModel(view.Value, FailedSection: new SectionFailure(sectionId, input.Label, input.Title, input.FormToken, message, field)));
    }
}
