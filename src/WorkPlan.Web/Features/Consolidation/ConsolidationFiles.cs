using Microsoft.Extensions.Localization;
using WorkPlan.Core.Regional;
using WorkPlan.Core.Reports;
using WorkPlan.Web.Infrastructure;

namespace WorkPlan.Web.Features.Consolidation;

/// <summary>
/// What a consolidation's files share, the region's (<see cref="ConsolidationFileRenderer"/>) and the country's: the
/// workbook or the print view as a PDF, in a document language; and the workbook's words.
/// </summary>
public abstract class ConsolidationFiles(IPdfRenderer pdf, ViewRenderer views, IHttpContextAccessor http, IStringLocalizer<SharedResource> localizer)
{
    protected IStringLocalizer<SharedResource> Localizer => localizer;

    /// <summary>The workbook, or the feature's print view with <paramref name="print"/>'s model as a PDF, in <paramref name="language"/>.</summary>
    protected async Task<byte[]> RenderAsync<TModel>(
        ReportFile file, string language, Func<byte[]> workbook, string feature, Func<TModel> print, CancellationToken cancellationToken)
    {
        using var culture = DocumentCulture.Use(language);
        if (file == ReportFile.Excel)
        {
            return workbook();
        }

        var context = http.HttpContext ?? throw new InvalidOperationException("A consolidation's PDF is rendered within a request.");
        var html = await views.RenderAsync(context, feature, "Print", print());
        return await pdf.RenderAsync(html, localizer["Plan.Page"], cancellationToken);
    }

    /// <summary>The workbook's words for the quarter, with the document's title, its total column and its status line.</summary>
    protected ConsolidationText Words(int year, int quarter, string titleKey, string totalKey, string statusLine) => new(
        localizer[titleKey, year, localizer[$"Quarter.{quarter}"]],
        localizer["Plan.Number"],
        localizer["Plan.Name"],
        localizer["Plan.Unit"],
        localizer[totalKey],
        localizer["Actuals.Target"],
        localizer["Reports.QuarterColumn", localizer[$"Quarter.{quarter}"]],
        localizer["Actuals.YearToDate"],
        localizer["Actuals.Percent"],
        statusLine,
        localizer["Plan.Page"],
        localizer["Export.ConsolidationSheet", year, localizer[$"Quarter.{quarter}"]]);
}
