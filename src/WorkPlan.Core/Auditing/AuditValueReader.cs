using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using WorkPlan.Core.Common;
using WorkPlan.Core.Organisations;
using WorkPlan.Core.Plans;

namespace WorkPlan.Core.Auditing;

/// <summary>
/// Reads an audit entry's values before and after (JSON as the entry stored them) into fields with words: ids of
/// organisations and services as their names, roles, kinds and months as resource keys, moments and numbers typed.
/// </summary>
internal sealed class AuditValueReader
{
    /// <summary>Fields that hold an organisation's id, shown as the organisation's name.</summary>
    private static readonly HashSet<string> OrganisationFields = ["OrganisationId", "ParentId"];

    private readonly Dictionary<int, string> organisations;
    private readonly Dictionary<int, string> services;

    private AuditValueReader(Dictionary<int, string> organisations, Dictionary<int, string> services)
    {
        this.organisations = organisations;
        this.services = services;
    }

    /// <summary>A reader that knows the names of every organisation and service the stored values mention (two queries at most).</summary>
    public static async Task<AuditValueReader> CreateAsync(IAppDbContext db, IEnumerable<string?> snapshots, CancellationToken cancellationToken)
    {
        var organisationIds = new HashSet<int>();
        var serviceIds = new HashSet<int>();
        foreach (var snapshot in snapshots.Select(Parse).OfType<JsonElement>())
        {
            var objects = snapshot.ValueKind == JsonValueKind.Array ? snapshot.EnumerateArray().ToList() : [snapshot];
            foreach (var (name, value) in objects.SelectMany(Fields))
            {
                if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var id))
                {
                    if (OrganisationFields.Contains(name))
                    {
                        organisationIds.Add(id);
                    }
                    else if (name == "ServiceId")
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
        return new AuditValueReader(organisations, services);
    }

    /// <summary>
    /// The fields an entry changed: for a change only those whose value changed, for a creation or deletion every field;
    /// a list (the rows a catalogue mapping changed) gives one group per item.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<AuditDetail>> Details(string? beforeJson, string? afterJson)
    {
        var before = Parse(beforeJson);
        var after = Parse(afterJson);
        if (before is { ValueKind: JsonValueKind.Array } || after is { ValueKind: JsonValueKind.Array })
        {
            var items = (after ?? before)!.Value;
            var isAfter = after is { ValueKind: JsonValueKind.Array };
            return [.. items.EnumerateArray().Select(item => (IReadOnlyList<AuditDetail>)[.. Fields(item).Select(f =>
            {
                var value = Value(f.Name, f.Value);
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

            details.Add(new AuditDetail(field, hadBefore ? Value(field, was) : null, hasAfter ? Value(field, @is) : null));
        }

        return details.Count == 0 ? [] : [details];
    }

    /// <summary>An object's fields, each name as the labels spell it (an entry written with "planId" reads as "PlanId").</summary>
    private static IEnumerable<(string Name, JsonElement Value)> Fields(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object
            ? element.EnumerateObject().Select(p => (p.Name.Length > 0 ? char.ToUpperInvariant(p.Name[0]) + p.Name[1..] : p.Name, p.Value))
            : [];

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

    private AuditValue? Value(string field, JsonElement value)
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
            return new AuditValue(organisations.GetValueOrDefault(organisationId, text));
        }

        if (field == "ServiceId" && value.TryGetInt32(out var serviceId))
        {
            return new AuditValue(services.GetValueOrDefault(serviceId, text));
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
}
