using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using WorkPlan.Core.Common;
using WorkPlan.Core.Plans;
using WorkPlan.Core.Reports;
using WorkPlan.Web.Infrastructure;

namespace WorkPlan.Web.Features.Plans;

/// <summary>The list of plans, the plan document with its workflow, its versions and next year's plan.</summary>
public sealed class PlansController(
    PlanService plans, PlanWorkflowService workflow, PlanHistoryService history, IStringLocalizer<SharedResource> localizer,
    PlanExportTexts exportTexts) : Controller
{
    private const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    [HttpGet]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await plans.ListAsync(cancellationToken));

    [HttpGet]
    public async Task<IActionResult> Details(int id, [FromServices] PlanPageService pages, CancellationToken cancellationToken) =>
        (await pages.GetAsync(id, cancellationToken)).ToActionResult(this, page => View(new PlanPageViewModel(page.Document, page.Actions, null, page.Pending)));

    [HttpGet]
    public async Task<IActionResult> Version(int id, int number, CancellationToken cancellationToken) =>
        (await history.GetVersionAsync(id, number, cancellationToken)).ToActionResult(this, document =>
            View("Details", new PlanPageViewModel(document, null, number)));

    [HttpGet]
    public async Task<IActionResult> Compare(int id, int from, int to, CancellationToken cancellationToken)
    {
        var document = await plans.GetDocumentAsync(id, cancellationToken);
        if (!document.IsOk)
        {
            return document.Failure(this);
        }

        return (await history.CompareAsync(id, from, to, cancellationToken)).ToActionResult(this, changes =>
            View(new PlanCompareViewModel(id, document.Value.Title, from, to, changes)));
    }

    /// <summary>The plan (or a stored version) as the official form in Excel, in the plan's document language unless another is chosen.</summary>
    [HttpGet]
    [EnableRateLimiting(ExportLimits.Policy)]
    public async Task<IActionResult> ExportExcel(
        int id, int? version, string? language, [FromServices] IPlanExcelWriter writer, [FromServices] DocumentLanguageService languages, CancellationToken cancellationToken)
    {
        var document = await DocumentAsync(id, version, cancellationToken);
        using var culture = DocumentCulture.Use(DocumentLanguages.Choose(await languages.OfPlanAsync(id, cancellationToken), language));
        return document.ToActionResult(this, d =>
            File(writer.Write(d, exportTexts.For(d)), XlsxContentType, exportTexts.FileName(d, "xlsx")));
    }

    /// <summary>The plan (or a stored version) as a PDF: the same print view the browser prints, in the plan's document language unless another is chosen.</summary>
    [HttpGet]
    [EnableRateLimiting(ExportLimits.Policy)]
    public async Task<IActionResult> ExportPdf(
        int id, int? version, string? language, [FromServices] IPdfRenderer renderer, [FromServices] ViewRenderer views, [FromServices] DocumentLanguageService languages,
        CancellationToken cancellationToken)
    {
        var document = await DocumentAsync(id, version, cancellationToken);
        if (!document.IsOk)
        {
            return document.Failure(this);
        }

        using var culture = DocumentCulture.Use(DocumentLanguages.Choose(await languages.OfPlanAsync(id, cancellationToken), language));
        var html = await views.RenderAsync(this, "Print", document.Value);
        var pdf = await renderer.RenderAsync(html, localizer["Plan.Page"], cancellationToken);
        return File(pdf, "application/pdf", exportTexts.FileName(document.Value, "pdf"));
    }

    [HttpPost]
    public Task<IActionResult> Submit(int id, WorkflowInput input, CancellationToken cancellationToken) =>
        StepAsync(id, () => workflow.SubmitAsync(id, input.Version, cancellationToken), "Workflow.DoneSubmitted");

    [HttpPost]
    public Task<IActionResult> Agree(int id, WorkflowInput input, CancellationToken cancellationToken) =>
        StepAsync(id, () => workflow.AgreeAsync(id, input.Version, input.Comment, cancellationToken), "Workflow.DoneAgreed");

    [HttpPost]
    public Task<IActionResult> Approve(int id, WorkflowInput input, CancellationToken cancellationToken) =>
        StepAsync(id, () => workflow.ApproveAsync(id, input.Version, input.Comment, cancellationToken), "Workflow.DoneApproved");

    [HttpPost]
    public Task<IActionResult> Return(int id, WorkflowInput input, CancellationToken cancellationToken) =>
        StepAsync(id, () => workflow.ReturnAsync(id, input.Version, input.Comment, cancellationToken), "Workflow.DoneReturned");

    [HttpPost]
    public Task<IActionResult> Amend(int id, WorkflowInput input, CancellationToken cancellationToken) =>
        StepAsync(id, () => workflow.OpenAmendmentAsync(id, input.Version, input.Comment, cancellationToken), "Workflow.DoneAmendment");

    /// <summary>
    /// An empty draft for the user's centre and a year (from scratch: no template, file or last year); a year
    /// refused shows the list again with the reason next to the year.
    /// </summary>
    [HttpPost]
    public async Task<IActionResult> Create(string? year, [FromServices] NewPlanService newPlans, CancellationToken cancellationToken)
    {
        var number = int.TryParse(year, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var typed) ? typed : 0;
        return await this.PostFormAsync(
                localizer,
                () => newPlans.CreateEmptyAsync(number, cancellationToken),
                plan => RedirectToAction(nameof(Details), new { id = plan }),
                prefix: null,
                doneKey: "Plans.CreatedEmpty")
            ?? View(nameof(Index), await plans.ListAsync(cancellationToken));
    }

    [HttpPost]
    public Task<IActionResult> Discard(int id, WorkflowInput input, CancellationToken cancellationToken) =>
        StepAsync(id, () => workflow.DiscardAmendmentAsync(id, input.Version, cancellationToken), "Workflow.DoneDiscarded");

    [HttpPost]
    public async Task<IActionResult> NextYear(int id, CancellationToken cancellationToken) =>
        (await history.CreateNextYearAsync(id, cancellationToken))
            .AfterCreatingPlan(this, localizer, "Plans.NextYearCreated", () => RedirectToAction(nameof(Details), new { id }));

    private Task<Result<PlanDocument>> DocumentAsync(int id, int? version, CancellationToken cancellationToken) =>
        version is { } number ? history.GetVersionAsync(id, number, cancellationToken) : plans.GetDocumentAsync(id, cancellationToken);

    private async Task<IActionResult> StepAsync(int id, Func<Task<Result>> step, string doneKey) =>
        (await step()).AfterStep(this, localizer, doneKey, () => RedirectToAction(nameof(Details), new { id }));
}

/// <summary>A workflow step's form: the plan's row version (stale pages are refused) and an optional comment or reason.</summary>
public sealed class WorkflowInput
{
    public uint Version { get; set; }

    [StringLength(FieldLimits.Reason, ErrorMessage = "Validation.TooLong")]
    public string? Comment { get; set; }
}

/// <summary>
/// The plan page: the document, what the user may do (null when showing a stored version), which version
/// is shown, and while an amendment is open what it changes against the version in force.
/// </summary>
public sealed record PlanPageViewModel(PlanDocument Document, PlanActions? Actions, int? ShownVersion, PendingAmendment? Pending = null);

public sealed record PlanCompareViewModel(int PlanId, string Title, int From, int To, IReadOnlyList<PlanChange> Changes);
