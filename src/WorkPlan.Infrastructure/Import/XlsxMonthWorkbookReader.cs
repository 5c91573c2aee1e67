using System.Globalization;
using ClosedXML.Excel;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using WorkPlan.Core.Actuals;
using WorkPlan.Core.Common;

namespace WorkPlan.Infrastructure.Import;

/// <summary>
/// Reads an uploaded month's sheet (<see cref="Export.ClosedXmlMonthWorkbookWriter"/>'s file, filled in Excel or
/// LibreOffice and perhaps re-saved, its rows re-ordered or columns added). The columns are found by the hidden key
/// row wherever they moved; without it, by the headings (number, the month, the note) of any UI language, and the
/// file then has no identity. The plan import's defences come first (size, compound files, ZIP bombs, XML bombs,
/// rows); nothing in the file makes this throw.
/// </summary>
public sealed class XlsxMonthWorkbookReader(ILogger<XlsxMonthWorkbookReader>? logger = null) : IMonthWorkbookReader
{
    /// <summary>Most rows a month's sheet may have: a plan's rows and the lines around them.</summary>
    public const int MaxRows = FieldLimits.PlanRows + 200;

    /// <summary>Rows searched from the top for the key row or the header.</summary>
    private const int HeaderSearchRows = 60;

    /// <summary>A month's sheet that is not one: no key row and no header with the number and the month.</summary>
    public const string NotMonthSheet = "Upload.NotMonthSheet";

    private readonly ILogger _logger = logger ?? NullLogger<XlsxMonthWorkbookReader>.Instance;

    public UploadedMonth Read(Stream content, long length, MonthSheetHeadings headings)
    {
        ArgumentNullException.ThrowIfNull(headings);
        var check = XlsxPackageGuard.ReadAndInspect(content, length, MonthUploadService.MaxFileBytes, MaxRows, FieldLimits.PlanRows, _logger);
        if (check.ErrorKey is { } key)
        {
            return UploadedMonth.Failed(key, check.Arguments);
        }

        try
        {
            using var stream = new MemoryStream(check.Package!, writable: false);
            using var workbook = new XLWorkbook(stream);
            var grids = workbook.Worksheets.Select(SheetGrid.From).ToList();
            return grids.Select(ByKeys).FirstOrDefault(r => r is not null)
                ?? grids.Select(g => ByHeadings(g, headings)).FirstOrDefault(r => r is not null)
                ?? UploadedMonth.Failed(NotMonthSheet);
        }
#pragma warning disable CA1031 // Whatever ClosedXML (or a sheet it reads) throws becomes "unreadable".
        catch (Exception exception)
#pragma warning restore CA1031
        {
            _logger.LogWarning(exception, "Month upload: the workbook could not be read");
            return UploadedMonth.Failed(ImportMessageKeys.Unreadable);
        }
    }

    /// <summary>The sheet read by its hidden key row (none when it has none); the identity is in a cell of that row.</summary>
    private static UploadedMonth? ByKeys(SheetGrid grid)
    {
        foreach (var row in grid.Rows.TakeWhile(r => r <= HeaderSearchRows))
        {
            var keys = grid.CellsIn(row).ToDictionary(c => c.Cell.Text.Trim(), c => c.Column, StringComparer.Ordinal);
            if (!keys.TryGetValue(MonthWorkbookColumns.IndicatorId, out var idColumn) || !keys.TryGetValue(MonthWorkbookColumns.Value, out var valueColumn))
            {
                continue;
            }

            var identity = grid.CellsIn(row).Select(c => MonthWorkbookIdentity.TryParse(c.Cell.Text.Trim())).FirstOrDefault(i => i is not null);
            int? Column(string name) => keys.TryGetValue(name, out var column) ? column : null;
            var columns = new Columns(Column(MonthWorkbookColumns.Number), Column(MonthWorkbookColumns.Name), valueColumn, Column(MonthWorkbookColumns.Note),
                idColumn, Column(MonthWorkbookColumns.Version), Column(MonthWorkbookColumns.Shown), Column(MonthWorkbookColumns.ShownNote));

            // Without its identity the file's hidden ids cannot be trusted to be this month's: the rows go by number and name.
            return new UploadedMonth(null, [], identity, RowsBelow(grid, row, identity is null ? columns with { IndicatorId = null } : columns));
        }

        return null;
    }

    /// <summary>The sheet read by its visible header: the "№" column, the chosen month's column and the note's.</summary>
    private static UploadedMonth? ByHeadings(SheetGrid grid, MonthSheetHeadings headings)
    {
        static HashSet<string> Keys(IEnumerable<string> texts) => texts.Select(CellText.Key).ToHashSet(StringComparer.Ordinal);
        var (numbers, names, values, notes) = (Keys(headings.Numbers), Keys(headings.Names), Keys(headings.Values), Keys(headings.Notes));
        foreach (var row in grid.Rows.TakeWhile(r => r <= HeaderSearchRows))
        {
            var cells = grid.CellsIn(row);
            int? Find(HashSet<string> keys) => cells.Where(c => keys.Contains(CellText.Key(c.Cell.Text))).Select(c => (int?)c.Column).FirstOrDefault();
            if (Find(numbers) is not { } number || Find(values) is not { } value)
            {
                continue;
            }

            var columns = new Columns(number, Find(names) ?? number + 1, value, Find(notes), null, null, null, null);
            return new UploadedMonth(null, [], null, RowsBelow(grid, row, columns));
        }

        return null;
    }

    private static List<UploadedRow> RowsBelow(SheetGrid grid, int headerRow, Columns columns)
    {
        string? Text(int row, int? column) => column is { } c && grid.Text(row, c) is { Length: > 0 } text ? text : null;
        var rows = new List<UploadedRow>();
        foreach (var row in grid.Rows.Where(r => r > headerRow))
        {
            var id = columns.IndicatorId is { } idColumn && grid.Cell(row, idColumn)?.Number is { } n && n is > 0 and < int.MaxValue && Math.Truncate(n) == n ? (int?)n : null;
            var number = Text(row, columns.Number);
            if (id is null && (columns.IndicatorId is not null || number is null))
            {
                // Lines around the table (a title, a total the user added, signatures) are not rows of the plan.
                continue;
            }

            var version = columns.Version is { } versionColumn && grid.Cell(row, versionColumn)?.Number is { } v && v is >= 0 and <= uint.MaxValue && Math.Truncate(v) == v ? (uint?)v : null;
            rows.Add(new UploadedRow(row, number, Text(row, columns.Name), ValueOf(grid.Cell(row, columns.Value)), Text(row, columns.Note), id, version, Text(row, columns.Shown), Text(row, columns.ShownNote)));
        }

        return rows;
    }

    /// <summary>A number cell's value in invariant digits (what the user typed, without the format's spaces); any other cell's text.</summary>
    private static string? ValueOf(GridCell? cell)
    {
        if (cell is null)
        {
            return null;
        }

        if (cell.Number is { } number)
        {
            try
            {
                return ((decimal)number).ToString(CultureInfo.InvariantCulture);
            }
            catch (OverflowException)
            {
                return cell.Text;
            }
        }

        return cell.Text.Trim() is { Length: > 0 } text ? text : null;
    }

    private sealed record Columns(int? Number, int? Name, int Value, int? Note, int? IndicatorId, int? Version, int? Shown, int? ShownNote);
}
