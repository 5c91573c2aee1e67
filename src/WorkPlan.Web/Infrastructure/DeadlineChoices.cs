using WorkPlan.Core.Plans;

namespace WorkPlan.Web.Infrastructure;

/// <summary>What the deadline picker shows as chosen (plan rows and template rows alike).</summary>
public sealed record DeadlineChoices(ScheduleKind Kind, IReadOnlyList<int> Quarters, int? FromMonth, int? ToMonth, string CssClass = "")
{
    /// <summary>The picker's choices that give this schedule.</summary>
    public static DeadlineChoices Of(DueSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var months = schedule.Months.ToList();
        return new(schedule.Kind, DeadlineText.QuartersOf(schedule), months.Count > 0 ? months[0] : null, months.Count > 0 ? months[^1] : null);
    }
}
