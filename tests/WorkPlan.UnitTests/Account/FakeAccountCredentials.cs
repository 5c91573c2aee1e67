using System.Security.Claims;
using WorkPlan.Core.Account;
using WorkPlan.Core.Common;
using WorkPlan.Core.Organisations;

namespace WorkPlan.UnitTests.Account;

/// <summary>One account of <see cref="FakeAccountCredentials"/>, with what the identity store would keep of it.</summary>
public sealed class FakeAccount(string userName, string role, OrganisationKind kind)
{
    public string Id { get; } = $"id-{userName}";

    public string UserName { get; } = userName;

    public string Role { get; } = role;

    public OrganisationKind Kind { get; } = kind;

    public string Password { get; set; } = "Right-password-1";

    public bool IsActive { get; set; } = true;

    public bool IsDemo { get; set; }

    public bool LockedOut { get; set; }

    public bool TwoFactorEnabled { get; set; }

    public bool MustChangePassword { get; set; } = true;

    public int FailedAttempts { get; set; }

    public string AuthenticatorCode { get; set; } = "123456";

    public List<string> RecoveryCodes { get; } = ["recovery-1"];

    public int OtherSessionsEnded { get; set; }

    public int Refreshed { get; set; }
}

/// <summary>
/// An in-memory identity store for the account use cases: passwords, lockout, deactivation, a second factor, with the
/// answers ASP.NET Identity gives (a locked account is refused before its password, a deactivated one is "not allowed").
/// </summary>
public sealed class FakeAccountCredentials : IAccountCredentials
{
    public const string NewKey = "JBSWY3DPEHPK3PXP";

    public Dictionary<string, FakeAccount> Accounts { get; } = [];

    public FakeAccount? SignedIn { get; set; }

    public FakeAccount? Pending { get; set; }

    public int ChecksOfNobody { get; private set; }

    public FakeAccount Add(string userName, string role, OrganisationKind kind)
    {
        var account = new FakeAccount(userName, role, kind);
        Accounts[account.Id] = account;
        return account;
    }

    public static ClaimsPrincipal Principal => new(new ClaimsIdentity("test"));

    public Task<StoredAccount?> FindByNameAsync(string userName) =>
        Task.FromResult(Stored(Accounts.Values.SingleOrDefault(a => a.UserName == userName)));

    public Task<StoredAccount?> FindAsync(ClaimsPrincipal principal) => Task.FromResult(Stored(SignedIn));

    public Task<StoredAccount?> PendingTwoFactorAsync() => Task.FromResult(Stored(Pending));

    public void CheckPasswordOfNobody(string password) => ChecksOfNobody++;

    public Task<OrganisationKind> OrganisationKindAsync(string id) => Task.FromResult(Accounts[id].Kind);

    public Task<bool> IsLockedOutAsync(string id) => Task.FromResult(Accounts[id].LockedOut);

    public Task<bool> CheckPasswordAsync(string id, string password) => Task.FromResult(Accounts[id].Password == password);

    public Task AccessFailedAsync(string id)
    {
        Accounts[id].FailedAttempts++;
        return Task.CompletedTask;
    }

    public Task<SignInAttempt> PasswordSignInAsync(string id, string password)
    {
        var account = Accounts[id];
        if (account.LockedOut)
        {
            return Task.FromResult(SignInAttempt.LockedOut);
        }

        if (!account.IsActive)
        {
            return Task.FromResult(SignInAttempt.NotAllowed);
        }

        if (account.Password != password)
        {
            account.FailedAttempts++;
            return Task.FromResult(SignInAttempt.Failed);
        }

        return Task.FromResult(account.TwoFactorEnabled ? SignInAttempt.RequiresTwoFactor : SignInAttempt.Succeeded);
    }

    public Task<SignInAttempt> AuthenticatorSignInAsync(string code) =>
        Task.FromResult(Pending is { } account && account.AuthenticatorCode == code ? SignInAttempt.Succeeded : SignInAttempt.Failed);

    public Task<SignInAttempt> RecoveryCodeSignInAsync(string code) =>
        Task.FromResult(Pending is { } account && account.RecoveryCodes.Remove(code) ? SignInAttempt.Succeeded : SignInAttempt.Failed);

    public Task SignOutAsync()
    {
        SignedIn = null;
        return Task.CompletedTask;
    }

    public Task<PasswordChange> ChangePasswordAsync(string id, string currentPassword, string newPassword, string newPasswordField)
    {
        var account = Accounts[id];
        if (account.Password != currentPassword)
        {
            return Task.FromResult(new PasswordChange(false, true, [new ValidationError(newPasswordField, "Identity.PasswordMismatch")]));
        }

        account.Password = newPassword;
        return Task.FromResult(new PasswordChange(true, false, []));
    }

    public Task SetMustChangePasswordAsync(string id, bool mustChange)
    {
        Accounts[id].MustChangePassword = mustChange;
        return Task.CompletedTask;
    }

    public Task EndOtherSessionsAsync(string id)
    {
        Accounts[id].OtherSessionsEnded++;
        return Task.CompletedTask;
    }

    public Task RefreshSignInAsync(string id)
    {
        Accounts[id].Refreshed++;
        return Task.CompletedTask;
    }

    public string NewAuthenticatorKey() => NewKey;

    public string ProtectKey(string id, string key, TimeSpan lifetime) => $"{id}|{key}";

    public string? UnprotectKey(string id, string token) =>
        token.Split('|') is [var owner, var key] && owner == id ? key : null;

    public long? MatchingTimeStep(string key, string code) => key == NewKey && code == "654321" ? 42 : null;

    public Task<bool> VerifyAuthenticatorCodeAsync(string id, string code) => Task.FromResult(Accounts[id].AuthenticatorCode == code);

    public Task<bool> RedeemRecoveryCodeAsync(string id, string code) => Task.FromResult(Accounts[id].RecoveryCodes.Remove(code));

    public Task<IReadOnlyList<string>> EnableAuthenticatorAsync(string id, string key, long usedTimeStep, int recoveryCodeCount)
    {
        Accounts[id].TwoFactorEnabled = true;
        return NewRecoveryCodesAsync(id, recoveryCodeCount);
    }

    public Task<IReadOnlyList<string>> NewRecoveryCodesAsync(string id, int count)
    {
        var account = Accounts[id];
        account.RecoveryCodes.Clear();
        account.RecoveryCodes.AddRange(Enumerable.Range(1, count).Select(i => $"new-{i}"));
        return Task.FromResult<IReadOnlyList<string>>([.. account.RecoveryCodes]);
    }

    public Task DisableTwoFactorAsync(string id)
    {
        Accounts[id].TwoFactorEnabled = false;
        Accounts[id].RecoveryCodes.Clear();
        return Task.CompletedTask;
    }

    private static StoredAccount? Stored(FakeAccount? account) =>
        account is null ? null : new StoredAccount(account.Id, account.UserName, account.IsActive, account.TwoFactorEnabled, account.Role, 1, account.IsDemo);
}
