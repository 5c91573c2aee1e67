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
    /// <summary>As <see cref="Of(int, int, ReportStatus?, DateOnly, DateOnly?, DateOnly)"/>, from the moment the report was submitted (local day).</summary>
    public static Timeliness Of(int year, int quarter, ReportStatus? status, DateOnly due, DateTimeOffset? submittedAt, DateOnly today) =>
        Of(year, quarter, status, due, submittedAt is { } at ? Actuals.EntryWindow.Today(at) : null, today);

    /// <summary>Where a report stands on a given day: from its status, due date and when it was submitted.</summary>
    public static Timeliness Of(int year, int quarter, ReportStatus? status, DateOnly due, DateOnly? submittedOn, DateOnly today)
    {
        if (status == ReportStatus.Returned)
        {
            return Timeliness.Returned;
        }

        if (status is ReportStatus.Submitted or ReportStatus.Accepted && submittedOn is { } on)
        {
            return on > due ? Timeliness.Late : Timeliness.OnTime;
        }

        var quarterEnd = new DateOnly(year, quarter * 3, 1).AddMonths(1).AddDays(-1);
        return today <= quarterEnd ? Timeliness.NotDue : today > due ? Timeliness.Overdue : Timeliness.Pending;
    }
}
