using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using WorkPlan.Core.Common;

namespace WorkPlan.Core.Auditing;

/// <summary>
/// Adds audit entries to the current unit of work, so that an entry is saved in the same transaction
/// as the change it describes (or not at all).
/// </summary>
public sealed class AuditLog(IAppDbContext db, ICurrentUser currentUser, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        Converters = { new JsonStringEnumConverter() },
    };

    public void Record(AuditAction action, string entityType, object entityId, int? organisationId, object? before, object? after)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(entityId);
        var user = currentUser.User;
        db.AuditEntries.Add(new AuditEntry(
            clock.GetUtcNow(),
            user?.UserId ?? "system",
            user?.UserName ?? "system",
            action.Key,
            entityType,
            Convert.ToString(entityId, System.Globalization.CultureInfo.InvariantCulture)!,
            organisationId,
            before is null ? null : JsonSerializer.Serialize(before, Json),
            after is null ? null : JsonSerializer.Serialize(after, Json)));
    }
}
