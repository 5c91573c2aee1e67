using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using WorkPlan.Core.Account;
using WorkPlan.Core.Organisations;
using WorkPlan.Infrastructure.Data;

namespace WorkPlan.Infrastructure.Identity;

/// <summary>The credentials of <see cref="IAccountCredentials"/> kept by ASP.NET Identity, its sign-in cookie and the session store.</summary>
public sealed class IdentityAccountCredentials(
    SignInManager<AppUser> signIn, UserManager<AppUser> users, IUserStore<AppUser> store, IDataProtectionProvider protection,
    DummyPasswordCheck dummy, AppDbContext db) : IAccountCredentials
{
    public async Task<StoredAccount?> FindByNameAsync(string userName) => Stored(await users.FindByNameAsync(userName));

    public async Task<StoredAccount?> FindAsync(ClaimsPrincipal principal) => Stored(await users.GetUserAsync(principal));

    public async Task<StoredAccount?> PendingTwoFactorAsync() => Stored(await signIn.GetTwoFactorAuthenticationUserAsync());

    public void CheckPasswordOfNobody(string password) => dummy.Verify(users.PasswordHasher, password);

    public async Task<OrganisationKind> OrganisationKindAsync(string id)
    {
        var organisationId = (await UserAsync(id)).OrganisationId;
        return await db.Organisations.Where(o => o.Id == organisationId).Select(o => o.Kind).SingleAsync();
    }

    public async Task<bool> IsLockedOutAsync(string id) => await users.IsLockedOutAsync(await UserAsync(id));

    public async Task<bool> CheckPasswordAsync(string id, string password) => await users.CheckPasswordAsync(await UserAsync(id), password);

    public async Task AccessFailedAsync(string id) => await users.AccessFailedAsync(await UserAsync(id));

    public async Task<SignInAttempt> PasswordSignInAsync(string id, string password) =>
        Attempt(await signIn.PasswordSignInAsync(await UserAsync(id), password, isPersistent: false, lockoutOnFailure: true));

    public async Task<SignInAttempt> AuthenticatorSignInAsync(string code) =>
        Attempt(await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false));

    public async Task<SignInAttempt> RecoveryCodeSignInAsync(string code) => Attempt(await signIn.TwoFactorRecoveryCodeSignInAsync(code));

    public Task SignOutAsync() => signIn.SignOutAsync();

    public async Task<PasswordChange> ChangePasswordAsync(string id, string currentPassword, string newPassword, string newPasswordField)
    {
        var changed = await users.ChangePasswordAsync(await UserAsync(id), currentPassword, newPassword);
        return new PasswordChange(
            changed.Succeeded,
            changed.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)),
            IdentityUserAccounts.IdentityErrors(changed, newPasswordField));
    }

    public async Task SetMustChangePasswordAsync(string id, bool mustChange)
    {
        var user = await UserAsync(id);
        user.MustChangePassword = mustChange;
        await users.UpdateAsync(user);
    }

    public Task EndOtherSessionsAsync(string id) =>
        DbTicketStore.EndOtherSessionsAsync(db, id, signIn.Context.Items[DbTicketStore.CurrentKeyItem] as string, CancellationToken.None);

    public async Task RefreshSignInAsync(string id) => await signIn.RefreshSignInAsync(await UserAsync(id));

    public string NewAuthenticatorKey() => users.GenerateNewAuthenticatorKey();

    public string ProtectKey(string id, string key, TimeSpan lifetime) => KeyTokens().Protect($"{id}|{key}", lifetime);

    public string? UnprotectKey(string id, string token)
    {
        try
        {
            var parts = KeyTokens().Unprotect(token).Split('|', 2);
            return parts.Length == 2 && parts[0] == id ? parts[1] : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    public long? MatchingTimeStep(string key, string code) => Authenticator.MatchingStep(key, code);

    public async Task<bool> VerifyAuthenticatorCodeAsync(string id, string code) =>
        await users.VerifyTwoFactorTokenAsync(await UserAsync(id), users.Options.Tokens.AuthenticatorTokenProvider, code);

    public async Task<bool> RedeemRecoveryCodeAsync(string id, string code) =>
        (await users.RedeemTwoFactorRecoveryCodeAsync(await UserAsync(id), code)).Succeeded;

    public async Task<IReadOnlyList<string>> EnableAuthenticatorAsync(string id, string key, long usedTimeStep, int recoveryCodeCount)
    {
        var user = await UserAsync(id);
        await ((IUserAuthenticatorKeyStore<AppUser>)store).SetAuthenticatorKeyAsync(user, key, CancellationToken.None);
        user.LastTotpTimeStep = usedTimeStep;
        user.TwoFactorEnabled = true;
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, recoveryCodeCount);
        await users.UpdateSecurityStampAsync(user);
        return [.. codes ?? []];
    }

    public async Task<IReadOnlyList<string>> NewRecoveryCodesAsync(string id, int count) =>
        [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(await UserAsync(id), count) ?? []];

    public async Task DisableTwoFactorAsync(string id)
    {
        var user = await UserAsync(id);
        await ((IUserTwoFactorRecoveryCodeStore<AppUser>)store).ReplaceCodesAsync(user, [], CancellationToken.None);
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
    }

    private static StoredAccount? Stored(AppUser? user) =>
        user is null ? null : new StoredAccount(user.Id, user.UserName!, user.IsActive, user.TwoFactorEnabled, user.Role, user.OrganisationId, user.IsDemo);

    /// <summary>The account by id: the instance Identity already tracks for this request, or a new load.</summary>
    private async Task<AppUser> UserAsync(string id) =>
        await users.FindByIdAsync(id) ?? throw new InvalidOperationException($"Account {id} is gone.");

    private ITimeLimitedDataProtector KeyTokens() => protection.CreateProtector("WorkPlan.Account.NewAuthenticatorKey").ToTimeLimitedDataProtector();

    private static SignInAttempt Attempt(Microsoft.AspNetCore.Identity.SignInResult result) =>
        result.Succeeded ? SignInAttempt.Succeeded
        : result.RequiresTwoFactor ? SignInAttempt.RequiresTwoFactor
        : result.IsLockedOut ? SignInAttempt.LockedOut
        : result.IsNotAllowed ? SignInAttempt.NotAllowed
        : SignInAttempt.Failed;
}
