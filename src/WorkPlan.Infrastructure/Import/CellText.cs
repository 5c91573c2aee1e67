using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using WorkPlan.Core.Common;

namespace WorkPlan.Infrastructure.Import;

/// <summary>How the texts of a plan's cells are read: numbers, dates, numbered steps, service lists.</summary>
internal static partial class CellText
{
    private static readonly string[] MonthStems =
    [
        // Uzbek (Latin), Russian / Uzbek (Cyrillic) and English; May is matched whole (see Month).
        "yanv", "fev", "mart", "apr", "", "iyun", "iyul", "avg", "sen", "okt", "noy", "dek",
        "янв", "фев", "март", "апр", "", "июн", "июл", "авг", "сен", "окт", "ноя", "дек",
        "jan", "feb", "mar", "apr", "", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];

    private static readonly HashSet<string> MayNames = ["MAY", "МАЙ", "МАЯ"];

    private static readonly HashSet<string> YearWords = ["YIL", "YILDA", "YILI", "Г", "ГОД", "ГОДА", "ЙИЛ", "YEAR"];

    private static readonly string[] ServiceEndings = ["XIZMATI", "XIZMAT", "XIZMATLAR", "INSPEKTOR", "INSPEKTORI"];

    /// <summary>Upper case, one kind of apostrophe, single spaces, trimmed: for comparing labels.</summary>
    public static string Key(string? text) => Collapse(NormaliseApostrophes(text ?? string.Empty)).ToUpperInvariant();

    /// <summary>Uzbek Latin writes o' and g' with several look-alike characters; use one.</summary>
    public static string NormaliseApostrophes(string text) => UzbekText.FoldApostrophes(text);

    /// <summary>Line breaks and runs of spaces become one space; trimmed.</summary>
    public static string Collapse(string? text) =>
        string.IsNullOrWhiteSpace(text) ? string.Empty : Whitespace().Replace(text, " ").Trim();

    public static string? NullIfEmpty(string? text) => Collapse(text) is { Length: > 0 } t ? t : null;

