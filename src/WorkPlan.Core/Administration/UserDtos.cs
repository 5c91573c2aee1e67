using WorkPlan.Core.Organisations;

namespace WorkPlan.Core.Administration;

/// <summary>A line of the users list.</summary>
public sealed record UserSummary(
    string Id, string UserName, string FullName, string Role, string OrganisationName, string? ServiceName,
    bool IsActive, bool LockedOut, bool TwoFactorEnabled);

/// <summary>A user as the edit form shows them.</summary>
public sealed record UserDetails(
    string Id, string UserName, string FullName, string? Email, string Role, int OrganisationId, int? ServiceId,
    bool IsActive, bool TwoFactorEnabled, string ConcurrencyStamp, string? Position = null);

/// <summary>The organisations and services an administrator may assign, for the user forms.</summary>
public sealed record UserFormOptions(IReadOnlyList<OrganisationOption> Organisations, IReadOnlyList<ServiceOption> Services);

public sealed record OrganisationOption(int Id, string Name, OrganisationKind Kind);

public sealed record ServiceOption(int Id, int OrganisationId, string Name);

public sealed record UserFilter(int? OrganisationId, string? Search, int Page = 1);

public sealed record CreateUser(string UserName, string FullName, string? Email, string Role, int OrganisationId, int? ServiceId, string Password, string? Position = null);

public sealed record UpdateUser(string FullName, string? Email, string Role, int OrganisationId, int? ServiceId, string ConcurrencyStamp, string? Position = null);
