using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkPlan.Infrastructure;
using WorkPlan.Infrastructure.Data;
using WorkPlan.IntegrationTests.Infrastructure;

namespace WorkPlan.IntegrationTests.Operations;

/// <summary>The demo's clock (3 October 2022 by default) runs on across restarts and reads the same on every instance.</summary>
[Collection(DatabaseTests.Name)]
public sealed class DemoClockTests(DatabaseFixture database) : IAsyncLifetime
{
    public Task InitializeAsync() => database.ResetWithDemoDataAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ContinuesFromItsFirstStart_WhenTheAppStartsAgain()
    {
        // The demo first started two days ago; this start continues that clock instead of going back to its first day.
        await using (var db = database.CreateContext())
        {
            db.ClockStarts.Add(new ClockStart(DependencyInjection.DemoToday.ToUniversalTime(), DateTimeOffset.UtcNow.AddDays(-2)));
            await db.SaveChangesAsync();
        }

        await using var app = DemoApp();
        app.CreateClient();

        Now(app).Should().BeCloseTo(DependencyInjection.DemoToday.AddDays(2), TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task ReadsTheSameOnEveryInstance_AndStoresItsFirstStartOnce()
    {
        await using var first = DemoApp();
        first.CreateClient();
        await Task.Delay(TimeSpan.FromSeconds(3));
        await using var second = DemoApp();
        second.CreateClient();

        Now(second).Should().BeCloseTo(Now(first), TimeSpan.FromSeconds(1), "the second instance continues the clock the first one started");
        Now(first).Should().BeAfter(DependencyInjection.DemoToday.AddSeconds(3));
        await using var db = database.CreateContext();
        (await db.ClockStarts.CountAsync()).Should().Be(1);
    }

    private WorkPlanFactory DemoApp() =>
        new(database.ConnectionString, settings: new Dictionary<string, string?> { ["WorkPlan:DemoMode"] = "true" });

    private static DateTimeOffset Now(WorkPlanFactory app) => app.Services.GetRequiredService<TimeProvider>().GetUtcNow();
}
