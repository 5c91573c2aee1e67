using System.Buffers;
using System.Globalization;
using System.Text;

namespace WorkPlan.Core.Common;

/// <summary>Whether a stored text is one line (a name, a title, a unit) or may have several (a reason, a note, a mechanism).</summary>
public enum TextKind
{
    /// <summary>A name or title: every character shows; no line breaks or tabs.</summary>
    Line,

    /// <summary>Free text: line breaks and tabs are allowed, nothing invisible beside them.</summary>
    Lines,
}

/// <summary>
/// What a stored text may hold: only characters that show as what they are. Direction controls (U+202A–U+202E,
/// U+2066–U+2069, U+200E, U+200F, U+061C) make a name display as another one; zero-width and other format
/// characters (U+200B–U+200D, U+2060, U+FEFF, U+00AD), control characters, line and paragraph separators,
/// lone surrogates and invisible fillers hide text. Such a text is refused, never silently changed. Letters of
/// every script stay allowed (Cyrillic, and the Uzbek apostrophes ʻ ʼ ’ ').
/// </summary>
public static class VisibleText
{
    /// <summary>"The text holds an invisible or direction-changing character ({0}); type it again without it."</summary>
    public const string HiddenCharacter = "Validation.HiddenCharacter";

    /// <summary>The zero-width characters: they show nothing and carry nothing in Uzbek, Russian or English text.</summary>
    private static readonly SearchValues<char> ZeroWidth = SearchValues.Create("\u200B\u200C\u200D\u2060\uFEFF\u00AD");

    /// <summary>The position of the first character the text may not hold, or -1 when every character shows.</summary>
    public static int FindHidden(string? text, TextKind kind)
    {
        if (text is null)
        {
            return -1;
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsSurrogate(text[i]))
            {
                if (!char.IsSurrogatePair(text, i) || IsHidden(new Rune(text[i], text[i + 1])))
                {
                    return i;
                }

                i++;
            }
            else if (IsHidden(new Rune(text[i])) && !(kind == TextKind.Lines && text[i] is '\n' or '\r' or '\t'))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The error for a text holding a character it may not hold, naming the first one (U+202E), or none.</summary>
    public static IEnumerable<ValidationError> Check(string? text, TextKind kind, string field)
    {
        if (FindHidden(text, kind) is var at and >= 0)
        {
            yield return new ValidationError(field, HiddenCharacter, CodePoint(text!, at));
        }
    }

    /// <summary>
    /// The text without the zero-width characters a copy from a web page or a document leaves behind (U+200B–U+200D,
    /// U+2060, U+FEFF, U+00AD): they show nothing, so dropping them keeps the text as its reader sees it. Direction
    /// controls and other hidden characters stay, for <see cref="Check"/> to refuse.
    /// </summary>
    public static string WithoutZeroWidth(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.AsSpan().IndexOfAny(ZeroWidth) < 0 ? text : string.Concat(text.Where(c => !ZeroWidth.Contains(c)));
    }

    /// <summary>The character at <paramref name="index"/> as "U+202E".</summary>
    public static string CodePoint(string text, int index)
    {
        ArgumentNullException.ThrowIfNull(text);
        var value = char.IsSurrogatePair(text, index) ? char.ConvertToUtf32(text[index], text[index + 1]) : text[index];
        return string.Create(CultureInfo.InvariantCulture, $"U+{value:X4}");
    }

    private static bool IsHidden(Rune rune) =>
        Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator
            or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
        || IsFiller(rune.Value);

    /// <summary>Characters that are letters or marks to Unicode yet show nothing: the Hangul fillers, the grapheme joiner, variation selectors, the blank Braille cell.</summary>
    private static bool IsFiller(int c) =>
        c is 0x034F or 0x115F or 0x1160 or 0x17B4 or 0x17B5 or 0x2800 or 0x3164 or 0xFFA0
            or (>= 0x180B and <= 0x180F) or (>= 0xFE00 and <= 0xFE0F) or (>= 0xE0100 and <= 0xE01EF);
}
