using Microsoft.EntityFrameworkCore;
using WorkPlan.Core.Access;
using WorkPlan.Core.Auditing;
using WorkPlan.Core.Common;
using WorkPlan.Core.Organisations;
using WorkPlan.Core.Plans;

namespace WorkPlan.Core.Administration;

/// <summary>Administration of the organisation tree and of each organisation's services, within the administrator's branch.</summary>
public sealed class OrganisationAdminService(IAppDbContext db, ICurrentUser currentUser, AuditLog audit, IServiceUsage usage)
{
    public static class Messages
    {
        public const string NameRequired = "Admin.NameRequired";
        public const string NoChildren = "Admin.NoChildren";
        public const string DocumentLanguageUnknown = "Admin.DocumentLanguageUnknown";
        public const string ServiceInUse = "Admin.ServiceInUse";
        public const string DuplicateName = "Admin.DuplicateName";
    }

    /// <summary>The administrator's branch of the tree, in tree order (parents before their children).</summary>
    public async Task<IReadOnlyList<OrganisationNode>> TreeAsync(CancellationToken cancellationToken = default)
    {
        var nodes = await db.Organisations.AsNoTracking()
            .Where(AccessRules.OrganisationsAdministeredBy(currentUser.Required))
            .Select(o => new OrganisationNode(o.Id, o.ParentId, o.Kind, o.Name, o.ShortName, o.DirectorName, o.Services.Count))
            .ToListAsync(cancellationToken);
        var ordered = new List<OrganisationNode>(nodes.Count);
        void Visit(int? parentId)
        {
            foreach (var node in nodes.Where(n => n.ParentId == parentId).OrderBy(n => n.Name, StringComparer.CurrentCulture))
            {
                ordered.Add(node);
                Visit(node.Id);
            }
        }

        foreach (var root in nodes.Where(n => n.ParentId is null || nodes.All(p => p.Id != n.ParentId)).OrderBy(n => n.Name, StringComparer.CurrentCulture))
        {
            ordered.Add(root);
            Visit(root.Id);
        }

        return ordered;
    }

