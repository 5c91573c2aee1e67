using WorkPlan.Core.Actuals;
using WorkPlan.Core.Reports;

namespace WorkPlan.Core.Reminders;

/// <summary>Settings of the calendar's reminders (section "Reminders"); days and hours in Uzbekistan's local time.</summary>
public sealed class ReminderOptions
{
    public const string SectionName = "Reminders";

    /// <summary>How many days before a month closes its service heads are reminded of what they still owe.</summary>
    public int DaysBeforeMonthCloses { get; set; } = 3;

    /// <summary>The local hour the daily reminders go out.</summary>
    public int Hour { get; set; } = 9;

    /// <summary>The day of the week the directors' and regional staff's digest goes out.</summary>
    public DayOfWeek DigestDay { get; set; } = DayOfWeek.Monday;
}

/// <summary>When the calendar reminds: which month is about to close, which quarter's report is due or overdue.</summary>
public static class ReminderCalendar
{
    /// <summary>
    /// The month of the plan's year whose entry closes in at most <paramref name="daysBefore"/> days (from that many
    /// days before to the closing day itself), if any: with months closing on the 5th and 3 days, September from
    /// 2 to 5 October. A reminder's key per month makes the first day of the span the one it is sent on.
    /// </summary>
    public static int? MonthClosingSoon(int year, DateOnly today, int closingDay, int daysBefore)
    {
        for (var month = 1; month <= 12; month++)
        {
            var closes = EntryWindow.Closes(year, month, closingDay);
            var daysLeft = closes.DayNumber - today.DayNumber;
            if (daysLeft >= 0 && daysLeft <= Math.Max(daysBefore, 0) && today >= new DateOnly(year, month, 1))
            {
                return month;
            }
        }

        return null;
    }

    /// <summary>
    /// What a quarter's report calls for today: nothing (not yet due, or sent), "due today" on its due date, or
    /// "overdue" after it while it is still not sent (a draft or returned).
    /// </summary>
    public static ReportReminderKind? ReportReminder(QuarterStanding standing, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(standing);
        if (standing.Status.IsSent())
        {
            return null;
        }

        return today == standing.DueDate ? ReportReminderKind.DueToday : today > standing.DueDate ? ReportReminderKind.Overdue : null;
    }
}

/// <summary>What a quarterly report's reminder says.</summary>
public enum ReportReminderKind
{
    DueToday,
    Overdue,
}
