using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using WorkPlan.Core.Administration;
using WorkPlan.Core.Common;
using WorkPlan.Infrastructure.Data;

namespace WorkPlan.Infrastructure.Identity;

/// <summary>The user accounts of <see cref="IUserAccounts"/> kept by ASP.NET Identity in the application's database.</summary>
public sealed class IdentityUserAccounts(AppDbContext db, UserManager<AppUser> users, TimeProvider clock) : IUserAccounts
{
    public async Task<PagedList<UserSummary>> ListAsync(IQueryable<int> organisationIds, UserFilter filter, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var now = clock.GetUtcNow();
        var query = UsersOf(organisationIds);
        if (filter.OrganisationId is { } organisationId)
        {
            query = query.Where(u => u.OrganisationId == organisationId);
        }

        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var pattern = $"%{filter.Search.Trim().Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal)}%";
            query = query.Where(u => EF.Functions.ILike(u.UserName!, pattern) || EF.Functions.ILike(u.FullName, pattern));
        }

        var total = await query.CountAsync(cancellationToken);
        var page = PagedList<UserSummary>.Clamp(filter.Page, total, pageSize);
        var items = await query
            .OrderBy(u => u.Organisation!.Name).ThenBy(u => u.FullName)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(u => new UserSummary(
                u.Id, u.UserName!, u.FullName, u.Role, u.Organisation!.ShortName, u.Service != null ? u.Service.Name : null,
                u.IsActive, u.LockoutEnd != null && u.LockoutEnd > now, u.TwoFactorEnabled))
            .ToListAsync(cancellationToken);
        return new PagedList<UserSummary>(items, page, pageSize, total);
    }

    public Task<UserDetails?> FindAsync(IQueryable<int> organisationIds, string id, CancellationToken cancellationToken) =>
        UsersOf(organisationIds).Where(u => u.Id == id)
            .Select(u => new UserDetails(u.Id, u.UserName!, u.FullName, u.Email, u.Role, u.OrganisationId, u.ServiceId, u.IsActive, u.TwoFactorEnabled, u.ConcurrencyStamp!, u.Position))
            .SingleOrDefaultAsync(cancellationToken);

    public async Task<Result<string>> CreateAsync(UserAccount account, string password, bool mustChangePassword, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        var user = new AppUser
        {
            UserName = account.UserName,
            CreatedAt = clock.GetUtcNow(),
            MustChangePassword = mustChangePassword,
            LockoutEnabled = true,
        };
        Apply(account, user);
        var created = await users.CreateAsync(user, password);
        return created.Succeeded ? Result<string>.Ok(user.Id) : Result<string>.Invalid(IdentityErrors(created, "Password"));
    }

    public async Task<Result> UpdateAsync(string id, UserAccount account, string concurrencyStamp, bool endSessions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        var user = await db.Users.AsTracking().SingleAsync(u => u.Id == id, cancellationToken);
        if (user.ConcurrencyStamp != concurrencyStamp)
        {
            return Result.Conflict();
        }

        Apply(account, user);
        var result = endSessions ? await users.UpdateSecurityStampAsync(user) : await users.UpdateAsync(user);
        if (!result.Succeeded)
        {
            return result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure))
                ? Result.Conflict()
                : Result.Invalid(IdentityErrors(result, "Password"));
        }

        if (endSessions)
        {
            await DbTicketStore.EndSessionsAsync(db, user.Id, cancellationToken);
        }

        return Result.Ok();
    }

    public async Task ResetPasswordAsync(string id, string temporaryPassword, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsTracking().SingleAsync(u => u.Id == id, cancellationToken);
        user.PasswordHash = users.PasswordHasher.HashPassword(user, temporaryPassword);
        user.MustChangePassword = true;
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        await users.UpdateSecurityStampAsync(user);
        await DbTicketStore.EndSessionsAsync(db, user.Id, cancellationToken);
    }

    /// <summary>Identity's refusals as validation errors on the form's fields, with their "Identity.*" message keys.</summary>
    internal static List<ValidationError> IdentityErrors(IdentityResult result, string passwordField) =>
    [
        .. result.Errors.Select(e => new ValidationError(
            e.Code.Contains("Password", StringComparison.Ordinal) ? passwordField : e.Code.Contains("UserName", StringComparison.Ordinal) ? "UserName" : e.Code.Contains("Email", StringComparison.Ordinal) ? "Email" : string.Empty,
            $"Identity.{e.Code}")),
    ];

    private static void Apply(UserAccount account, AppUser user)
    {
        user.FullName = account.FullName;
        user.Position = account.Position;
        user.Email = account.Email;
        user.Role = account.Role;
        user.OrganisationId = account.OrganisationId;
        user.ServiceId = account.ServiceId;
        user.IsActive = account.IsActive;
    }

    private IQueryable<AppUser> UsersOf(IQueryable<int> organisationIds) =>
        db.Users.AsNoTracking().Where(u => organisationIds.Contains(u.OrganisationId));
}

/// <summary>Answers from the identity store whether users are bound to a service.</summary>
public sealed class ServiceUsage(AppDbContext db) : IServiceUsage
{
    public Task<bool> HasUsersAsync(int serviceId, CancellationToken cancellationToken) =>
        db.Users.AnyAsync(u => u.ServiceId == serviceId, cancellationToken);
}
