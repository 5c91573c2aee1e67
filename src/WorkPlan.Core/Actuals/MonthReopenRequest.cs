namespace WorkPlan.Core.Actuals;

/// <summary>Where a request to reopen a locked month stands.</summary>
public enum ReopenRequestStatus
{
    /// <summary>Waiting for the director.</summary>
    Pending,

    /// <summary>The director reopened the month.</summary>
    Granted,

    /// <summary>The director declined, with a reason.</summary>
    Declined,
}

/// <summary>
/// A service head's (or the inspector's) request that the director reopen a locked month of the
/// centre's plan, with a reason; the director reopens it (the request is then granted) or declines it.
/// </summary>
public class MonthReopenRequest
{
    private MonthReopenRequest()
    {
        Reason = RequestedById = RequestedBy = string.Empty;
    }

    public MonthReopenRequest(int planId, int month, string reason, string requestedById, string requestedBy, DateTimeOffset at)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        PlanId = planId;
        Month = month;
        Reason = reason.Trim();
        RequestedById = requestedById;
        RequestedBy = requestedBy;
        RequestedAt = at;
        Status = ReopenRequestStatus.Pending;
    }

    public long Id { get; private set; }

    public int PlanId { get; private set; }

    public int Month { get; private set; }

    public string Reason { get; private set; }

    public string RequestedById { get; private set; }

    /// <summary>The requester's name as it was when they asked.</summary>
    public string RequestedBy { get; private set; }

    public DateTimeOffset RequestedAt { get; private set; }

    public ReopenRequestStatus Status { get; private set; }

    public string? DecidedBy { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    /// <summary>Why the director declined.</summary>
    public string? DeclineReason { get; private set; }

    /// <summary>Row version (PostgreSQL xmin) for optimistic concurrency.</summary>
    public uint Version { get; private set; }

    public void Grant(string by, DateTimeOffset at)
    {
        if (Status != ReopenRequestStatus.Pending)
        {
            throw new InvalidOperationException($"A {Status} request cannot be granted.");
        }

        Status = ReopenRequestStatus.Granted;
        DecidedBy = by;
        DecidedAt = at;
    }

    public void Decline(string reason, string by, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (Status != ReopenRequestStatus.Pending)
        {
            throw new InvalidOperationException($"A {Status} request cannot be declined.");
        }

        Status = ReopenRequestStatus.Declined;
        DeclineReason = reason.Trim();
        DecidedBy = by;
        DecidedAt = at;
    }
}
