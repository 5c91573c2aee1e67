using WorkPlan.Core.Organisations;

namespace WorkPlan.Core.Common;

/// <summary>
/// Who is acting: their role, organisation (and its kind), for a service head their service, and the full
/// name and position a signature line prints.
/// </summary>
public sealed record CurrentUser(
    string UserId,
    string UserName,
    string Role,
    int OrganisationId,
    OrganisationKind OrganisationKind,
    int? ServiceId,
    string? FullName = null,
    string? Position = null)
{
    /// <summary>The name that goes on a signature line: the full name, or the user name when none is recorded.</summary>
    public string DisplayName => string.IsNullOrWhiteSpace(FullName) ? UserName : FullName;

    public bool IsInRole(string role) => string.Equals(Role, role, StringComparison.Ordinal);
}

/// <summary>The user of the current request, or null when nobody is signed in.</summary>
public interface ICurrentUser
{
    CurrentUser? User { get; }

    /// <summary>The signed-in user; use cases that require one call this.</summary>
    CurrentUser Required => User ?? throw new InvalidOperationException("This use case needs a signed-in user.");
}
