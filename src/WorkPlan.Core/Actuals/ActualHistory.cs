namespace WorkPlan.Core.Actuals;

/// <summary>One change of a monthly value: who, when, old → new, with the notes. Never edited, never deleted.</summary>
public class ActualChange
{
    private ActualChange()
    {
        UserId = UserName = string.Empty;
    }

    public ActualChange(int indicatorId, int month, decimal? valueBefore, decimal? valueAfter, string? noteBefore, string? noteAfter, string userId, string userName, DateTimeOffset at)
    {
        IndicatorId = indicatorId;
        Month = month;
        ValueBefore = valueBefore;
        ValueAfter = valueAfter;
        NoteBefore = noteBefore;
        NoteAfter = noteAfter;
        UserId = userId;
        UserName = userName;
        At = at;
    }

    public long Id { get; private set; }

    public int IndicatorId { get; private set; }

    public int Month { get; private set; }

    public decimal? ValueBefore { get; private set; }

    public decimal? ValueAfter { get; private set; }

    public string? NoteBefore { get; private set; }

    public string? NoteAfter { get; private set; }

    public string UserId { get; private set; }

    public string UserName { get; private set; }

    public DateTimeOffset At { get; private set; }
}

/// <summary>A month the director reopened after it locked: why, by whom, until when.</summary>
public class MonthReopening
{
    private MonthReopening()
    {
        Reason = UserId = UserName = string.Empty;
    }

    public MonthReopening(int planId, int month, string reason, string userId, string userName, DateTimeOffset at, DateTimeOffset until)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        PlanId = planId;
        Month = month;
        Reason = reason.Trim();
        UserId = userId;
        UserName = userName;
        At = at;
        Until = until;
    }

    public long Id { get; private set; }

    public int PlanId { get; private set; }

    public int Month { get; private set; }

    public string Reason { get; private set; }

    public string UserId { get; private set; }

    public string UserName { get; private set; }

    public DateTimeOffset At { get; private set; }

    public DateTimeOffset Until { get; private set; }
}
