using Microsoft.Extensions.Localization;
using WorkPlan.Core.National;
using WorkPlan.Core.Reports;
using WorkPlan.Web.Features.Consolidation;
using WorkPlan.Web.Infrastructure;

namespace WorkPlan.Web.Features.NationalConsolidation;

/// <summary>The national consolidation's files in a document language: the workbook, and the print view as a PDF (as <see cref="ConsolidationFileRenderer"/>).</summary>
public sealed class NationalConsolidationFileRenderer(
    INationalConsolidationExcelWriter excel, IPdfRenderer pdf, ViewRenderer views, IHttpContextAccessor http, IStringLocalizer<SharedResource> localizer)
    : ConsolidationFiles(pdf, views, http, localizer)
{
    public async Task<byte[]> RenderAsync(NationalConsolidationDocument document, ReportFile file, string language, ConsolidationMeasure measure, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        return await RenderAsync(
            file,
            language,
            () => excel.Write(document, Texts(document)),
            "NationalConsolidation",
            () => new NationalConsolidationViewModel(document, measure, ConsolidationViewModel.PrintedFiguresPerTable),
            cancellationToken);
    }

    /// <summary>"Respublika jamlanmasi 2022 II chorak.xlsx".</summary>
    public string FileName(NationalConsolidationDocument document, string extension)
    {
        ArgumentNullException.ThrowIfNull(document);
        return ExportFileName.Of(Localizer["Export.NationalConsolidationFile", document.Year, Localizer[$"Quarter.{document.Quarter}"]], extension);
    }

    private NationalConsolidationText Texts(NationalConsolidationDocument document) => new(
        document.OrganisationName,
        Words(document.Year, document.Quarter, "NationalConsolidation.DocumentTitle", "NationalConsolidation.Total", StatusLine(document)));

    /// <summary>"Regions' reports: 3 of 14 accepted, 2 submitted. Andijon: Accepted; …" for the top of the exported sheet.</summary>
    private string StatusLine(NationalConsolidationDocument document)
    {
        var regions = string.Join("; ", document.Regions.Select(r => $"{r.ShortName}: {Localizer[$"ReportStatus.{r.ReportStatus}"]}"));
        return $"{Localizer["NationalConsolidation.Counts", document.AcceptedRegions, document.SubmittedRegions, document.Regions.Count]} {regions}";
    }
}
