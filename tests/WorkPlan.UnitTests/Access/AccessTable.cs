using System.Reflection;
using WorkPlan.Core.Common;
using WorkPlan.Core.Organisations;
using WorkPlan.Core.Plans;

namespace WorkPlan.UnitTests.Access;

/// <summary>
/// An in-memory network for the access rules: the national centre, two regions (Andijon with the Xo'jaobod
/// and Asaka districts, Namangan with Chust), a plan with one indicator for every centre, two services at
/// Xo'jaobod and one at each other district and at the Andijon regional centre, and one user per role of the
/// centres that hold it. Ids are given as the database would, so that the entities settle their own regions.
/// </summary>
public static class AccessTable
{
    /// <summary>The districts a district-level rule is tried on: the user's own, a foreign one of the same region, one of another region.</summary>
    public static readonly string[] Districts = ["xojaobod", "asaka", "chust"];

    /// <summary>The regions a regional rule is tried on: the users' own and another.</summary>
    public static readonly string[] Regions = ["andijon", "namangan"];

    public static readonly string[] Centres = ["national", "andijon", "xojaobod", "asaka", "namangan", "chust"];

    /// <summary>The centres that keep plans of their own, a plan rule is tried on: the districts and the regional centres.</summary>
    public static readonly string[] PlanCentres = [.. Districts, .. Regions];

    /// <summary>Every user: "role@centre"; a service head works in their centre's reading room.</summary>
    public static readonly string[] Users =
    [
        "Director@xojaobod", "Inspector@xojaobod", "ServiceHead@xojaobod", "Administrator@xojaobod",
        "RegionalDirector@andijon", "RegionalMethodologist@andijon", "Inspector@andijon", "ServiceHead@andijon", "Administrator@andijon",
        "NationalDirector@national", "NationalMethodologist@national", "Administrator@national",
    ];

    private static readonly Lazy<World> Built = new(Build);

    public static IReadOnlyDictionary<string, Organisation> Organisations => Built.Value.Organisations;

    public static IReadOnlyDictionary<string, Plan> Plans => Built.Value.Plans;

    public static IReadOnlyDictionary<string, Indicator> Indicators => Built.Value.Indicators;

    /// <summary>Services by "centre/code": xojaobod/reading, xojaobod/events, asaka/reading, chust/reading, andijon/reading.</summary>
    public static IReadOnlyDictionary<string, ServiceUnit> Services => Built.Value.Services;

    public static int Id(string centre) => Organisations[centre].Id;

    public static CurrentUser User(string user)
    {
        var (role, centre) = (user.Split('@')[0], user.Split('@')[1]);
        var organisation = Organisations[centre];
        return new CurrentUser(
            user, user, role, organisation.Id, organisation.Kind, role == Roles.ServiceHead ? Services[$"{centre}/reading"].Id : null);
    }

    /// <summary>
    /// A table of every user against every target: true where the user is listed with the target among <paramref name="allowed"/>
    /// ("user" → "target, target"), false everywhere else.
    /// </summary>
    public static TheoryData<string, string, bool> Table(IEnumerable<string> targets, params (string User, string Targets)[] allowed)
    {
        var yes = allowed.SelectMany(a => a.Targets.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(t => (a.User, t))).ToHashSet();
        var data = new TheoryData<string, string, bool>();
        var list = targets.ToList();
        foreach (var user in Users)
        {
            foreach (var target in list)
            {
                data.Add(user, target, yes.Contains((user, target)));
            }
        }

        return data;
    }

    private static World Build()
    {
        var organisations = new Dictionary<string, Organisation>();
        var nextId = 1;
        Organisation Add(string code, OrganisationKind kind, string? parent)
        {
            var organisation = new Organisation(code, kind, code, code, parent is null ? null : organisations[parent]);
            organisations[code] = WithId(organisation, nextId++);
            if (parent is not null)
            {
                typeof(Organisation).GetProperty(nameof(Organisation.ParentId))!.SetValue(organisation, organisations[parent].Id);
            }

            return organisation;
        }

        Add("national", OrganisationKind.National, null);
        Add("andijon", OrganisationKind.Regional, "national");
        Add("xojaobod", OrganisationKind.District, "andijon");
        Add("asaka", OrganisationKind.District, "andijon");
        Add("namangan", OrganisationKind.Regional, "national");
        Add("chust", OrganisationKind.District, "namangan");

        var services = new Dictionary<string, ServiceUnit>();
        foreach (var (centre, code) in new[] { ("xojaobod", "reading"), ("xojaobod", "events"), ("asaka", "reading"), ("chust", "reading"), ("andijon", "reading") })
        {
            services[$"{centre}/{code}"] = WithId(new ServiceUnit(organisations[centre], code, code, null, services.Count + 1), 100 + services.Count);
        }

        var plans = new Dictionary<string, Plan>();
        var indicators = new Dictionary<string, Indicator>();
        foreach (var (centre, organisation) in organisations)
        {
            var plan = WithId(new Plan(organisation, 2022, $"{centre} 2022"), 200 + plans.Count);
            Set(plan, nameof(Plan.OrganisationId), organisation.Id);
            var section = plan.AddSection("I", "Faoliyat");
            var responsible = services.Where(s => s.Key.StartsWith(centre + "/", StringComparison.Ordinal)).Select(s => s.Value).Take(1);
            var indicator = plan.AddIndicator(section, new IndicatorDefinition(
                "1", "Kitobxonlar", "nafar", Measure.Count, null, 10, [], "Yil davomida", DueSchedule.DuringYear(), RollupKind.Sum, false), responsible);
            plans[centre] = plan;
            indicators[centre] = WithId(indicator, 300 + indicators.Count);
        }

        return new World(organisations, plans, indicators, services);
    }

    /// <summary>Gives an entity the id the database would.</summary>
    private static T WithId<T>(T entity, int id)
    {
        Set(entity, "Id", id);
        return entity;
    }

    /// <summary>Sets a key the database (or its change tracker) would set.</summary>
    private static void Set<T>(T entity, string property, int value) =>
        typeof(T).GetProperty(property, BindingFlags.Public | BindingFlags.Instance)!.SetValue(entity, value);

    private sealed record World(
        IReadOnlyDictionary<string, Organisation> Organisations,
        IReadOnlyDictionary<string, Plan> Plans,
        IReadOnlyDictionary<string, Indicator> Indicators,
        IReadOnlyDictionary<string, ServiceUnit> Services);
}
