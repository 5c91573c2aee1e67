using Microsoft.Extensions.Localization;
using WorkPlan.Core.Plans;

namespace WorkPlan.Web.Infrastructure;

/// <summary>A new plan's title from the resources (<c>Plans.DefaultTitle</c>), in the centre's document language.</summary>
public sealed class ResourcePlanTitles(IStringLocalizer<SharedResource> localizer) : IPlanTitles
{
    public string NewPlan(string centreName, int year, string documentLanguage)
    {
        using var culture = DocumentCulture.Use(documentLanguage);
        return localizer["Plans.DefaultTitle", centreName, year].Value;
    }
}
