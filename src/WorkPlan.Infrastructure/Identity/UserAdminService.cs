using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using WorkPlan.Core.Access;
using WorkPlan.Core.Administration;
using WorkPlan.Core.Auditing;
using WorkPlan.Core.Common;
using WorkPlan.Infrastructure.Data;

namespace WorkPlan.Infrastructure.Identity;

/// <summary>Administration of user accounts within the administrator's branch of the organisation tree.</summary>
public sealed class UserAdminService(AppDbContext db, UserManager<AppUser> users, ICurrentUser currentUser, AuditLog audit, TimeProvider clock)
{
    public const int PageSize = 50;

    /// <summary>Users of the organisations the administrator manages, filtered and paged.</summary>
    public async Task<PagedList<UserSummary>> ListAsync(UserFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var now = clock.GetUtcNow();
        var query = AdministeredUsers();
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
        var page = PagedList<UserSummary>.Clamp(filter.Page, total, PageSize);
        var items = await query
            .OrderBy(u => u.Organisation!.Name).ThenBy(u => u.FullName)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(u => new UserSummary(
                u.Id, u.UserName!, u.FullName, u.Role, u.Organisation!.ShortName, u.Service != null ? u.Service.Name : null,
                u.IsActive, u.LockoutEnd != null && u.LockoutEnd > now, u.TwoFactorEnabled))
            .ToListAsync(cancellationToken);
        return new PagedList<UserSummary>(items, page, PageSize, total);
    }

