using System.Globalization;
using ClosedXML.Excel;
using WorkPlan.Core.Actuals;
using WorkPlan.Core.Plans;
using static WorkPlan.Infrastructure.Export.OfficialSheet;

namespace WorkPlan.Infrastructure.Export;

/// <summary>
/// Writes a month of a plan as a sheet to fill offline: the organisation, the title and a line of instructions,
/// then per row its number, name, unit, annual target, the months before the chosen one, the month's value and
/// note (the only cells that are not locked, and only on rows the user may write), the year to date and the
/// percentage (formulas, so they follow what is typed). A hidden row under the header names each column the
/// upload reads and carries the file's identity; hidden columns carry each row's indicator id, row version and
/// what the file showed, so that the upload knows what the user changed. The sheet is protected without a password
/// (a guard against typing in the wrong cell, not a secret), prints on A4 landscape and opens in Excel and LibreOffice.
/// </summary>
public sealed class ClosedXmlMonthWorkbookWriter : IMonthWorkbookWriter
{
    private const int OrganisationRow = 1;
    private const int TitleRow = 2;
    private const int InstructionsRow = 3;
    private const int HeaderRow = 4;

    /// <summary>The hidden row of column keys and the file's identity, right under the header.</summary>
    private const int KeyRow = 5;

    private const int FirstDataRow = 6;
    private const int TargetColumn = 4;
    private const int FirstMonthColumn = 5;
    private const string PercentFormat = "0.0";

    private static readonly XLColor EditableFill = XLColor.FromHtml("#FFF8DC");

    public byte[] Write(MonthWorkbook workbook, MonthWorkbookText text)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        ArgumentNullException.ThrowIfNull(text);
        var month = workbook.Identity.Month;
        var layout = new Layout(month);
        using var book = NewWorkbook(text.Title, text.SheetName, layout.Widths);
        var sheet = book.Worksheet(1);

        Heading(sheet, OrganisationRow, workbook.OrganisationName, layout, bold: true);
        Heading(sheet, TitleRow, text.Title, layout, bold: true);
        var instructions = Heading(sheet, InstructionsRow, text.Instructions, layout, bold: false);
        instructions.Style.Font.Italic = true;

        WriteHeader(sheet, text, layout);
        WriteKeys(sheet, workbook.Identity, layout);
        var row = FirstDataRow;
        foreach (var line in workbook.Rows)
        {
            WriteRow(sheet, row++, line, layout, workbook.IsOpen);
        }

        var last = Math.Max(row - 1, HeaderRow);
        var table = sheet.Range(HeaderRow, 1, last, layout.Note);
        table.Style.Border.OutsideBorder = XLBorderStyleValues.Thin;
        table.Style.Border.InsideBorder = XLBorderStyleValues.Thin;
        sheet.Range(FirstDataRow, 1, last, layout.Note).Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
        sheet.Range(FirstDataRow, NameColumn, last, NameColumn).Style.Alignment.WrapText = true;
        sheet.Range(FirstDataRow, layout.Note, last, layout.Note).Style.Alignment.WrapText = true;

        sheet.Row(KeyRow).Hide();
        for (var column = layout.IndicatorId; column <= layout.Identity; column++)
        {
            sheet.Column(column).Hide();
        }

        SetUpPrinting(sheet, text.PageLabel, HeaderRow, HeaderRow);
        sheet.PageSetup.PrintAreas.Add(1, 1, last, layout.Note);
        sheet.SheetView.FreezeRows(KeyRow);
        sheet.SheetView.FreezeColumns(NameColumn);

