using System.Globalization;
using System.Security.Claims;
using Microsoft.Extensions.Logging;
using WorkPlan.Core.Access;
using WorkPlan.Core.Common;

namespace WorkPlan.Core.Account;

/// <summary>How a sign-in attempt ended.</summary>
public enum SignInOutcome
{
    Succeeded,
    RequiresTwoFactor,
    LockedOut,

    /// <summary>The password was right but the account is deactivated (never said for a wrong password).</summary>
    Deactivated,
    Failed,
}

/// <summary>
/// What the authenticator set-up page shows: a new shared key (grouped), the otpauth URI for the QR code, the
/// key's protected form for the page to post back, and whether it replaces an authenticator already on.
/// </summary>
public sealed record AuthenticatorSetup(string SharedKey, string AuthenticatorUri, string KeyToken, bool Replaces);

/// <summary>A user's own account: sign-in and sign-out, password change, two-factor authentication.</summary>
public sealed class AccountService(IAccountCredentials credentials, SecondFactorPolicy secondFactor, ILogger<AccountService> logger)
{
    public const int RecoveryCodeCount = 10;

    public static class Messages
    {
        public const string LockedOut = "Account.LockedOut";
        public const string InvalidCode = "Account.InvalidCode";
        public const string TwoFactorRequired = "Account.TwoFactorRequired";
        public const string PasswordMismatch = "Identity.PasswordMismatch";
    }

    /// <summary>How long a set-up form's new authenticator key stays valid.</summary>
    public static readonly TimeSpan NewKeyLifetime = TimeSpan.FromMinutes(20);

    public async Task<SignInOutcome> SignInAsync(string userName, string password)
    {
        ArgumentNullException.ThrowIfNull(userName);
        var name = userName.Trim();
        var account = await credentials.FindByNameAsync(name);
        if (account is null)
        {
            // An unknown name costs the same password hash as a known one and reads as any wrong password.
            credentials.CheckPasswordOfNobody(password);
            logger.LogWarning("Sign-in failed: {UserName} ({Method})", name, "password");
            return SignInOutcome.Failed;
        }

        var attempt = await credentials.PasswordSignInAsync(account.Id, password);
        if (attempt == SignInAttempt.LockedOut)
        {
            // Identity refuses a locked account before the password: check it anyway (same time), and say
            // "locked" only to whoever knows the password; anyone else reads "wrong login or password".
            var right = await credentials.CheckPasswordAsync(account.Id, password);
            logger.LogWarning("Sign-in refused, account locked out: {UserName} ({Method})", account.UserName, "password");
            return right ? SignInOutcome.LockedOut : SignInOutcome.Failed;
        }

        if (attempt == SignInAttempt.NotAllowed && await IsDeactivatedWithThisPasswordAsync(name, password))
        {
            logger.LogWarning("Sign-in refused, account deactivated: {UserName}", name);
            return SignInOutcome.Deactivated;
        }

        return Outcome(attempt, name, "password");
    }

    /// <summary>
    /// Identity refuses a deactivated account before it looks at the password. Only someone who knows the
    /// password learns that the account is deactivated; a wrong password counts as a failed attempt and
    /// reads as any other wrong password, so the answer never tells whether an account exists.
    /// </summary>
    private async Task<bool> IsDeactivatedWithThisPasswordAsync(string userName, string password)
    {
        var account = await credentials.FindByNameAsync(userName);
        if (account is not { IsActive: false } || await credentials.IsLockedOutAsync(account.Id))
        {
            return false;
        }

        if (await credentials.CheckPasswordAsync(account.Id, password))
        {
            return true;
        }

        await credentials.AccessFailedAsync(account.Id);
        return false;
    }

    public async Task<SignInOutcome> SignInWithAuthenticatorAsync(string code)
    {
        var account = await credentials.PendingTwoFactorAsync();
        var attempt = await credentials.AuthenticatorSignInAsync(Normalise(code));
        return Outcome(attempt, account?.UserName ?? "?", "authenticator");
    }

    public async Task<SignInOutcome> SignInWithRecoveryCodeAsync(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var account = await credentials.PendingTwoFactorAsync();
        var attempt = await credentials.RecoveryCodeSignInAsync(code.Replace(" ", string.Empty, StringComparison.Ordinal));
        return Outcome(attempt, account?.UserName ?? "?", "recovery code");
    }

    public async Task<bool> HasPendingTwoFactorAsync() => await credentials.PendingTwoFactorAsync() is not null;

    public async Task SignOutAsync(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        await credentials.SignOutAsync();
        logger.LogInformation("Signed out: {UserName}", principal.Identity?.Name);
    }

