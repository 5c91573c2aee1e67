using ClosedXML.Excel;
using WorkPlan.Core.Plans;
using WorkPlan.Core.Reports;
using static WorkPlan.Infrastructure.Export.OfficialSheet;

namespace WorkPlan.Infrastructure.Export;

/// <summary>
/// Writes the plan as the official form in .xlsx, laid out like the signed paper and the plan page:
/// the KELISHILDI / TASDIQLAYMAN blocks at the top, the title, the two-row table header (repeated on
/// every printed page), section rows, "shundan," lines and the indicator rows. Targets and facts are
/// numbers in numeric cells ("-" when there is no value); every text is written as text, so that a name
/// beginning with "=", "+", "-" or "@" never becomes a formula.
/// </summary>
public sealed class ClosedXmlPlanWriter : IPlanExcelWriter
{
    /// <summary>№, name, unit, fact, target, mechanism, deadline, responsible.</summary>
    public const int ColumnCount = 8;


    private const int FactColumn = 4;
    private const int TargetColumn = 5;
    private const int MechanismColumn = 6;
    private const int DeadlineColumn = 7;
    private const int ResponsibleColumn = 8;

    /// <summary>The left signature block spans A–C, the right one F–H, as on paper.</summary>
    private const int LeftBlockFirstColumn = 1;
    private const int LeftBlockLastColumn = 3;
    private const int RightBlockFirstColumn = 6;
    private const int RightBlockLastColumn = 8;

    /// <summary>Column widths in characters, set explicitly (AdjustToContents needs libgdiplus).</summary>
    private static readonly double[] ColumnWidths = [6, 45, 12, 11, 11, 55, 16, 30];

    public byte[] Write(PlanDocument document, PlanExportText text)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(text);

        using var workbook = NewWorkbook(document.Title, text.SheetName, ColumnWidths);
        var sheet = workbook.Worksheet(1);

        // A blank line between the signature blocks and the (draft mark and) title.
        var row = WriteSignatureBlocks(sheet, document, text) + 2;
        if (text.DraftMark is { } draftMark)
        {
            var draft = MergeAcross(sheet, row, 1, ColumnCount, draftMark);
            draft.Style.Font.Bold = true;
            draft.Style.Font.FontSize = TitleFontSize;
            draft.Style.Font.FontColor = XLColor.Red;
            draft.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
            row++;
        }

        var title = MergeAcross(sheet, row, 1, ColumnCount, document.Title);
        title.Style.Font.Bold = true;
        title.Style.Font.FontSize = TitleFontSize;
        title.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        title.Style.Alignment.Vertical = XLAlignmentVerticalValues.Center;
        title.Style.Alignment.WrapText = true;
        FitMergedRow(sheet.Row(row), document.Title, Width(1, ColumnCount), bold: true, TitleFontSize);
        row += 2;

        var headerFirst = row;
        var headerLast = WriteHeader(sheet, headerFirst, text);
        var last = WriteBody(sheet, headerLast + 1, document, text);

        var table = sheet.Range(headerFirst, 1, last, ColumnCount);
        table.Style.Border.OutsideBorder = XLBorderStyleValues.Thin;
        table.Style.Border.InsideBorder = XLBorderStyleValues.Thin;
        table.Style.Alignment.WrapText = true;

        SetUpPrinting(sheet, text.PageLabel, headerFirst, headerLast);
        sheet.SheetView.FreezeRows(headerLast);

