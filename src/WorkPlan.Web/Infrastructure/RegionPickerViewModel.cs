using WorkPlan.Core.Access;

namespace WorkPlan.Web.Infrastructure;

/// <summary>The region picker of a regional page: the regions the user sees, the one shown, where the form goes and the other choices it keeps.</summary>
public sealed record RegionPickerViewModel(IReadOnlyList<RegionRef> Regions, int? Selected, string Action, IReadOnlyDictionary<string, string> Keep);
