using WorkPlan.Core.National;

namespace WorkPlan.Infrastructure.Export;

/// <summary>
/// Writes the country's consolidated quarterly report as .xlsx, as the regional one (<see cref="ConsolidationSheet"/>):
/// the National Library and the title, a line with the regions' report statuses, then each region, then the country's
/// total, over target, quarter, year to date and percent; section rows and one row per national indicator.
/// </summary>
public sealed class ClosedXmlNationalConsolidationWriter : INationalConsolidationExcelWriter
{
    public byte[] Write(NationalConsolidationDocument document, NationalConsolidationText text)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(text);

        var groups = document.Regions.Select(r => r.ShortName).Append(text.Sheet.TotalColumn).ToList();
        var sections = document.Sections.Select(section => new ConsolidationSheetSection(
            section.Label,
            section.Title,
            section.Rows.Select(line => new ConsolidationSheetRow(
                line.Number, line.Name, line.Unit, line.Measure, IsSubRow: false, line.Regions.Append(line.Total).ToList())).ToList()));
        return ConsolidationSheet.Write(text.Organisation, groups, sections, text.Sheet);
    }
}
