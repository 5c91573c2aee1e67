using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using WorkPlan.Core.Access;
using WorkPlan.Core.Common;
using WorkPlan.Core.Organisations;
using WorkPlan.Core.Plans;

namespace WorkPlan.Core.Auditing;

/// <summary>
/// A value of an audit entry as the page shows it: either text as it was (a name, a number) or a resource key
/// to translate (a role, a kind of organisation, yes/no). Ids of organisations and services are already names.
/// </summary>
public sealed record AuditValue(string Text, string? ResourceKey = null, DateTimeOffset? At = null);

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

/// <summary>Reading the audit log: administrators see the entries of their branch of the organisation tree.</summary>
public sealed class AuditQueryService(IAppDbContext db, ICurrentUser currentUser, IPeople people)
{
    public const int PageSize = 100;

    /// <summary>Fields that hold an organisation's id, shown as the organisation's name.</summary>
    private static readonly HashSet<string> OrganisationFields = ["OrganisationId", "ParentId"];

    public async Task<PagedList<AuditLine>> ListAsync(string? entityType, string? entityId, int page, CancellationToken cancellationToken = default)
    {
        var organisations = db.Organisations.Where(AccessRules.OrganisationsAdministeredBy(currentUser.Required)).Select(o => o.Id);
        var query = db.AuditEntries.AsNoTracking().Where(a => a.OrganisationId != null && organisations.Contains(a.OrganisationId.Value));
        if (!string.IsNullOrWhiteSpace(entityType))
        {
            query = query.Where(a => a.EntityType == entityType);
        }

        if (!string.IsNullOrWhiteSpace(entityId))
        {
            query = query.Where(a => a.EntityId == entityId);
        }

        var total = await query.CountAsync(cancellationToken);
        page = PagedList<AuditLine>.Clamp(page, total, PageSize);
        var rows = await query
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(a => new
            {
                a.Id, a.At, a.UserId, a.UserName, a.Action, a.EntityType, a.EntityId,
                OrganisationName = db.Organisations.Where(o => o.Id == a.OrganisationId).Select(o => o.ShortName).FirstOrDefault(),
                a.Before, a.After,
            })
            .ToListAsync(cancellationToken);

        var parsed = rows.Select(r => (Row: r, Before: Parse(r.Before), After: Parse(r.After))).ToList();
        var names = await NamesAsync(parsed.SelectMany(p => new[] { p.Before, p.After }).OfType<JsonElement>(), cancellationToken);
        var named = await people.FindAsync(rows.Select(r => r.UserId), cancellationToken);
        var items = parsed.Select(p => new AuditLine(
                p.Row.Id, p.Row.At, named.Named(p.Row.UserId, p.Row.UserName), p.Row.Action, p.Row.EntityType, p.Row.EntityId,
                p.Row.OrganisationName, Details(p.Before, p.After, names)))
            .ToList();
        return new PagedList<AuditLine>(items, page, PageSize, total);
    }

    private static JsonElement? Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static List<IReadOnlyList<AuditDetail>> Details(JsonElement? before, JsonElement? after, Names names)
    {
        if (before is { ValueKind: JsonValueKind.Array } || after is { ValueKind: JsonValueKind.Array })
        {
            var items = (after ?? before)!.Value;
            var isAfter = after is { ValueKind: JsonValueKind.Array };
            return [.. items.EnumerateArray().Select(item => (IReadOnlyList<AuditDetail>)[.. Fields(item).Select(f =>
            {
                var value = Value(f.Name, f.Value, names);
                return isAfter ? new AuditDetail(f.Name, null, value) : new AuditDetail(f.Name, value, null);
            })])];
        }

        var old = before is { } b ? Fields(b).ToDictionary(f => f.Name, f => f.Value) : [];
        var now = after is { } a ? Fields(a).ToDictionary(f => f.Name, f => f.Value) : [];
        var details = new List<AuditDetail>();
        foreach (var field in old.Keys.Concat(now.Keys).Distinct())
        {
            var hadBefore = old.TryGetValue(field, out var was);
            var hasAfter = now.TryGetValue(field, out var @is);
            if (hadBefore && hasAfter && JsonElement.DeepEquals(was, @is))
            {
                continue;
            }

            details.Add(new AuditDetail(field, hadBefore ? Value(field, was, names) : null, hasAfter ? Value(field, @is, names) : null));
        }

        return details.Count == 0 ? [] : [details];
    }

