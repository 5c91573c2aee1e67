using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using WorkPlan.IntegrationTests.Infrastructure;

namespace WorkPlan.IntegrationTests.Access;

/// <summary>A record of another organisation answers 404 like a missing one, and is logged as one security event; a normal page logs none.</summary>
[Collection(DatabaseTests.Name)]
public sealed class SecurityEventTests(DatabaseFixture database) : IAsyncLifetime
{
    private int _foreignPlan;
    private int _ownPlan;
    private int _organisation;

    public async Task InitializeAsync()
    {
        await database.ResetWithDemoDataAsync();
        await using var db = database.CreateContext();
        _foreignPlan = await db.Plans.Where(p => p.Organisation!.Code == "asaka").Select(p => p.Id).FirstAsync();
        _ownPlan = await db.Plans.Where(p => p.Organisation!.Code == "xojaobod").Select(p => p.Id).SingleAsync();
        _organisation = await db.Organisations.Where(o => o.Code == "xojaobod").Select(o => o.Id).SingleAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task LogsOneSecurityEvent_ForAForeignPlanAskedFor()
    {
        var (app, events) = SecurityEvents.Capture(database.OctoberFactory);
        await using var _ = app;
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add(TestAuthHandler.Header, "xojaobod.direktor");

        var response = await client.GetAsync($"/Plans/Details/{_foreignPlan}");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound, "a foreign record answers like a missing one");
        var refusal = events.Refusals.Should().ContainSingle().Subject;
        refusal["Outcome"].Should().Be("NotFound");
        refusal["Method"].Should().Be("GET");
        refusal["Path"].Should().Be($"/Plans/Details/{_foreignPlan}");
        refusal["UserName"].Should().Be("xojaobod.direktor");
        refusal["OrganisationId"].Should().Be(_organisation.ToString(CultureInfo.InvariantCulture));
        refusal["UserId"].Should().NotBeNullOrEmpty();
    }

    [Fact]
    public async Task LogsOneSecurityEvent_ForAPostToAForeignPlan_AndChangesNothing()
    {
        var (app, events) = SecurityEvents.Capture(database.OctoberFactory);
        await using var _ = app;
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add(TestAuthHandler.Header, "xojaobod.direktor");

        var response = await Forms.PostAsync(client, $"/Actuals?planId={_ownPlan}&month=8", $"/Actuals/Reopen?planId={_foreignPlan}&month=8",
            new Dictionary<string, string> { ["reason"] = "Boshqa tuman" });

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        var refusal = events.Refusals.Should().ContainSingle().Subject;
        (refusal["Outcome"], refusal["Method"], refusal["UserName"]).Should().Be(("NotFound", "POST", "xojaobod.direktor"));
        await using var db = database.CreateContext();
        (await db.MonthReopenings.CountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task LogsAForbiddenPage_AsAForbiddenSecurityEvent()
    {
        var (app, events) = SecurityEvents.Capture(database.Factory);
        await using var _ = app;
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add(TestAuthHandler.Header, "xojaobod.bibliografiya");

        var response = await client.GetAsync("/Users");

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        events.Refusals.Should().ContainSingle().Which["Outcome"].Should().Be("Forbidden");
    }

    [Fact]
    public async Task LogsNoSecurityEvent_ForAnOwnPage()
    {
        var (app, events) = SecurityEvents.Capture(database.OctoberFactory);
        await using var _ = app;
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add(TestAuthHandler.Header, "xojaobod.direktor");

        var plan = await client.GetAsync($"/Plans/Details/{_ownPlan}");
        var home = await client.GetAsync("/");

        (plan.StatusCode, home.StatusCode).Should().Be((HttpStatusCode.OK, HttpStatusCode.OK));
        events.Refusals.Should().BeEmpty();
    }
}
