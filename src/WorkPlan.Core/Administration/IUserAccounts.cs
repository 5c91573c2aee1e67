using WorkPlan.Core.Common;

namespace WorkPlan.Core.Administration;

/// <summary>
/// What an account holds that its administration sets, in the order its audit entries show it. The user name is
/// chosen once, at creation.
/// </summary>
public sealed record UserAccount(
    string UserName, string FullName, string? Position, string? Email, string Role, int OrganisationId, int? ServiceId, bool IsActive);

/// <summary>
/// The stored user accounts (the identity store), as the administration use cases (<see cref="UserAdminService"/>)
/// need them. It reads and writes what it is told; who may do what, and what is valid, the use cases decide.
/// The identity store's own checks (password policy, unique user name) come back as <see cref="Result.Invalid"/>.
/// </summary>
public interface IUserAccounts
{
    /// <summary>A page of the accounts of <paramref name="organisationIds"/>, narrowed by the filter, ordered by centre and name.</summary>
    Task<PagedList<UserSummary>> ListAsync(IQueryable<int> organisationIds, UserFilter filter, int pageSize, CancellationToken cancellationToken);

    /// <summary>The account with this id, when it belongs to one of <paramref name="organisationIds"/>.</summary>
    Task<UserDetails?> FindAsync(IQueryable<int> organisationIds, string id, CancellationToken cancellationToken);

    /// <summary>
    /// Stores a new account with this password; <paramref name="mustChangePassword"/> keeps its owner on the password
    /// page until they choose their own. Returns the new account's id.
    /// </summary>
    Task<Result<string>> CreateAsync(UserAccount account, string password, bool mustChangePassword, CancellationToken cancellationToken);

    /// <summary>
    /// Stores the account's new state (all but the user name), unless it changed since <paramref name="concurrencyStamp"/>
    /// was read (then Conflict). <paramref name="endSessions"/> ends every open session of the account.
    /// </summary>
    Task<Result> UpdateAsync(string id, UserAccount account, string concurrencyStamp, bool endSessions, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the account's password with <paramref name="temporaryPassword"/>, which the owner must change at their next
    /// sign-in; the lockout is lifted and every open session ends. The second factor stays as it is.
    /// </summary>
    Task ResetPasswordAsync(string id, string temporaryPassword, CancellationToken cancellationToken);
}