    private static IEnumerable<JsonProperty> Fields(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object ? element.EnumerateObject() : [];

    private static AuditValue? Value(string field, JsonElement value, Names names)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Null or JsonValueKind.Undefined:
                return null;
            case JsonValueKind.True:
                return new AuditValue("true", "Audit.Yes");
            case JsonValueKind.False:
                return new AuditValue("false", "Audit.No");
        }

        if (value.ValueKind == JsonValueKind.Array)
        {
            return new AuditValue(string.Join(", ", value.EnumerateArray().Select(item => item.ValueKind == JsonValueKind.String ? item.GetString() : item.GetRawText())));
        }

        if (value.ValueKind == JsonValueKind.String && value.GetString()!.Contains('T', StringComparison.Ordinal) && value.TryGetDateTimeOffset(out var at))
        {
            return new AuditValue(value.GetString() ?? string.Empty, At: at);
        }

        var text = value.ValueKind == JsonValueKind.String ? value.GetString() ?? string.Empty : value.GetRawText();
        if (OrganisationFields.Contains(field) && value.TryGetInt32(out var organisationId))
        {
            return new AuditValue(names.Organisations.GetValueOrDefault(organisationId, text));
        }

        if (field == "ServiceId" && value.TryGetInt32(out var serviceId))
        {
            return new AuditValue(names.Services.GetValueOrDefault(serviceId, text));
        }

        return field switch
        {
            "Role" when text.Length > 0 => new AuditValue(text, $"Role.{text}"),
            "Month" when value.TryGetInt32(out var month) && month is >= 1 and <= 12 => new AuditValue(text, $"Month.{month}"),
            "DocumentLanguage" when Reports.DocumentLanguages.IsKnown(text) => new AuditValue(text, $"Export.Language.{text}"),
            "Kind" => EnumValue<OrganisationKind>(value, text, "Kind"),
            "Rollup" => EnumValue<RollupKind>(value, text, "Rollup"),
            _ => new AuditValue(text),
        };
    }

    /// <summary>An enum written by name (or, in older entries, by number) as its resource key.</summary>
    private static AuditValue EnumValue<TEnum>(JsonElement value, string text, string prefix)
        where TEnum : struct, Enum
    {
        var name = value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)
            ? Enum.GetName(typeof(TEnum), number)
            : Enum.TryParse<TEnum>(text, out var parsed) ? parsed.ToString() : null;
        return name is null ? new AuditValue(text) : new AuditValue(name, $"{prefix}.{name}");
    }

    private async Task<Names> NamesAsync(IEnumerable<JsonElement> snapshots, CancellationToken cancellationToken)
    {
        var organisationIds = new HashSet<int>();
        var serviceIds = new HashSet<int>();
        foreach (var snapshot in snapshots)
        {
            var objects = snapshot.ValueKind == JsonValueKind.Array ? snapshot.EnumerateArray().ToList() : [snapshot];
            foreach (var field in objects.SelectMany(Fields))
            {
                if (field.Value.ValueKind == JsonValueKind.Number && field.Value.TryGetInt32(out var id))
                {
                    if (OrganisationFields.Contains(field.Name))
                    {
                        organisationIds.Add(id);
                    }
                    else if (field.Name == "ServiceId")
                    {
                        serviceIds.Add(id);
                    }
                }
            }
        }

        var organisations = organisationIds.Count == 0 ? [] : await db.Organisations.AsNoTracking()
            .Where(o => organisationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.ShortName, cancellationToken);
        var services = serviceIds.Count == 0 ? [] : await db.Services.AsNoTracking()
            .Where(s => serviceIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);
        return new Names(organisations, services);
    }

    private sealed record Names(Dictionary<int, string> Organisations, Dictionary<int, string> Services);
}
