using Microsoft.Extensions.Localization;
using WorkPlan.Core.Regional;
using WorkPlan.Core.Reports;
using WorkPlan.Web.Infrastructure;

namespace WorkPlan.Web.Features.Consolidation;

/// <summary>
/// A region's consolidation's official files in a document language: the workbook, and the print view as a PDF. Used
/// by the consolidation's downloads and by the region's submitted report, which keeps them.
/// </summary>
public sealed class ConsolidationFileRenderer(
    IConsolidationExcelWriter excel, IPdfRenderer pdf, ViewRenderer views, IHttpContextAccessor http, IStringLocalizer<SharedResource> localizer)
    : IConsolidationFileRenderer
{
    public Task<byte[]> RenderAsync(ConsolidationDocument document, ReportFile file, string language, CancellationToken cancellationToken = default) =>
        RenderAsync(document, file, language, ConsolidationMeasure.YearToDate, cancellationToken);

    /// <summary>The file with the district columns showing the measure chosen (the PDF; the workbook shows every figure).</summary>
    public async Task<byte[]> RenderAsync(ConsolidationDocument document, ReportFile file, string language, ConsolidationMeasure measure, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var culture = DocumentCulture.Use(language);
        if (file == ReportFile.Excel)
        {
            return excel.Write(document, Texts(document));
        }

        var context = http.HttpContext ?? throw new InvalidOperationException("A consolidation's PDF is rendered within a request.");
        var html = await views.RenderAsync(context, "Consolidation", "Print", new ConsolidationViewModel(document, measure, ConsolidationViewModel.PrintedFiguresPerTable));
        return await pdf.RenderAsync(html, localizer["Plan.Page"], cancellationToken);
    }

    /// <summary>"Jamlanma 2022 II chorak - Andijon viloyat AKM.xlsx".</summary>
    public string FileName(ConsolidationDocument document, string extension)
    {
        ArgumentNullException.ThrowIfNull(document);
        return ExportFileName.Of(localizer["Export.ConsolidationFile", document.Year, localizer[$"Quarter.{document.Quarter}"], document.RegionName], extension);
    }

    private ConsolidationText Texts(ConsolidationDocument document) => new(
        localizer["Consolidation.DocumentTitle", document.Year, localizer[$"Quarter.{document.Quarter}"]],
        localizer["Plan.Number"],
        localizer["Plan.Name"],
        localizer["Plan.Unit"],
        localizer["Consolidation.Total"],
        localizer["Actuals.Target"],
        localizer["Reports.QuarterColumn", localizer[$"Quarter.{document.Quarter}"]],
        localizer["Actuals.YearToDate"],
        localizer["Actuals.Percent"],
        StatusLine(document),
        localizer["Plan.Page"],
        localizer["Export.ConsolidationSheet", document.Year, localizer[$"Quarter.{document.Quarter}"]]);

    /// <summary>"Reports: 4 of 7 accepted, 1 submitted. Asaka — not submitted (late); …" for the top of the exported sheet.</summary>
    private string StatusLine(ConsolidationDocument document)
    {
        var districts = string.Join("; ", document.Districts.Select(d =>
            d.Status is { } s && d.Timeliness is { } t
                ? $"{d.ShortName}: {localizer[$"ReportStatus.{s}"]} ({localizer[$"Timeliness.{t}"]})"
                : $"{d.ShortName}: {localizer["Consolidation.NoPlan"]}"));
        return $"{localizer["Consolidation.Counts", document.Accepted, document.Submitted, document.Districts.Count]} {districts}";
    }
}
