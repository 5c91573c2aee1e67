using ClosedXML.Excel;
using WorkPlan.Core.Actuals;

namespace WorkPlan.BrowserTests.Infrastructure;

/// <summary>
/// A downloaded month's sheet, filled as a user fills it in Excel: its columns found by the hidden key row
/// (wp:number, wp:value, wp:note) as the upload finds them, the month's value and note typed into a row's
/// cells, and the workbook saved again in place.
/// </summary>
public static class MonthSheetFile
{
    /// <summary>Opens the file at <paramref name="path"/>, lets <paramref name="fill"/> type into its month sheet, and saves it.</summary>
    public static void Fill(string path, Action<Sheet> fill)
    {
        ArgumentNullException.ThrowIfNull(fill);
        using (var workbook = new XLWorkbook(path))
        {
            fill(new Sheet(workbook.Worksheet(1)));
            workbook.Save();
        }
    }

    /// <summary>The month sheet of a workbook, its rows found by their number.</summary>
    public sealed class Sheet(IXLWorksheet sheet)
    {
        private int KeyRow => sheet.RowsUsed().First(r => r.CellsUsed().Any(c => c.GetString() == MonthWorkbookColumns.IndicatorId)).RowNumber();

        /// <summary>Types the month's value of row <paramref name="number"/>, as a number, the way Excel stores a typed figure.</summary>
        public Sheet Value(string number, double value)
        {
            sheet.Cell(RowOf(number), Column(MonthWorkbookColumns.Value)).SetValue(value);
            return this;
        }

        /// <summary>Types the month's note of row <paramref name="number"/>.</summary>
        public Sheet Note(string number, string note)
        {
            sheet.Cell(RowOf(number), Column(MonthWorkbookColumns.Note)).SetValue(note);
            return this;
        }

        private int Column(string key) => sheet.Row(KeyRow).CellsUsed().First(c => c.GetString() == key).Address.ColumnNumber;

        private int RowOf(string number)
        {
            var keyRow = KeyRow;
            return sheet.Column(Column(MonthWorkbookColumns.Number)).CellsUsed()
                .First(c => c.Address.RowNumber > keyRow && c.GetString() == number).Address.RowNumber;
        }
    }
}
