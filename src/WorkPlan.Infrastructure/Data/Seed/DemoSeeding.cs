using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using WorkPlan.Core.Common;
using WorkPlan.Core.Organisations;
using WorkPlan.Infrastructure.Identity;

namespace WorkPlan.Infrastructure.Data.Seed;

/// <summary>What the region's or the country's seeded quarterly report is given by the level above.</summary>
internal enum DemoDecision
{
    None,
    Accept,
    Return,
}

/// <summary>What the demo seeders share: acting as a centre's user, and stopping at a step that failed.</summary>
internal static class DemoSeeding
{
    /// <summary>The centre's first user in the role (by user name), as the user the services act for.</summary>
    public static async Task<CurrentUser> UserAsync(AppDbContext db, Organisation organisation, string role, CancellationToken cancellationToken)
    {
        var user = await db.Users.Where(u => u.OrganisationId == organisation.Id && u.Role == role)
            .OrderBy(u => u.UserName).Select(u => new { u.Id, u.UserName, u.FullName, u.Position }).FirstAsync(cancellationToken);
        return new CurrentUser(user.Id, user.UserName!, role, organisation.Id, organisation.Kind, null, user.FullName, user.Position);
    }

    /// <summary>Throws when a seeding step failed: "<paramref name="seeder"/>: could not <paramref name="step"/> (…)".</summary>
    public static void Ensure(Result result, string seeder, string step)
    {
        if (!result.IsOk)
        {
            throw new InvalidOperationException($"{seeder}: could not {step} ({result.Status}: {string.Join(", ", result.Errors.Select(e => e.MessageKey))}).");
        }
    }
}

/// <summary>
/// New demo accounts: active, marked demo, with lockout enabled and the published demo password. One PBKDF2 hash
/// (with its own salt) serves every account made here: hashing is deliberately slow.
/// </summary>
internal sealed class DemoAccounts(IPasswordHasher<AppUser> hasher, TimeProvider clock)
{
    private string? _hash;

    public AppUser New(string userName, string fullName, string? position, string role, int organisationId, int? serviceId = null)
    {
        var user = new AppUser
        {
            UserName = userName,
            NormalizedUserName = userName.ToUpperInvariant(),
            FullName = fullName,
            Position = position,
            Role = role,
            OrganisationId = organisationId,
            ServiceId = serviceId,
            IsActive = true,
            IsDemo = true,
            LockoutEnabled = true,
            SecurityStamp = Guid.NewGuid().ToString("N"),
            CreatedAt = clock.GetUtcNow(),
        };
        user.PasswordHash = _hash ??= hasher.HashPassword(user, DemoUserSeeder.Password);
        return user;
    }
}
