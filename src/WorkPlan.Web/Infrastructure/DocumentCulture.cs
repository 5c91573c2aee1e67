using System.Globalization;
using WorkPlan.Core.Reports;

namespace WorkPlan.Web.Infrastructure;

/// <summary>
/// Writes an official document in its own language rather than the viewer's: while the scope lasts, the
/// current culture and UI culture (resources, numbers, dates) are those of the document language.
/// </summary>
public static class DocumentCulture
{
    public static CultureInfo Of(string language) => language switch
    {
        DocumentLanguages.Russian => Find(Cultures.Russian),
        DocumentLanguages.English => Find(Cultures.English),
        _ => Find(Cultures.Uzbek),
    };

    /// <summary>Switches to the language's culture until disposed, then back to the request's.</summary>
    public static IDisposable Use(string language)
    {
        var scope = new Scope(CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        var culture = Of(language);
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
        return scope;
    }

    private static CultureInfo Find(string name) => Cultures.All.Single(c => c.Name == name);

    private sealed class Scope(CultureInfo culture, CultureInfo uiCulture) : IDisposable
    {
        public void Dispose()
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = uiCulture;
        }
    }
}

/// <summary>Names of exported files: the document's own words, with nothing a file system refuses.</summary>
public static class ExportFileName
{
    private const int MaxLength = 180;

    /// <summary>A download's name, "Ish rejasi 2022 - Andijon viloyati Xo'jaobod tuman axborot-kutubxona markazi.xlsx": characters no file system accepts become "_", spaces collapse.</summary>
    public static string Of(string name, string extension)
    {
        ArgumentNullException.ThrowIfNull(name);
        var invalid = Path.GetInvalidFileNameChars().Concat(['\\', '/', ':', '*', '?', '"', '<', '>', '|']).ToHashSet();
        var cleaned = string.Join(' ', new string([.. name.Select(c => invalid.Contains(c) || char.IsControl(c) ? '_' : c)])
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)).Trim('.', ' ');
        if (cleaned.Length > MaxLength)
        {
            cleaned = cleaned[..MaxLength].TrimEnd();
        }

        return $"{(cleaned.Length == 0 ? "document" : cleaned)}.{extension}";
    }
}