    public async Task<Result<OrganisationDetails>> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        var details = await db.Organisations.AsNoTracking()
            .Where(AccessRules.OrganisationsAdministeredBy(currentUser.Required))
            .Where(o => o.Id == id)
            .Select(o => new OrganisationDetails(
                o.Id,
                o.ParentId,
                o.Parent != null ? o.Parent.Name : null,
                o.Kind,
                o.Kind == OrganisationKind.National ? OrganisationKind.Regional : o.Kind == OrganisationKind.Regional ? OrganisationKind.District : null,
                o.Name,
                o.ShortName,
                o.DirectorTitle,
                o.DirectorName,
                o.Version,
                o.Services.OrderBy(s => s.SortOrder).Select(s => new ServiceItem(s.Id, s.OrganisationId, s.Name, s.ShortName, s.Version)).ToList(),
                o.DocumentLanguage))
            .SingleOrDefaultAsync(cancellationToken);
        return details is null ? Result<OrganisationDetails>.NotFound() : Result<OrganisationDetails>.Ok(details);
    }

    /// <summary>Adds a centre under one the administrator manages: a region under the national library, a district under a region.</summary>
    public Task<Result<int>> CreateAsync(int parentId, SaveOrganisation command, CancellationToken cancellationToken = default) =>
        db.InTransactionAsync(ct => CreateInTransactionAsync(parentId, command, ct), cancellationToken);

    private async Task<Result<int>> CreateInTransactionAsync(int parentId, SaveOrganisation command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var parent = await AdministeredAsync(parentId, cancellationToken);
        if (parent is null)
        {
            return Result<int>.NotFound();
        }

        if (parent.ChildKind is not { } kind)
        {
            return Result<int>.Invalid([new ValidationError(string.Empty, Messages.NoChildren)]);
        }

        if (Check(command) is { Count: > 0 } errors)
        {
            return Result<int>.Invalid(errors);
        }

        var organisation = new Organisation($"org-{Guid.NewGuid():N}"[..16], kind, command.Name.Trim(), command.ShortName ?? string.Empty, parent);
        organisation.SetDirector(command.DirectorTitle, command.DirectorName);
        if (command.DocumentLanguage is { } language)
        {
            organisation.SetDocumentLanguage(language);
        }

        db.Organisations.Add(organisation);
        await db.SaveChangesAsync(cancellationToken);
        audit.Record(AuditAction.OrganisationCreated, nameof(Organisation), organisation.Id, organisation.Id, null, Snapshot(organisation));
        await db.SaveChangesAsync(cancellationToken);
        return Result<int>.Ok(organisation.Id);
    }

    public async Task<Result> UpdateAsync(int id, SaveOrganisation command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var organisation = await AdministeredAsync(id, cancellationToken);
        if (organisation is null)
        {
            return Result.NotFound();
        }

        if (Check(command) is { Count: > 0 } errors)
        {
            return Result.Invalid(errors);
        }

        db.Entry(organisation).Property(o => o.Version).OriginalValue = command.Version;
        var before = Snapshot(organisation);
        organisation.Rename(command.Name, command.ShortName);
        organisation.SetDirector(command.DirectorTitle, command.DirectorName);
        if (command.DocumentLanguage is { } language)
        {
            organisation.SetDocumentLanguage(language);
        }

        audit.Record(AuditAction.OrganisationUpdated, nameof(Organisation), organisation.Id, organisation.Id, before, Snapshot(organisation));
        return await SaveAsync(cancellationToken);
    }

    public Task<Result<int>> AddServiceAsync(int organisationId, SaveService command, CancellationToken cancellationToken = default) =>
        db.InTransactionAsync(ct => AddServiceInTransactionAsync(organisationId, command, ct), cancellationToken);

    private async Task<Result<int>> AddServiceInTransactionAsync(int organisationId, SaveService command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var organisation = await db.Organisations
            .Where(AccessRules.OrganisationsAdministeredBy(currentUser.Required))
            .Include(o => o.Services)
            .SingleOrDefaultAsync(o => o.Id == organisationId, cancellationToken);
        if (organisation is null)
        {
            return Result<int>.NotFound();
        }

        if (Check(command, organisation.Services, null) is { Count: > 0 } errors)
        {
            return Result<int>.Invalid(errors);
        }

        var service = new ServiceUnit(organisation, $"svc-{Guid.NewGuid():N}"[..16], command.Name.Trim(), command.ShortName, organisation.Services.Count + 1);
        organisation.Services.Add(service);
        await db.SaveChangesAsync(cancellationToken);
        audit.Record(AuditAction.ServiceCreated, "Service", service.Id, organisation.Id, null, Snapshot(service));
        await db.SaveChangesAsync(cancellationToken);
        return Result<int>.Ok(service.Id);
    }

    public async Task<Result<ServiceItem>> GetServiceAsync(int id, CancellationToken cancellationToken = default)
    {
        var service = await AdministeredServices()
            .Where(s => s.Id == id)
            .Select(s => new ServiceItem(s.Id, s.OrganisationId, s.Name, s.ShortName, s.Version))
            .SingleOrDefaultAsync(cancellationToken);
        return service is null ? Result<ServiceItem>.NotFound() : Result<ServiceItem>.Ok(service);
    }

    public async Task<Result> UpdateServiceAsync(int id, SaveService command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var service = await AdministeredServices().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (service is null)
        {
            return Result.NotFound();
        }

        var siblings = await db.Services.Where(s => s.OrganisationId == service.OrganisationId).ToListAsync(cancellationToken);
        if (Check(command, siblings, service.Id) is { Count: > 0 } errors)
        {
            return Result.Invalid(errors);
        }

        db.Entry(service).Property(s => s.Version).OriginalValue = command.Version;
        var before = Snapshot(service);
        service.Rename(command.Name, command.ShortName);
        audit.Record(AuditAction.ServiceUpdated, "Service", service.Id, service.OrganisationId, before, Snapshot(service));
        return await SaveAsync(cancellationToken);
    }

    /// <summary>Deletes a service that no indicator and no user refers to.</summary>
    public async Task<Result> DeleteServiceAsync(int id, CancellationToken cancellationToken = default)
    {
        var service = await AdministeredServices().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (service is null)
        {
            return Result.NotFound();
        }

        var usedByIndicators = await db.Indicators.WithWithdrawn().AnyAsync(i => i.Services.Any(s => s.Id == id) || i.InForceServices.Any(r => r.ServiceId == id), cancellationToken);
        if (usedByIndicators || await usage.HasUsersAsync(id, cancellationToken))
        {
            return Result.Invalid([new ValidationError(string.Empty, Messages.ServiceInUse)]);
        }

        db.Services.Remove(service);
        audit.Record(AuditAction.ServiceDeleted, "Service", service.Id, service.OrganisationId, Snapshot(service), null);
        return await SaveAsync(cancellationToken);
    }

    private IQueryable<ServiceUnit> AdministeredServices()
    {
        var organisations = db.Organisations.Where(AccessRules.OrganisationsAdministeredBy(currentUser.Required)).Select(o => o.Id);
        return db.Services.Where(s => organisations.Contains(s.OrganisationId));
    }

    private Task<Organisation?> AdministeredAsync(int id, CancellationToken cancellationToken) =>
        db.Organisations.Where(AccessRules.OrganisationsAdministeredBy(currentUser.Required)).SingleOrDefaultAsync(o => o.Id == id, cancellationToken);

    private async Task<Result> SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return Result.Ok();
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result.Conflict();
        }
    }

    private static List<ValidationError> Check(SaveOrganisation command)
    {
        var errors = new List<ValidationError>();
        if (string.IsNullOrWhiteSpace(command.Name))
        {
            errors.Add(new ValidationError(nameof(command.Name), Messages.NameRequired));
        }

        errors.AddRange(CheckNames(command.Name, command.ShortName));
        errors.AddRange(FieldLimits.Check(command.DirectorTitle, FieldLimits.SignatureTitle, nameof(command.DirectorTitle), TextKind.Line));
        errors.AddRange(FieldLimits.Check(command.DirectorName, FieldLimits.SignatureName, nameof(command.DirectorName), TextKind.Line));
        if (command.DocumentLanguage is not null && !Reports.DocumentLanguages.IsKnown(command.DocumentLanguage))
        {
            errors.Add(new ValidationError(nameof(command.DocumentLanguage), Messages.DocumentLanguageUnknown));
        }

        return errors;
    }

    private static List<ValidationError> Check(SaveService command, IEnumerable<ServiceUnit> siblings, int? selfId)
    {
        if (string.IsNullOrWhiteSpace(command.Name))
        {
            return [new ValidationError(nameof(command.Name), Messages.NameRequired)];
        }

        if (CheckNames(command.Name, command.ShortName) is { Count: > 0 } badText)
        {
            return badText;
        }

        return siblings.Any(s => s.Id != selfId && UzbekText.SameName(s.Name, command.Name))
            ? [new ValidationError(nameof(command.Name), Messages.DuplicateName)]
            : [];
    }

    /// <summary>The full and short name of an organisation or a service: within their lengths, one visible line each.</summary>
    private static List<ValidationError> CheckNames(string? name, string? shortName) =>
    [
        .. FieldLimits.Check(name, FieldLimits.Name, nameof(SaveService.Name), TextKind.Line),
        .. FieldLimits.Check(shortName, FieldLimits.ShortName, nameof(SaveService.ShortName), TextKind.Line),
    ];

    private static object Snapshot(Organisation o) => new { o.Name, o.ShortName, o.Kind, o.ParentId, o.DirectorTitle, o.DirectorName, o.DocumentLanguage };

    private static object Snapshot(ServiceUnit s) => new { s.Name, s.ShortName, s.OrganisationId };
}

/// <summary>Answers whether users are bound to a service (users live in the identity store).</summary>
public interface IServiceUsage
{
    Task<bool> HasUsersAsync(int serviceId, CancellationToken cancellationToken);
}
