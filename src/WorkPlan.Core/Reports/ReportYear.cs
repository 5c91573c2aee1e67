namespace WorkPlan.Core.Reports;

/// <summary>Where one quarter's report stands: its status, due date, lateness and the region's reason for a return.</summary>
public sealed record QuarterStanding(int Quarter, ReportStatus Status, DateOnly DueDate, bool IsLate, Timeliness Timeliness, string? ReturnReason)
{
    /// <summary>A quarter's standing from its submission (none yet: a draft due by the usual day), on a given day.</summary>
    public static QuarterStanding Of(int year, int quarter, ReportSubmission? submission, DateOnly today) =>
        Of(year, quarter, submission?.Status, submission?.DueDate, submission?.SubmittedAt, submission?.ReturnReason, today);

    /// <summary>A quarter's standing from a report's status, due date, submission and return reason (a region's consolidated report too).</summary>
    public static QuarterStanding Of(int year, int quarter, ReportStatus? status, DateOnly? dueDate, DateTimeOffset? submittedAt, string? returnReason, DateOnly today)
    {
        var due = dueDate ?? ReportTimeliness.DueDate(year, quarter);
        return new QuarterStanding(
            quarter,
            status ?? ReportStatus.Draft,
            due,
            ReportTimeliness.IsLate(due, submittedAt, today),
            ReportTimeliness.Of(year, quarter, status, due, submittedAt, today),
            returnReason);
    }

    /// <summary>Late and still the district's to send (not sent, or returned and not sent again).</summary>
    public bool IsLateToSend => IsLate && Status is ReportStatus.Draft or ReportStatus.Returned;
}

/// <summary>The year of reports of one plan: its centre, its year and the four quarters' standing.</summary>
public sealed record ReportYear(int PlanId, string OrganisationName, int Year, IReadOnlyList<QuarterStanding> Quarters)
{
    /// <summary>The four quarters' standing from the plan's submissions, on a given day.</summary>
    public static IReadOnlyList<QuarterStanding> QuartersOf(int year, IReadOnlyCollection<ReportSubmission> submissions, DateOnly today) =>
        [.. Enumerable.Range(1, 4).Select(q => QuarterStanding.Of(year, q, submissions.FirstOrDefault(s => s.Quarter == q), today))];
}
