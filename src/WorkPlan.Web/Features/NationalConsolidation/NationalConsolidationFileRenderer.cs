using Microsoft.Extensions.Localization;
using WorkPlan.Core.National;
using WorkPlan.Core.Reports;
using WorkPlan.Web.Features.Consolidation;
using WorkPlan.Web.Infrastructure;

namespace WorkPlan.Web.Features.NationalConsolidation;

/// <summary>The national consolidation's files in a document language: the workbook, and the print view as a PDF (as <see cref="ConsolidationFileRenderer"/>).</summary>
public sealed class NationalConsolidationFileRenderer(
    INationalConsolidationExcelWriter excel, IPdfRenderer pdf, ViewRenderer views, IHttpContextAccessor http, IStringLocalizer<SharedResource> localizer)
{
    public async Task<byte[]> RenderAsync(NationalConsolidationDocument document, ReportFile file, string language, ConsolidationMeasure measure, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var culture = DocumentCulture.Use(language);
        if (file == ReportFile.Excel)
        {
            return excel.Write(document, Texts(document));
        }

        var context = http.HttpContext ?? throw new InvalidOperationException("A consolidation's PDF is rendered within a request.");
        var html = await views.RenderAsync(context, "NationalConsolidation", "Print", new NationalConsolidationViewModel(document, measure, ConsolidationViewModel.PrintedFiguresPerTable));
        return await pdf.RenderAsync(html, localizer["Plan.Page"], cancellationToken);
    }

    /// <summary>"Respublika jamlanmasi 2022 II chorak.xlsx".</summary>
    public string FileName(NationalConsolidationDocument document, string extension)
    {
        ArgumentNullException.ThrowIfNull(document);
        return ExportFileName.Of(localizer["Export.NationalConsolidationFile", document.Year, localizer[$"Quarter.{document.Quarter}"]], extension);
    }

    private NationalConsolidationText Texts(NationalConsolidationDocument document) => new(
        document.OrganisationName,
        localizer["NationalConsolidation.DocumentTitle", document.Year, localizer[$"Quarter.{document.Quarter}"]],
        localizer["Plan.Number"],
        localizer["Plan.Name"],
        localizer["Plan.Unit"],
        localizer["NationalConsolidation.Total"],
        localizer["Actuals.Target"],
        localizer["Reports.QuarterColumn", localizer[$"Quarter.{document.Quarter}"]],
        localizer["Actuals.YearToDate"],
        localizer["Actuals.Percent"],
        StatusLine(document),
        localizer["Plan.Page"],
        localizer["Export.ConsolidationSheet", document.Year, localizer[$"Quarter.{document.Quarter}"]]);

    /// <summary>"Regions' reports: 3 of 14 accepted, 2 submitted. Andijon: Accepted; …" for the top of the exported sheet.</summary>
    private string StatusLine(NationalConsolidationDocument document)
    {
        var regions = string.Join("; ", document.Regions.Select(r => $"{r.ShortName}: {localizer[$"ReportStatus.{r.ReportStatus}"]}"));
        return $"{localizer["NationalConsolidation.Counts", document.AcceptedRegions, document.SubmittedRegions, document.Regions.Count]} {regions}";
    }
}
