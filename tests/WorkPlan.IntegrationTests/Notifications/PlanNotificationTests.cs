using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using WorkPlan.Core.Common;
using WorkPlan.Core.Notifications;
using WorkPlan.IntegrationTests.Infrastructure;

namespace WorkPlan.IntegrationTests.Notifications;

/// <summary>
/// A plan's steps taken through their pages tell the people whose work they are, in their language, in the app and
/// by email when they want it, and no one else; a refused step tells no one.
/// </summary>
[Collection(DatabaseTests.Name)]
public sealed class PlanNotificationTests(DatabaseFixture database) : IAsyncLifetime
{
    private const string Director = "asaka.direktor";
    private const string Methodologist = "andijon.metodist";

    public Task InitializeAsync() => database.ResetWithDemoDataAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task TellsTheRegionAndNotTheSender_WhenTheDirectorSendsThePlan()
    {
        var id = await PlanIdAsync("asaka");

        await StepAsync(Director, id, "Submit", null);

        var expected = await UsersAsync("andijon", Roles.RegionalDirector, Roles.RegionalMethodologist);
        expected.Should().NotBeEmpty();
        (await ToldAsync(NotificationKind.PlanSubmitted)).Should().BeEquivalentTo(expected, "the region agrees it; the director who sent it is not told of their own step");
    }

    [Fact]
    public async Task TellsTheDirectorInRussianInTheAppAndByEmail_WhyTheRegionReturnedThePlan()
    {
        var id = await PlanIdAsync("asaka");
        await StepAsync(Director, id, "Submit", null);
        var director = database.Factory.CreateClientAs(Director);
        (await Forms.PostAsync(director, "/Notifications/Settings", "/Language/Set", new Dictionary<string, string> { ["culture"] = "ru-RU", ["returnUrl"] = "/" }))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await Forms.PostAsync(director, "/Notifications/Settings", "/Notifications/Settings", new Dictionary<string, string>
        {
            ["Email"] = "asaka.direktor@example.uz", ["EmailEvents"] = "true", ["EmailReminders"] = "false", ["EmailDigest"] = "false",
        })).StatusCode.Should().Be(HttpStatusCode.Redirect);

        await StepAsync(Methodologist, id, "Return", "Ko'rsatkichlar to'liq emas");

        var expected = await UsersAsync("asaka", Roles.Director, Roles.Inspector);
        (await ToldAsync(NotificationKind.PlanReturned)).Should().BeEquivalentTo(expected);
        await using (var db = database.CreateContext())
        {
            var directorId = await db.Users.Where(u => u.UserName == Director).Select(u => u.Id).SingleAsync();
            var email = await db.EmailMessages.Include(m => m.Notification).SingleAsync();
            email.Notification!.UserId.Should().Be(directorId, "only the director set an address");
            email.ToAddress.Should().Be("asaka.direktor@example.uz");
            email.Language.Should().Be("ru");
            email.Status.Should().Be(EmailStatus.Pending);
        }

        var home = await Html.ParseAsync(await director.GetAsync("/Notifications/Settings"));
        home.QuerySelector(".notification-bell [data-unread]")!.Text().Trim().Should().Be("1");
        var list = await Html.ParseAsync(await director.GetAsync("/Notifications"));
        var line = list.QuerySelector("[data-notification]")!;
        line.Text().Should().Contain("вернул(а) план").And.Contain("Ko'rsatkichlar to'liq emas");

        var notification = line.GetAttribute("data-notification")!;
        var stranger = database.Factory.CreateClientAs(Methodologist);
        (await Forms.PostAsync(stranger, "/Notifications", $"/Notifications/Open/{notification}", new Dictionary<string, string>())).StatusCode
            .Should().Be(HttpStatusCode.NotFound, "no one opens another's notification");
        var opened = await Forms.PostAsync(director, "/Notifications", $"/Notifications/Open/{notification}", new Dictionary<string, string>());
        opened.Headers.Location!.OriginalString.Should().Be($"/Plans/Details/{id}");
        var after = await Html.ParseAsync(await director.GetAsync("/Notifications/Settings"));
        after.QuerySelector(".notification-bell [data-unread]").Should().BeNull("the one notification was read");
    }

    [Fact]
    public async Task TellsNoOne_WhenAReturnIsRefusedForWantOfAReason()
    {
        var id = await PlanIdAsync("asaka");
        await StepAsync(Director, id, "Submit", null);
        await using (var db = database.CreateContext())
        {
            await db.Notifications.ExecuteDeleteAsync();
        }

        var refused = await Forms.PostAsync(database.Factory.CreateClientAs(Methodologist), $"/Plans/Details/{id}", $"/Plans/Return/{id}", await FieldsAsync(id, null));

        refused.StatusCode.Should().NotBe(HttpStatusCode.InternalServerError);
        (await ToldAsync(NotificationKind.PlanReturned)).Should().BeEmpty();
        await using (var db = database.CreateContext())
        {
            (await db.Notifications.CountAsync()).Should().Be(0);
        }
    }

    private async Task StepAsync(string user, int planId, string step, string? reason)
    {
        var response = await Forms.PostAsync(database.Factory.CreateClientAs(user), $"/Plans/Details/{planId}", $"/Plans/{step}/{planId}", await FieldsAsync(planId, reason));
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, $"{user} may {step}");
    }

    private async Task<Dictionary<string, string>> FieldsAsync(int planId, string? reason)
    {
        await using var db = database.CreateContext();
        var version = await db.Plans.Where(p => p.Id == planId).Select(p => p.Version).SingleAsync();
        var fields = new Dictionary<string, string> { ["Version"] = version.ToString(CultureInfo.InvariantCulture) };
        if (reason is not null)
        {
            fields["Comment"] = reason;
        }

        return fields;
    }

    private async Task<List<string>> UsersAsync(string organisation, params string[] roles)
    {
        await using var db = database.CreateContext();
        return await db.Users.Where(u => u.IsActive && u.Organisation!.Code == organisation && roles.Contains(u.Role)).Select(u => u.UserName!).ToListAsync();
    }

    private async Task<List<string>> ToldAsync(NotificationKind kind)
    {
        await using var db = database.CreateContext();
        return await db.Notifications.Where(n => n.Kind == kind).Join(db.Users, n => n.UserId, u => u.Id, (n, u) => u.UserName!).ToListAsync();
    }

    private async Task<int> PlanIdAsync(string organisation)
    {
        await using var db = database.CreateContext();
        return await db.Plans.Where(p => p.Organisation!.Code == organisation).Select(p => p.Id).SingleAsync();
    }
}
