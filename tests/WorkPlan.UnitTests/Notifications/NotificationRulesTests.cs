using WorkPlan.Core.Notifications;

namespace WorkPlan.UnitTests.Notifications;

/// <summary>
/// Who is told of each event: a small tree (national 1 → Andijon region 10 → Xo'jaobod district 100 and Asaka 101),
/// one user per role at each centre, two service heads at Xo'jaobod (services 7 and 8). Each rule's audiences
/// resolve to exactly the users listed, no one else.
/// </summary>
public class NotificationRulesTests
{
    private static readonly (string Name, int Organisation, string Role, int? Service)[] People =
    [
        ("NationalDirector", 1, "NationalDirector", null), ("NationalMethodologist", 1, "NationalMethodologist", null), ("NationalAdmin", 1, "Administrator", null),
        ("RegionalDirector", 10, "RegionalDirector", null), ("RegionalMethodologist", 10, "RegionalMethodologist", null), ("RegionalInspector", 10, "Inspector", null),
        ("RegionalAdmin", 10, "Administrator", null),
        ("Director", 100, "Director", null), ("Inspector", 100, "Inspector", null), ("Head7", 100, "ServiceHead", 7), ("Head8", 100, "ServiceHead", 8),
        ("DistrictAdmin", 100, "Administrator", null),
        ("AsakaDirector", 101, "Director", null), ("AsakaInspector", 101, "Inspector", null),
    ];

    public static TheoryData<string, string> Events => new()
    {
        { "district plan submitted", "Director, RegionalDirector, RegionalMethodologist" },
        { "regional plan submitted", "NationalDirector, NationalMethodologist, RegionalDirector" },
        { "district plan decided", "Director, Inspector" },
        { "regional plan decided", "RegionalDirector, RegionalInspector" },
        { "district report submitted", "RegionalDirector, RegionalMethodologist" },
        { "regional report submitted", "NationalDirector, NationalMethodologist" },
        { "district report decided", "Director, Inspector" },
        { "month reopened, service 7's rows", "Head7, Inspector" },
        { "month reopened, both services' rows", "Head7, Head8, Inspector" },
        { "reopening requested", "Director" },
    };

    private static IReadOnlyList<Audience> Rule(string name) => name switch
    {
        "district plan submitted" => NotificationRules.PlanSubmitted(100, 10),
        "regional plan submitted" => NotificationRules.PlanSubmitted(10, 1),
        "district plan decided" => NotificationRules.PlanDecided(100),
        "regional plan decided" => NotificationRules.PlanDecided(10),
        "district report submitted" => NotificationRules.ReportSubmitted(10),
        "regional report submitted" => NotificationRules.ReportSubmitted(1),
        "district report decided" => NotificationRules.ReportDecided(100),
        "month reopened, service 7's rows" => NotificationRules.MonthReopened(100, [7]),
        "month reopened, both services' rows" => NotificationRules.MonthReopened(100, [7, 8]),
        "reopening requested" => NotificationRules.ReopeningRequested(100),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(Events))]
    public void Each_event_reaches_exactly_the_people_whose_work_it_is(string @event, string expected)
    {
        var audiences = Rule(@event);
        var told = People.Where(p => audiences.Any(a => a.OrganisationId == p.Organisation && a.Roles.Contains(p.Role)
                && (a.ServiceIds is null || (p.Service is { } s && a.ServiceIds.Contains(s)))))
            .Select(p => p.Name).Order(StringComparer.Ordinal);
        Assert.Equal(expected, string.Join(", ", told));
    }

    [Fact]
    public void A_plan_of_a_centre_without_a_centre_above_is_sent_to_its_director_alone() =>
        Assert.Single(NotificationRules.PlanSubmitted(1, null));

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 5)]
    [InlineData(3, 30)]
    [InlineData(4, 120)]
    public void A_failed_email_is_tried_again_after_a_longer_wait_each_time(int failures, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), EmailRetry.After(failures));

    [Fact]
    public void An_email_that_failed_five_times_is_not_tried_again() => Assert.Null(EmailRetry.After(5));
}
