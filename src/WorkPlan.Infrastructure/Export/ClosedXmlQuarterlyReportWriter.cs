using ClosedXML.Excel;
using WorkPlan.Core.Reports;
using static WorkPlan.Infrastructure.Export.OfficialSheet;

namespace WorkPlan.Infrastructure.Export;

/// <summary>
/// Writes the quarterly report as .xlsx in the official style of the plan: the organisation and the
/// title at the top, the table header (repeated on every printed page), section rows, the indicator rows
/// with the annual target, the quarter, the year to date and the percentage done, and the director's and
/// the inspector's signature lines below the table. Figures are numbers in numeric cells ("-" when there
/// is no value); every text is written as text, so that a name or a note beginning with "=", "+", "-" or
/// "@" never becomes a formula.
/// </summary>
public sealed class ClosedXmlQuarterlyReportWriter : IQuarterlyReportExcelWriter
{
    /// <summary>№, name, unit, annual target, quarter, year to date, percentage, notes.</summary>
    public const int ColumnCount = 8;

    private const string PercentFormat = "0.0";

    private const int OrganisationRow = 1;
    private const int TitleRow = 2;

    /// <summary>Row 3 stays blank between the title and the table.</summary>
    private const int HeaderRow = 4;

    private const int TargetColumn = 4;
    private const int QuarterColumn = 5;
    private const int YearToDateColumn = 6;
    private const int PercentColumn = 7;
    private const int NotesColumn = 8;

    /// <summary>The signature lines span the name column to the year to date (B–F), below the table.</summary>
    private const int SignatureFirstColumn = NameColumn;
    private const int SignatureLastColumn = YearToDateColumn;

    /// <summary>Column widths in characters, set explicitly (AdjustToContents needs libgdiplus).</summary>
    private static readonly double[] ColumnWidths = [6, 45, 12, 13, 13, 13, 12, 35];

    public byte[] Write(QuarterlyReportDocument report, QuarterlyReportText text)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(text);

        using var workbook = NewWorkbook(text.Title, text.SheetName, ColumnWidths);
        var sheet = workbook.Worksheet(1);

        WriteHeading(sheet, OrganisationRow, report.OrganisationName);
        WriteHeading(sheet, TitleRow, text.Title);

        WriteHeader(sheet, HeaderRow, text);
        var last = WriteBody(sheet, HeaderRow + 1, report, text);

        var table = sheet.Range(HeaderRow, 1, last, ColumnCount);
        table.Style.Border.OutsideBorder = XLBorderStyleValues.Thin;
        table.Style.Border.InsideBorder = XLBorderStyleValues.Thin;
        table.Style.Alignment.WrapText = true;

        // One blank line between the table and the signatures.
        WriteSignatureLine(sheet, last + 2, text.DirectorLine);
        WriteSignatureLine(sheet, last + 3, text.InspectorLine);

        SetUpPrinting(sheet, text.PageLabel, HeaderRow, HeaderRow);
        sheet.SheetView.FreezeRows(HeaderRow);

        return ToBytes(workbook);
    }

    /// <summary>A line above the table, merged across it, bold and centred.</summary>
    private static void WriteHeading(IXLWorksheet sheet, int row, string value)
    {
        var range = MergeAcross(sheet, row, 1, ColumnCount, value);
        range.Style.Font.Bold = true;
        range.Style.Font.FontSize = TitleFontSize;
        range.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        range.Style.Alignment.Vertical = XLAlignmentVerticalValues.Center;
        range.Style.Alignment.WrapText = true;
        FitMergedRow(sheet.Row(row), value, Width(1, ColumnCount), bold: true, TitleFontSize);
    }

    private static void WriteHeader(IXLWorksheet sheet, int row, QuarterlyReportText text)
    {
        SetText(sheet.Cell(row, NumberColumn), text.NumberColumn);
        SetText(sheet.Cell(row, NameColumn), text.NameColumn);
        SetText(sheet.Cell(row, UnitColumn), text.UnitColumn);
        SetText(sheet.Cell(row, TargetColumn), text.TargetColumn);
        SetText(sheet.Cell(row, QuarterColumn), text.QuarterColumn);
        SetText(sheet.Cell(row, YearToDateColumn), text.YearToDateColumn);
        SetText(sheet.Cell(row, PercentColumn), text.PercentColumn);
        SetText(sheet.Cell(row, NotesColumn), text.NotesColumn);

        var header = sheet.Range(row, 1, row, ColumnCount);
        header.Style.Font.Bold = true;
        header.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        header.Style.Alignment.Vertical = XLAlignmentVerticalValues.Center;
        header.Style.Alignment.WrapText = true;
    }

    /// <summary>Section rows and indicator rows from <paramref name="row"/>; returns the last row written.</summary>
    private static int WriteBody(IXLWorksheet sheet, int row, QuarterlyReportDocument report, QuarterlyReportText text)
    {
        var first = row;
        foreach (var section in report.Sections)
        {
            WriteSectionRow(sheet, row, section.Label, section.Title, ColumnWidths);
            row++;

            foreach (var reportRow in section.Rows)
            {
                WriteRow(sheet, row, reportRow);
                MarkOfWhich(sheet, row, reportRow, text);
                row++;
            }
        }

        return AlignTop(sheet, first, row - 1, ColumnCount);
    }

    private static void WriteRow(IXLWorksheet sheet, int row, QuarterlyReportRow reportRow)
    {
        WriteRowHead(sheet, row, reportRow.Number, reportRow.Name, reportRow.Unit, reportRow.IsSubRow);

        SetQuantity(sheet.Cell(row, TargetColumn), reportRow.AnnualTarget, reportRow.Measure);
        SetQuantity(sheet.Cell(row, QuarterColumn), reportRow.QuarterActual, reportRow.Measure);
        SetQuantity(sheet.Cell(row, YearToDateColumn), reportRow.YearToDate, reportRow.Measure);
        SetNumber(sheet.Cell(row, PercentColumn), reportRow.PercentOfTarget, PercentFormat);
        SetText(sheet.Cell(row, NotesColumn), reportRow.Notes);
    }

    /// <summary>A row that breaks the "of which" rule: a pale red fill and the mark's words after its notes.</summary>
    private static void MarkOfWhich(IXLWorksheet sheet, int row, QuarterlyReportRow reportRow, QuarterlyReportText text)
    {
        if (reportRow.OfWhichMark is not { } mark)
        {
            return;
        }

        sheet.Range(row, 1, row, ColumnCount).Style.Fill.BackgroundColor = XLColor.FromHtml("#F8D7DA");
        var words = "⚠ " + text.OfWhichMarks.GetValueOrDefault(mark, mark);
        SetText(sheet.Cell(row, NotesColumn), string.IsNullOrEmpty(reportRow.Notes) ? words : $"{reportRow.Notes}; {words}");
    }

    /// <summary>A signature line below the table: merged over several columns, bold, no border.</summary>
    private static void WriteSignatureLine(IXLWorksheet sheet, int row, string value)
    {
        var range = MergeAcross(sheet, row, SignatureFirstColumn, SignatureLastColumn, value);
        range.Style.Font.Bold = true;
        range.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Left;
    }

    private static double Width(int firstColumn, int lastColumn) => OfficialSheet.Width(ColumnWidths, firstColumn, lastColumn);

}
