using System.Globalization;

namespace WorkPlan.Web.Infrastructure;

/// <summary>The languages of the UI: Uzbek (Latin) by default, Russian and English.</summary>
public static class Cultures
{
    public const string Uzbek = "uz-Latn-UZ";
    public const string Russian = "ru-RU";
    public const string English = "en-US";

    /// <summary>Every supported culture, with the number format users write: "11 340", "85,3" (uz, ru).</summary>
    public static IReadOnlyList<CultureInfo> All { get; } = [Create(Uzbek), Create(Russian), Create(English)];

    private static CultureInfo Create(string name)
    {
        var culture = new CultureInfo(name);
        if (name != English)
        {
            culture.NumberFormat.NumberGroupSeparator = "\u00A0";
            culture.NumberFormat.NumberDecimalSeparator = ",";
        }

        return CultureInfo.ReadOnly(culture);
    }
}
