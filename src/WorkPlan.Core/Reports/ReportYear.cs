namespace WorkPlan.Core.Reports;

/// <summary>Where one quarter's report stands: its status, due date, lateness and the region's reason for a return.</summary>
public sealed record QuarterStanding(int Quarter, ReportStatus Status, DateOnly DueDate, bool IsLate, Timeliness Timeliness, string? ReturnReason)
{
    /// <summary>A quarter's standing from its submission (none yet: a draft due by the usual day), on a given day.</summary>
    public static QuarterStanding Of(int year, int quarter, ReportSubmission? submission, DateOnly today)
    {
        var due = submission?.DueDate ?? ReportTimeliness.DueDate(year, quarter);
        return new QuarterStanding(
            quarter,
            submission?.Status ?? ReportStatus.Draft,
            due,
            ReportTimeliness.IsLate(due, submission?.SubmittedAt, today),
            ReportTimeliness.Of(year, quarter, submission?.Status, due, submission?.SubmittedAt, today),
            submission?.ReturnReason);
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
