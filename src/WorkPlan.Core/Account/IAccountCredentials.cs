using System.Security.Claims;
using WorkPlan.Core.Common;
using WorkPlan.Core.Organisations;

namespace WorkPlan.Core.Account;

/// <summary>What the account use cases read of a stored account.</summary>
public sealed record StoredAccount(string Id, string UserName, bool IsActive, bool TwoFactorEnabled, string Role, int OrganisationId, bool IsDemo);

/// <summary>How the identity store answered a sign-in step, before <see cref="AccountService"/> decides what the user is told.</summary>
public enum SignInAttempt
{
    Succeeded,
    RequiresTwoFactor,
    LockedOut,

    /// <summary>Refused before the password was looked at (a deactivated account).</summary>
    NotAllowed,
    Failed,
}

/// <summary>How a password change went: done, refused for a wrong current password, or refused by the password policy.</summary>
public sealed record PasswordChange(bool Succeeded, bool WrongCurrentPassword, IReadOnlyList<ValidationError> Errors);

/// <summary>
/// The credentials of the accounts (passwords, authenticator keys, recovery codes, sign-in cookies and sessions) as
/// the identity store keeps them, for the use cases of <see cref="AccountService"/>. Each member does one thing the
/// store can do; when it is done, and what the user is told, the use cases decide.
/// </summary>
public interface IAccountCredentials
{
    Task<StoredAccount?> FindByNameAsync(string userName);

    /// <summary>The signed-in account of a request.</summary>
    Task<StoredAccount?> FindAsync(ClaimsPrincipal principal);

    /// <summary>The account whose password was right and whose second factor is awaited, if any.</summary>
    Task<StoredAccount?> PendingTwoFactorAsync();

    /// <summary>Spends the time of one password check against no account.</summary>
    void CheckPasswordOfNobody(string password);

    /// <summary>The kind of the account's centre, as stored (not as a session's claims say).</summary>
    Task<OrganisationKind> OrganisationKindAsync(string id);

    Task<bool> IsLockedOutAsync(string id);

    Task<bool> CheckPasswordAsync(string id, string password);

    /// <summary>Counts a failed attempt towards the lockout.</summary>
    Task AccessFailedAsync(string id);

    /// <summary>Signs in with the password (counting failures towards the lockout); a session cookie when it succeeds.</summary>
    Task<SignInAttempt> PasswordSignInAsync(string id, string password);

    Task<SignInAttempt> AuthenticatorSignInAsync(string code);

    Task<SignInAttempt> RecoveryCodeSignInAsync(string code);

    Task SignOutAsync();

    /// <summary>Replaces the password when <paramref name="currentPassword"/> is right and the new one passes the policy; errors go to <paramref name="newPasswordField"/>.</summary>
    Task<PasswordChange> ChangePasswordAsync(string id, string currentPassword, string newPassword, string newPasswordField);

    Task SetMustChangePasswordAsync(string id, bool mustChange);

    /// <summary>Ends every session of the account but the request's own.</summary>
    Task EndOtherSessionsAsync(string id);

    /// <summary>Issues the request's sign-in again from the account as it now stands.</summary>
    Task RefreshSignInAsync(string id);

    /// <summary>A new random authenticator key (base32).</summary>
    string NewAuthenticatorKey();

    /// <summary>The key protected for a form to carry, readable back only for this account and within <paramref name="lifetime"/>.</summary>
    string ProtectKey(string id, string key, TimeSpan lifetime);

    /// <summary>The key a form carried, or null when the token is not genuine, has expired or is another account's.</summary>
    string? UnprotectKey(string id, string token);

    /// <summary>The time step of an authenticator code for the key, or null when it does not match now.</summary>
    long? MatchingTimeStep(string key, string code);

    /// <summary>Whether the code is the account's current authenticator code (each code is accepted once).</summary>
    Task<bool> VerifyAuthenticatorCodeAsync(string id, string code);

    /// <summary>Whether the code is one of the account's recovery codes (then used up).</summary>
    Task<bool> RedeemRecoveryCodeAsync(string id, string code);

    /// <summary>
    /// Stores the authenticator key (the step of the code that proved it counts as used), turns two-factor sign-in on,
    /// replaces the recovery codes with <paramref name="recoveryCodeCount"/> new ones (returned) and renews the security
    /// stamp, which ends the account's other sessions.
    /// </summary>
    Task<IReadOnlyList<string>> EnableAuthenticatorAsync(string id, string key, long usedTimeStep, int recoveryCodeCount);

    /// <summary>Replaces the recovery codes with <paramref name="count"/> new ones.</summary>
    Task<IReadOnlyList<string>> NewRecoveryCodesAsync(string id, int count);

    /// <summary>Turns two-factor sign-in off: the recovery codes and the key are forgotten.</summary>
    Task DisableTwoFactorAsync(string id);
}
