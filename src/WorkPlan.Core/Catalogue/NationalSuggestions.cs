using WorkPlan.Core.Common;
using WorkPlan.Core.Plans;

namespace WorkPlan.Core.Catalogue;

/// <summary>A national code offered for a regional indicator, and why: the same number, the same (or a very similar) name, or both.</summary>
public sealed record NationalSuggestion(string Code, bool ByNumber, bool ByName);

/// <summary>
/// The national indicators a regional indicator most likely is: one with the same number, and one with the same name
/// (apostrophe variants, letter case and spacing aside, <see cref="UzbekText.NameKey"/>) or, failing that, the most
/// similar name (<see cref="TemplateRules.Similarity"/>). Only indicators counted the same way are offered.
/// </summary>
public static class NationalSuggestions
{
    /// <summary>How similar two names must be (Dice coefficient of their words) to be offered when they are not the same name.</summary>
    public const double SimilarName = 0.6;

    /// <summary>The suggestions for one regional indicator, the likeliest first (a code found both ways comes once); none when nothing is close.</summary>
    public static IReadOnlyList<NationalSuggestion> For(string number, string name, IEnumerable<(string Code, string Number, string Name)> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var list = candidates.ToList();
        var label = string.IsNullOrWhiteSpace(number) ? string.Empty : NumberLabel.Normalise(number);
        var byNumber = list.FirstOrDefault(c => label.Length > 0 && NumberLabel.Normalise(c.Number) == label).Code;
        var byName = list.FirstOrDefault(c => UzbekText.SameName(c.Name, name)).Code;
        if (byName is null)
        {
            var words = TemplateRules.Words(name);
            byName = list.Select(c => (c.Code, Score: TemplateRules.Similarity(words, TemplateRules.Words(c.Name))))
                .Where(c => c.Score >= SimilarName).OrderByDescending(c => c.Score).FirstOrDefault().Code;
        }

        if (byName is not null && byName == byNumber)
        {
            return [new NationalSuggestion(byName, true, true)];
        }

        return [.. new[] { byName is null ? null : new NationalSuggestion(byName, false, true), byNumber is null ? null : new NationalSuggestion(byNumber, true, false) }.OfType<NationalSuggestion>()];
    }
}
