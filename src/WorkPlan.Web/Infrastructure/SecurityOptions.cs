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
    /// Failed sign-in attempts one client address may make per window: below the lockout threshold of one
    /// account (5), so that from one address a guesser is throttled before the owner is locked out. Successful
    /// sign-ins do not count (a centre's staff share one office address).
    /// </summary>
    public int SignInAttemptsPerAddress { get; set; } = 4;

    /// <summary>The window of <see cref="SignInAttemptsPerAddress"/>, as long as a lockout.</summary>
    public double SignInAddressWindowMinutes { get; set; } = 15;

    /// <summary>Sign-in attempts (failed or not) per minute across all addresses (password spraying from many addresses).</summary>
    public int SignInAttemptsPerMinute { get; set; } = 120;

    /// <summary>
    /// Whether the roles that sign or accept must sign in with a second factor (TOTP), as
    /// <see cref="Core.Access.SecondFactorRules"/> says. Off only where an operator says so (a benchmark).
    /// </summary>
    public bool RequireTwoFactor { get; set; } = true;
}
