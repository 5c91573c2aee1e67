using Microsoft.AspNetCore.Identity;

namespace WorkPlan.Infrastructure.Identity;

/// <summary>
/// Checks a password against a hash of no account, so that a sign-in with an unknown user name takes as
/// long as one with a known name (the hash is what costs the time).
/// </summary>
public sealed class DummyPasswordCheck
{
    private static readonly AppUser Nobody = new() { UserName = "nobody" };
    private string? _hash;
    private long _count;

    /// <summary>How many dummy checks ran (for tests: the time is spent, not skipped).</summary>
    public long Count => Interlocked.Read(ref _count);

    public void Verify(IPasswordHasher<AppUser> hasher, string password)
    {
        ArgumentNullException.ThrowIfNull(hasher);
        _hash ??= hasher.HashPassword(Nobody, Guid.NewGuid().ToString("N"));
        hasher.VerifyHashedPassword(Nobody, _hash, password);
        Interlocked.Increment(ref _count);
    }
}