    /// <summary>Changes the signed-in user's password; the "must change" flag clears and the session is renewed.</summary>
    public async Task<Result> ChangePasswordAsync(ClaimsPrincipal principal, string currentPassword, string newPassword)
    {
        var account = await credentials.FindAsync(principal);
        if (account is null)
        {
            return Result.NotFound();
        }

        if (await credentials.IsLockedOutAsync(account.Id))
        {
            logger.LogWarning("Password change refused, account locked out: {UserName}", account.UserName);
            return Result.Invalid([new ValidationError("CurrentPassword", Messages.LockedOut)]);
        }

        var changed = await credentials.ChangePasswordAsync(account.Id, currentPassword, newPassword, "NewPassword");
        if (!changed.Succeeded)
        {
            if (changed.WrongCurrentPassword)
            {
                // A wrong current password is a failed sign-in attempt: it counts towards the lockout.
                await credentials.AccessFailedAsync(account.Id);
                logger.LogWarning("Password change refused, wrong current password: {UserName}", account.UserName);
            }

            return Result.Invalid(changed.Errors);
        }

        await credentials.SetMustChangePasswordAsync(account.Id, false);

        // Every other session of the user ends now; this one is renewed as a new session.
        await credentials.EndOtherSessionsAsync(account.Id);
        await credentials.RefreshSignInAsync(account.Id);
        logger.LogInformation("Password changed: {UserName}", account.UserName);
        return Result.Ok();
    }

    /// <summary>
    /// A new key to enter into an authenticator app, stored nowhere yet: it travels with the set-up form, protected
    /// and valid for <see cref="NewKeyLifetime"/>, and is stored (encrypted) only once the user proves their app with it.
    /// A key already in use is never shown again. <paramref name="keyToken"/> is the form's own key, shown again
    /// after a mistyped code; any other token gives a new key.
    /// </summary>
    public async Task<Result<AuthenticatorSetup>> NewAuthenticatorSetupAsync(ClaimsPrincipal principal, string? keyToken = null)
    {
        var account = await credentials.FindAsync(principal);
        if (account is null)
        {
            return Result<AuthenticatorSetup>.NotFound();
        }

        var key = keyToken is null ? null : credentials.UnprotectKey(account.Id, keyToken);
        if (key is null)
        {
            key = credentials.NewAuthenticatorKey();
            keyToken = credentials.ProtectKey(account.Id, key, NewKeyLifetime);
        }

        var uri = string.Create(
            CultureInfo.InvariantCulture,
            $"otpauth://totp/{Uri.EscapeDataString("WorkPlan")}:{Uri.EscapeDataString(account.UserName)}?secret={key}&issuer={Uri.EscapeDataString("WorkPlan")}&digits=6");
        var grouped = string.Join(' ', key.ToLowerInvariant().Chunk(4).Select(c => new string(c)));
        return Result<AuthenticatorSetup>.Ok(new AuthenticatorSetup(grouped, uri, keyToken!, account.TwoFactorEnabled));
    }

    /// <summary>
    /// Sets up (or replaces) the authenticator once the user proves the new key works. The password is asked
    /// every time, and when a second factor is already on, a code of the current one (or a recovery code) too,
    /// so that a borrowed session cannot put someone else's phone on the account. Returns the new recovery codes,
    /// shown once; other sessions end.
    /// </summary>
    public async Task<Result<IReadOnlyList<string>>> EnableAuthenticatorAsync(ClaimsPrincipal principal, string keyToken, string code, string password, string? currentCode)
    {
        var account = await credentials.FindAsync(principal);
        if (account is null)
        {
            return Result<IReadOnlyList<string>>.NotFound();
        }

        var key = credentials.UnprotectKey(account.Id, keyToken);
        var step = key is null ? null : credentials.MatchingTimeStep(key, Normalise(code));
        var errors = await ReauthenticateAsync(account, password, account.TwoFactorEnabled ? currentCode : null);
        if (step is null)
        {
            errors.Add(new ValidationError("Code", Messages.InvalidCode));
        }

        if (errors.Count > 0)
        {
            return Result<IReadOnlyList<string>>.Invalid(errors);
        }

        var codes = await credentials.EnableAuthenticatorAsync(account.Id, key!, step!.Value, RecoveryCodeCount);
        await credentials.RefreshSignInAsync(account.Id);
        logger.LogInformation("Authenticator set up: {UserName}", account.UserName);
        return Result<IReadOnlyList<string>>.Ok(codes);
    }

