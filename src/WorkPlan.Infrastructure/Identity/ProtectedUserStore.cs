using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using WorkPlan.Infrastructure.Data;

namespace WorkPlan.Infrastructure.Identity;

/// <summary>
/// Identity's store, keeping the second factor's secrets protected in the database: the authenticator key
/// encrypted with Data Protection, the recovery codes only as salted PBKDF2 hashes. Values written before
/// (plain) are still read, and replaced by protected ones at the next change.
/// </summary>
public sealed class ProtectedUserStore(AppDbContext context, IDataProtectionProvider protection, IdentityErrorDescriber? describer = null)
    : UserOnlyStore<AppUser, AppDbContext>(context, describer)
{
    private const string KeyPrefix = "dp1:";
    private const string HashPrefix = "h1$";
    private const int HashIterations = 10_000;
    private readonly IDataProtector _keys = protection.CreateProtector("WorkPlan.Identity.AuthenticatorKey");

    public override Task SetAuthenticatorKeyAsync(AppUser user, string key, CancellationToken cancellationToken) =>
        base.SetAuthenticatorKeyAsync(user, KeyPrefix + _keys.Protect(key), cancellationToken);

    public override async Task<string?> GetAuthenticatorKeyAsync(AppUser user, CancellationToken cancellationToken)
    {
        var stored = await base.GetAuthenticatorKeyAsync(user, cancellationToken);
        return stored is not null && stored.StartsWith(KeyPrefix, StringComparison.Ordinal) ? _keys.Unprotect(stored[KeyPrefix.Length..]) : stored;
    }

    public override Task ReplaceCodesAsync(AppUser user, IEnumerable<string> recoveryCodes, CancellationToken cancellationToken) =>
        base.ReplaceCodesAsync(user, recoveryCodes.Select(Hash), cancellationToken);

    public override async Task<bool> RedeemCodeAsync(AppUser user, string code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(code);
        var stored = await GetTokenAsync(user, "[AspNetUserStore]", "RecoveryCodes", cancellationToken) ?? string.Empty;
        var codes = stored.Split(';', StringSplitOptions.RemoveEmptyEntries).ToList();
        var match = codes.FirstOrDefault(c => Matches(c, code));
        if (match is null)
        {
            return false;
        }

        codes.Remove(match);
        await SetTokenAsync(user, "[AspNetUserStore]", "RecoveryCodes", string.Join(';', codes), cancellationToken);
        return true;
    }

    private static string Hash(string code)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        return $"{HashPrefix}{Convert.ToBase64String(salt)}${Convert.ToBase64String(Derive(code, salt))}";
    }

    private static bool Matches(string stored, string code)
    {
        if (!stored.StartsWith(HashPrefix, StringComparison.Ordinal))
        {
            return string.Equals(stored, code, StringComparison.Ordinal);
        }

        var parts = stored[HashPrefix.Length..].Split('$');
        return parts.Length == 2
            && CryptographicOperations.FixedTimeEquals(Derive(code, Convert.FromBase64String(parts[0])), Convert.FromBase64String(parts[1]));
    }

    private static byte[] Derive(string code, byte[] salt) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(code.Trim().ToUpperInvariant()), salt, HashIterations, HashAlgorithmName.SHA256, 32);
}
