using Microsoft.EntityFrameworkCore;
using WorkPlan.Core.Access;
using WorkPlan.Core.Common;

namespace WorkPlan.Core.Auditing;

/// <summary>
/// A value of an audit entry as the page shows it: either text as it was (a name, a number) or a resource key
/// to translate (a role, a kind of organisation, yes/no). Ids of organisations and services are already names.
/// </summary>
public sealed record AuditValue(string Text, string? ResourceKey = null, DateTimeOffset? At = null, decimal? Number = null)
{
    /// <summary>A number, shown as users write numbers ("11 340").</summary>
    public static AuditValue? Of(decimal? number) => number is { } n ? new(n.ToString(System.Globalization.CultureInfo.InvariantCulture), Number: n) : null;

    /// <summary>Text as it was; nothing for no text.</summary>
    public static AuditValue? Of(string? text) => text is null ? null : new(text);
}

/// <summary>One field of an audit entry: its name (label "Audit.Field.{Field}") and its value before and after.</summary>
public sealed record AuditDetail(string Field, AuditValue? Before, AuditValue? After);

/// <summary>
/// A line of the audit log: when, who (by name), what (label "Audit.{Action}"), and the fields it changed
/// (for a change only the fields whose value changed; for a creation or deletion every field). A list (the rows
/// a catalogue mapping changed) gives one group of details per item.
/// </summary>
public sealed record AuditLine(
    long Id, DateTimeOffset At, Person By, string Action, string EntityType, string EntityId, string? OrganisationName,
    IReadOnlyList<IReadOnlyList<AuditDetail>> Details);

/// <summary>
/// Reading the audit log: administrators see the three trails (<see cref="AuditTrail"/>) of their branch of the
/// organisation tree as one list, newest first, every value in words.
/// </summary>
public sealed class AuditQueryService(IAppDbContext db, ICurrentUser currentUser, IPeople people)
{
    public const int PageSize = 100;

    public async Task<PagedList<AuditLine>> ListAsync(string? entityType, string? entityId, int page, CancellationToken cancellationToken = default)
    {
        var organisations = db.Organisations.Where(AccessRules.OrganisationsAdministeredBy(currentUser.Required)).Select(o => o.Id);
        var (lines, shown, total) = await AuditTrail.PageAsync(db, organisations, entityType, entityId, page, PageSize, cancellationToken);
        var values = await AuditValueReader.CreateAsync(db, lines.SelectMany(l => l.Snapshots), cancellationToken);
        var named = await people.FindAsync(lines.Select(l => l.UserId), cancellationToken);
        var organisationIds = lines.Select(l => l.OrganisationId).OfType<int>().Distinct().ToList();
        var organisationNames = await db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.ShortName, cancellationToken);
        var items = lines.Select(l => new AuditLine(
                l.Id, l.At, named.Named(l.UserId, l.UserName), l.Action, l.EntityType, l.EntityId,
                l.OrganisationId is { } id ? organisationNames.GetValueOrDefault(id) : null, l.Details(values)))
            .ToList();
        return new PagedList<AuditLine>(items, shown, PageSize, total);
    }
}
