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

    /// <summary>
    /// Whether the roles that sign or accept must sign in with a second factor (TOTP), as
    /// <see cref="Core.Access.SecondFactorRules"/> says. Off only where an operator says so (a benchmark).
    /// </summary>
    public bool RequireTwoFactor { get; set; } = true;
}
