namespace WorkPlan.Core.Auditing;

/// <summary>
/// What an audit entry says happened. The list below is every action the code can record (the audit log
/// takes nothing else), and each has a label "Audit.{Key}" in the resources.
/// </summary>
public sealed class AuditAction
{
    public static readonly AuditAction OrganisationCreated = new("Organisation.Created");
    public static readonly AuditAction OrganisationUpdated = new("Organisation.Updated");
    public static readonly AuditAction ServiceCreated = new("Service.Created");
    public static readonly AuditAction ServiceUpdated = new("Service.Updated");
    public static readonly AuditAction ServiceDeleted = new("Service.Deleted");
    public static readonly AuditAction UserCreated = new("User.Created");
    public static readonly AuditAction UserUpdated = new("User.Updated");
    public static readonly AuditAction UserActivated = new("User.Activated");
    public static readonly AuditAction UserDeactivated = new("User.Deactivated");
    public static readonly AuditAction UserPasswordReset = new("User.PasswordReset");
    public static readonly AuditAction CatalogueBuilt = new("Catalogue.Built");
    public static readonly AuditAction CatalogueItemAdded = new("Catalogue.ItemAdded");
    public static readonly AuditAction CatalogueItemChanged = new("Catalogue.ItemChanged");
    public static readonly AuditAction CatalogueItemDeleted = new("Catalogue.ItemDeleted");
    public static readonly AuditAction CataloguePublished = new("Catalogue.Published");
    public static readonly AuditAction CatalogueMapped = new("Catalogue.Mapped");
    public static readonly AuditAction NationalCatalogueBuilt = new("NationalCatalogue.Built");
    public static readonly AuditAction NationalCatalogueItemAdded = new("NationalCatalogue.ItemAdded");
    public static readonly AuditAction NationalCatalogueItemChanged = new("NationalCatalogue.ItemChanged");
    public static readonly AuditAction NationalCatalogueItemDeleted = new("NationalCatalogue.ItemDeleted");
    public static readonly AuditAction NationalCataloguePublished = new("NationalCatalogue.Published");
    public static readonly AuditAction NationalCatalogueMapped = new("NationalCatalogue.Mapped");
    public static readonly AuditAction MonthReopened = new("Month.Reopened");
    public static readonly AuditAction MonthReopenRequested = new("Month.ReopenRequested");
    public static readonly AuditAction MonthReopenDeclined = new("Month.ReopenDeclined");

    private AuditAction(string key) => Key = key;

    /// <summary>The stored value, e.g. "User.Created"; the resource label is "Audit." + Key.</summary>
    public string Key { get; }

    /// <summary>Every action the code can record.</summary>
    public static IReadOnlyList<AuditAction> All { get; } =
    [
        OrganisationCreated, OrganisationUpdated, ServiceCreated, ServiceUpdated, ServiceDeleted,
        UserCreated, UserUpdated, UserActivated, UserDeactivated, UserPasswordReset,
        CatalogueBuilt, CatalogueItemAdded, CatalogueItemChanged, CatalogueItemDeleted, CataloguePublished, CatalogueMapped,
        NationalCatalogueBuilt, NationalCatalogueItemAdded, NationalCatalogueItemChanged, NationalCatalogueItemDeleted, NationalCataloguePublished, NationalCatalogueMapped,
        MonthReopened, MonthReopenRequested, MonthReopenDeclined,
    ];

    public override string ToString() => Key;
}
