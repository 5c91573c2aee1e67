using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using WorkPlan.Infrastructure.Identity;

namespace WorkPlan.Infrastructure.Data.Seed;

/// <summary>
/// Demo mode only: one account per role for the demo centres, all with the same published password,
/// exempt from the two-factor requirement so that anyone can try the app. Added when missing.
/// </summary>
public sealed class DemoUserSeeder(AppDbContext db, IPasswordHasher<AppUser> hasher, TimeProvider clock, ILogger<DemoUserSeeder> logger)
{
    /// <summary>The demo accounts' password, printed by scripts/run.sh and listed in README. Demo mode only.</summary>
    public const string Password = "Demo-parol-2022";

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        var wanted = DemoData.LoadEmbedded().SelectMany(f => f.Users ?? []).ToList();
        var existing = await db.Users.Select(u => u.NormalizedUserName).ToListAsync(cancellationToken);
        var missing = wanted.Where(u => !existing.Contains(u.UserName.ToUpperInvariant())).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        var organisations = await db.Organisations.Include(o => o.Services).ToDictionaryAsync(o => o.Code, StringComparer.Ordinal, cancellationToken);
        var accounts = new DemoAccounts(hasher, clock);
        foreach (var item in missing)
        {
            var organisation = organisations[item.Organisation];
            var serviceId = item.Service is null ? (int?)null : organisation.Services.Single(s => s.Code == item.Service).Id;
            db.Users.Add(accounts.New(item.UserName, item.FullName, item.Position, item.Role, organisation.Id, serviceId));
        }

        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Demo accounts created: {UserCount}", missing.Count);
    }
}
