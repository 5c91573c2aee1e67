using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using WorkPlan.Core.Access;
using WorkPlan.Core.Auditing;
using WorkPlan.Core.Common;

namespace WorkPlan.Core.Administration;

/// <summary>Administration of user accounts within the administrator's branch of the organisation tree.</summary>
public sealed class UserAdminService(IAppDbContext db, IUserAccounts accounts, ICurrentUser currentUser, AuditLog audit)
{
    public const int PageSize = 50;

    /// <summary>Users of the organisations the administrator manages, filtered and paged.</summary>
    public Task<PagedList<UserSummary>> ListAsync(UserFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return accounts.ListAsync(AdministeredOrganisations(), filter, PageSize, cancellationToken);
    }

    public async Task<Result<UserDetails>> GetAsync(string id, CancellationToken cancellationToken = default) =>
        await accounts.FindAsync(AdministeredOrganisations(), id, cancellationToken) is { } user
            ? Result<UserDetails>.Ok(user)
            : Result<UserDetails>.NotFound();

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

    /// <summary>Creates an active account whose owner must replace the password the administrator chose.</summary>
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

        var account = new UserAccount(
            command.UserName.Trim(), command.FullName.Trim(), Optional(command.Position), Optional(command.Email),
            command.Role, command.OrganisationId, command.ServiceId, IsActive: true);
        var created = await accounts.CreateAsync(account, command.Password, mustChangePassword: true, cancellationToken);
        if (!created.IsOk)
        {
            return created;
        }

        audit.Record(AuditAction.UserCreated, "User", created.Value, account.OrganisationId, null, account);
        await db.SaveChangesAsync(cancellationToken);
        return created;
    }

    /// <summary>Changes an account's name, contact and access; a change of access ends the account's open sessions.</summary>
    public Task<Result> UpdateAsync(string id, UpdateUser command, CancellationToken cancellationToken = default) =>
        db.InTransactionAsync(ct => UpdateInTransactionAsync(id, command, ct), cancellationToken);

    private async Task<Result> UpdateInTransactionAsync(string id, UpdateUser command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var user = await accounts.FindAsync(AdministeredOrganisations(), id, cancellationToken);
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

        var roleChanged = user.Role != command.Role;
        var organisationChanged = user.OrganisationId != command.OrganisationId;
        var serviceChanged = user.ServiceId != command.ServiceId;
        var ownAccess = UserRules.CheckOwnAccess(currentUser.Required, user.Id, roleChanged, organisationChanged, serviceChanged);
        if (ownAccess.Count > 0)
        {
            return Result.Invalid(ownAccess);
        }

        var after = AccountOf(user) with
        {
            FullName = command.FullName.Trim(),
            Position = Optional(command.Position),
            Email = Optional(command.Email),
            Role = command.Role,
            OrganisationId = command.OrganisationId,
            ServiceId = command.ServiceId,
        };
        var accessChanged = roleChanged || organisationChanged || serviceChanged;
        return await SaveAsync(user, after, command.ConcurrencyStamp, AuditAction.UserUpdated, endSessions: accessChanged, cancellationToken);
    }

    /// <summary>Deactivates (or reactivates) an account; a deactivated user's open sessions end.</summary>
    public Task<Result> SetActiveAsync(string id, bool active, CancellationToken cancellationToken = default) =>
        db.InTransactionAsync(ct => SetActiveInTransactionAsync(id, active, ct), cancellationToken);

    private async Task<Result> SetActiveInTransactionAsync(string id, bool active, CancellationToken cancellationToken)
    {
        var user = await accounts.FindAsync(AdministeredOrganisations(), id, cancellationToken);
        if (user is null)
        {
            return Result.NotFound();
        }

        if (!active && !AccessRules.CanDeactivate(currentUser.Required, user.Id))
        {
            return Result.Invalid([new ValidationError(string.Empty, UserRules.Messages.CannotDeactivateSelf)]);
        }

        var action = active ? AuditAction.UserActivated : AuditAction.UserDeactivated;
        return await SaveAsync(user, AccountOf(user) with { IsActive = active }, user.ConcurrencyStamp, action, endSessions: !active, cancellationToken);
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
        var user = await accounts.FindAsync(AdministeredOrganisations(), id, cancellationToken);
        if (user is null)
        {
            return Result<string>.NotFound();
        }

        var password = TemporaryPassword();
        await accounts.ResetPasswordAsync(user.Id, password, cancellationToken);
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

    /// <summary>The ids of the organisations whose accounts the administrator manages (<see cref="AccessRules.OrganisationsAdministeredBy"/>).</summary>
    private IQueryable<int> AdministeredOrganisations() =>
        db.Organisations.Where(AccessRules.OrganisationsAdministeredBy(currentUser.Required)).Select(o => o.Id);

    /// <summary>Null when the organisation is outside the administrator's reach (a foreign id).</summary>
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

    private async Task<Result> SaveAsync(
        UserDetails user, UserAccount after, string concurrencyStamp, AuditAction action, bool endSessions, CancellationToken cancellationToken)
    {
        var saved = await accounts.UpdateAsync(user.Id, after, concurrencyStamp, endSessions, cancellationToken);
        if (!saved.IsOk)
        {
            return saved;
        }

        audit.Record(action, "User", user.Id, after.OrganisationId, AccountOf(user), after);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Ok();
    }

    private static UserAccount AccountOf(UserDetails user) =>
        new(user.UserName, user.FullName, user.Position, user.Email, user.Role, user.OrganisationId, user.ServiceId, user.IsActive);

    private static string? Optional(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
