using WorkPlan.Core.Calendar;

namespace WorkPlan.Core.Actuals;

/// <summary>Settings of monthly entry (section "Actuals").</summary>
public sealed class ActualsOptions
{
    public const string SectionName = "Actuals";

    /// <summary>A month stays open until this day of the next month (inclusive), then it is locked.</summary>
    public int ClosingDay { get; set; } = 5;

    /// <summary>How long a month the director reopened stays open.</summary>
    public int ReopenDays { get; set; } = 7;

    /// <summary>"Behind plan" when the year to date is below the linear pace by more than this share (0.1 = 10 %).</summary>
    public decimal BehindMargin { get; set; } = 0.1m;
}

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
