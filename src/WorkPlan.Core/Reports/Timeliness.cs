using WorkPlan.Core.Calendar;

namespace WorkPlan.Core.Reports;

/// <summary>How a quarter's report stands against its due date, as the regional centre sees it.</summary>
public enum Timeliness
{
    /// <summary>The quarter has not ended yet.</summary>
    NotDue,

    /// <summary>The quarter has ended; the report is not in yet but the due date has not passed.</summary>
    Pending,

    /// <summary>Submitted (or accepted) by the due date.</summary>
    OnTime,

    /// <summary>Submitted (or accepted) after the due date.</summary>
    Late,

    /// <summary>The due date has passed and nothing was submitted.</summary>
    Overdue,

    /// <summary>Sent back by the region for corrections.</summary>
    Returned,
}

public static class ReportTimeliness
{
    /// <summary>A quarter's report is due by this day of the month after the quarter.</summary>
    public const int DueDay = 10;

    /// <summary>The day a quarter's report is due: the <see cref="DueDay"/>th of the month after the quarter.</summary>
    public static DateOnly DueDate(int year, int quarter) => Quarters.LastDay(year, quarter).AddDays(DueDay);

    /// <summary>Sent after its due date, or not sent and the due date has passed (local days).</summary>
    public static bool IsLate(DateOnly due, DateTimeOffset? submittedAt, DateOnly today) =>
        (submittedAt is { } at ? LocalClock.DateOf(at) : today) > due;

    /// <summary>As <see cref="Of(int, int, ReportStatus?, DateOnly, DateOnly?, DateOnly)"/>, from the moment the report was submitted (local day).</summary>
    public static Timeliness Of(int year, int quarter, ReportStatus? status, DateOnly due, DateTimeOffset? submittedAt, DateOnly today) =>
        Of(year, quarter, status, due, submittedAt is { } at ? LocalClock.DateOf(at) : null, today);

    /// <summary>Where a report stands on a given day: from its status, due date and when it was submitted.</summary>
    public static Timeliness Of(int year, int quarter, ReportStatus? status, DateOnly due, DateOnly? submittedOn, DateOnly today)
    {
        if (status == ReportStatus.Returned)
        {
            return Timeliness.Returned;
        }

        if (status is { } sent && sent.IsSent() && submittedOn is { } on)
        {
            return on > due ? Timeliness.Late : Timeliness.OnTime;
        }

        var quarterEnd = Quarters.LastDay(year, quarter);
        return today <= quarterEnd ? Timeliness.NotDue : today > due ? Timeliness.Overdue : Timeliness.Pending;
    }
}
