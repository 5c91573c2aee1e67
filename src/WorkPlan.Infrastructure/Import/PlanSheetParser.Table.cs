using System.Globalization;
using System.Text.RegularExpressions;
using WorkPlan.Core.Plans;
using WorkPlan.Core.Reports;

namespace WorkPlan.Infrastructure.Import;

/// <summary>
/// The plan form's table, once the layout is known (<see cref="PlanSheetParser"/> finds the header, the columns,
/// the title and the signature blocks): section rows, "shundan," lines and indicator rows, read one by one.
/// </summary>
internal static partial class PlanSheetParser
{
    private static readonly HashSet<string> OfWhichMarkers =
        ["SHUNDAN", "SHU JUMLADAN", "JUMLADAN", "ШУНДАН", "ШУ ЖУМЛАДАН", "ИЗ НИХ", "В ТОМ ЧИСЛЕ", "OF WHICH", "INCLUDING"];

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

    private sealed partial class Reader
    {
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
