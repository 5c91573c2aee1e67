namespace WorkPlan.Web.Infrastructure;

/// <summary>Session and sign-in settings (section "Security").</summary>
public sealed class SecurityOptions
{
    public const string SectionName = "Security";

    /// <summary>A session ends after this long without a request.</summary>
    public int IdleTimeoutMinutes { get; set; } = 30;

    /// <summary>A session ends this long after sign-in, however active.</summary>
    public int AbsoluteLifetimeHours { get; set; } = 12;

    /// <summary>How often a session is checked against the account (deactivation, password reset, role change).</summary>
    public double SecurityStampValidationMinutes { get; set; } = 1;

    /// <summary>Whether the roles below must sign in with a second factor (TOTP). Demo accounts are always exempt.</summary>
    public bool RequireTwoFactor { get; set; } = true;

    /// <summary>Roles that must sign in with a second factor when <see cref="RequireTwoFactor"/> is on.</summary>
    public IList<string> TwoFactorRequiredRoles { get; } = ["Administrator", "Director"];

    /// <summary>The roles that must use a second factor, taking <see cref="RequireTwoFactor"/> into account.</summary>
    public IEnumerable<string> EffectiveTwoFactorRoles => RequireTwoFactor ? TwoFactorRequiredRoles.Distinct() : [];
}
