using System.Globalization;
using System.Security.Cryptography;
using System.Security.Claims;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.EntityFrameworkCore;
using WorkPlan.Core.Access;
using WorkPlan.Core.Common;
using WorkPlan.Infrastructure.Data;

namespace WorkPlan.Infrastructure.Identity;

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
public sealed class AccountService(
    SignInManager<AppUser> signIn, UserManager<AppUser> users, IUserStore<AppUser> store, IDataProtectionProvider protection,
    DummyPasswordCheck dummy, AppDbContext db, SecondFactorPolicy secondFactor, ILogger<AccountService> logger)
{
    public const int RecoveryCodeCount = 10;

    public async Task<SignInOutcome> SignInAsync(string userName, string password)
    {
        var user = await users.FindByNameAsync(userName.Trim());
        if (user is null)
        {
            // An unknown name costs the same password hash as a known one and reads as any wrong password.
            dummy.Verify(users.PasswordHasher, password);
            logger.LogWarning("Sign-in failed: {UserName} ({Method})", userName.Trim(), "password");
            return SignInOutcome.Failed;
        }

        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            // Identity refuses a locked account before the password: check it anyway (same time), and say
            // "locked" only to whoever knows the password; anyone else reads "wrong login or password".
            var right = await users.CheckPasswordAsync(user, password);
            logger.LogWarning("Sign-in refused, account locked out: {UserName} ({Method})", user.UserName, "password");
            return right ? SignInOutcome.LockedOut : SignInOutcome.Failed;
        }

        if (result.IsNotAllowed && await IsDeactivatedWithThisPasswordAsync(userName.Trim(), password))
        {
            logger.LogWarning("Sign-in refused, account deactivated: {UserName}", userName.Trim());
            return SignInOutcome.Deactivated;
        }

        return Log(result, userName.Trim(), "password");
    }

    /// <summary>
    /// Identity refuses a deactivated account before it looks at the password. Only someone who knows the
    /// password learns that the account is deactivated; a wrong password counts as a failed attempt and
    /// reads as any other wrong password, so the answer never tells whether an account exists.
    /// </summary>
    private async Task<bool> IsDeactivatedWithThisPasswordAsync(string userName, string password)
    {
        var user = await users.FindByNameAsync(userName);
        if (user is not { IsActive: false } || await users.IsLockedOutAsync(user))
        {
            return false;
        }

        if (await users.CheckPasswordAsync(user, password))
        {
            return true;
        }

        await users.AccessFailedAsync(user);
        return false;
    }

    public async Task<SignInOutcome> SignInWithAuthenticatorAsync(string code)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(Normalise(code), isPersistent: false, rememberClient: false);
        return Log(result, user?.UserName ?? "?", "authenticator");
    }

    public async Task<SignInOutcome> SignInWithRecoveryCodeAsync(string code)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(code.Replace(" ", string.Empty, StringComparison.Ordinal));
        return Log(result, user?.UserName ?? "?", "recovery code");
    }

    public async Task<bool> HasPendingTwoFactorAsync() => await signIn.GetTwoFactorAuthenticationUserAsync() is not null;

    public async Task SignOutAsync(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        await signIn.SignOutAsync();
        logger.LogInformation("Signed out: {UserName}", principal.Identity?.Name);
    }

    /// <summary>Changes the signed-in user's password; the "must change" flag clears and the session is renewed.</summary>
    public async Task<Result> ChangePasswordAsync(ClaimsPrincipal principal, string currentPassword, string newPassword)
    {
        var user = await users.GetUserAsync(principal);
        if (user is null)
        {
            return Result.NotFound();
        }

        if (await users.IsLockedOutAsync(user))
        {
            logger.LogWarning("Password change refused, account locked out: {UserName}", user.UserName);
            return Result.Invalid([new ValidationError("CurrentPassword", "Account.LockedOut")]);
        }

        var changed = await users.ChangePasswordAsync(user, currentPassword, newPassword);
        if (!changed.Succeeded)
        {
            if (changed.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)))
            {
                // A wrong current password is a failed sign-in attempt: it counts towards the lockout.
                await users.AccessFailedAsync(user);
                logger.LogWarning("Password change refused, wrong current password: {UserName}", user.UserName);
            }

            return Result.Invalid(UserAdminService.IdentityErrors(changed, "NewPassword"));
        }

        user.MustChangePassword = false;
        await users.UpdateAsync(user);

        // Every other session of the user ends now; this one is renewed as a new session.
        await DbTicketStore.EndOtherSessionsAsync(db, user.Id, signIn.Context.Items[DbTicketStore.CurrentKeyItem] as string, CancellationToken.None);
        await signIn.RefreshSignInAsync(user);
        logger.LogInformation("Password changed: {UserName}", user.UserName);
        return Result.Ok();
    }

    /// <summary>
    /// A new key to enter into an authenticator app, stored nowhere yet: it travels with the set-up form, protected
    /// and valid for 20 minutes, and is stored (encrypted) only once the user proves their app with it. A key
    /// already in use is never shown again. <paramref name="keyToken"/> is the form's own key, shown again
    /// after a mistyped code; any other token gives a new key.
    /// </summary>
    public async Task<Result<AuthenticatorSetup>> NewAuthenticatorSetupAsync(ClaimsPrincipal principal, string? keyToken = null)
    {
        var user = await users.GetUserAsync(principal);
        if (user is null)
        {
            return Result<AuthenticatorSetup>.NotFound();
        }

        var key = keyToken is null ? null : KeyFromToken(user, keyToken);
        if (key is null)
        {
            key = users.GenerateNewAuthenticatorKey();
            keyToken = KeyTokens().Protect($"{user.Id}|{key}", TimeSpan.FromMinutes(20));
        }

        var uri = string.Create(
            CultureInfo.InvariantCulture,
            $"otpauth://totp/{Uri.EscapeDataString("WorkPlan")}:{Uri.EscapeDataString(user.UserName!)}?secret={key}&issuer={Uri.EscapeDataString("WorkPlan")}&digits=6");
        var grouped = string.Join(' ', key.ToLowerInvariant().Chunk(4).Select(c => new string(c)));
        return Result<AuthenticatorSetup>.Ok(new AuthenticatorSetup(grouped, uri, keyToken!, user.TwoFactorEnabled));
    }

    /// <summary>
    /// Sets up (or replaces) the authenticator once the user proves the new key works. The password is asked
    /// every time, and when a second factor is already on, a code of the current one (or a recovery code) too,
    /// so that a borrowed session cannot put someone else's phone on the account. Returns the new recovery codes,
    /// shown once; other sessions end.
    /// </summary>
    public async Task<Result<IReadOnlyList<string>>> EnableAuthenticatorAsync(ClaimsPrincipal principal, string keyToken, string code, string password, string? currentCode)
    {
        var user = await users.GetUserAsync(principal);
        if (user is null)
        {
            return Result<IReadOnlyList<string>>.NotFound();
        }

        var key = KeyFromToken(user, keyToken);
        var step = key is null ? null : Authenticator.MatchingStep(key, Normalise(code));
        var errors = await ReauthenticateAsync(user, password, user.TwoFactorEnabled ? currentCode : null);
        if (step is null)
        {
            errors.Add(new ValidationError("Code", "Account.InvalidCode"));
        }

        if (errors.Count > 0)
        {
            return Result<IReadOnlyList<string>>.Invalid(errors);
        }

        await ((IUserAuthenticatorKeyStore<AppUser>)store).SetAuthenticatorKeyAsync(user, key!, CancellationToken.None);
        user.LastTotpTimeStep = step;
        user.TwoFactorEnabled = true;
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount);
        await users.UpdateSecurityStampAsync(user);
        await signIn.RefreshSignInAsync(user);
        logger.LogInformation("Authenticator set up: {UserName}", user.UserName);
        return Result<IReadOnlyList<string>>.Ok([.. codes ?? []]);
    }

    /// <summary>New recovery codes (the old ones stop working), after the password and a current code.</summary>
    public async Task<Result<IReadOnlyList<string>>> NewRecoveryCodesAsync(ClaimsPrincipal principal, string password, string currentCode)
    {
        var user = await users.GetUserAsync(principal);
        if (user is not { TwoFactorEnabled: true })
        {
            return Result<IReadOnlyList<string>>.NotFound();
        }

        var errors = await ReauthenticateAsync(user, password, currentCode);
        if (errors.Count > 0)
        {
            return Result<IReadOnlyList<string>>.Invalid(errors);
        }

        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount);
        logger.LogInformation("New recovery codes: {UserName}", user.UserName);
        return Result<IReadOnlyList<string>>.Ok([.. codes ?? []]);
    }

    /// <summary>Turns two-factor sign-in off and forgets the key, after the password and a current code; refused for accounts that must use it.</summary>
    public async Task<Result> DisableTwoFactorAsync(ClaimsPrincipal principal, string password, string currentCode)
    {
        var user = await users.GetUserAsync(principal);
        if (user is not { TwoFactorEnabled: true })
        {
            return Result.NotFound();
        }

        if (await IsSecondFactorRequiredAsync(user))
        {
            return Result.Invalid([new ValidationError(string.Empty, "Account.TwoFactorRequired")]);
        }

        var errors = await ReauthenticateAsync(user, password, currentCode);
        if (errors.Count > 0)
        {
            return Result.Invalid(errors);
        }

        await ((IUserTwoFactorRecoveryCodeStore<AppUser>)store).ReplaceCodesAsync(user, [], CancellationToken.None);
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        logger.LogInformation("Two-factor sign-in disabled: {UserName}", user.UserName);
        return Result.Ok();
    }

    /// <summary>
    /// The owner proves it is them: the password (a wrong one counts towards the lockout) and, when given, a
    /// current authenticator code (accepted once) or one of the recovery codes (used up).
    /// </summary>
    private async Task<List<ValidationError>> ReauthenticateAsync(AppUser user, string password, string? currentCode)
    {
        var errors = new List<ValidationError>();
        if (await users.IsLockedOutAsync(user))
        {
            errors.Add(new ValidationError(string.Empty, "Account.LockedOut"));
            return errors;
        }

        if (!await users.CheckPasswordAsync(user, password ?? string.Empty))
        {
            await users.AccessFailedAsync(user);
            errors.Add(new ValidationError("Password", "Identity.PasswordMismatch"));
            return errors;
        }

        if (user.TwoFactorEnabled && currentCode is not null)
        {
            var normalised = Normalise(currentCode);
            var valid = normalised.Length == 6
                ? await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, normalised)
                : (await users.RedeemTwoFactorRecoveryCodeAsync(user, currentCode.Trim())).Succeeded;
            if (!valid)
            {
                errors.Add(new ValidationError("CurrentCode", "Account.InvalidCode"));
            }
        }
        else if (user.TwoFactorEnabled)
        {
            errors.Add(new ValidationError("CurrentCode", "Account.InvalidCode"));
        }

        return errors;
    }

    private ITimeLimitedDataProtector KeyTokens() => protection.CreateProtector("WorkPlan.Account.NewAuthenticatorKey").ToTimeLimitedDataProtector();

    /// <summary>The key a set-up form carries, when the token is genuine, unexpired and the user's own.</summary>
    private string? KeyFromToken(AppUser user, string token)
    {
        try
        {
            var parts = KeyTokens().Unprotect(token).Split('|', 2);
            return parts.Length == 2 && parts[0] == user.Id ? parts[1] : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    /// <summary>Whether the account must use a second factor (<see cref="SecondFactorRules"/>), from its stored role and centre.</summary>
    private async Task<bool> IsSecondFactorRequiredAsync(AppUser user)
    {
        var kind = await db.Organisations.Where(o => o.Id == user.OrganisationId).Select(o => o.Kind).SingleAsync();
        return SecondFactorRules.IsRequired(secondFactor, user.Role, kind, user.IsDemo);
    }

    public async Task<bool> IsTwoFactorEnabledAsync(ClaimsPrincipal principal) =>
        await users.GetUserAsync(principal) is { TwoFactorEnabled: true };

    /// <summary>Authenticator codes may be typed with spaces or a dash ("123 456").</summary>
    private static string Normalise(string code) => code.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);

    private SignInOutcome Log(Microsoft.AspNetCore.Identity.SignInResult result, string userName, string method)
    {
        if (result.Succeeded)
        {
            logger.LogInformation("Sign-in succeeded: {UserName} ({Method})", userName, method);
            return SignInOutcome.Succeeded;
        }

        if (result.RequiresTwoFactor)
        {
            logger.LogInformation("Sign-in needs a second factor: {UserName}", userName);
            return SignInOutcome.RequiresTwoFactor;
        }

        if (result.IsLockedOut)
        {
            logger.LogWarning("Sign-in refused, account locked out: {UserName} ({Method})", userName, method);
            return SignInOutcome.LockedOut;
        }

        logger.LogWarning("Sign-in failed: {UserName} ({Method})", userName, method);
        return SignInOutcome.Failed;
    }
}
