using Microsoft.Extensions.Localization;
using WorkPlan.Core.Plans;
using WorkPlan.Core.Reports;

namespace WorkPlan.Web.Infrastructure;

/// <summary>The words of an exported plan in the user's language, the same the page shows.</summary>
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
            document.IsDraft ? localizer["Plan.DraftMark"].Value : null,
            localizer["Plan.Page"]);
    }

    /// <summary>A file name people recognise: "Xo'jaobod TAKM 2022 ish rejasi.xlsx" style, safe for any file system.</summary>
    public static string FileName(PlanDocument document, string extension)
    {
        ArgumentNullException.ThrowIfNull(document);
        var name = $"{document.OrganisationName} {document.Year}";
        var safe = new string([.. name.Select(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '_' ? c : '_')]).Trim();
        return $"{safe} v{document.VersionNumber}.{extension}";
    }
}
