using System.Globalization;
using System.Text.RegularExpressions;
using WorkPlan.Core.Plans;
using WorkPlan.Core.Reports;

namespace WorkPlan.Infrastructure.Import;

/// <summary>
/// Reads the official plan form from a sheet: the KELISHILDI / TASDIQLAYMAN blocks and the title above
/// the table, the (one- or two-row) header found by its texts, then section rows, "shundan," lines and
/// indicator rows until the first row that is none of these. Uzbek headings are the form's; the Russian
/// and English ones of the app's own localised export are understood too.
/// </summary>
internal static partial class PlanSheetParser
{
    /// <summary>Rows searched for the table header.</summary>
    private const int HeaderSearchRows = 200;

    private const int MaxQuotedTextLength = 80;

    private static readonly HashSet<string> AgreedHeadings = ["KELISHILDI", "КЕЛИШИЛДИ", "СОГЛАСОВАНО", "AGREED"];

    private static readonly HashSet<string> ApproveHeadings = ["TASDIQLAYMAN", "ТАСДИҚЛАЙМАН", "ТАСДИКЛАЙМАН", "УТВЕРЖДАЮ", "APPROVED", "I APPROVE"];

    private static readonly HashSet<string> OfWhichMarkers =
        ["SHUNDAN", "SHU JUMLADAN", "JUMLADAN", "ШУНДАН", "ШУ ЖУМЛАДАН", "ИЗ НИХ", "В ТОМ ЧИСЛЕ", "OF WHICH", "INCLUDING"];

    private static readonly HashSet<string> NumberHeadings = ["№", "№ П/П", "NO.", "NO", "#", "T/R", "Т/Р", "П/П"];

    private static readonly string[] TitleMarkers = ["ISH REJASI", "ИШ РЕЖАСИ", "ПЛАН РАБОТЫ", "РАБОЧИЙ ПЛАН", "WORK PLAN"];

    private enum Role
    {
        Number,
        Name,
        Unit,
        Fact,
        Target,
        Mechanism,
        Deadline,
        Services,
    }

    /// <summary>The first sheet that has the table header is read.</summary>
    public static ImportedPlan Parse(IEnumerable<SheetGrid> sheets, int maxRows)
    {
        foreach (var sheet in sheets)
        {
            if (FindHeader(sheet) is { } headerRow)
            {
                return new Reader(sheet, headerRow, maxRows).Read();
            }
        }

        return Failed(ImportMessageKeys.MissingColumns, "№, Nomi, fakt, reja");
    }

    public static ImportedPlan Failed(string key, params string[] arguments) =>
        new(null, null, null, [], [new ImportProblem(0, key, true, arguments)]);

    private static int? FindHeader(SheetGrid sheet)
    {
        foreach (var row in sheet.Rows.Take(HeaderSearchRows))
        {
            var cells = sheet.CellsIn(row);
            if (cells.Any(c => IsNumberHeading(c.Cell.Text)) && cells.Any(c => IsNameHeading(c.Cell.Text)))
            {
                return row;
            }
        }

        return null;
    }

    private static bool IsNumberHeading(string text)
    {
        var key = CellText.Key(text);
        return NumberHeadings.Contains(key) || (key.Contains('№', StringComparison.Ordinal) && key.Length <= 8);
    }

    private static bool IsNameHeading(string text) => NameScore(CellText.Key(text)) > 0;

    private static int NameScore(string key) => key switch
    {
        "NOMI" or "НАИМЕНОВАНИЕ" or "NAME" or "НОМИ" => 2,
        _ when key.StartsWith("NOMI", StringComparison.Ordinal) || key.Contains(" NOMI", StringComparison.Ordinal)
            || key.Contains("НАИМЕНОВАНИЕ", StringComparison.Ordinal) || key.StartsWith("NAME ", StringComparison.Ordinal) => 1,
        _ => 0,
    };

