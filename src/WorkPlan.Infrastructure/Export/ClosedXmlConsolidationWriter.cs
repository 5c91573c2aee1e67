using WorkPlan.Core.Regional;

namespace WorkPlan.Infrastructure.Export;

/// <summary>
/// Writes the region's consolidated quarterly report as .xlsx (<see cref="ConsolidationSheet"/>): the region and the
/// title, a line with the districts' report statuses, then each included district, then the region's total, over
/// target, quarter, year to date and percent; section rows and one row per catalogue indicator.
/// </summary>
public sealed class ClosedXmlConsolidationWriter : IConsolidationExcelWriter
{
    public byte[] Write(ConsolidationDocument document, ConsolidationText text)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(text);

        var groups = document.Districts.Where(d => d.Included).Select(d => d.ShortName).Append(text.TotalColumn).ToList();
        var included = document.Districts.Select((d, i) => (d, i)).Where(x => x.d.Included).Select(x => x.i).ToList();
        var sections = document.Sections.Select(section => new ConsolidationSheetSection(
            section.Label,
            section.Title,
            section.Rows.Select(line => new ConsolidationSheetRow(
                line.Number, line.Name, line.Unit, line.Measure, line.IsSubRow, included.Select(i => line.Districts[i]).Append(line.Total).ToList())).ToList()));
        return ConsolidationSheet.Write(document.RegionName, groups, sections, text);
    }
}
