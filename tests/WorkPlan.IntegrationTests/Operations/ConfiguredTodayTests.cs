using Microsoft.Extensions.Configuration;
using WorkPlan.Infrastructure;
using WorkPlan.IntegrationTests.Infrastructure;

namespace WorkPlan.IntegrationTests.Operations;

/// <summary>The app's "today" as configured (WorkPlan:Today), read as the users of Uzbekistan would mean it.</summary>
[Collection(DatabaseTests.Name)]
public sealed class ConfiguredTodayTests(DatabaseFixture database) : IAsyncLifetime
{
    private static readonly TimeSpan Tashkent = TimeSpan.FromHours(5);

    public Task InitializeAsync() => database.ResetWithDemoDataAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("2022-10-03T09:00:00")]
    [InlineData("2022-10-03 09:00")]
    public void ReadsATodayWithoutAnOffset_AsTashkentTime(string configured)
    {
        DependencyInjection.ParseToday(configured).Should().Be(new DateTimeOffset(2022, 10, 3, 9, 0, 0, Tashkent));
        Clock(configured).GetUtcNow().Should().BeCloseTo(new DateTimeOffset(2022, 10, 3, 4, 0, 0, TimeSpan.Zero), TimeSpan.FromMinutes(1));
    }

    [Theory]
    [InlineData("2022-10-03T09:00:00+05:00", 4)]
    [InlineData("2022-10-03T09:00:00Z", 9)]
    [InlineData("2022-10-03T09:00:00+02:00", 7)]
    public void ReadsATodayWithAnOffset_AsWritten(string configured, int utcHour)
    {
        DependencyInjection.ParseToday(configured)!.Value.UtcDateTime.Should().Be(new DateTime(2022, 10, 3, utcHour, 0, 0, DateTimeKind.Utc));
    }

    [Fact]
    public void ReadsNothing_FromAnEmptyOrBrokenValue()
    {
        DependencyInjection.ParseToday(null).Should().BeNull();
        DependencyInjection.ParseToday("ertaga").Should().BeNull();
    }

    [Fact]
    public async Task OffersNextYearOfTashkent_AsTheImportsYear_OnTheNightOfTheFirstOfJanuary()
    {
        // 20:00 UTC on 31 December is 01:00 on 1 January 2023 in Tashkent: the plan to import is for 2024.
        await using var factory = new WorkPlanFactory(database.ConnectionString, settings: new Dictionary<string, string?> { ["WorkPlan:Today"] = "2022-12-31T20:00:00Z" });

        var page = await Html.ParseAsync(await factory.CreateClientAs("xojaobod.direktor").GetAsync("/PlanImport"));

        page.QuerySelector("input[name='Input.Year']")!.GetAttribute("value").Should().Be("2024");
    }

    private static TimeProvider Clock(string configured) =>
        DependencyInjection.Clock(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["WorkPlan:Today"] = configured }).Build());
}