    /// <summary>How well a header text fits a column's role: 2 = as on the form, 1 = mentions it, 0 = not it.</summary>
    private static int Score(Role role, string key) => role switch
    {
        Role.Number => NumberHeadings.Contains(key) || (key.Contains('№', StringComparison.Ordinal) && key.Length <= 8) ? 2 : 0,
        Role.Name => NameScore(key),
        Role.Unit => Has(key, "O'LCHOV", "ЎЛЧОВ", "ЕДИНИЦ", "UNIT") ? 2 : 0,
        Role.Fact => Has(key, "(FAKT)", "(ФАКТ)", "(ACTUAL)") ? 2 : Has(key, "FAKT", "ФАКТ", "ACTUAL") ? 1 : 0,
        Role.Target => Has(key, "(REJA)", "(РЕЖА)", "(ПЛАН)", "(TARGET)") ? 2 : Has(key, "REJA", "РЕЖА", "ПЛАН", "TARGET") ? 1 : 0,
        Role.Mechanism => Has(key, "MEXANIZM", "МЕХАНИЗМ", "MECHANISM") ? 2 : 0,
        Role.Deadline => Has(key, "MUDDAT", "МУДДАТ", "СРОК", "DEADLINE") ? 2 : 0,
        Role.Services => Has(key, "MAS'UL", "МАСЪУЛ", "МАСЬУЛ", "ОТВЕТСТВЕН", "RESPONSIBLE") ? 2 : 0,
        _ => 0,
    };

    private static bool Has(string key, params string[] words) =>
        words.Any(w => key.Contains(w, StringComparison.Ordinal));

    private static string Quote(string text)
    {
        var collapsed = CellText.Collapse(text);
        return collapsed.Length <= MaxQuotedTextLength ? collapsed : collapsed[..MaxQuotedTextLength] + "…";
    }

    [GeneratedRegex(@"^(?<label>[IVXLC]{1,8})\s*[.)]\s*(?<title>\S.*)$", RegexOptions.Singleline)]
    private static partial Regex SectionHeading();

    [GeneratedRegex(@"^[IVXLC]{1,8}\.?$")]
    private static partial Regex RomanLabel();

    [GeneratedRegex(@"^\d{1,4}(?:\.\d{1,4}){0,4}$")]
    private static partial Regex IndicatorNumber();

    private sealed class SectionBuilder(string label, string title)
    {
        public string Label { get; } = label;

        public string Title { get; } = title;

        public List<ImportedRow> Rows { get; } = [];
    }

    /// <summary>One sheet's reading, from its header row.</summary>
    private sealed class Reader(SheetGrid sheet, int headerRow, int maxRows)
    {
        private readonly List<ImportProblem> _problems = [];
        private readonly Dictionary<Role, int> _columns = [];
        private int _lastColumn;
        private int _dataStart;

        public ImportedPlan Read()
        {
            var missing = LocateColumns();
            var (title, titleRow) = ReadTitle();
            var (agreement, approval) = ReadSignatures(titleRow ?? headerRow);
            if (missing.Count > 0)
            {
                _problems.Add(new ImportProblem(headerRow, ImportMessageKeys.MissingColumns, true, string.Join(", ", missing)));
                return new ImportedPlan(title, agreement, approval, [], _problems);
            }

            var sections = ReadTable();
            var hasErrors = _problems.Any(p => p.IsError);
            return new ImportedPlan(
                title,
                agreement,
                approval,
                hasErrors ? [] : [.. sections.Select(s => new ImportedSection(s.Label, s.Title, s.Rows))],
                [.. _problems.OrderBy(p => p.SheetRow)]);
        }

        // ---- Header -------------------------------------------------------------------------------

