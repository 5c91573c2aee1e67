using ClosedXML.Excel;
using WorkPlan.Core.Plans;

namespace WorkPlan.Infrastructure.Export;

/// <summary>
/// What the official-form workbooks (the plan, the quarterly report) share: the font, numbers as
/// numbers with "-" for no value, text that never turns into a formula, merged rows Excel can show,
/// and A4 landscape printing with the header repeated and page numbers.
/// </summary>
internal static class OfficialSheet
{
    public const string NoValue = "-";
    public const string CountFormat = "#,##0";
    public const string MoneyFormat = "#,##0.00";
    public const string FontName = "Times New Roman";
    public const double FontSize = 11;
    public const double TitleFontSize = 12;
    public const double PointsPerLine = 15;
    public const double Centimetre = 1 / 2.54;
    public const int MaxSheetNameLength = 31;

    /// <summary>Every official table begins with the row's number, its name and its unit.</summary>
    public const int NumberColumn = 1;
    public const int NameColumn = 2;
    public const int UnitColumn = 3;

    private static readonly char[] InvalidSheetNameCharacters = ['[', ']', ':', '*', '?', '/', '\\'];

    /// <summary>A workbook in the official font, titled, with one sheet (its first) whose columns have these widths (characters).</summary>
    public static XLWorkbook NewWorkbook(string title, string sheetName, IReadOnlyList<double> columnWidths)
    {
        ArgumentNullException.ThrowIfNull(columnWidths);
        var workbook = new XLWorkbook();
        workbook.Style.Font.FontName = FontName;
        workbook.Style.Font.FontSize = FontSize;
        workbook.Properties.Title = title;
        var sheet = workbook.Worksheets.Add(SheetName(sheetName));
        for (var i = 0; i < columnWidths.Count; i++)
        {
            sheet.Column(i + 1).Width = columnWidths[i];
        }

        return workbook;
    }

    /// <summary>The workbook as the bytes of an .xlsx file.</summary>
    public static byte[] ToBytes(XLWorkbook workbook)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    /// <summary>
    /// Always a string value, so that "=…", "+…", "-…", "@…" stay text and never become formulas; such text also
    /// carries Excel's quote prefix (the leading apostrophe Excel shows while editing), so that it stays text when a
    /// user edits the cell and presses Enter.
    /// </summary>
    public static void SetText(IXLCell cell, string? value)
    {
        ArgumentNullException.ThrowIfNull(cell);
        cell.SetValue(value ?? string.Empty);
        cell.DataType = XLDataType.Text;
        if (LooksLikeFormula(value))
        {
            cell.Style.IncludeQuotePrefix = true;
        }
    }

    /// <summary>Text Excel would read as a formula when typed in: it begins with = + - @ (or a tab or line break before one).</summary>
    public static bool LooksLikeFormula(string? value) =>
        !string.IsNullOrEmpty(value) && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' or '\n';

    /// <summary>A number in a numeric cell (two decimals only for money with a fraction), or "-" centred.</summary>
    public static void SetQuantity(IXLCell cell, decimal? value, Measure measure) =>
        SetNumber(cell, value, measure == Measure.Money && value is { } v && decimal.Truncate(v) != v ? MoneyFormat : CountFormat);

    /// <summary>A number in a numeric cell in <paramref name="format"/>, right-aligned, or "-" centred.</summary>
    public static void SetNumber(IXLCell cell, decimal? value, string format)
    {
        if (value is not { } v)
        {
            SetText(cell, NoValue);
            cell.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
            return;
        }

        cell.SetValue(v);
        cell.Style.NumberFormat.Format = format;
        cell.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Right;
    }

    public static IXLRange MergeAcross(IXLWorksheet sheet, int row, int firstColumn, int lastColumn, string? value)
    {
        SetText(sheet.Cell(row, firstColumn), value);
        var range = sheet.Range(row, firstColumn, row, lastColumn);
        range.Merge();
        return range;
    }

    /// <summary>Width (characters) of the columns from <paramref name="firstColumn"/> to <paramref name="lastColumn"/>.</summary>
    public static double Width(IReadOnlyList<double> columnWidths, int firstColumn, int lastColumn) =>
        columnWidths.Skip(firstColumn - 1).Take(lastColumn - firstColumn + 1).Sum();

