using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace WorkPlan.Web.Features.Errors;

/// <summary>Friendly error pages; no stack trace ever reaches a user outside Development.</summary>
[Route("Error")]
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ErrorController(ILogger<ErrorController> logger) : Controller
{
    private const string ViewPath = "~/Features/Errors/Error.cshtml";

    [Route("")]
    public IActionResult Index()
    {
        var failure = HttpContext.Features.Get<IExceptionHandlerPathFeature>();
        if (failure is not null)
        {
            logger.LogError(failure.Error, "Unhandled error on {Path}", failure.Path);
        }

        Response.StatusCode = StatusCodes.Status500InternalServerError;
        return View(ViewPath, new ErrorViewModel(StatusCodes.Status500InternalServerError, HttpContext.TraceIdentifier)
        {
            UnreadableDocument = failure?.Error is Core.Common.UnreadableDocumentException,
        });
    }

    /// <summary>
    /// The status page. It is re-executed with the failed request's method and body, so it binds nothing:
    /// model binding would read a form that may be the very problem (too many values) and fail again.
    /// </summary>
    [Route("{code:int}")]
    public IActionResult Status()
    {
        var code = int.TryParse(RouteData.Values["code"]?.ToString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parsed) ? parsed : 0;
        var status = code is >= 400 and <= 599 ? code : StatusCodes.Status500InternalServerError;
        Response.StatusCode = status;
        return View(ViewPath, new ErrorViewModel(status, HttpContext.TraceIdentifier));
    }
}

/// <summary>What the error page shows: the status and a reference to quote to the administrator.</summary>
public sealed record ErrorViewModel(int StatusCode, string TraceId)
{
    /// <summary>The failure was a stored document (a signed plan version, a submitted report) this build cannot read.</summary>
    public bool UnreadableDocument { get; init; }
}
