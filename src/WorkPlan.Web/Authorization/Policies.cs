using WorkPlan.Core.Common;

namespace WorkPlan.Web.Authorization;

/// <summary>Policy names used by controllers and views; role names appear only here and in Core.</summary>
public static class Policies
{
    /// <summary>Organisations, services, users and the audit log of the administrator's branch.</summary>
    public const string Administer = "Administer";

    /// <summary>The regional centre's work on its districts: the template and catalogue.</summary>
    public const string RegionalStaff = "RegionalStaff";

    /// <summary>The work of a regional centre or the National Library on the centres directly below it: the report inbox.</summary>
    public const string Overseeing = "Overseeing";

    /// <summary>The National Library's staff and administrators, for the menu (what each may do there is decided in Core).</summary>
    public const string NationalLevel = "NationalLevel";

    /// <summary>Writing a centre's plan (editing, import): its director and inspector. Which plan is checked by the service.</summary>
    public const string WritePlans = "WritePlans";

    public static void Register(Microsoft.AspNetCore.Authorization.AuthorizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddPolicy(Administer, policy => policy.RequireAuthenticatedUser().RequireRole(Roles.Administrator));
        options.AddPolicy(RegionalStaff, policy => policy.RequireAuthenticatedUser().RequireRole(Roles.Regional));
        options.AddPolicy(Overseeing, policy => policy.RequireAuthenticatedUser().RequireRole(Roles.Overseeing));
        options.AddPolicy(WritePlans, policy => policy.RequireAuthenticatedUser().RequireRole(Core.Access.AccessRules.RolesThatWritePlans));
        options.AddPolicy(NationalLevel, policy => policy.RequireAuthenticatedUser().RequireClaim(
            WorkPlan.Infrastructure.Identity.WorkPlanClaims.OrganisationKind, nameof(Core.Organisations.OrganisationKind.National)));
        options.FallbackPolicy = new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
    }
}
