using System.Globalization;
using WorkPlan.Core.Plans;

namespace WorkPlan.Web.Infrastructure;

/// <summary>
/// Reads a number as people type it in any of the UI languages: "11 340", "11 340,5", "11340.5";
/// "-" or nothing means no value (which is not 0).
/// </summary>
public static class NumberInput
{
    /// <summary>False when the text is not a number (or more than a value can hold); see <see cref="NumberText"/>.</summary>
    public static bool TryParse(string? text, out decimal? value) =>
        NumberText.Read(text, out value) is NumberReading.Empty or NumberReading.Number;

    /// <summary>The value as the form shows it back ("11340,5" in uz/ru), or empty for no value.</summary>
    public static string Format(decimal? value) => value?.ToString("0.##", CultureInfo.CurrentCulture) ?? string.Empty;
}
