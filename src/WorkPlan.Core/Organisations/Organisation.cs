namespace WorkPlan.Core.Organisations;

/// <summary>The level of a library-information centre in the national tree.</summary>
public enum OrganisationKind
{
    National,
    Regional,
    District,
}

/// <summary>A library-information centre (AKM): national, regional or district.</summary>
public class Organisation
{
    private Organisation()
    {
        Code = Name = ShortName = string.Empty;
    }

    public Organisation(string code, OrganisationKind kind, string name, string shortName, Organisation? parent)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (kind != OrganisationKind.National && parent is null)
        {
            throw new ArgumentException("A regional or district centre must have a parent.", nameof(parent));
        }

        Code = code;
        Kind = kind;
        Name = name;
        ShortName = string.IsNullOrWhiteSpace(shortName) ? name : shortName;
        Parent = parent;

        // A centre's region is settled here, once, from its parent: the parent when it is a regional centre,
        // otherwise the parent's own region (none above a region).
        Region = parent?.Kind == OrganisationKind.Regional ? parent : parent?.Region;
        RegionId = parent?.Kind == OrganisationKind.Regional ? NullIfUnsaved(parent.Id) : parent?.RegionId;
    }

    public int Id { get; private set; }

    /// <summary>A stable, unique code used by data files and imports.</summary>
    public string Code { get; private set; }

    public OrganisationKind Kind { get; private set; }

    public int? ParentId { get; private set; }

    public Organisation? Parent { get; private set; }

    /// <summary>
    /// The regional centre this centre belongs to: a district's region; null for a regional centre (it is its own
    /// region) and for the national centre. Stored, so that "in this region" is one comparison however deep the tree.
    /// </summary>
    public int? RegionId { get; private set; }

    public Organisation? Region { get; private set; }

    /// <summary>
    /// The region a centre works in, for queries: a district's region, a regional centre itself (its own plan is one of
    /// its region's), none for the national centre.
    /// </summary>
    public static System.Linq.Expressions.Expression<Func<Organisation, int?>> RegionOrSelf { get; } =
        o => o.Kind == OrganisationKind.Regional ? o.Id : o.RegionId;

    private static readonly Func<Organisation, int?> RegionOrSelfOf = RegionOrSelf.Compile();

    /// <summary>The centres of a region for queries: its districts and the regional centre itself.</summary>
    public static System.Linq.Expressions.Expression<Func<Organisation, bool>> OfRegion(int regionId) =>
        o => o.RegionId == regionId || o.Id == regionId;

    /// <summary><see cref="RegionOrSelf"/> of a loaded centre.</summary>
    public int? WorksInRegionId => RegionOrSelfOf(this);

    public string Name { get; private set; }

    public string ShortName { get; private set; }

    /// <summary>The director's title line as it appears in signature blocks.</summary>
    public string? DirectorTitle { get; private set; }

    public string? DirectorName { get; private set; }

    /// <summary>The language of the centre's official documents (plan, report, consolidation): "uz" unless set otherwise.</summary>
    public string DocumentLanguage { get; private set; } = Reports.DocumentLanguages.Default;

    public ICollection<ServiceUnit> Services { get; private set; } = [];

    /// <summary>Row version (PostgreSQL xmin) for optimistic concurrency.</summary>
    public uint Version { get; private set; }

    /// <summary>The kind of centre that sits directly below this one, or null for a district.</summary>
    public OrganisationKind? ChildKind => Kind switch
    {
        OrganisationKind.National => OrganisationKind.Regional,
        OrganisationKind.Regional => OrganisationKind.District,
        _ => null,
    };

    private static int? NullIfUnsaved(int id) => id == 0 ? null : id;

    public void Rename(string name, string? shortName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name.Trim();
        ShortName = string.IsNullOrWhiteSpace(shortName) ? Name : shortName.Trim();
    }

    public void SetDocumentLanguage(string language)
    {
        if (!Reports.DocumentLanguages.IsKnown(language))
        {
            throw new ArgumentOutOfRangeException(nameof(language), language, "Not a document language.");
        }

        DocumentLanguage = language;
    }

    public void SetDirector(string? title, string? name)
    {
        DirectorTitle = string.IsNullOrWhiteSpace(title) ? null : title.Trim();
        DirectorName = string.IsNullOrWhiteSpace(name) ? null : name.Trim();
    }
}
