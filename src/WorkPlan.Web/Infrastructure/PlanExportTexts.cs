using Microsoft.Extensions.Localization;
using WorkPlan.Core.Plans;
using WorkPlan.Core.Reports;

namespace WorkPlan.Web.Infrastructure;

/// <summary>The words of an exported plan in the current (the document's) language, the same the page shows.</summary>
public sealed class PlanExportTexts(IStringLocalizer<SharedResource> localizer, DocumentFormatter format)
{
    public PlanExportText For(PlanDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return new PlanExportText(
            localizer["Plan.Agreed"],
            localizer["Plan.Approve"],
            format.SignatureDate(document.Agreement.Date, document.Year),
            format.SignatureDate(document.Approval.Date, document.Year),
            localizer["Plan.Number"],
            localizer["Plan.Name"],
            localizer["Plan.Unit"],
            localizer["Plan.Quantity"],
            localizer["Plan.FactColumn", document.Year - 1],
            localizer["Plan.TargetColumn", document.Year],
            localizer["Plan.Mechanism"],
            localizer["Plan.Deadline"],
            localizer["Plan.Responsible"],
            localizer["Plan.OfWhich"],
            localizer["Plan.AllServices"],
            !document.IsInForce ? localizer["Plan.DraftMark"].Value : null,
            localizer["Plan.Page"],
            localizer["Export.PlanSheet", document.Year]);
    }

    /// <summary>A file name people recognise, in the document's words: "Ish rejasi 2022 - Andijon viloyati Xo'jaobod tuman axborot-kutubxona markazi.xlsx", with "(2-tahrir)" after the year from the second version on.</summary>
    public string FileName(PlanDocument document, string extension)
    {
        ArgumentNullException.ThrowIfNull(document);
        var name = document.VersionNumber > 1
            ? localizer["Export.PlanFileVersion", document.Year, document.OrganisationName, document.VersionNumber]
            : localizer["Export.PlanFile", document.Year, document.OrganisationName];
        return ExportFileName.Of(name, extension);
    }
}
