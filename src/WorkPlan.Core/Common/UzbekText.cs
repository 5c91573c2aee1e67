namespace WorkPlan.Core.Common;

/// <summary>
/// Uzbek Latin writes oʻ and gʻ (and the tutuq belgisi) with several look-alike characters: ', ʻ, ʼ, ‘, ’, `, ´.
/// Search, matching and duplicate checks treat them as one letter; this is the one place that says how.
/// </summary>
public static class UzbekText
{
    /// <summary>The text with every apostrophe look-alike written as the ASCII apostrophe.</summary>
    public static string FoldApostrophes(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = IsApostrophe(source[i]) ? '\'' : source[i];
            }
        });
    }

    /// <summary>Whether two names are the same name: apostrophe variants, letter case and runs of spaces aside.</summary>
    public static bool SameName(string? a, string? b) => string.Equals(NameKey(a), NameKey(b), StringComparison.Ordinal);

    /// <summary>A name reduced for comparison: apostrophes folded, upper case, single spaces, trimmed.</summary>
    public static string NameKey(string? text) =>
        string.Join(' ', FoldApostrophes(text ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();

    private static bool IsApostrophe(char c) => c is '\u02BB' or '\u02BC' or '\u2018' or '\u2019' or '`' or '\u00B4';
}
