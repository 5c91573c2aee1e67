using WorkPlan.Core.Reports;

namespace WorkPlan.Infrastructure.Import;

/// <summary>
/// What the plan form prints above its table: the title ("… ish rejasi") and the KELISHILDI / TASDIQLAYMAN
/// blocks, each with its position, name and date lines.
/// </summary>
internal static partial class PlanSheetParser
{
    private static readonly HashSet<string> AgreedHeadings = ["KELISHILDI", "КЕЛИШИЛДИ", "СОГЛАСОВАНО", "AGREED"];

    private static readonly HashSet<string> ApproveHeadings = ["TASDIQLAYMAN", "ТАСДИҚЛАЙМАН", "ТАСДИКЛАЙМАН", "УТВЕРЖДАЮ", "APPROVED", "I APPROVE"];

    private static readonly string[] TitleMarkers = ["ISH REJASI", "ИШ РЕЖАСИ", "ПЛАН РАБОТЫ", "РАБОЧИЙ ПЛАН", "WORK PLAN"];

    private sealed partial class Reader
    {
        /// <summary>The long text containing "ish rejasi" above the header (or, failing that, the wide merged line just above it).</summary>
        private (string? Title, int? Row) ReadTitle()
        {
            foreach (var row in sheet.Rows.Where(r => r < headerRow))
            {
                foreach (var (column, cell) in sheet.CellsIn(row))
                {
                    var key = CellText.Key(cell.Text);
                    if (TitleMarkers.Any(m => key.Contains(m, StringComparison.Ordinal)))
                    {
                        return WithLineAbove(row, column, CellText.JoinLines(CellText.Lines(cell.Text)));
                    }
                }
            }

            // The app's export: the title merged across the table, right above the header.
            var above = sheet.Rows.Where(r => r < headerRow).DefaultIfEmpty(0).Max();
            if (above > 0 && sheet.CellsIn(above) is [var only] && !IsHeading(only.Cell.Text)
                && !CellText.TryParseDateLine(only.Cell.Text, out _, out _))
            {
                var (first, last) = sheet.Span(above, only.Column);
                if (last - first + 1 > Math.Max(1, _lastColumn / 2))
                {
                    return (CellText.JoinLines(CellText.Lines(only.Cell.Text)), above);
                }
            }

            return (null, null);
        }

        /// <summary>
        /// A title typed on two rows: the row right above joins when it is one wide merged line of its own
        /// of several words (not a one-word mark such as the export's "LOYIHA").
        /// </summary>
        private (string? Title, int? Row) WithLineAbove(int row, int column, string title)
        {
            var above = sheet.Rows.Where(r => r < row).DefaultIfEmpty(0).Max();
            if (above == row - 1 && sheet.CellsIn(above) is [var only] && !IsHeading(only.Cell.Text)
                && CellText.Collapse(only.Cell.Text).Split(' ').Length >= 3
                && !CellText.TryParseDateLine(only.Cell.Text, out _, out _))
            {
                var (first, last) = sheet.Span(above, only.Column);
                if (last > first && first <= column && column <= last)
                {
                    return (CellText.JoinLines([.. CellText.Lines(only.Cell.Text), title]), above);
                }
            }

            return (title, row);
        }

        private static bool IsHeading(string text) => HeadingOf(text) is not null;

        private static bool? HeadingOf(string text)
        {
            var firstLine = CellText.Lines(text).FirstOrDefault();
            var key = CellText.Key(firstLine).TrimEnd(':', '.', ' ');
            return AgreedHeadings.Contains(key) ? true : ApproveHeadings.Contains(key) ? false : null;
        }

        /// <summary>The KELISHILDI (left) and TASDIQLAYMAN (right) blocks above <paramref name="endRow"/>.</summary>
        private (ImportedSignature? Agreement, ImportedSignature? Approval) ReadSignatures(int endRow)
        {
            var headings = new List<Heading>();
            foreach (var row in sheet.Rows.Where(r => r < endRow))
            {
                foreach (var (column, cell) in sheet.CellsIn(row))
                {
                    if (HeadingOf(cell.Text) is { } agreed && !headings.Any(h => h.Agreed == agreed))
                    {
                        var (first, last) = sheet.Span(row, column);
                        headings.Add(new Heading(agreed, row, column, first, last, [.. CellText.Lines(cell.Text).Skip(1)]));
                    }
                }
            }

            if (headings.Count == 0)
            {
                return (null, null);
            }

            foreach (var row in sheet.Rows.Where(r => r < endRow))
            {
                foreach (var (column, cell) in sheet.CellsIn(row))
                {
                    if (headings.Any(h => h.Row == row && h.Column == column))
                    {
                        continue;
                    }

                    var (first, last) = sheet.Span(row, column);
                    var owner = headings
                        .Where(h => h.Row < row)
                        .OrderBy(h => Distance(h, first, last))
                        .ThenBy(h => h.First)
                        .FirstOrDefault();
                    owner?.Cells.Add((row, cell));
                }
            }

            var agreement = headings.FirstOrDefault(h => h.Agreed) is { } a ? Signature(a) : null;
            var approval = headings.FirstOrDefault(h => !h.Agreed) is { } b ? Signature(b) : null;
            return (agreement, approval);
        }

        private static int Distance(Heading heading, int first, int last) =>
            last < heading.First ? heading.First - last : first > heading.Last ? first - heading.Last : 0;

        /// <summary>Title lines, then the name, then the date line; anything under the date line is not the block's.</summary>
        private ImportedSignature Signature(Heading heading)
        {
            var lines = new List<string>();
            DateOnly? date = null;
            var dated = false;
            foreach (var line in heading.ExtraLines)
            {
                dated = dated || TakeLine(line, heading.Row, lines, ref date);
            }

            foreach (var (row, cell) in heading.Cells)
            {
                if (dated)
                {
                    break;
                }

                if (cell.Date is { } d)
                {
                    date = DateOnly.FromDateTime(d);
                    dated = true;
                    break;
                }

                foreach (var line in CellText.Lines(cell.Text))
                {
                    if (!dated)
                    {
                        dated = TakeLine(line, row, lines, ref date);
                    }
                }
            }

            string? name = null;
            if (lines.Count >= 2 || (lines.Count == 1 && lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 3))
            {
                name = CellText.Collapse(lines[^1]);
                lines.RemoveAt(lines.Count - 1);
            }

            var title = CellText.JoinLines(lines);
            return new ImportedSignature(title.Length > 0 ? title : null, name, date);
        }

        /// <summary>Adds a title/name line, or reads the date line; true when it was the date line.</summary>
        private bool TakeLine(string line, int sheetRow, List<string> lines, ref DateOnly? date)
        {
            if (!CellText.TryParseDateLine(line, out var parsed, out var malformed))
            {
                lines.Add(line);
                return false;
            }

            date = parsed;
            if (malformed)
            {
                _problems.Add(new ImportProblem(sheetRow, ImportMessageKeys.BadDate, false, Quote(line)));
            }

            return true;
        }

        private sealed record Heading(bool Agreed, int Row, int Column, int First, int Last, List<string> ExtraLines)
        {
            public List<(int Row, GridCell Cell)> Cells { get; } = [];
        }
    }
}
