using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using WorkPlan.Core.Common;
using WorkPlan.Infrastructure.Data.Seed;
using WorkPlan.IntegrationTests.Infrastructure;

namespace WorkPlan.IntegrationTests.Account;

/// <summary>Who must set up a second factor before working, through the real sign-in page.</summary>
[Collection(DatabaseTests.Name)]
public sealed class SecondFactorRequirementTests(DatabaseFixture database) : IAsyncLifetime
{
    public Task InitializeAsync() => database.ResetWithDemoDataAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData(Roles.RegionalDirector, "andijon")]
    [InlineData(Roles.RegionalMethodologist, "andijon")]
    [InlineData(Roles.Inspector, "xojaobod")]
    [InlineData(Roles.Director, "xojaobod")]
    [InlineData(Roles.Administrator, "xojaobod")]
    [InlineData(Roles.Administrator, "national")]
    public async Task SendsToTheAuthenticatorSetUp_EveryRoleThatSignsOrAccepts(string role, string organisation)
    {
        await TestUsers.CreateAsync(database, "yangi.xodim", role, organisation);
        var client = Browser(database.Factory);

        (await Forms.SignInAsync(client, "yangi.xodim", TestUsers.Password)).IsRedirectTo("/").Should().BeTrue();
        var plans = await client.GetAsync("/Plans");

        plans.IsRedirectTo("/Account/EnableAuthenticator").Should().BeTrue($"a {role} signs or accepts, so a password alone is not enough");
    }

    [Fact]
    public async Task LetsAServiceHeadWorkWithAPasswordAlone()
    {
        var client = Browser(database.Factory);

        await Forms.SignInAsync(client, "xojaobod.fond", DemoUserSeeder.Password);

        (await client.GetAsync("/Plans")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("andijon.metodist")]
    [InlineData("xojaobod.inspektor")]
    [InlineData("admin")]
    public async Task RequiresTheSecondFactorOfADemoAccount_WhenTheAppIsNotTheDemo(string userName)
    {
        var client = Browser(database.Factory);

        await Forms.SignInAsync(client, userName, DemoUserSeeder.Password);

        (await client.GetAsync("/Plans")).IsRedirectTo("/Account/EnableAuthenticator").Should().BeTrue(
            "demo accounts have a published password; only the demo itself lets them in with it alone");
    }

    [Fact]
    public async Task LetsADemoAccountInWithAPasswordAlone_WhenTheAppIsTheDemo()
    {
        var client = Browser(database.DemoFactory);

        await Forms.SignInAsync(client, "andijon.metodist", DemoUserSeeder.Password);

        (await client.GetAsync("/Plans")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    private static HttpClient Browser(WorkPlanFactory app) => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
}
