using System.Collections;
using System.Globalization;
using System.Resources;
using WorkPlan.Web;

namespace WorkPlan.IntegrationTests.Localization;

public class ResourceTests
{
    private static readonly ResourceManager Resources = new("WorkPlan.Web.Resources.SharedResource", typeof(SharedResource).Assembly);

    [Theory]
    [InlineData("ru")]
    [InlineData("en")]
    public void TranslatesEveryUzbekString(string language)
    {
        var uzbek = Keys(CultureInfo.InvariantCulture);

        var translated = Keys(new CultureInfo(language));

        translated.Should().BeEquivalentTo(uzbek, $"every UI string needs its {language} translation");
    }

    [Fact]
    public void KeepsTheFormatPlaceholdersOfEachStringInEveryLanguage()
    {
        var uzbek = Resources.GetResourceSet(CultureInfo.InvariantCulture, true, false)!;
        foreach (var language in new[] { "ru", "en" })
        {
            var set = Resources.GetResourceSet(new CultureInfo(language), true, false)!;
            foreach (DictionaryEntry entry in uzbek)
            {
                var key = (string)entry.Key;
                Placeholders((string)entry.Value!).Should().BeEquivalentTo(Placeholders(set.GetString(key)!), $"{key} in {language}");
            }
        }
    }

    private static HashSet<string> Keys(CultureInfo culture) =>
        [.. Resources.GetResourceSet(culture, true, false)!.Cast<DictionaryEntry>().Select(e => (string)e.Key)];

    private static HashSet<string> Placeholders(string text) =>
        [.. System.Text.RegularExpressions.Regex.Matches(text, @"\{\d+\}").Select(m => m.Value)];
}
