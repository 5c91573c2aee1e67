using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WorkPlan.Infrastructure.Data;
using WorkPlan.Infrastructure.Identity;

namespace WorkPlan.IntegrationTests.Infrastructure;

/// <summary>Accounts made for a test, straight in the database (fast hash; the app rehashes at sign-in).</summary>
public static class TestUsers
{
    public const string Password = "Sinov-uchun-parol-77";

    public static async Task<string> CreateAsync(
        DatabaseFixture database, string userName, string role, string organisationCode,
        bool isDemo = false, bool mustChangePassword = false, string? serviceCode = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var db = database.CreateContext();
        return await CreateAsync(db, userName, role, organisationCode, isDemo, mustChangePassword, serviceCode);
    }

    /// <summary>An account made in the database behind <paramref name="db"/> (a scratch database, say).</summary>
    public static async Task<string> CreateAsync(
        AppDbContext db, string userName, string role, string organisationCode,
        bool isDemo = false, bool mustChangePassword = false, string? serviceCode = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        var organisation = await db.Organisations.Include(o => o.Services).SingleAsync(o => o.Code == organisationCode);
        var user = new AppUser
        {
            UserName = userName,
            NormalizedUserName = userName.ToUpperInvariant(),
            FullName = userName,
            Role = role,
            OrganisationId = organisation.Id,
            ServiceId = serviceCode is null ? null : organisation.Services.Single(s => s.Code == serviceCode).Id,
            IsActive = true,
            IsDemo = isDemo,
            MustChangePassword = mustChangePassword,
            LockoutEnabled = true,
            SecurityStamp = Guid.NewGuid().ToString("N"),
            ConcurrencyStamp = Guid.NewGuid().ToString(),
        };
        user.PasswordHash = new PasswordHasher<AppUser>(Options.Create(new PasswordHasherOptions { IterationCount = 1_000 })).HashPassword(user, Password);
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user.Id;
    }
}
