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
    /// Sign-in attempts one client address may make per window: below the lockout threshold of one account
    /// (5), so that from one address a guesser is throttled before the owner is locked out.
    /// </summary>
    public int SignInAttemptsPerAddress { get; set; } = 4;

    /// <summary>The window of <see cref="SignInAttemptsPerAddress"/>, as long as a lockout.</summary>
    public double SignInAddressWindowMinutes { get; set; } = 15;

    /// <summary>Sign-in attempts per minute across all addresses (password spraying from many addresses).</summary>
    public int SignInAttemptsPerMinute { get; set; } = 120;

    /// <summary>Whether the roles below must sign in with a second factor (TOTP). Demo accounts are always exempt.</summary>
    public bool RequireTwoFactor { get; set; } = true;

    /// <summary>Roles that must sign in with a second factor when <see cref="RequireTwoFactor"/> is on.</summary>
    public IList<string> TwoFactorRequiredRoles { get; } = ["Administrator", "Director"];

    /// <summary>The roles that must use a second factor, taking <see cref="RequireTwoFactor"/> into account.</summary>
    public IEnumerable<string> EffectiveTwoFactorRoles => RequireTwoFactor ? TwoFactorRequiredRoles.Distinct() : [];
}
