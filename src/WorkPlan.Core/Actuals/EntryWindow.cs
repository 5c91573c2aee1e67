using WorkPlan.Core.Calendar;

namespace WorkPlan.Core.Actuals;

/// <summary>
/// The entry window of a month of a plan's year: from its first day until the closing day of the next
/// month (Uzbekistan time). Whether a month is open, and why not, is <see cref="MonthLocks"/>.
/// </summary>
public static class EntryWindow
{
    /// <summary>The last day a month is open without a reopening.</summary>
    public static DateOnly Closes(int year, int month, int closingDay)
    {
        var next = new DateOnly(year, month, 1).AddMonths(1);
        return next.AddDays(Math.Clamp(closingDay, 1, 28) - 1);
    }

    public static bool HasStarted(int year, int month, DateTimeOffset now) => LocalClock.DateOf(now) >= new DateOnly(year, month, 1);

    /// <summary>The month the entry page opens on: last month while it is still open, otherwise this month (within the plan's year).</summary>
    public static int DefaultMonth(int year, DateTimeOffset now, int closingDay)
    {
        var today = LocalClock.DateOf(now);
        if (today.Year < year)
        {
            return 1;
        }

        if (today.Year > year)
        {
            return 12;
        }

        return today.Month > 1 && today <= Closes(year, today.Month - 1, closingDay) ? today.Month - 1 : today.Month;
    }
}
