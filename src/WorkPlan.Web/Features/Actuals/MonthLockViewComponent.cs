using Microsoft.AspNetCore.Mvc;
using WorkPlan.Core.Actuals;

namespace WorkPlan.Web.Features.Actuals;

/// <summary>The entry page's lock panel: why the month is locked (or who reopened it and why), reopen or ask to, the month's history.</summary>
public sealed class MonthLockViewComponent(MonthLockService locks) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int planId, int month)
    {
        var panel = await locks.PanelAsync(planId, month, HttpContext.RequestAborted);
        return panel.IsOk ? View("~/Features/Actuals/_MonthLock.cshtml", panel.Value) : Content(string.Empty);
    }
}
