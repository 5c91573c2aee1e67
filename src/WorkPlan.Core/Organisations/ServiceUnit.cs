namespace WorkPlan.Core.Organisations;

/// <summary>
/// A service (xizmat): a department of a centre that is responsible for indicators. Named a unit so that it is
/// not read as one of the use-case classes, which end in Service.
/// </summary>
public class ServiceUnit
{
    private ServiceUnit()
    {
        Code = Name = ShortName = string.Empty;
    }

    public ServiceUnit(Organisation organisation, string code, string name, string? shortName, int sortOrder)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Organisation = organisation;
        Code = code;
        Name = name;
        ShortName = string.IsNullOrWhiteSpace(shortName) ? name : shortName;
        SortOrder = sortOrder;
    }

    public int Id { get; private set; }

    public int OrganisationId { get; private set; }

    public Organisation? Organisation { get; private set; }

    public string Code { get; private set; }

    public string Name { get; private set; }

    public string ShortName { get; private set; }

    public int SortOrder { get; private set; }

    /// <summary>Row version (PostgreSQL xmin) for optimistic concurrency.</summary>
    public uint Version { get; private set; }

    public void Rename(string name, string? shortName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name.Trim();
        ShortName = string.IsNullOrWhiteSpace(shortName) ? Name : shortName.Trim();
    }
}