    /// <summary>A section's heading ("A. Title"), bold and centred across the table, tall enough for its text.</summary>
    public static void WriteSectionRow(IXLWorksheet sheet, int row, string label, string title, IReadOnlyList<double> columnWidths)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(columnWidths);
        var text = $"{label}. {title}";
        var range = MergeAcross(sheet, row, 1, columnWidths.Count, text);
        range.Style.Font.Bold = true;
        range.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        FitMergedRow(sheet.Row(row), text, Width(columnWidths, 1, columnWidths.Count), bold: true, FontSize);
    }

    /// <summary>A row's number, its name (indented for an "of which" row) and its unit (centred).</summary>
    public static void WriteRowHead(IXLWorksheet sheet, int row, string number, string name, string? unit, bool isSubRow)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        SetText(sheet.Cell(row, NumberColumn), number);
        var nameCell = sheet.Cell(row, NameColumn);
        SetText(nameCell, name);
        if (isSubRow)
        {
            nameCell.Style.Alignment.Indent = 1;
        }

        var unitCell = sheet.Cell(row, UnitColumn);
        SetText(unitCell, unit);
        unitCell.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
    }

    /// <summary>The table's rows from <paramref name="first"/> to <paramref name="last"/> read from the top of each cell; returns <paramref name="last"/>.</summary>
    public static int AlignTop(IXLWorksheet sheet, int first, int last, int columnCount)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        if (last >= first)
        {
            sheet.Range(first, 1, last, columnCount).Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
        }

        return last;
    }

    /// <summary>A4 landscape, one page wide, 1 cm margins, the header rows on every page, "Sahifa n / N" at the foot.</summary>
    public static void SetUpPrinting(IXLWorksheet sheet, string pageLabel, int headerFirst, int headerLast)
    {
        var setup = sheet.PageSetup;
        setup.PaperSize = XLPaperSize.A4Paper;
        setup.PageOrientation = XLPageOrientation.Landscape;
        setup.FitToPages(1, 0);
        setup.CenterHorizontally = true;
        setup.Margins.Left = Centimetre;
        setup.Margins.Right = Centimetre;
        setup.Margins.Top = Centimetre;
        setup.Margins.Bottom = Centimetre;
        setup.Margins.Header = Centimetre / 2;
        setup.Margins.Footer = Centimetre / 2;
        setup.SetRowsToRepeatAtTop(headerFirst, headerLast);

        // "&" starts a header/footer code in Excel: a literal one is written "&&".
        var label = pageLabel.Replace("&", "&&", StringComparison.Ordinal);
        var footer = setup.Footer.Center;
        footer.AddText($"{label} ", XLHFOccurrence.AllPages);
        footer.AddText(XLHFPredefinedText.PageNumber, XLHFOccurrence.AllPages);
        footer.AddText(" / ", XLHFOccurrence.AllPages);
        footer.AddText(XLHFPredefinedText.NumberOfPages, XLHFOccurrence.AllPages);
    }

    /// <summary>
    /// Excel does not autofit the height of a row whose wrapped text sits in merged cells, so such rows
    /// get a height for the lines their text needs (<paramref name="width"/> in characters); every other
    /// row is left to Excel's autofit.
    /// </summary>
    public static void FitMergedRow(IXLRow row, string? value, double width, bool bold, double fontSize)
    {
        var lines = EstimateLines(value, width * FontSize / fontSize, bold);
        if (lines > 1 || fontSize > FontSize)
        {
            row.Height = lines * PointsPerLine * fontSize / FontSize;
        }
    }

    /// <summary>How many lines a text wraps to in a width of so many characters (bold is about a tenth wider).</summary>
    public static int EstimateLines(string? value, double width, bool bold)
    {
        if (string.IsNullOrEmpty(value))
        {
            return 1;
        }

        var perLine = Math.Max(1, (width - 1) / (bold ? 1.1 : 1.0));
        return value.Split('\n').Sum(line => Math.Max(1, (int)Math.Ceiling(line.Length / perLine)));
    }

    /// <summary>A valid sheet name: at most 31 characters, none of []:*?/\.</summary>
    public static string SheetName(string name)
    {
        var cleaned = string.Concat(name.Where(c => Array.IndexOf(InvalidSheetNameCharacters, c) < 0)).Trim('\'', ' ');
        if (cleaned.Length == 0)
        {
            cleaned = "Sheet";
        }

        return cleaned.Length > MaxSheetNameLength ? cleaned[..MaxSheetNameLength] : cleaned;
    }
}