        // No password: the protection keeps typing in the value and note cells; the upload checks everything anyway.
        sheet.Protect()
            .AllowElement(XLSheetProtectionElements.SelectLockedCells)
            .AllowElement(XLSheetProtectionElements.SelectUnlockedCells)
            .AllowElement(XLSheetProtectionElements.FormatColumns)
            .AllowElement(XLSheetProtectionElements.FormatRows);
        book.FullCalculationOnLoad = true;
        return ToBytes(book);
    }

    private static IXLRange Heading(IXLWorksheet sheet, int row, string value, Layout layout, bool bold)
    {
        var range = MergeAcross(sheet, row, 1, layout.Note, value);
        range.Style.Font.Bold = bold;
        range.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        range.Style.Alignment.WrapText = true;
        FitMergedRow(sheet.Row(row), value, Width(layout.Widths, 1, layout.Note), bold, FontSize);
        return range;
    }

    private static void WriteHeader(IXLWorksheet sheet, MonthWorkbookText text, Layout layout)
    {
        SetText(sheet.Cell(HeaderRow, NumberColumn), text.Number);
        SetText(sheet.Cell(HeaderRow, NameColumn), text.Name);
        SetText(sheet.Cell(HeaderRow, UnitColumn), text.Unit);
        SetText(sheet.Cell(HeaderRow, TargetColumn), text.Target);
        for (var m = 1; m < layout.Month; m++)
        {
            SetText(sheet.Cell(HeaderRow, FirstMonthColumn + m - 1), text.MonthShortNames[m - 1]);
        }

        SetText(sheet.Cell(HeaderRow, layout.Value), text.MonthHeading);
        SetText(sheet.Cell(HeaderRow, layout.YearToDate), text.YearToDate);
        SetText(sheet.Cell(HeaderRow, layout.Percent), text.Percent);
        SetText(sheet.Cell(HeaderRow, layout.Note), text.Note);
        // LibreOffice does not grow a row for wrapped text it did not lay out itself: the header gets the lines its longest heading needs.
        sheet.Row(HeaderRow).Height = PointsPerLine * Enumerable.Range(1, layout.Note)
            .Max(c => EstimateLines(sheet.Cell(HeaderRow, c).GetString(), layout.Widths[c - 1], bold: true));
        var header = sheet.Range(HeaderRow, 1, HeaderRow, layout.Note);
        header.Style.Font.Bold = true;
        header.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        header.Style.Alignment.Vertical = XLAlignmentVerticalValues.Center;
        header.Style.Alignment.WrapText = true;
        sheet.Cell(HeaderRow, layout.Value).Style.Fill.BackgroundColor = EditableFill;
        sheet.Cell(HeaderRow, layout.Note).Style.Fill.BackgroundColor = EditableFill;
    }

    private static void WriteKeys(IXLWorksheet sheet, MonthWorkbookIdentity identity, Layout layout)
    {
        SetText(sheet.Cell(KeyRow, NumberColumn), MonthWorkbookColumns.Number);
        SetText(sheet.Cell(KeyRow, NameColumn), MonthWorkbookColumns.Name);
        SetText(sheet.Cell(KeyRow, layout.Value), MonthWorkbookColumns.Value);
        SetText(sheet.Cell(KeyRow, layout.Note), MonthWorkbookColumns.Note);
        SetText(sheet.Cell(KeyRow, layout.IndicatorId), MonthWorkbookColumns.IndicatorId);
        SetText(sheet.Cell(KeyRow, layout.Version), MonthWorkbookColumns.Version);
        SetText(sheet.Cell(KeyRow, layout.Shown), MonthWorkbookColumns.Shown);
        SetText(sheet.Cell(KeyRow, layout.ShownNote), MonthWorkbookColumns.ShownNote);
        SetText(sheet.Cell(KeyRow, layout.Identity), identity.ToText());
    }

    private static void WriteRow(IXLWorksheet sheet, int row, MonthWorkbookRow line, Layout layout, bool open)
    {
        WriteRowHead(sheet, row, line.Number, line.Name, line.Unit, line.IsSubRow);
        SetQuantity(sheet.Cell(row, TargetColumn), line.Target, line.Measure);
        for (var m = 1; m < layout.Month; m++)
        {
            var cell = sheet.Cell(row, FirstMonthColumn + m - 1);
            if (line.EarlierMonths[m - 1] is { } earlier)
            {
                SetQuantity(cell, earlier, line.Measure);
            }
        }

        var value = sheet.Cell(row, layout.Value);
        var note = sheet.Cell(row, layout.Note);
        if (line.Value is { } v)
        {
            value.SetValue(v);
        }

        value.Style.NumberFormat.Format = line.Measure == Measure.Money ? MoneyFormat : CountFormat;
        value.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Right;
        SetText(note, line.Note);
        if (open && line.CanWrite)
        {
            foreach (var editable in new[] { value, note })
            {
                editable.Style.Protection.Locked = false;
                editable.Style.Fill.BackgroundColor = EditableFill;
            }
        }

        var months = sheet.Range(row, FirstMonthColumn, row, layout.Value).RangeAddress.ToStringRelative();
        var monthCell = value.Address.ToStringRelative();
        var earlierLast = line.EarlierMonths.LastOrDefault(m => m is not null);
        var ytd = sheet.Cell(row, layout.YearToDate);
        ytd.FormulaA1 = line.Rollup switch
        {
            RollupKind.Max => $"IF(COUNT({months})=0,\"\",MAX({months}))",
            RollupKind.Last => $"IF(ISNUMBER({monthCell}),{monthCell},{(earlierLast is { } l ? l.ToString(CultureInfo.InvariantCulture) : "\"\"")})",
            _ => $"IF(COUNT({months})=0,\"\",SUM({months}))",
        };
        ytd.Style.NumberFormat.Format = line.Measure == Measure.Money ? MoneyFormat : CountFormat;
        var target = sheet.Cell(row, TargetColumn).Address.ToStringRelative();
        var percent = sheet.Cell(row, layout.Percent);
        percent.FormulaA1 = $"IF(AND(ISNUMBER({ytd.Address.ToStringRelative()}),ISNUMBER({target})),IF({target}>0,{ytd.Address.ToStringRelative()}/{target}*100,\"\"),\"\")";
        percent.Style.NumberFormat.Format = PercentFormat;

        sheet.Cell(row, layout.IndicatorId).SetValue(line.IndicatorId);
        if (line.Version is { } version)
        {
            sheet.Cell(row, layout.Version).SetValue(version);
        }

        SetText(sheet.Cell(row, layout.Shown), line.Value?.ToString(CultureInfo.InvariantCulture));
        SetText(sheet.Cell(row, layout.ShownNote), line.Note);

        // A long name or note wraps: the row is as tall as its lines, in Excel and LibreOffice alike.
        var lines = Math.Max(EstimateLines(line.Name, layout.Widths[NameColumn - 1], bold: false), EstimateLines(line.Note, layout.Widths[layout.Note - 1], bold: false));
        if (lines > 1)
        {
            sheet.Row(row).Height = lines * PointsPerLine;
        }
    }

    /// <summary>The columns of a month's sheet: the months before the chosen one sit between the target and the month's value.</summary>
    private sealed class Layout
    {
        public Layout(int month)
        {
            Month = month;
            Value = FirstMonthColumn + month - 1;
            Widths = [6, 45, 11, 12, .. Enumerable.Repeat(9.0, month - 1), 13, 12, 8, 32, 8, 8, 8, 8, 8];
        }

        public int Month { get; }

        public int Value { get; }

        public int YearToDate => Value + 1;

        public int Percent => Value + 2;

        public int Note => Value + 3;

        public int IndicatorId => Value + 4;

        public int Version => Value + 5;

        public int Shown => Value + 6;

        public int ShownNote => Value + 7;

        public int Identity => Value + 8;

        public double[] Widths { get; }
    }
}
