using System.Globalization;
using ClosedXML.Excel;
using WorkPlan.Core.Common;

namespace WorkPlan.Infrastructure.Import;

/// <summary>A cell's content as read: its text, and the number or date when the cell holds one.</summary>
internal sealed record GridCell(string Text, double? Number, DateTime? Date);

/// <summary>A merged area of a sheet (inclusive bounds).</summary>
internal readonly record struct GridRange(int FirstRow, int FirstColumn, int LastRow, int LastColumn)
{
    public bool Contains(int row, int column) =>
        row >= FirstRow && row <= LastRow && column >= FirstColumn && column <= LastColumn;
}

/// <summary>
/// A plain copy of a worksheet's non-empty cells and merged areas, taken once from ClosedXML so that the
/// parser never touches ClosedXML (no formula evaluation, no cells created by looking at them).
/// </summary>
internal sealed class SheetGrid
{
    /// <summary>Columns beyond this are ignored: a plan has a dozen.</summary>
    public const int MaxColumns = 100;

    /// <summary>How many (row, merged area) index entries are kept; real plans need a few hundred.</summary>
    private const int MaxMergeIndexEntries = 1_000_000;

    private readonly Dictionary<int, List<(int Column, GridCell Cell)>> _rows;
    private readonly Dictionary<int, List<GridRange>> _mergesByRow;

    private SheetGrid(string name, Dictionary<int, List<(int Column, GridCell Cell)>> rows, Dictionary<int, List<GridRange>> mergesByRow)
    {
        Name = name;
        _rows = rows;
        _mergesByRow = mergesByRow;
        Rows = [.. rows.Keys.Order()];
    }

    public string Name { get; }

    /// <summary>The numbers of the rows that hold something, in order.</summary>
    public IReadOnlyList<int> Rows { get; }

    public static SheetGrid From(IXLWorksheet sheet)
    {
        var rows = new Dictionary<int, List<(int Column, GridCell Cell)>>();
        foreach (var cell in sheet.CellsUsed(XLCellsUsedOptions.Contents))
        {
            var address = cell.Address;
            if (address.ColumnNumber > MaxColumns || Read(cell) is not { } value)
            {
                continue;
            }

            if (!rows.TryGetValue(address.RowNumber, out var list))
            {
                rows[address.RowNumber] = list = [];
            }

            list.Add((address.ColumnNumber, value));
        }

        foreach (var list in rows.Values)
        {
            list.Sort((a, b) => a.Column.CompareTo(b.Column));
        }

        var lastRow = rows.Count == 0 ? 0 : rows.Keys.Max();
        var merges = new Dictionary<int, List<GridRange>>();
        var entries = 0;
        foreach (var range in sheet.MergedRanges)
        {
            var address = range.RangeAddress;
            var merged = new GridRange(
                address.FirstAddress.RowNumber,
                address.FirstAddress.ColumnNumber,
                address.LastAddress.RowNumber,
                address.LastAddress.ColumnNumber);
            for (var row = merged.FirstRow; row <= Math.Min(merged.LastRow, lastRow) && entries < MaxMergeIndexEntries; row++)
            {
                if (!merges.TryGetValue(row, out var list))
                {
                    merges[row] = list = [];
                }

                list.Add(merged);
                entries++;
            }
        }

        return new SheetGrid(sheet.Name, rows, merges);
    }

    /// <summary>The row's non-empty cells, left to right.</summary>
    public IReadOnlyList<(int Column, GridCell Cell)> CellsIn(int row) =>
        _rows.TryGetValue(row, out var list) ? list : [];

    public GridCell? Cell(int row, int column)
    {
        if (!_rows.TryGetValue(row, out var list))
        {
            return null;
        }

        foreach (var (c, cell) in list)
        {
            if (c == column)
            {
                return cell;
            }
        }

        return null;
    }

    /// <summary>The cell's text, trimmed, or "" when it is empty.</summary>
    public string Text(int row, int column) => Cell(row, column)?.Text.Trim() ?? string.Empty;

    public GridRange? MergeAt(int row, int column)
    {
        if (_mergesByRow.TryGetValue(row, out var list))
        {
            foreach (var range in list)
            {
                if (range.Contains(row, column))
                {
                    return range;
                }
            }
        }

        return null;
    }

    /// <summary>The columns a cell covers: its merged area's, or its own.</summary>
    public (int First, int Last) Span(int row, int column) =>
        MergeAt(row, column) is { } range && range.FirstRow == row && range.FirstColumn == column
            ? (range.FirstColumn, range.LastColumn)
            : (column, column);

    private static GridCell? Read(IXLCell cell)
    {
        try
        {
            if (cell.HasFormula)
            {
                // The value Excel saved with the formula; formulas are never evaluated here.
                return cell.CachedValue switch
                {
                    double d => NumberCell(d),
                    DateTime date => DateCell(date),
                    bool b => TextCell(b ? "TRUE" : "FALSE"),
                    string s when !string.IsNullOrWhiteSpace(s) => TextCell(s),
                    _ => TextCell("=" + cell.FormulaA1),
                };
            }

            return cell.DataType switch
            {
                XLDataType.Number => NumberCell(cell.GetDouble()),
                XLDataType.DateTime => DateCell(cell.GetDateTime()),
                XLDataType.Boolean => TextCell(cell.GetBoolean() ? "TRUE" : "FALSE"),
                _ => TextCell(cell.GetString()),
            };
        }
#pragma warning disable CA1031 // One odd cell must not spoil the sheet: read what ClosedXML shows instead.
        catch (Exception)
#pragma warning restore CA1031
        {
            try
            {
                return TextCell(cell.GetFormattedString());
            }
#pragma warning disable CA1031
            catch (Exception)
#pragma warning restore CA1031
            {
                return null;
            }
        }
    }

    private static GridCell NumberCell(double value) =>
        new(value.ToString("R", CultureInfo.InvariantCulture), value, null);

    private static GridCell DateCell(DateTime value) =>
        new(value.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture), null, value);

    /// <summary>
    /// A text cell without the zero-width characters a copy from the web or a document leaves in it: they show nothing
    /// in Excel or on the page, so the text reads the same without them. Direction controls and other hidden characters
    /// stay, and the preview reports them on their row (<see cref="VisibleText"/>).
    /// </summary>
    private static GridCell? TextCell(string? text) =>
        text is null || VisibleText.WithoutZeroWidth(text) is not { } visible || string.IsNullOrWhiteSpace(visible) ? null : new GridCell(visible, null, null);
}
