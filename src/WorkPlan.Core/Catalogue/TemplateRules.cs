using System.Globalization;
using System.Text.RegularExpressions;
using WorkPlan.Core.Common;

namespace WorkPlan.Core.Catalogue;

/// <summary>Catalogue codes and the suggestions that map a district's rows to them.</summary>
public static partial class TemplateRules
{
    public const int CodeMaxLength = FieldLimits.CatalogueCode;

    public static class Messages
    {
        public const string CodeFormat = "Catalogue.CodeFormat";
        public const string CodeTaken = "Catalogue.CodeTaken";
        public const string CodeFrozen = "Catalogue.CodeFrozen";
        public const string CodeInUse = "Catalogue.CodeInUse";
        public const string HasChildren = "Catalogue.HasChildren";
        public const string NotEmpty = "Catalogue.NotEmpty";
        public const string Empty = "Catalogue.Empty";
        public const string NotPublished = "Catalogue.NotPublished";
        public const string UnknownCode = "Catalogue.UnknownCode";
        public const string CodeTwice = "Catalogue.CodeTwice";
        public const string KindInUse = "Catalogue.KindInUse";
        public const string KindMismatch = "Catalogue.KindMismatch";
    }

    /// <summary>A code is 1–20 letters, digits, dots or dashes, starting with a letter or digit.</summary>
    public static bool IsValidCode(string? code) => code is not null && CodePattern().IsMatch(code.Trim());

    public static string NormaliseCode(string code)
    {
        if (!IsValidCode(code))
        {
            throw new ArgumentException($"\"{code}\" is not a catalogue code.", nameof(code));
        }

        return code.Trim().ToUpperInvariant();
    }

    /// <summary>The code a template built from a plan gives a row: "K" and the row's number, e.g. "K010", "K010.1".</summary>
    public static string CodeFor(string number)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(number);
        var parts = number.Trim().Split('.');
        var head = int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n.ToString("000", CultureInfo.InvariantCulture) : parts[0];
        var code = "K" + string.Join('.', [head, .. parts.Skip(1)]);
        return code.ToUpperInvariant();
    }

    /// <summary>
    /// The catalogue row that most likely means the same as a district's row: the same number and a
    /// similar name, or a very similar name under another number. Null when nothing is close.
    /// </summary>
    public static string? Suggest(string number, string name, IEnumerable<(string Code, string Number, string Name)> catalogue, ISet<string>? taken = null)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        var words = Words(name);
        var best = catalogue
            .Where(c => taken is null || !taken.Contains(c.Code))
            .Select(c =>
            {
                var similarity = Similarity(words, Words(c.Name));
                var sameNumber = string.Equals(c.Number, number?.Trim(), StringComparison.Ordinal);
                var score = similarity + (sameNumber ? 0.5 : 0);
                var acceptable = similarity >= 0.6 || (sameNumber && similarity >= 0.25);
                return (c.Code, Score: score, Acceptable: acceptable);
            })
            .Where(c => c.Acceptable)
            .OrderByDescending(c => c.Score)
            .FirstOrDefault();
        return best.Code;
    }

    /// <summary>Dice coefficient of two sets of words: 1 for the same words, 0 for none in common.</summary>
    internal static double Similarity(IReadOnlySet<string> a, IReadOnlySet<string> b) =>
        a.Count + b.Count == 0 ? 0 : 2.0 * a.Count(b.Contains) / (a.Count + b.Count);

    /// <summary>The words of a name that carry meaning: lower case, apostrophes unified, three letters or more.</summary>
    internal static IReadOnlySet<string> Words(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new HashSet<string>();
        }

        var unified = UzbekText.FoldApostrophes(text.ToLower(CultureInfo.InvariantCulture));
        return WordPattern().Matches(unified).Select(m => m.Value).Where(w => w.Length >= 3).ToHashSet(StringComparer.Ordinal);
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9.\-]{0,19}$", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"[\p{L}\p{N}']+", RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();
}
