using WorkPlan.Core.Common;
using WorkPlan.Core.Organisations;

namespace WorkPlan.Core.Access;

/// <summary>
/// How the app runs as far as the second factor goes: whether it is required at all (on unless an operator
/// turns it off, e.g. for a benchmark) and whether the app runs as the demo (whose accounts have a published password).
/// </summary>
public sealed record SecondFactorPolicy(bool Required, bool DemoMode);

/// <summary>Who must sign in with a second factor (an authenticator app), written once.</summary>
public static class SecondFactorRules
{
    /// <summary>
    /// The roles whose word binds: they sign plans (KELISHILDI, TASDIQLAYMAN), submit, accept or return
    /// reports, or administer accounts. A service head only enters their service's actuals.
    /// </summary>
    public static IReadOnlyList<string> RolesThatSignOrAccept { get; } =
        [Roles.Administrator, Roles.Director, Roles.Inspector, .. Roles.Overseeing];

    /// <summary>
    /// Whether this account must use a second factor: every role that signs or accepts and everyone of the
    /// national centre. A demo account is exempt only while the app runs as the demo; outside demo mode it is
    /// an account like any other.
    /// </summary>
    public static bool IsRequired(SecondFactorPolicy policy, string role, OrganisationKind organisationKind, bool isDemoAccount)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (!policy.Required || (isDemoAccount && policy.DemoMode))
        {
            return false;
        }

        return RolesThatSignOrAccept.Contains(role) || organisationKind == OrganisationKind.National;
    }

    /// <summary>Whether the owner may turn their second factor off: only where it is not required (<see cref="IsRequired"/>).</summary>
    public static bool CanTurnOff(SecondFactorPolicy policy, string role, OrganisationKind organisationKind, bool isDemoAccount) =>
        !IsRequired(policy, role, organisationKind, isDemoAccount);

    /// <summary>
    /// Whether a signed-in account must set up an authenticator before it may do anything else: it is required and
    /// not on yet.
    /// </summary>
    public static bool MustSetUp(SecondFactorPolicy policy, string role, OrganisationKind organisationKind, bool isDemoAccount, bool enabled) =>
        !enabled && IsRequired(policy, role, organisationKind, isDemoAccount);
}