        /// <summary>Finds the columns by their header texts; returns the names of required ones not found.</summary>
        private List<string> LocateColumns()
        {
            var numberColumn = sheet.CellsIn(headerRow).First(c => IsNumberHeading(c.Cell.Text)).Column;
            var subHeader = IsSubHeader(headerRow + 1, numberColumn);
            _dataStart = subHeader ? headerRow + 2 : headerRow + 1;

            _lastColumn = HeaderLastColumn(headerRow);
            if (subHeader)
            {
                _lastColumn = Math.Max(_lastColumn, HeaderLastColumn(headerRow + 1));
            }

            var keys = new Dictionary<int, string>();
            for (var column = 1; column <= _lastColumn; column++)
            {
                var top = HeaderText(headerRow, column);
                var below = subHeader ? HeaderText(headerRow + 1, column) : string.Empty;
                keys[column] = CellText.Key(below.Length == 0 || below == top ? top : top + " " + below);
            }

            // The most specific roles first; a column serves one role; the best fit, then the leftmost, wins.
            foreach (var role in new[] { Role.Number, Role.Fact, Role.Target, Role.Name, Role.Unit, Role.Mechanism, Role.Deadline, Role.Services })
            {
                var best = keys
                    .Where(k => !_columns.ContainsValue(k.Key))
                    .Select(k => (Column: k.Key, Score: Score(role, k.Value)))
                    .Where(k => k.Score > 0)
                    .OrderByDescending(k => k.Score)
                    .ThenBy(k => k.Column)
                    .FirstOrDefault();
                if (best.Score > 0)
                {
                    _columns[role] = best.Column;
                }
            }

            var missing = new List<string>();
            AddIfMissing(missing, Role.Number, "№");
            AddIfMissing(missing, Role.Name, "Nomi");
            AddIfMissing(missing, Role.Fact, "fakt");
            AddIfMissing(missing, Role.Target, "reja");
            return missing;
        }

        private void AddIfMissing(List<string> missing, Role role, string name)
        {
            if (!_columns.ContainsKey(role))
            {
                missing.Add(name);
            }
        }

        /// <summary>
        /// Whether the row under the header is its second row ("2021 yil (fakt)" / "2022 yil (reja)" under
        /// "Miqdori"): it has no number, and the header is merged down into it or it names a quantity column.
        /// </summary>
        private bool IsSubHeader(int row, int numberColumn)
        {
            var numberCell = sheet.Text(row, numberColumn);
            if (numberCell.Length > 0)
            {
                return false;
            }

            var mergedDown = sheet.CellsIn(headerRow).Any(c => sheet.MergeAt(headerRow, c.Column) is { } m && m.FirstRow == headerRow && m.LastRow > headerRow);
            var namesQuantity = sheet.CellsIn(row).Any(c =>
                c.Cell.Text.Length <= 40 && (Score(Role.Fact, CellText.Key(c.Cell.Text)) > 0 || Score(Role.Target, CellText.Key(c.Cell.Text)) > 0));
            return mergedDown || namesQuantity;
        }

        private int HeaderLastColumn(int row)
        {
            var last = 0;
            foreach (var (column, _) in sheet.CellsIn(row))
            {
                last = Math.Max(last, sheet.Span(row, column).Last);
            }

            return Math.Min(last, SheetGrid.MaxColumns);
        }

        /// <summary>A header cell's text; an empty cell inside a merged header area has the area's text.</summary>
        private string HeaderText(int row, int column)
        {
            var text = sheet.Text(row, column);
            if (text.Length == 0 && sheet.MergeAt(row, column) is { } merged && merged.FirstRow >= headerRow)
            {
                text = sheet.Text(merged.FirstRow, merged.FirstColumn);
            }

            return text;
        }

        // ---- Above the table ----------------------------------------------------------------------

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

        // ---- The table ----------------------------------------------------------------------------

        private int Column(Role role) => _columns[role];

        private int? OptionalColumn(Role role) => _columns.TryGetValue(role, out var c) ? c : null;

