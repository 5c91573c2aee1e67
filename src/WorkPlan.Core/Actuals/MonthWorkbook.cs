using System.Globalization;
using WorkPlan.Core.Plans;

namespace WorkPlan.Core.Actuals;

/// <summary>
/// One month of a plan as an Excel sheet to fill offline: the rows the user answers for (or all, for the
/// director and inspector), what is stored so far, and what identifies the file when it comes back.
/// </summary>
public sealed record MonthWorkbook(
    MonthWorkbookIdentity Identity,
    string OrganisationName,
    string PlanTitle,
    string? ServiceName,
    bool IsOpen,
    DateTimeOffset DownloadedAt,
    IReadOnlyList<MonthWorkbookRow> Rows);

/// <summary>
/// A row of the month's sheet: the plan row, the months before the chosen one (read-only in the file), and the
/// month's stored value, note and row version (what an edit in the file starts from).
/// </summary>
public sealed record MonthWorkbookRow(
    int IndicatorId,
    string Number,
    string Name,
    string? Unit,
    Measure Measure,
    RollupKind Rollup,
    decimal? Target,
    bool IsSubRow,
    bool Due,
    bool CanWrite,
    IReadOnlyList<decimal?> EarlierMonths,
    decimal? Value,
    string? Note,
    uint? Version);

/// <summary>
/// What ties a downloaded month's file to its month: the plan, its centre, year and month, the plan's version
/// then in force and the service the file was cut to. Written into the file as one text (<see cref="ToText"/>) and
/// read back from it (<see cref="TryParse"/>).
/// </summary>
public sealed record MonthWorkbookIdentity(int PlanId, int OrganisationId, int Year, int Month, int PlanVersion, int? ServiceId)
{
    /// <summary>How the identity's text begins, so that a reader finds it whatever cell it moved to.</summary>
    public const string Prefix = "workplan:month-sheet:v1";

    public string ToText() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Prefix};plan={PlanId};organisation={OrganisationId};year={Year};month={Month};version={PlanVersion};service={ServiceId}");

    /// <summary>The identity a file's text carries, or none when the text is not one (or is damaged).</summary>
    public static MonthWorkbookIdentity? TryParse(string? text)
    {
        if (text is null || !text.StartsWith(Prefix + ";", StringComparison.Ordinal))
        {
            return null;
        }

        var parts = text[(Prefix.Length + 1)..].Split(';')
            .Select(p => p.Split('=', 2))
            .Where(p => p.Length == 2)
            .GroupBy(p => p[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First()[1], StringComparer.Ordinal);
        int? Number(string key) => parts.TryGetValue(key, out var value) && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
        if (Number("plan") is not { } plan || Number("organisation") is not { } organisation || Number("year") is not { } year
            || Number("month") is not ({ } month and >= 1 and <= 12) || Number("version") is not { } version || !parts.TryGetValue("service", out var service))
        {
            return null;
        }

        int? serviceId = service.Length == 0 ? null : Number("service");
        return service.Length > 0 && serviceId is null ? null : new MonthWorkbookIdentity(plan, organisation, year, month, version, serviceId);
    }
}

/// <summary>
/// The keys of the sheet's hidden row under the header, one per column the upload reads, so that the columns are
/// found wherever the user moved them or added others between them.
/// </summary>
public static class MonthWorkbookColumns
{
    public const string Number = "wp:number";
    public const string Name = "wp:name";
    public const string Value = "wp:value";
    public const string Note = "wp:note";
    public const string IndicatorId = "wp:id";
    public const string Version = "wp:version";
    public const string Shown = "wp:shown";
    public const string ShownNote = "wp:shown-note";
}

/// <summary>The words of the month's sheet in the user's language.</summary>
public sealed record MonthWorkbookText(
    string Title,
    string SheetName,
    string PageLabel,
    string Instructions,
    string Number,
    string Name,
    string Unit,
    string Target,
    IReadOnlyList<string> MonthShortNames,
    string MonthHeading,
    string YearToDate,
    string Percent,
    string Note);

/// <summary>Writes the month's sheet as .xlsx: protected except the month's values and notes, A4 landscape.</summary>
public interface IMonthWorkbookWriter
{
    byte[] Write(MonthWorkbook workbook, MonthWorkbookText text);
}

/// <summary>The headings by which a month's sheet without its hidden keys is still read (every UI language's).</summary>
public sealed record MonthSheetHeadings(IReadOnlyCollection<string> Numbers, IReadOnlyCollection<string> Names, IReadOnlyCollection<string> Values, IReadOnlyCollection<string> Notes);

/// <summary>Reads an uploaded month's sheet; never throws for a broken or hostile file (it becomes <see cref="UploadedMonth.ErrorKey"/>).</summary>
public interface IMonthWorkbookReader
{
    UploadedMonth Read(Stream content, long length, MonthSheetHeadings headings);
}

/// <summary>
/// An uploaded month's sheet as read: an error that refuses the whole file, or its identity (none when the hidden
/// keys are gone: the rows are then matched by number and name) and its rows in the file's order.
/// </summary>
public sealed record UploadedMonth(string? ErrorKey, IReadOnlyList<string> Arguments, MonthWorkbookIdentity? Identity, IReadOnlyList<UploadedRow> Rows)
{
    public static UploadedMonth Failed(string key, params string[] arguments) => new(key, arguments, null, []);
}

/// <summary>
/// One row of an uploaded sheet: where it is, its number and name, the value and note as found (a number cell's
/// value in invariant digits), and the hidden indicator id, row version and what the file showed when downloaded.
/// </summary>
public sealed record UploadedRow(int SheetRow, string? Number, string? Name, string? Value, string? Note, int? IndicatorId, uint? Version, string? Shown, string? ShownNote);
