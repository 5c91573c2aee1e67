namespace WorkPlan.Core.Plans;

/// <summary>
/// The wording of a new plan's title, as the paper writes it, in a document language. The words live with the
/// app's other texts (the resources), so that the title follows the centre's document language.
/// </summary>
public interface IPlanTitles
{
    /// <summary>"{centre}'s work plan for {year}" in <paramref name="documentLanguage"/> ("uz", "ru" or "en").</summary>
    string NewPlan(string centreName, int year, string documentLanguage);
}