        private List<SectionBuilder> ReadTable()
        {
            var sections = new List<SectionBuilder>();
            var firstRowOf = new Dictionary<string, int>(StringComparer.Ordinal);
            var all = new List<ImportedRow>();
            SectionBuilder? current = null;
            var outsideReported = false;
            var rowsRead = 0;
            var rows = sheet.Rows.Where(r => r >= _dataStart).ToList();
            for (var i = 0; i < rows.Count; i++)
            {
                var row = rows[i];
                var cells = TableCells(row);
                if (cells.Count == 0)
                {
                    continue;
                }

                if (++rowsRead > maxRows)
                {
                    _problems.Add(new ImportProblem(0, ImportMessageKeys.TooManyRows, true, maxRows.ToString(CultureInfo.InvariantCulture)));
                    break;
                }

                if (rowsRead == 1 && IsColumnNumbering(cells))
                {
                    continue;
                }

                if (TrySection(row, cells) is { } section)
                {
                    sections.Add(current = section);
                    continue;
                }

                if (IsOfWhich(row, cells))
                {
                    continue;
                }

                if (IndicatorNumberAt(row) is not { } number)
                {
                    // The table ends here (signatures under it, notes). Were it in the middle, say so.
                    if (rows.Skip(i + 1).Any(r => TableCells(r).Count > 0 && (IndicatorNumberAt(r) is not null || TrySection(r, TableCells(r)) is not null)))
                    {
                        _problems.Add(new ImportProblem(row, ImportMessageKeys.UnexpectedRow, true, Quote(cells[0].Cell.Text)));
                    }

                    break;
                }

                var indicator = ReadIndicator(row, number);
                if (firstRowOf.TryGetValue(number, out var firstRow))
                {
                    _problems.Add(new ImportProblem(row, ImportMessageKeys.DuplicateNumber, true, number, firstRow.ToString(CultureInfo.InvariantCulture)));
                }
                else
                {
                    firstRowOf[number] = row;
                }

                all.Add(indicator);
                if (current is null)
                {
                    if (!outsideReported)
                    {
                        _problems.Add(new ImportProblem(row, ImportMessageKeys.RowOutsideSection, true, number));
                        outsideReported = true;
                    }

                    continue;
                }

                current.Rows.Add(indicator);
            }

            foreach (var row in all)
            {
                if (row.ParentNumber is { } parent && !firstRowOf.ContainsKey(parent))
                {
                    _problems.Add(new ImportProblem(row.SheetRow, ImportMessageKeys.MissingParent, true, row.Number, parent));
                }
            }

            if (sections.Count == 0 || all.Count == 0)
            {
                _problems.Add(new ImportProblem(0, ImportMessageKeys.NoRows, true));
            }

            return sections;
        }

        /// <summary>The row's non-empty cells within the table's columns.</summary>
        private List<(int Column, GridCell Cell)> TableCells(int row) =>
            [.. sheet.CellsIn(row).Where(c => c.Column <= _lastColumn)];

        /// <summary>"1 2 3 4 5 6 7 8" under the header: the columns' numbers, not an indicator.</summary>
        private static bool IsColumnNumbering(List<(int Column, GridCell Cell)> cells) =>
            cells.Count >= 3 && cells.Select((c, i) => c.Cell.Number == i + 1).All(ok => ok);

        /// <summary>"I. ILMIY-METODIK FAOLIYAT" (usually merged across), or "I" in № with the title in Nomi.</summary>
        private SectionBuilder? TrySection(int row, List<(int Column, GridCell Cell)> cells)
        {
            var numberColumn = Column(Role.Number);
            var (firstColumn, firstCell) = cells[0];
            var numberText = sheet.Text(row, numberColumn);
            if (firstCell.Number is null && (firstColumn == numberColumn || numberText.Length == 0)
                && SectionHeading().Match(CellText.Collapse(firstCell.Text)) is { Success: true } heading)
            {
                return new SectionBuilder(heading.Groups["label"].Value, heading.Groups["title"].Value.Trim());
            }

            var name = CellText.Collapse(sheet.Text(row, Column(Role.Name)));
            if (RomanLabel().IsMatch(numberText) && name.Length > 0
                && sheet.Cell(row, Column(Role.Fact)) is null && sheet.Cell(row, Column(Role.Target)) is null)
            {
                return new SectionBuilder(numberText.TrimEnd('.'), name);
            }

            return null;
        }