    public async Task<Result<UserDetails>> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        var user = await AdministeredUsers().Where(u => u.Id == id)
            .Select(u => new UserDetails(u.Id, u.UserName!, u.FullName, u.Email, u.Role, u.OrganisationId, u.ServiceId, u.IsActive, u.TwoFactorEnabled, u.ConcurrencyStamp!, u.Position))
            .SingleOrDefaultAsync(cancellationToken);
        return user is null ? Result<UserDetails>.NotFound() : Result<UserDetails>.Ok(user);
    }

    /// <summary>The organisations and services the administrator may assign.</summary>
    public async Task<UserFormOptions> FormOptionsAsync(CancellationToken cancellationToken = default)
    {
        var organisations = await db.Organisations.AsNoTracking()
            .Where(AccessRules.OrganisationsAdministeredBy(currentUser.Required))
            .OrderBy(o => o.Kind).ThenBy(o => o.Name)
            .Select(o => new OrganisationOption(o.Id, o.Name, o.Kind))
            .ToListAsync(cancellationToken);
        var ids = organisations.Select(o => o.Id).ToList();
        var services = await db.Services.AsNoTracking()
            .Where(s => ids.Contains(s.OrganisationId))
            .OrderBy(s => s.OrganisationId).ThenBy(s => s.SortOrder)
            .Select(s => new ServiceOption(s.Id, s.OrganisationId, s.Name))
            .ToListAsync(cancellationToken);
        return new UserFormOptions(organisations, services);
    }

    public Task<Result<string>> CreateAsync(CreateUser command, CancellationToken cancellationToken = default) =>
        db.InTransactionAsync(ct => CreateInTransactionAsync(command, ct), cancellationToken);

    private async Task<Result<string>> CreateInTransactionAsync(CreateUser command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var errors = await CheckAsync(command.FullName, command.Position, command.Role, command.OrganisationId, command.ServiceId, cancellationToken);
        if (errors is null)
        {
            return Result<string>.NotFound();
        }

        if (errors.Count > 0)
        {
            return Result<string>.Invalid(errors);
        }

        var user = new AppUser
        {
            UserName = command.UserName.Trim(),
            Email = string.IsNullOrWhiteSpace(command.Email) ? null : command.Email.Trim(),
            FullName = command.FullName.Trim(),
            Position = string.IsNullOrWhiteSpace(command.Position) ? null : command.Position.Trim(),
            Role = command.Role,
            OrganisationId = command.OrganisationId,
            ServiceId = command.ServiceId,
            IsActive = true,
            MustChangePassword = true,
            LockoutEnabled = true,
            CreatedAt = clock.GetUtcNow(),
        };
        var created = await users.CreateAsync(user, command.Password);
        if (!created.Succeeded)
        {
            return Result<string>.Invalid(IdentityErrors(created, nameof(command.Password)));
        }

        audit.Record(AuditAction.UserCreated, "User", user.Id, user.OrganisationId, null, Snapshot(user));
        await db.SaveChangesAsync(cancellationToken);
        return Result<string>.Ok(user.Id);
    }

    public Task<Result> UpdateAsync(string id, UpdateUser command, CancellationToken cancellationToken = default) =>
        db.InTransactionAsync(ct => UpdateInTransactionAsync(id, command, ct), cancellationToken);

    private async Task<Result> UpdateInTransactionAsync(string id, UpdateUser command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var user = await AdministeredUsers().AsTracking().SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (user is null)
        {
            return Result.NotFound();
        }

        var errors = await CheckAsync(command.FullName, command.Position, command.Role, command.OrganisationId, command.ServiceId, cancellationToken);
        if (errors is null)
        {
            return Result.NotFound();
        }

        if (errors.Count > 0)
        {
            return Result.Invalid(errors);
        }

        var ownAccess = UserRules.CheckOwnAccess(
            user.Id == currentUser.Required.UserId, user.Role != command.Role, user.OrganisationId != command.OrganisationId, user.ServiceId != command.ServiceId);
        if (ownAccess.Count > 0)
        {
            return Result.Invalid(ownAccess);
        }

        if (user.ConcurrencyStamp != command.ConcurrencyStamp)
        {
            return Result.Conflict();
        }

        var before = Snapshot(user);
        var accessChanged = user.Role != command.Role || user.OrganisationId != command.OrganisationId || user.ServiceId != command.ServiceId;
        user.FullName = command.FullName.Trim();
        user.Position = string.IsNullOrWhiteSpace(command.Position) ? null : command.Position.Trim();
        user.Email = string.IsNullOrWhiteSpace(command.Email) ? null : command.Email.Trim();
        user.Role = command.Role;
        user.OrganisationId = command.OrganisationId;
        user.ServiceId = command.ServiceId;
        return await SaveUserAsync(user, AuditAction.UserUpdated, before, accessChanged, cancellationToken);
    }

    /// <summary>Deactivates (or reactivates) an account; a deactivated user's open sessions end at the next stamp check.</summary>
    public Task<Result> SetActiveAsync(string id, bool active, CancellationToken cancellationToken = default) =>
        db.InTransactionAsync(ct => SetActiveInTransactionAsync(id, active, ct), cancellationToken);

    private async Task<Result> SetActiveInTransactionAsync(string id, bool active, CancellationToken cancellationToken)
    {
        var user = await AdministeredUsers().AsTracking().SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (user is null)
        {
            return Result.NotFound();
        }

        if (!active && user.Id == currentUser.Required.UserId)
        {
            return Result.Invalid([new ValidationError(string.Empty, UserRules.Messages.CannotDeactivateSelf)]);
        }

        var before = Snapshot(user);
        user.IsActive = active;
        return await SaveUserAsync(user, active ? AuditAction.UserActivated : AuditAction.UserDeactivated, before, endSessions: !active, cancellationToken);
    }

    /// <summary>
    /// Sets a new temporary password (shown once to the administrator) that the user must change; ends their sessions
    /// and lockout. The old password stops working. The second factor is left as it is: the temporary password opens
    /// an account that has one only together with the owner's authenticator or recovery code, which the administrator
    /// never holds, so the administrator cannot become the owner.
    /// </summary>
    public Task<Result<string>> ResetPasswordAsync(string id, CancellationToken cancellationToken = default) =>
        db.InTransactionAsync(ct => ResetPasswordInTransactionAsync(id, ct), cancellationToken);

    private async Task<Result<string>> ResetPasswordInTransactionAsync(string id, CancellationToken cancellationToken)
    {
        var user = await AdministeredUsers().AsTracking().SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (user is null)
        {
            return Result<string>.NotFound();
        }

        var password = TemporaryPassword();
        user.PasswordHash = users.PasswordHasher.HashPassword(user, password);
        user.MustChangePassword = true;
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        await users.UpdateSecurityStampAsync(user);
        await DbTicketStore.EndSessionsAsync(db, user.Id, cancellationToken);
        audit.Record(AuditAction.UserPasswordReset, "User", user.Id, user.OrganisationId, null, null);
        await db.SaveChangesAsync(cancellationToken);
        return Result<string>.Ok(password);
    }

    /// <summary>A random password of 16 characters from an alphabet without look-alikes (about 90 bits).</summary>
    public static string TemporaryPassword()
    {
        const string alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return RandomNumberGenerator.GetString(alphabet, 16);
    }

    internal static List<ValidationError> IdentityErrors(IdentityResult result, string passwordField) =>
    [
        .. result.Errors.Select(e => new ValidationError(
            e.Code.Contains("Password", StringComparison.Ordinal) ? passwordField : e.Code.Contains("UserName", StringComparison.Ordinal) ? "UserName" : e.Code.Contains("Email", StringComparison.Ordinal) ? "Email" : string.Empty,
            $"Identity.{e.Code}")),
    ];

    private IQueryable<AppUser> AdministeredUsers()
    {
        var organisations = db.Organisations.Where(AccessRules.OrganisationsAdministeredBy(currentUser.Required)).Select(o => o.Id);
        return db.Users.AsNoTracking().Where(u => organisations.Contains(u.OrganisationId));
    }

    /// <summary>Null when the organisation or service is outside the administrator's reach (a foreign id).</summary>
    private async Task<List<ValidationError>?> CheckAsync(string fullName, string? position, string role, int organisationId, int? serviceId, CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.AsNoTracking()
            .Where(AccessRules.OrganisationsAdministeredBy(currentUser.Required))
            .Where(o => o.Id == organisationId)
            .Select(o => new { o.Kind })
            .SingleOrDefaultAsync(cancellationToken);
        if (organisation is null)
        {
            return null;
        }

        int? serviceOrganisation = null;
        if (serviceId is { } sid)
        {
            serviceOrganisation = await db.Services.Where(s => s.Id == sid).Select(s => (int?)s.OrganisationId).SingleOrDefaultAsync(cancellationToken);
        }

        var errors = UserRules.CheckAssignment(role, organisation.Kind, organisationId, serviceId, serviceOrganisation).ToList();
        if (string.IsNullOrWhiteSpace(fullName))
        {
            errors.Add(new ValidationError("FullName", UserRules.Messages.FullNameRequired));
        }

        errors.AddRange(UserRules.CheckNames(fullName, position));

        return errors;
    }

    private async Task<Result> SaveUserAsync(AppUser user, AuditAction action, object before, bool endSessions, CancellationToken cancellationToken)
    {
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

        audit.Record(action, "User", user.Id, user.OrganisationId, before, Snapshot(user));
        await db.SaveChangesAsync(cancellationToken);
        return Result.Ok();
    }

    private static object Snapshot(AppUser u) => new { u.UserName, u.FullName, u.Position, u.Email, u.Role, u.OrganisationId, u.ServiceId, u.IsActive };
}

/// <summary>Answers from the identity store whether users are bound to a service.</summary>
public sealed class ServiceUsage(AppDbContext db) : IServiceUsage
{
    public Task<bool> HasUsersAsync(int serviceId, CancellationToken cancellationToken) =>
        db.Users.AnyAsync(u => u.ServiceId == serviceId, cancellationToken);
}