    /// <summary>New recovery codes (the old ones stop working), after the password and a current code.</summary>
    public async Task<Result<IReadOnlyList<string>>> NewRecoveryCodesAsync(ClaimsPrincipal principal, string password, string currentCode)
    {
        var account = await credentials.FindAsync(principal);
        if (account is not { TwoFactorEnabled: true })
        {
            return Result<IReadOnlyList<string>>.NotFound();
        }

        var errors = await ReauthenticateAsync(account, password, currentCode);
        if (errors.Count > 0)
        {
            return Result<IReadOnlyList<string>>.Invalid(errors);
        }

        var codes = await credentials.NewRecoveryCodesAsync(account.Id, RecoveryCodeCount);
        logger.LogInformation("New recovery codes: {UserName}", account.UserName);
        return Result<IReadOnlyList<string>>.Ok(codes);
    }

    /// <summary>Turns two-factor sign-in off and forgets the key, after the password and a current code; refused for accounts that must use it.</summary>
    public async Task<Result> DisableTwoFactorAsync(ClaimsPrincipal principal, string password, string currentCode)
    {
        var account = await credentials.FindAsync(principal);
        if (account is not { TwoFactorEnabled: true })
        {
            return Result.NotFound();
        }

        var kind = await credentials.OrganisationKindAsync(account.Id);
        if (!SecondFactorRules.CanTurnOff(secondFactor, account.Role, kind, account.IsDemo))
        {
            return Result.Invalid([new ValidationError(string.Empty, Messages.TwoFactorRequired)]);
        }

        var errors = await ReauthenticateAsync(account, password, currentCode);
        if (errors.Count > 0)
        {
            return Result.Invalid(errors);
        }

        await credentials.DisableTwoFactorAsync(account.Id);
        await credentials.RefreshSignInAsync(account.Id);
        logger.LogInformation("Two-factor sign-in disabled: {UserName}", account.UserName);
        return Result.Ok();
    }

    public async Task<bool> IsTwoFactorEnabledAsync(ClaimsPrincipal principal) =>
        await credentials.FindAsync(principal) is { TwoFactorEnabled: true };

    /// <summary>
    /// The owner proves it is them: the password (a wrong one counts towards the lockout) and, when a second factor is
    /// on, a current authenticator code (accepted once) or one of the recovery codes (used up). A null
    /// <paramref name="currentCode"/> with a second factor on is refused.
    /// </summary>
    private async Task<List<ValidationError>> ReauthenticateAsync(StoredAccount account, string? password, string? currentCode)
    {
        var errors = new List<ValidationError>();
        if (await credentials.IsLockedOutAsync(account.Id))
        {
            errors.Add(new ValidationError(string.Empty, Messages.LockedOut));
            return errors;
        }

        if (!await credentials.CheckPasswordAsync(account.Id, password ?? string.Empty))
        {
            await credentials.AccessFailedAsync(account.Id);
            errors.Add(new ValidationError("Password", Messages.PasswordMismatch));
            return errors;
        }

        if (account.TwoFactorEnabled && currentCode is not null)
        {
            var normalised = Normalise(currentCode);
            var valid = normalised.Length == 6
                ? await credentials.VerifyAuthenticatorCodeAsync(account.Id, normalised)
                : await credentials.RedeemRecoveryCodeAsync(account.Id, currentCode.Trim());
            if (!valid)
            {
                errors.Add(new ValidationError("CurrentCode", Messages.InvalidCode));
            }
        }
        else if (account.TwoFactorEnabled)
        {
            errors.Add(new ValidationError("CurrentCode", Messages.InvalidCode));
        }

        return errors;
    }

    /// <summary>Authenticator codes may be typed with spaces or a dash ("123 456").</summary>
    private static string Normalise(string code) => code.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);

    private SignInOutcome Outcome(SignInAttempt attempt, string userName, string method)
    {
        switch (attempt)
        {
            case SignInAttempt.Succeeded:
                logger.LogInformation("Sign-in succeeded: {UserName} ({Method})", userName, method);
                return SignInOutcome.Succeeded;
            case SignInAttempt.RequiresTwoFactor:
                logger.LogInformation("Sign-in needs a second factor: {UserName}", userName);
                return SignInOutcome.RequiresTwoFactor;
            case SignInAttempt.LockedOut:
                logger.LogWarning("Sign-in refused, account locked out: {UserName} ({Method})", userName, method);
                return SignInOutcome.LockedOut;
            default:
                logger.LogWarning("Sign-in failed: {UserName} ({Method})", userName, method);
                return SignInOutcome.Failed;
        }
    }
}
