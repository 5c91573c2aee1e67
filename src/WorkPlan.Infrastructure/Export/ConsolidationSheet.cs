using ClosedXML.Excel;
using WorkPlan.Core.Plans;
using WorkPlan.Core.Regional;
using static WorkPlan.Infrastructure.Export.OfficialSheet;

namespace WorkPlan.Infrastructure.Export;

/// <summary>A row of a consolidation sheet: the indicator and its figures, one cell per group (the total last).</summary>
internal sealed record ConsolidationSheetRow(string Number, string Name, string? Unit, Measure Measure, bool IsSubRow, IReadOnlyList<ConsolidationCell> Cells);

internal sealed record ConsolidationSheetSection(string Label, string Title, IReadOnlyList<ConsolidationSheetRow> Rows);

/// <summary>
/// The layout of a consolidation workbook (the region's and the country's): the organisation and the title, a line with
/// the reports' statuses, then a two-row header (each group, then the total, over target, quarter, year to date and
/// percent), section rows and one row per indicator. Figures are numeric cells ("-" when a group has no value); texts
/// are written as text.
/// </summary>
internal static class ConsolidationSheet
{
    private const int FiguresPerColumn = 4;
    private const int FixedColumns = 3;
    private const string PercentFormat = "0.0";

    private const int OrganisationRow = 1;
    private const int TitleRow = 2;
    private const int StatusRow = 3;
    private const int GroupRow = 5;
    private const int FigureRow = 6;

    /// <param name="organisation">The first heading: the region, or the National Library.</param>
    /// <param name="groups">The groups' column headings, the total's last.</param>
    /// <param name="sections">The sections and their rows, each row with one cell per group.</param>
    /// <param name="text">The sheet's words.</param>
    public static byte[] Write(string organisation, IReadOnlyList<string> groups, IEnumerable<ConsolidationSheetSection> sections, ConsolidationText text)
    {
        using var workbook = NewWorkbook(text.Title, text.SheetName, []);
        var sheet = workbook.Worksheet(1);

        var lastColumn = FixedColumns + (groups.Count * FiguresPerColumn);
        sheet.Column(1).Width = 7;
        sheet.Column(2).Width = 45;
        sheet.Column(3).Width = 11;
        for (var column = FixedColumns + 1; column <= lastColumn; column++)
        {
            sheet.Column(column).Width = (column - FixedColumns) % FiguresPerColumn == 0 ? 8 : 11;
        }

        Heading(sheet, OrganisationRow, lastColumn, organisation);
        Heading(sheet, TitleRow, lastColumn, text.Title);
        var status = MergeAcross(sheet, StatusRow, 1, lastColumn, text.StatusLine);
        status.Style.Alignment.WrapText = true;

        SetText(sheet.Cell(GroupRow, 1), text.NumberColumn);
        SetText(sheet.Cell(GroupRow, 2), text.NameColumn);
        SetText(sheet.Cell(GroupRow, 3), text.UnitColumn);
        for (var column = 1; column <= FixedColumns; column++)
        {
            sheet.Range(GroupRow, column, FigureRow, column).Merge();
        }

        for (var g = 0; g < groups.Count; g++)
        {
            var first = FixedColumns + 1 + (g * FiguresPerColumn);
            MergeAcross(sheet, GroupRow, first, first + FiguresPerColumn - 1, groups[g]);
            SetText(sheet.Cell(FigureRow, first), text.TargetColumn);
            SetText(sheet.Cell(FigureRow, first + 1), text.QuarterColumn);
            SetText(sheet.Cell(FigureRow, first + 2), text.YearToDateColumn);
            SetText(sheet.Cell(FigureRow, first + 3), text.PercentColumn);
        }

        var header = sheet.Range(GroupRow, 1, FigureRow, lastColumn);
        header.Style.Font.Bold = true;
        header.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        header.Style.Alignment.Vertical = XLAlignmentVerticalValues.Center;
        header.Style.Alignment.WrapText = true;

        var row = FigureRow + 1;
        foreach (var section in sections)
        {
            var label = $"{section.Label}. {section.Title}";
            var range = MergeAcross(sheet, row, 1, lastColumn, label);
            range.Style.Font.Bold = true;
            range.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
            row++;
            foreach (var line in section.Rows)
            {
                SetText(sheet.Cell(row, 1), line.Number);
                var name = sheet.Cell(row, 2);
                SetText(name, line.Name);
                if (line.IsSubRow)
                {
                    name.Style.Alignment.Indent = 1;
                }

                SetText(sheet.Cell(row, 3), line.Unit);
                for (var g = 0; g < line.Cells.Count; g++)
                {
                    var first = FixedColumns + 1 + (g * FiguresPerColumn);
                    var cell = line.Cells[g];
                    SetQuantity(sheet.Cell(row, first), cell.Target, line.Measure);
                    SetQuantity(sheet.Cell(row, first + 1), cell.Quarter, line.Measure);
                    SetQuantity(sheet.Cell(row, first + 2), cell.YearToDate, line.Measure);
                    SetNumber(sheet.Cell(row, first + 3), cell.Percent, PercentFormat);
                }

                row++;
            }
        }

        var table = sheet.Range(GroupRow, 1, Math.Max(row - 1, FigureRow), lastColumn);
        table.Style.Border.OutsideBorder = XLBorderStyleValues.Thin;
        table.Style.Border.InsideBorder = XLBorderStyleValues.Thin;
        sheet.Range(FigureRow + 1, 2, Math.Max(row - 1, FigureRow + 1), 2).Style.Alignment.WrapText = true;

        SetUpPrinting(sheet, text.PageLabel, GroupRow, FigureRow);
        sheet.SheetView.Freeze(FigureRow, FixedColumns);

        return ToBytes(workbook);
    }

    private static void Heading(IXLWorksheet sheet, int row, int lastColumn, string value)
    {
        var range = MergeAcross(sheet, row, 1, lastColumn, value);
        range.Style.Font.Bold = true;
        range.Style.Font.FontSize = TitleFontSize;
        range.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
    }
}
