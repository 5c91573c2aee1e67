using WorkPlan.Core.Common;

namespace WorkPlan.Core.Plans;

/// <summary>The plan's page, whole: the document, what the user may do with it and its history, and an open amendment's changes.</summary>
public sealed record PlanPage(PlanDocument Document, PlanActions Actions, PendingAmendment? Pending);

/// <summary>The plan page's query: one call for everything the page shows; the open amendment is compared with the document already read.</summary>
public sealed class PlanPageService(PlanService plans, PlanWorkflowService workflow, PlanHistoryService history)
{
    public async Task<Result<PlanPage>> GetAsync(int planId, CancellationToken cancellationToken = default)
    {
        var document = await plans.GetDocumentAsync(planId, cancellationToken);
        if (!document.IsOk)
        {
            return Result<PlanPage>.NotFound();
        }

        var actions = await workflow.GetActionsAsync(planId, cancellationToken);
        if (!actions.IsOk)
        {
            return Result<PlanPage>.NotFound();
        }

        return Result<PlanPage>.Ok(new PlanPage(document.Value, actions.Value, await history.PendingAmendmentAsync(document.Value, cancellationToken)));
    }
}
