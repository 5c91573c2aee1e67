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
    : ConsolidationFiles(pdf, views, http, localizer), IConsolidationFileRenderer
{
    public Task<byte[]> RenderAsync(ConsolidationDocument document, ReportFile file, string language, CancellationToken cancellationToken = default) =>
        RenderAsync(document, file, language, ConsolidationMeasure.YearToDate, cancellationToken);

    /// <summary>The file with the district columns showing the measure chosen (the PDF; the workbook shows every figure).</summary>
    public async Task<byte[]> RenderAsync(ConsolidationDocument document, ReportFile file, string language, ConsolidationMeasure measure, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        return await RenderAsync(
            file,
            language,
            () => excel.Write(document, Words(document.Year, document.Quarter, "Consolidation.DocumentTitle", "Consolidation.Total", StatusLine(document))),
            "Consolidation",
            () => new ConsolidationViewModel(document, measure, ConsolidationViewModel.PrintedFiguresPerTable),
            cancellationToken);
    }

    /// <summary>"Jamlanma 2022 II chorak - Andijon viloyat AKM.xlsx".</summary>
    public string FileName(ConsolidationDocument document, string extension)
    {
        ArgumentNullException.ThrowIfNull(document);
        return ExportFileName.Of(Localizer["Export.ConsolidationFile", document.Year, Localizer[$"Quarter.{document.Quarter}"], document.RegionName], extension);
    }

    /// <summary>"Reports: 4 of 7 accepted, 1 submitted. Asaka — not submitted (late); …" for the top of the exported sheet.</summary>
    private string StatusLine(ConsolidationDocument document)
    {
        var districts = string.Join("; ", document.Districts.Select(d =>
            d.Status is { } s && d.Timeliness is { } t
                ? $"{d.ShortName}: {Localizer[$"ReportStatus.{s}"]} ({Localizer[$"Timeliness.{t}"]})"
                : $"{d.ShortName}: {Localizer["Consolidation.NoPlan"]}"));
        return $"{Localizer["Consolidation.Counts", document.Accepted, document.Submitted, document.Districts.Count]} {districts}";
    }
}
