namespace WorkPlan.Infrastructure.Identity;

/// <summary>The claims a signed-in user's cookie carries besides Identity's own.</summary>
public static class WorkPlanClaims
{
    public const string OrganisationId = "wp:org";
    public const string OrganisationKind = "wp:org_kind";
    public const string ServiceId = "wp:service";
    public const string FullName = "wp:name";
    public const string Position = "wp:position";
    public const string MustChangePassword = "wp:must_change_password";
    public const string TwoFactorEnabled = "wp:2fa";
    public const string Demo = "wp:demo";
}
