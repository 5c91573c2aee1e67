using System.Globalization;

namespace WorkPlan.Web.Infrastructure;

/// <summary>
/// Reads a number as people type it in any of the UI languages: "11 340", "11 340,5", "11340.5";
/// "-" or nothing means no value (which is not 0).
/// </summary>
public static class NumberInput
{
    public static bool TryParse(string? text, out decimal? value)
    {
        value = null;
        var trimmed = (text ?? string.Empty).Trim();
        if (trimmed.Length == 0 || trimmed == "-")
        {
            return true;
        }

        var compact = trimmed.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("\u00A0", string.Empty, StringComparison.Ordinal)
            .Replace("\u202F", string.Empty, StringComparison.Ordinal).Replace(',', '.');
        if (compact.Count(c => c == '.') > 1
            || !decimal.TryParse(compact, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed))
        {
            return false;
        }

        value = parsed;
        return true;
    }

    /// <summary>The value as the form shows it back ("11340,5" in uz/ru), or empty for no value.</summary>
    public static string Format(decimal? value) => value?.ToString("0.##", CultureInfo.CurrentCulture) ?? string.Empty;
}
