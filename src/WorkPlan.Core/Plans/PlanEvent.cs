namespace WorkPlan.Core.Plans;

/// <summary>One recorded step of a plan's life: who did what, when, with what comment, and the statuses.</summary>
public class PlanEvent
{
    private PlanEvent()
    {
        UserId = UserName = string.Empty;
    }

    public PlanEvent(int planId, int version, PlanAction action, PlanStatus statusBefore, PlanStatus statusAfter, string userId, string userName, DateTimeOffset at, string? comment)
    {
        PlanId = planId;
        PlanVersion = version;
        Action = action;
        StatusBefore = statusBefore;
        StatusAfter = statusAfter;
        UserId = userId;
        UserName = userName;
        At = at;
        Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
    }

    public long Id { get; private set; }

    public int PlanId { get; private set; }

    /// <summary>The plan's version number when the step happened.</summary>
    public int PlanVersion { get; private set; }

    public PlanAction Action { get; private set; }

    public PlanStatus StatusBefore { get; private set; }

    public PlanStatus StatusAfter { get; private set; }

    public string UserId { get; private set; }

    public string UserName { get; private set; }

    public DateTimeOffset At { get; private set; }

    public string? Comment { get; private set; }
}

/// <summary>
/// An immutable snapshot of a plan as it came into force (version 1, then one per amendment): the whole
/// document in its stored form (<see cref="SignedPlanSnapshot"/>) with its schema version, readable and
/// comparable long after the live plan changed.
/// </summary>
public class PlanVersion
{
    private PlanVersion()
    {
        Snapshot = string.Empty;
    }

    public PlanVersion(int planId, int number, DateTimeOffset cameIntoForceAt, string? reason, PlanDocument document)
    {
        PlanId = planId;
        Number = number;
        CameIntoForceAt = cameIntoForceAt;
        Reason = reason;
        Snapshot = SignedPlanSnapshot.Write(document);
        SchemaVersion = SignedPlanSnapshot.CurrentSchema;
    }

    public long Id { get; private set; }

    public int PlanId { get; private set; }

    public int Number { get; private set; }

    public DateTimeOffset CameIntoForceAt { get; private set; }

    /// <summary>Why the amendment was opened (null for the first version).</summary>
    public string? Reason { get; private set; }

    /// <summary>The document as JSON of <see cref="SignedPlanSnapshot"/>'s schema <see cref="SchemaVersion"/>.</summary>
    public string Snapshot { get; private set; }

    /// <summary>The schema version <see cref="Snapshot"/> was written in (1 for every version stored before versions were kept).</summary>
    public int SchemaVersion { get; private set; }

    /// <summary>The stored document; a schema version this build does not know throws <see cref="Common.UnreadableDocumentException"/>.</summary>
    public PlanDocument Document() => SignedPlanSnapshot.Read(SchemaVersion, Snapshot);
}
