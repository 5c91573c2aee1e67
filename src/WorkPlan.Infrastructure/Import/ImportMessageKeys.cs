namespace WorkPlan.Infrastructure.Import;

/// <summary>
/// Resource keys of the problems an import reports (<see cref="Core.Reports.ImportProblem.MessageKey"/>),
/// with the meaning of their arguments. The texts live with the UI resources.
/// </summary>
public static class ImportMessageKeys
{
    /// <summary>The file is over the size limit; {0} = the limit in MB. Not read at all.</summary>
    public const string TooLarge = "Import.TooLarge";

    /// <summary>The content is not an .xlsx workbook (not a ZIP, or a ZIP without the workbook parts).</summary>
    public const string NotXlsx = "Import.NotXlsx";

    /// <summary>The workbook is saved with a password to open it; the upload cannot read it. Not read at all.</summary>
    public const string PasswordProtected = "Import.PasswordProtected";

    /// <summary>An Excel 97-2003 workbook (.xls): it must be saved as .xlsx first. Not read at all.</summary>
    public const string OldExcel = "Import.OldExcel";

    /// <summary>The ZIP inflates to far more than a plan could hold (too many parts, too large, or sizes that lie).</summary>
    public const string ZipBomb = "Import.ZipBomb";

    /// <summary>The workbook is damaged or cannot be read.</summary>
    public const string Unreadable = "Import.Unreadable";

    /// <summary>A sheet has more rows than a plan can have; {0} = the limit.</summary>
    public const string TooManyRows = "Import.TooManyRows";

    /// <summary>The table header lacks required columns; {0} = the missing columns, comma-separated.</summary>
    public const string MissingColumns = "Import.MissingColumns";

    /// <summary>No section or no indicator row was found under the header.</summary>
    public const string NoRows = "Import.NoRows";

    /// <summary>A quantity cell holds something that is not a number; {0} = the cell's text, {1} = the cell (D14).</summary>
    public const string NotANumber = "Import.NotANumber";

    /// <summary>A quantity is negative; {0} = the cell's text, {1} = the cell (D14).</summary>
    public const string Negative = "Import.Negative";

    /// <summary>An indicator number appears twice; {0} = the number, {1} = the sheet row where it first appears.</summary>
    public const string DuplicateNumber = "Import.DuplicateNumber";

    /// <summary>An "of which" row has no row of its parent's number; {0} = the row's number, {1} = the parent's number.</summary>
    public const string MissingParent = "Import.MissingParent";

    /// <summary>An indicator row has a number but no name; {0} = the number.</summary>
    public const string MissingName = "Import.MissingName";

    /// <summary>Indicator rows above the first section heading; {0} = the first such row's number.</summary>
    public const string RowOutsideSection = "Import.RowOutsideSection";

    /// <summary>
    /// A row that is neither a section, an "of which" line nor an indicator sits in the middle of the table
    /// (more indicator rows follow it); {0} = the row's first text.
    /// </summary>
    public const string UnexpectedRow = "Import.UnexpectedRow";

    /// <summary>Warning: a signature date line could not be read as a date; {0} = the line. The date is left empty.</summary>
    public const string BadDate = "Import.BadDate";
}
