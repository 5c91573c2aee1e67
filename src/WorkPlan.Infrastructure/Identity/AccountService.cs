using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
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

/// <summary>What the authenticator set-up page shows: the shared key (grouped) and the otpauth URI for the QR code.</summary>
public sealed record AuthenticatorSetup(string SharedKey, string AuthenticatorUri);

/// <summary>A user's own account: sign-in and sign-out, password change, two-factor authentication.</summary>
public sealed class AccountService(
    SignInManager<AppUser> signIn, UserManager<AppUser> users, DummyPasswordCheck dummy, AppDbContext db, ILogger<AccountService> logger)
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

    /// <summary>The key to enter into an authenticator app (created on first use).</summary>
    public async Task<Result<AuthenticatorSetup>> GetAuthenticatorSetupAsync(ClaimsPrincipal principal)
    {
        var user = await users.GetUserAsync(principal);
        if (user is null)
        {
            return Result<AuthenticatorSetup>.NotFound();
        }

        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            // A new key changes the security stamp: renew the session so that it stays valid.
            await users.ResetAuthenticatorKeyAsync(user);
            await signIn.RefreshSignInAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }

        var uri = string.Create(
            CultureInfo.InvariantCulture,
            $"otpauth://totp/{Uri.EscapeDataString("WorkPlan")}:{Uri.EscapeDataString(user.UserName!)}?secret={key}&issuer={Uri.EscapeDataString("WorkPlan")}&digits=6");
        var grouped = string.Join(' ', key!.ToLowerInvariant().Chunk(4).Select(c => new string(c)));
        return Result<AuthenticatorSetup>.Ok(new AuthenticatorSetup(grouped, uri));
    }

    /// <summary>Turns two-factor sign-in on once the user proves their app works; returns the recovery codes to show once.</summary>
    public async Task<Result<IReadOnlyList<string>>> EnableAuthenticatorAsync(ClaimsPrincipal principal, string code)
    {
        var user = await users.GetUserAsync(principal);
        if (user is null)
        {
            return Result<IReadOnlyList<string>>.NotFound();
        }

        var valid = await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, Normalise(code));
        if (!valid)
        {
            return Result<IReadOnlyList<string>>.Invalid([new ValidationError("Code", "Account.InvalidCode")]);
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount);
        await signIn.RefreshSignInAsync(user);
        logger.LogInformation("Two-factor sign-in enabled: {UserName}", user.UserName);
        return Result<IReadOnlyList<string>>.Ok([.. codes ?? []]);
    }

    /// <summary>Turns two-factor sign-in off and forgets the key; refused for roles that require it.</summary>
    public async Task<Result> DisableTwoFactorAsync(ClaimsPrincipal principal, IEnumerable<string> requiredRoles)
    {
        var user = await users.GetUserAsync(principal);
        if (user is null)
        {
            return Result.NotFound();
        }

        if (requiredRoles.Contains(user.Role) && !user.IsDemo)
        {
            return Result.Invalid([new ValidationError(string.Empty, "Account.TwoFactorRequired")]);
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        logger.LogInformation("Two-factor sign-in disabled: {UserName}", user.UserName);
        return Result.Ok();
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
