using WorkPlan.Core.Reports;

namespace WorkPlan.Infrastructure.Import;

/// <summary>
/// Reads the official plan form from a sheet: the KELISHILDI / TASDIQLAYMAN blocks and the title above
/// the table, the (one- or two-row) header found by its texts, then section rows, "shundan," lines and
/// indicator rows until the first row that is none of these. Uzbek headings are the form's; the Russian
/// and English ones of the app's own localised export are understood too. This file finds the layout (the
/// header and its columns); PlanSheetParser.Heading.cs reads what is above the table, PlanSheetParser.Table.cs its rows.
/// </summary>
internal static partial class PlanSheetParser
{
    /// <summary>Rows searched for the table header.</summary>
    private const int HeaderSearchRows = 200;

    private const int MaxQuotedTextLength = 80;

    private static readonly HashSet<string> NumberHeadings = ["№", "№ П/П", "NO.", "NO", "#", "T/R", "Т/Р", "П/П"];

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

    /// <summary>One sheet's reading, from its header row.</summary>
    private sealed partial class Reader(SheetGrid sheet, int headerRow, int maxRows)
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
    }
}
