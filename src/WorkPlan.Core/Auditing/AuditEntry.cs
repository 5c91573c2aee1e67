namespace WorkPlan.Core.Auditing;

/// <summary>One recorded change: who did what to which record, when, and its values before and after.</summary>
public class AuditEntry
{
    private AuditEntry()
    {
        UserId = UserName = Action = EntityType = EntityId = string.Empty;
    }

    public AuditEntry(
        DateTimeOffset at, string userId, string userName, string action, string entityType, string entityId,
        int? organisationId, string? before, string? after)
    {
        At = at;
        UserId = userId;
        UserName = userName;
        Action = action;
        EntityType = entityType;
        EntityId = entityId;
        OrganisationId = organisationId;
        Before = before;
        After = after;
    }

    public long Id { get; private set; }

    public DateTimeOffset At { get; private set; }

    public string UserId { get; private set; }

    public string UserName { get; private set; }

    /// <summary>What happened, e.g. "User.Created", "Organisation.Updated".</summary>
    public string Action { get; private set; }

    public string EntityType { get; private set; }

    public string EntityId { get; private set; }

    /// <summary>The organisation the record belongs to; decides which administrators may read the entry.</summary>
    public int? OrganisationId { get; private set; }

    /// <summary>The record's values before the change, as JSON (null when it was created).</summary>
    public string? Before { get; private set; }

    /// <summary>The record's values after the change, as JSON (null when it was deleted).</summary>
    public string? After { get; private set; }
}
