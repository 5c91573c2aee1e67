using Microsoft.Extensions.Localization;
using WorkPlan.Core.Actuals;
using WorkPlan.Core.Reports;
using WorkPlan.Web.Infrastructure;

namespace WorkPlan.Web.Features.Reports;

/// <summary>
/// A quarterly report's official files in a document language: the workbook, and the print view as a PDF.
/// Used by the submission, which keeps them, and by a download that has no stored file to serve.
/// </summary>
public sealed class ReportFileRenderer(
    IQuarterlyReportExcelWriter excel, IPdfRenderer pdf, ViewRenderer views, IHttpContextAccessor http, IStringLocalizer<SharedResource> localizer)
    : IReportFileRenderer
{
    public async Task<byte[]> RenderAsync(QuarterlyReportDocument document, ReportFile file, string language, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var culture = DocumentCulture.Use(language);
        if (file == ReportFile.Excel)
        {
            return excel.Write(document, Texts(document));
        }

        var context = http.HttpContext ?? throw new InvalidOperationException("A report's PDF is rendered within a request.");
        return await pdf.RenderAsync(await views.RenderAsync(context, "Reports", "Print", document), localizer["Plan.Page"], cancellationToken);
    }

    private QuarterlyReportText Texts(QuarterlyReportDocument document) => new(
        localizer["Reports.DocumentTitle", document.Year, localizer[$"Quarter.{document.Quarter}"]],
        localizer["Plan.Number"],
        localizer["Plan.Name"],
        localizer["Plan.Unit"],
        localizer["Actuals.Target"],
        localizer["Reports.QuarterColumn", localizer[$"Quarter.{document.Quarter}"]],
        localizer["Actuals.YearToDate"],
        localizer["Actuals.Percent"],
        localizer["Actuals.Note"],
        localizer["Reports.DirectorLine", document.DirectorName ?? string.Empty],
        localizer["Reports.InspectorLine", document.InspectorName ?? string.Empty],
        localizer["Plan.Page"],
        localizer["Export.ReportSheet", document.Year, localizer[$"Quarter.{document.Quarter}"]])
    {
        OfWhichMarks = new Dictionary<string, string>
        {
            [OfWhichCheck.ChildrenExceed] = localizer[OfWhichCheck.ChildrenExceed],
            [OfWhichCheck.AboveParent] = localizer[OfWhichCheck.AboveParent],
        },
    };
}