    /// <summary>The lines of a cell, trimmed, without empty ones.</summary>
    public static IEnumerable<string> Lines(string? text) =>
        (text ?? string.Empty).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0);

    /// <summary>Joins wrapped lines into one text; a line ending with a hyphen ("axborot-") joins the next without a space.</summary>
    public static string JoinLines(IEnumerable<string> lines)
    {
        var builder = new StringBuilder();
        foreach (var line in lines.Select(Collapse).Where(l => l.Length > 0))
        {
            if (builder.Length > 0 && !(builder[^1] == '-' && builder.Length > 1 && char.IsLetter(builder[^2])))
            {
                builder.Append(' ');
            }

            builder.Append(line);
        }

        return builder.ToString();
    }

    /// <summary>
    /// A quantity written as text. "-" (or a dash) and "" are no value. Spaces (also no-break and thin) and
    /// commas may group thousands ("11 340", "4,379", "1,250,000.50"); a comma not followed by exactly three
    /// digits is a decimal comma ("1,5", "1 250 000,50"). False for anything else ("ko'p", "11340 3531").
    /// </summary>
    public static bool TryParseQuantity(string text, out decimal? value, out bool negative)
    {
        value = null;
        negative = false;
        var t = text.Trim();
        if (t.Length == 0 || t is "-" or "\u2013" or "\u2014" or "\u2212")
        {
            return true;
        }

        if (t[0] is '-' or '\u2212')
        {
            negative = true;
            t = t[1..].TrimStart();
        }

        if (SpaceGrouped().IsMatch(t))
        {
            t = string.Concat(t.Where(c => !IsGroupSpace(c)));
        }

        if (CommaGrouped().IsMatch(t))
        {
            t = t.Replace(",", string.Empty, StringComparison.Ordinal);
        }
        else if (DecimalComma().IsMatch(t))
        {
            t = t.Replace(',', '.');
        }

        if (!PlainNumber().IsMatch(t) || !decimal.TryParse(t, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed))
        {
            negative = false;
            return false;
        }

        value = negative ? -parsed : parsed;
        negative = negative && parsed != 0;
        return true;
    }

    /// <summary>
    /// The steps of an implementation mechanism: "1. a\n2. b", "1. a; 2. b" or "1.a 2.b" give the steps
    /// without their numbers; other multi-line text gives a step a line (without "-" bullets); a single
    /// text is one step.
    /// </summary>
    public static IReadOnlyList<string> Steps(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var trimmed = text.Replace("\r", string.Empty, StringComparison.Ordinal).Trim();
        if (FirstStep().Match(trimmed) is { Success: true } first)
        {
            var steps = new List<string>();
            var start = first.Length;
            for (var number = 2; ; number++)
            {
                var next = StepMarker(number).Match(trimmed, start);
                if (!next.Success)
                {
                    steps.Add(CleanStep(trimmed[start..]));
                    break;
                }

                steps.Add(CleanStep(trimmed[start..next.Index]));
                start = next.Index + next.Length;
            }

            return [.. steps.Where(s => s.Length > 0)];
        }

        var lines = Lines(trimmed).Select(l => CleanStep(Bullet().Replace(l, string.Empty))).Where(l => l.Length > 0).ToList();
        return lines.Count switch
        {
            0 => [],
            1 => [Collapse(trimmed)],
            _ => lines,
        };
    }

    /// <summary>
    /// The responsible services as printed: one a line; a line is split further on ", " (or "; ") only when
    /// every part ends like a service ("… xizmati", "… xizmat", "… xizmatlar", "… inspektor").
    /// </summary>
    public static IReadOnlyList<string> Services(string? text)
    {
        var services = new List<string>();
        foreach (var line in Lines(text))
        {
            var whole = TrimSeparators(line);
            var parts = whole.Split([", ", "; ", ",", ";"], StringSplitOptions.RemoveEmptyEntries)
                .Select(TrimSeparators)
                .Where(p => p.Length > 0)
                .ToList();
            if (parts.Count > 1 && parts.All(LooksLikeService))
            {
                services.AddRange(parts);
            }
            else if (whole.Length > 0)
            {
                services.Add(whole);
            }
        }

        return services;
    }

    /// <summary>
    /// Whether a line is a signature date line ("2022 yil "5" yanvar", "2022 yil " 5 " 01",
    /// "2022 yil "____" ________", "«5» января 2022 г.", "5 January 2022", "05.01.2022"), and its date:
    /// null when left blank; <paramref name="malformed"/> when filled in but not a date.
    /// </summary>
    public static bool TryParseDateLine(string line, out DateOnly? date, out bool malformed)
    {
        date = null;
        malformed = false;
        int? year = null;
        int? month = null;
        var numbers = new List<int>();
        foreach (Match token in DateToken().Matches(NormaliseApostrophes(line)))
        {
            var value = token.Value;
            if (char.IsDigit(value[0]))
            {
                if (value.Length == 4 && year is null)
                {
                    year = int.Parse(value, CultureInfo.InvariantCulture);
                }
                else if (value.Length <= 2)
                {
                    numbers.Add(int.Parse(value, CultureInfo.InvariantCulture));
                }
                else
                {
                    return false;
                }

                continue;
            }

            var word = value.Trim('\'').ToUpperInvariant();
            if (word.Length == 0 || YearWords.Contains(word))
            {
                continue;
            }

            if (Month(word) is { } m && month is null)
            {
                month = m;
                continue;
            }

            return false;
        }

        if (year is not ({ } y and >= 1900 and <= 2200))
        {
            return false;
        }

        if (month is null && numbers.Count >= 2)
        {
            month = numbers[1];
        }

        var day = numbers.Count > 0 ? numbers[0] : (int?)null;
        if (day is null && month is null)
        {
            return true;
        }

        if (day is { } d && month is { } mo && mo is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, mo))
        {
            date = new DateOnly(y, mo, d);
        }
        else
        {
            malformed = true;
        }

        return true;
    }

    public static string ColumnLetters(int column)
    {
        var letters = string.Empty;
        for (var c = column; c > 0; c = (c - 1) / 26)
        {
            letters = (char)('A' + ((c - 1) % 26)) + letters;
        }

        return letters;
    }

    private static int? Month(string word)
    {
        if (MayNames.Contains(word))
        {
            return 5;
        }

        var lower = word.ToLowerInvariant();
        for (var i = 0; i < MonthStems.Length; i++)
        {
            if (MonthStems[i].Length > 0 && lower.StartsWith(MonthStems[i], StringComparison.Ordinal))
            {
                return (i % 12) + 1;
            }
        }

        return null;
    }

    private static bool LooksLikeService(string part)
    {
        var key = Key(part).TrimEnd('.');
        return ServiceEndings.Any(e => key.EndsWith(e, StringComparison.Ordinal));
    }

    private static string TrimSeparators(string text) => Collapse(text).Trim(',', ';').Trim();

    private static string CleanStep(string step) => Collapse(step).TrimEnd(';', ',').Trim();

    private static bool IsGroupSpace(char c) => c is ' ' or '\u00A0' or '\u202F' or '\u2009';

    private static Regex StepMarker(int number) =>
        new($@"(?<=[\s;,])(?:{number})\s*[.)](?!\d)\s*", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^\d{1,3}(?:[ \u00A0\u202F\u2009]\d{3})+(?:[.,]\d+)?$")]
    private static partial Regex SpaceGrouped();

    [GeneratedRegex(@"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$")]
    private static partial Regex CommaGrouped();

    [GeneratedRegex(@"^\d+,\d+$")]
    private static partial Regex DecimalComma();

    [GeneratedRegex(@"^\d+(?:\.\d+)?$")]
    private static partial Regex PlainNumber();

    [GeneratedRegex(@"^1\s*[.)](?!\d)\s*")]
    private static partial Regex FirstStep();

    [GeneratedRegex(@"^\s*[-\u2013\u2014\u2022*]\s*")]
    private static partial Regex Bullet();

    [GeneratedRegex(@"\d+|[\p{L}']+")]
    private static partial Regex DateToken();
}
