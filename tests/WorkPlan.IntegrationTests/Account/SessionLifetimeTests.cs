using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using WorkPlan.Infrastructure.Data.Seed;
using WorkPlan.IntegrationTests.Infrastructure;

namespace WorkPlan.IntegrationTests.Account;

[Collection(DatabaseTests.Name)]
public sealed class SessionLifetimeTests(DatabaseFixture database) : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));

    public Task InitializeAsync() => database.ResetWithDemoDataAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task EndsAnIdleSession_AfterTheIdleTimeout()
    {
        await using var app = App(new Dictionary<string, string?> { ["Security:IdleTimeoutMinutes"] = "30" });
        var client = await SignedInAsync(app);

        _clock.Advance(TimeSpan.FromMinutes(20));
        var active = await client.GetAsync("/Plans");
        _clock.Advance(TimeSpan.FromMinutes(31));
        var idle = await client.GetAsync("/Plans");

        active.StatusCode.Should().Be(HttpStatusCode.OK);
        idle.IsRedirectTo("http://localhost/Account/Login").Should().BeTrue();
    }

    [Fact]
    public async Task EndsABusySession_AfterTheAbsoluteLifetime()
    {
        await using var app = App(new Dictionary<string, string?> { ["Security:IdleTimeoutMinutes"] = "120", ["Security:AbsoluteLifetimeHours"] = "12" });
        var client = await SignedInAsync(app);

        for (var hour = 0; hour < 11; hour++)
        {
            _clock.Advance(TimeSpan.FromHours(1));
            (await client.GetAsync("/Plans")).StatusCode.Should().Be(HttpStatusCode.OK, $"the session is active in hour {hour + 1}");
        }

        _clock.Advance(TimeSpan.FromHours(1.5));
        var expired = await client.GetAsync("/Plans");

        expired.IsRedirectTo("http://localhost/Account/Login").Should().BeTrue("12 hours after sign-in the session ends, however busy");
    }

    private WebApplicationFactory<Program> App(Dictionary<string, string?> settings) =>
        new WorkPlanFactory(database.ConnectionString, settings: settings)
            .WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(_clock)));

    private static async Task<HttpClient> SignedInAsync(WebApplicationFactory<Program> app)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        (await Forms.SignInAsync(client, "xojaobod.fond", DemoUserSeeder.Password)).IsRedirectTo("/").Should().BeTrue();
        return client;
    }
}
