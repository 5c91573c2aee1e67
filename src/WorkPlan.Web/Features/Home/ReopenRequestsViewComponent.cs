using Microsoft.AspNetCore.Mvc;
using WorkPlan.Core.Actuals;

namespace WorkPlan.Web.Features.Home;

/// <summary>The director's to-do: requests to reopen locked months, each to reopen or decline.</summary>
public sealed class ReopenRequestsViewComponent(MonthLockService locks) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var pending = await locks.PendingForDirectorAsync(HttpContext.RequestAborted);
        return pending.Count > 0 ? View("~/Features/Home/_ReopenRequests.cshtml", pending) : Content(string.Empty);
    }
}
