using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OtpNet;
using WorkPlan.Infrastructure.Data;

namespace WorkPlan.Infrastructure.Identity;

/// <summary>Authenticator-app codes (TOTP, RFC 6238: 6 digits, 30 s steps), each accepted once per account.</summary>
public static class Authenticator
{
    /// <summary>The time step of <paramref name="code"/> for the key, within one step either side of now; null when it does not match.</summary>
    public static long? MatchingStep(string base32Key, string code)
    {
        if (string.IsNullOrEmpty(base32Key) || code.Length != 6 || !code.All(char.IsAsciiDigit))
        {
            return null;
        }

        // Real time, not the app's (demo) clock: the user's phone keeps real time.
        var totp = new Totp(Base32Encoding.ToBytes(base32Key));
        return totp.VerifyTotp(DateTime.UtcNow, code, out var step, VerificationWindow.RfcSpecifiedNetworkDelay) ? step : null;
    }

    /// <summary>
    /// Records that the account used this time step, in one conditional UPDATE: only a step later than the last
    /// one used is taken, so the same code (or an older one) is refused even when two requests race with it.
    /// </summary>
    public static async Task<bool> TakeStepAsync(AppDbContext db, string userId, long step, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var taken = await db.Users
            .Where(u => u.Id == userId && (u.LastTotpTimeStep == null || u.LastTotpTimeStep < step))
            .ExecuteUpdateAsync(set => set.SetProperty(u => u.LastTotpTimeStep, step), cancellationToken);
        return taken == 1;
    }
}

/// <summary>Identity's authenticator check (sign-in, re-authentication), accepting each code once.</summary>
public sealed class OnceOnlyAuthenticatorTokenProvider(AppDbContext db) : IUserTwoFactorTokenProvider<AppUser>
{
    public Task<string> GenerateAsync(string purpose, UserManager<AppUser> manager, AppUser user) => Task.FromResult(string.Empty);

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<AppUser> manager, AppUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        ArgumentNullException.ThrowIfNull(user);
        var key = await manager.GetAuthenticatorKeyAsync(user);
        return key is not null && Authenticator.MatchingStep(key, token) is { } step && await Authenticator.TakeStepAsync(db, user.Id, step);
    }

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<AppUser> manager, AppUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        return !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user!));
    }
}
