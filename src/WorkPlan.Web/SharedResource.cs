namespace WorkPlan.Web;

/// <summary>Anchor type for the UI strings in Resources/SharedResource.*.resx (Uzbek is the neutral language).</summary>
public sealed class SharedResource
{
}
