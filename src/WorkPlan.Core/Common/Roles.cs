namespace WorkPlan.Core.Common;

/// <summary>
/// The roles of the people who use WorkPlan (README.md, "Roles and what they may do"). Every user holds exactly one.
/// Which kind of centre holds which role is <see cref="Access.AccessRules.CanHoldRole"/>.
/// </summary>
public static class Roles
{
    /// <summary>Manages organisations, services and users within their organisation's part of the tree.</summary>
    public const string Administrator = "Administrator";

    /// <summary>Director of a district centre: edits and approves (TASDIQLAYMAN) the plan.</summary>
    public const string Director = "Director";

    /// <summary>Inspector / methodologist of a district or regional centre: prepares its plan, submits its reports.</summary>
    public const string Inspector = "Inspector";

    /// <summary>Head of one service of a district or regional centre: enters that service's monthly actuals.</summary>
    public const string ServiceHead = "ServiceHead";

    /// <summary>
    /// Director of a regional centre: agrees (KELISHILDI) its districts' plans and accepts their reports, and is the
    /// director of the regional centre's own plan (approves it, TASDIQLAYMAN).
    /// </summary>
    public const string RegionalDirector = "RegionalDirector";

    /// <summary>Methodologist of a regional centre: agrees its districts' plans, accepts their reports, consolidates the region.</summary>
    public const string RegionalMethodologist = "RegionalMethodologist";

    /// <summary>Director of the National Library: agrees the regional centres' plans, accepts the regions' reports.</summary>
    public const string NationalDirector = "NationalDirector";

    /// <summary>Methodologist of the National Library: agrees regional plans, accepts regional reports, keeps the national catalogue.</summary>
    public const string NationalMethodologist = "NationalMethodologist";

    public static IReadOnlyList<string> All { get; } =
        [Administrator, Director, Inspector, ServiceHead, RegionalDirector, RegionalMethodologist, NationalDirector, NationalMethodologist];

    /// <summary>Roles that belong to a district centre's staff.</summary>
    public static IReadOnlyList<string> District { get; } = [Director, Inspector, ServiceHead];

    /// <summary>Roles that belong to a regional centre's staff and act on its districts.</summary>
    public static IReadOnlyList<string> Regional { get; } = [RegionalDirector, RegionalMethodologist];

    /// <summary>Roles that belong to the National Library's staff and act on the regions.</summary>
    public static IReadOnlyList<string> National { get; } = [NationalDirector, NationalMethodologist];

    /// <summary>
    /// The staff of a regional or the national centre who act on the centres directly below theirs: they read their
    /// branch, agree its plans (KELISHILDI) and accept or return its reports.
    /// </summary>
    public static IReadOnlyList<string> Overseeing { get; } = [.. Regional, .. National];
}
