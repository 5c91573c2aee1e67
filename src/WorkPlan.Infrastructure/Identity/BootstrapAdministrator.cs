using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using WorkPlan.Core.Common;
using WorkPlan.Core.Organisations;
using WorkPlan.Infrastructure.Data;

namespace WorkPlan.Infrastructure.Identity;

/// <summary>Settings of the first administrator of a production installation (section "WorkPlan:Bootstrap").</summary>
public sealed class BootstrapOptions
{
    public string? AdminUserName { get; set; }

    /// <summary>A one-time password; the administrator must change it at the first sign-in. Never commit it.</summary>
    public string? AdminPassword { get; set; }

    public string NationalOrganisationName { get; set; } = "Alisher Navoiy nomidagi O'zbekiston Milliy kutubxonasi";
}

/// <summary>
/// Creates the first administrator when the database has no user at all and the configuration names
/// one. Without demo mode there are no other default accounts.
/// </summary>
public sealed class BootstrapAdministrator(AppDbContext db, UserManager<AppUser> users, TimeProvider clock, ILogger<BootstrapAdministrator> logger)
{
    public async Task EnsureAsync(BootstrapOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.AdminUserName) || string.IsNullOrEmpty(options.AdminPassword)
            || await db.Users.AnyAsync(cancellationToken))
        {
            return;
        }

        var national = await db.Organisations.FirstOrDefaultAsync(o => o.Kind == OrganisationKind.National, cancellationToken);
        if (national is null)
        {
            national = new Organisation("national", OrganisationKind.National, options.NationalOrganisationName, "Milliy kutubxona", null);
            db.Organisations.Add(national);
            await db.SaveChangesAsync(cancellationToken);
        }

        var admin = new AppUser
        {
            UserName = options.AdminUserName.Trim(),
            FullName = options.AdminUserName.Trim(),
            Role = Roles.Administrator,
            OrganisationId = national.Id,
            IsActive = true,
            MustChangePassword = true,
            LockoutEnabled = true,
            CreatedAt = clock.GetUtcNow(),
        };
        var result = await users.CreateAsync(admin, options.AdminPassword);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"The bootstrap administrator could not be created: {string.Join(", ", result.Errors.Select(e => e.Code))}.");
        }

        logger.LogInformation("Bootstrap administrator {UserName} created; the password must be changed at first sign-in", admin.UserName);
    }
}