        return ToBytes(workbook);
    }

    /// <summary>Both blocks line by line: heading, title, name, date. Returns the last row used.</summary>
    private static int WriteSignatureBlocks(IXLWorksheet sheet, PlanDocument document, PlanExportText text)
    {
        WriteSignatureBlock(sheet, LeftBlockFirstColumn, LeftBlockLastColumn, text.AgreedHeading, document.Agreement, text.AgreementDateLine);
        WriteSignatureBlock(sheet, RightBlockFirstColumn, RightBlockLastColumn, text.ApproveHeading, document.Approval, text.ApprovalDateLine);

        var titleRow = sheet.Row(2);
        var leftLines = EstimateLines(document.Agreement.Title, Width(LeftBlockFirstColumn, LeftBlockLastColumn), bold: true);
        var rightLines = EstimateLines(document.Approval.Title, Width(RightBlockFirstColumn, RightBlockLastColumn), bold: true);
        titleRow.Height = Math.Max(leftLines, rightLines) * PointsPerLine;
        return 4;
    }

    private static void WriteSignatureBlock(IXLWorksheet sheet, int firstColumn, int lastColumn, string heading, SignatureBlock block, string dateLine)
    {
        var headingRange = MergeAcross(sheet, 1, firstColumn, lastColumn, heading);
        headingRange.Style.Font.Bold = true;
        headingRange.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;

        var titleRange = MergeAcross(sheet, 2, firstColumn, lastColumn, block.Title);
        titleRange.Style.Font.Bold = true;
        titleRange.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        titleRange.Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
        titleRange.Style.Alignment.WrapText = true;

        var nameRange = MergeAcross(sheet, 3, firstColumn, lastColumn, block.Name);
        nameRange.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Right;

        var dateRange = MergeAcross(sheet, 4, firstColumn, lastColumn, dateLine);
        dateRange.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
    }

    /// <summary>The two header rows; returns the second.</summary>
    private static int WriteHeader(IXLWorksheet sheet, int row, PlanExportText text)
    {
        var second = row + 1;
        MergeDown(sheet, row, NumberColumn, text.NumberColumn);
        MergeDown(sheet, row, NameColumn, text.NameColumn);
        MergeDown(sheet, row, UnitColumn, text.UnitColumn);
        MergeAcross(sheet, row, FactColumn, TargetColumn, text.QuantityColumn);
        SetText(sheet.Cell(second, FactColumn), text.FactColumn);
        SetText(sheet.Cell(second, TargetColumn), text.TargetColumn);
        MergeDown(sheet, row, MechanismColumn, text.MechanismColumn);
        MergeDown(sheet, row, DeadlineColumn, text.DeadlineColumn);
        MergeDown(sheet, row, ResponsibleColumn, text.ResponsibleColumn);

        var header = sheet.Range(row, 1, second, ColumnCount);
        header.Style.Font.Bold = true;
        header.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        header.Style.Alignment.Vertical = XLAlignmentVerticalValues.Center;
        header.Style.Alignment.WrapText = true;
        return second;
    }

    /// <summary>Section rows, "shundan," lines and indicator rows from <paramref name="row"/>; returns the last row written.</summary>
    private static int WriteBody(IXLWorksheet sheet, int row, PlanDocument document, PlanExportText text)
    {
        var first = row;
        foreach (var section in document.Sections)
        {
            WriteSectionRow(sheet, row, section.Label, section.Title, ColumnWidths);
            row++;

            foreach (var planRow in section.Rows)
            {
                if (planRow.FirstSubRow)
                {
                    SetText(sheet.Cell(row, NumberColumn), string.Empty);
                    var ofWhich = MergeAcross(sheet, row, NameColumn, ColumnCount, text.OfWhich);
                    ofWhich.Style.Font.Italic = true;
                    ofWhich.Style.Alignment.Indent = 1;
                    row++;
                }

                WriteRow(sheet, row, planRow, text);
                row++;
            }
        }

        return AlignTop(sheet, first, row - 1, ColumnCount);
    }

    private static void WriteRow(IXLWorksheet sheet, int row, PlanDocumentRow planRow, PlanExportText text)
    {
        WriteRowHead(sheet, row, planRow.Number, planRow.Name, planRow.Unit, planRow.IsSubRow);

        SetQuantity(sheet.Cell(row, FactColumn), planRow.PreviousFact, planRow.Measure);
        SetQuantity(sheet.Cell(row, TargetColumn), planRow.Target, planRow.Measure);

        var mechanism = planRow.Mechanism.Count == 1
            ? planRow.Mechanism[0]
            : string.Join('\n', planRow.Mechanism.Select((step, i) => $"{i + 1}. {step}"));
        SetText(sheet.Cell(row, MechanismColumn), mechanism);

        SetText(sheet.Cell(row, DeadlineColumn), planRow.Deadline);

        // As on the plan page: one service a line, each but the last followed by a comma.
        var responsible = planRow.AllServices ? text.AllServices : string.Join(",\n", planRow.Services);
        SetText(sheet.Cell(row, ResponsibleColumn), responsible);
    }

    private static void MergeDown(IXLWorksheet sheet, int row, int column, string value)
    {
        SetText(sheet.Cell(row, column), value);
        sheet.Range(row, column, row + 1, column).Merge();
    }

    private static double Width(int firstColumn, int lastColumn) => OfficialSheet.Width(ColumnWidths, firstColumn, lastColumn);

}
