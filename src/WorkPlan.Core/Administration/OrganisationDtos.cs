using WorkPlan.Core.Organisations;

namespace WorkPlan.Core.Administration;

/// <summary>A node of the organisation tree as an administrator sees it.</summary>
public sealed record OrganisationNode(int Id, int? ParentId, OrganisationKind Kind, string Name, string ShortName, string? DirectorName, int ServiceCount);

/// <summary>An organisation with its services, for its administration page.</summary>
public sealed record OrganisationDetails(
    int Id,
    int? ParentId,
    string? ParentName,
    OrganisationKind Kind,
    OrganisationKind? ChildKind,
    string Name,
    string ShortName,
    string? DirectorTitle,
    string? DirectorName,
    uint Version,
    IReadOnlyList<ServiceItem> Services,
    string DocumentLanguage = Reports.DocumentLanguages.Default);

public sealed record ServiceItem(int Id, int OrganisationId, string Name, string ShortName, uint Version);

/// <summary>What an administrator types to create or change an organisation.</summary>
/// <remarks><paramref name="DocumentLanguage"/>: the language of the centre's official documents ("uz", "ru", "en"); null keeps it.</remarks>
public sealed record SaveOrganisation(string Name, string? ShortName, string? DirectorTitle, string? DirectorName, uint Version = 0, string? DocumentLanguage = null);

/// <summary>What an administrator types to create or rename a service.</summary>
public sealed record SaveService(string Name, string? ShortName, uint Version = 0);