        /// <summary>"shundan," ("of which"): a line with no number that begins with the marker.</summary>
        private bool IsOfWhich(int row, List<(int Column, GridCell Cell)> cells) =>
            sheet.Text(row, Column(Role.Number)).Length == 0
            && OfWhichMarkers.Contains(CellText.Key(cells[0].Cell.Text).TrimEnd(',', ':', ';', '.', ' '));

        /// <summary>The row's indicator number ("10.1." → "10.1"), or null when the № cell holds none.</summary>
        private string? IndicatorNumberAt(int row)
        {
            var cell = sheet.Cell(row, Column(Role.Number));
            if (cell is null)
            {
                return null;
            }

            var text = cell.Number is { } n ? n.ToString("0.####", CultureInfo.InvariantCulture) : cell.Text;
            var number = NumberLabel.Normalise(text.Trim().TrimEnd(')'));
            return IndicatorNumber().IsMatch(number) ? number : null;
        }

        private ImportedRow ReadIndicator(int row, string number)
        {
            var name = CellText.Collapse(sheet.Text(row, Column(Role.Name)));
            if (name.Length == 0)
            {
                _problems.Add(new ImportProblem(row, ImportMessageKeys.MissingName, true, number));
            }

            return new ImportedRow(
                row,
                number,
                name,
                CellText.NullIfEmpty(Filled(row, OptionalColumn(Role.Unit))),
                Quantity(row, Column(Role.Fact)),
                Quantity(row, Column(Role.Target)),
                CellText.Steps(Filled(row, OptionalColumn(Role.Mechanism))),
                CellText.NullIfEmpty(Filled(row, OptionalColumn(Role.Deadline))),
                CellText.Services(Filled(row, OptionalColumn(Role.Services))),
                NumberLabel.ParentOf(number));
        }

        /// <summary>A text cell; an empty one merged down from a row above in the same column (a service for 10.1–10.4) has that row's text.</summary>
        private string? Filled(int row, int? column)
        {
            if (column is not { } c)
            {
                return null;
            }

            var cell = sheet.Cell(row, c);
            if (cell is null && sheet.MergeAt(row, c) is { } merged && merged.FirstRow < row && merged.FirstRow >= _dataStart && merged.FirstColumn == c)
            {
                cell = sheet.Cell(merged.FirstRow, c);
            }

            return cell?.Text.Replace("\r", string.Empty, StringComparison.Ordinal);
        }

        private decimal? Quantity(int row, int column)
        {
            if (sheet.Cell(row, column) is not { } cell)
            {
                return null;
            }

            var address = CellText.ColumnLetters(column) + row.ToString(CultureInfo.InvariantCulture);
            if (cell.Number is { } number)
            {
                if (number < 0)
                {
                    _problems.Add(new ImportProblem(row, ImportMessageKeys.Negative, true, cell.Text, address));
                    return null;
                }

                if (double.IsFinite(number) && number < (double)decimal.MaxValue)
                {
                    return (decimal)number;
                }
            }
            else if (cell.Date is null && CellText.TryParseQuantity(cell.Text, out var value, out var negative))
            {
                if (negative)
                {
                    _problems.Add(new ImportProblem(row, ImportMessageKeys.Negative, true, Quote(cell.Text), address));
                    return null;
                }

                return value;
            }

            _problems.Add(new ImportProblem(row, ImportMessageKeys.NotANumber, true, Quote(cell.Text), address));
            return null;
        }
    }
}
