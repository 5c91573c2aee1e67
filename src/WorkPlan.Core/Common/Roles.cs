namespace WorkPlan.Core.Common;

/// <summary>The roles of the people who use WorkPlan (README.md, "Roles and what they may do"). Every user holds exactly one.</summary>
public static class Roles
{
    /// <summary>Manages organisations, services and users within their organisation's part of the tree.</summary>
    public const string Administrator = "Administrator";

    /// <summary>Director of a district centre: edits and approves (TASDIQLAYMAN) the plan.</summary>
    public const string Director = "Director";

    /// <summary>Inspector / methodologist of a district centre: prepares the plan, submits reports.</summary>
    public const string Inspector = "Inspector";

    /// <summary>Head of one service of a district centre: enters that service's monthly actuals.</summary>
    public const string ServiceHead = "ServiceHead";

    /// <summary>Director of a regional centre: agrees (KELISHILDI) plans, accepts reports.</summary>
    public const string RegionalDirector = "RegionalDirector";

    /// <summary>Methodologist of a regional centre: agrees plans, accepts reports, consolidates.</summary>
    public const string RegionalMethodologist = "RegionalMethodologist";

    public static IReadOnlyList<string> All { get; } =
        [Administrator, Director, Inspector, ServiceHead, RegionalDirector, RegionalMethodologist];

    /// <summary>Roles that belong to a district centre's staff.</summary>
    public static IReadOnlyList<string> District { get; } = [Director, Inspector, ServiceHead];

    /// <summary>Roles that belong to a regional centre's staff.</summary>
    public static IReadOnlyList<string> Regional { get; } = [RegionalDirector, RegionalMethodologist];
}
