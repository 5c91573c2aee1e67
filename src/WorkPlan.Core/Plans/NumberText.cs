using System.Globalization;

namespace WorkPlan.Core.Plans;

/// <summary>What a typed number turned out to be.</summary>
public enum NumberReading
{
    /// <summary>Nothing, or "-": no value (which is not 0).</summary>
    Empty,

    Number,

    NotANumber,

    /// <summary>Digits, but more than any value can hold.</summary>
    TooLarge,
}

/// <summary>
/// Reads a number as people type it in any of the UI languages: "11 340", "11 340,5", "11340.5";
/// "-" or nothing means no value (which is not 0).
/// </summary>
public static class NumberText
{
    public static NumberReading Read(string? text, out decimal? value)
    {
        value = null;
        var trimmed = (text ?? string.Empty).Trim();
        if (trimmed.Length == 0 || trimmed == "-")
        {
            return NumberReading.Empty;
        }

        var compact = trimmed.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("\u00A0", string.Empty, StringComparison.Ordinal)
            .Replace("\u202F", string.Empty, StringComparison.Ordinal).Replace(',', '.');
        if (compact.Count(c => c == '.') > 1 || !IsNumeral(compact))
        {
            return NumberReading.NotANumber;
        }

        if (!decimal.TryParse(compact, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed))
        {
            return NumberReading.TooLarge;
        }

        value = parsed;
        return NumberReading.Number;
    }

    /// <summary>An optional sign, digits with at most one decimal point, at least one digit.</summary>
    private static bool IsNumeral(string compact)
    {
        var body = compact.Length > 0 && (compact[0] == '-' || compact[0] == '+') ? compact[1..] : compact;
        return body.Any(char.IsAsciiDigit) && body.All(c => char.IsAsciiDigit(c) || c == '.');
    }
}
