using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using WorkPlan.Core.Common;
using WorkPlan.IntegrationTests.Infrastructure;

namespace WorkPlan.IntegrationTests.Operations;

[Collection(DatabaseTests.Name)]
public sealed class BootstrapTests(DatabaseFixture database) : IAsyncLifetime
{
    public Task InitializeAsync() => database.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task CreatesTheConfiguredFirstAdministrator_WhoMustChangeThePassword_AndNoOtherAccount()
    {
        await using var app = new WorkPlanFactory(database.ConnectionString, settings: new Dictionary<string, string?>
        {
            ["WorkPlan:Bootstrap:AdminUserName"] = "bosh.admin",
            ["WorkPlan:Bootstrap:AdminPassword"] = "Birinchi-kirish-paroli-1",
        });

        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var login = await Forms.SignInAsync(client, "bosh.admin", "Birinchi-kirish-paroli-1");
        var next = await client.GetAsync("/Users");

        await using var db = database.CreateContext();
        var users = await db.Users.ToListAsync();
        users.Should().ContainSingle();
        (users[0].Role, users[0].MustChangePassword, users[0].IsDemo).Should().Be((Roles.Administrator, true, false));
        (await db.Plans.AnyAsync()).Should().BeFalse("production has no demo data");
        login.IsRedirectTo("/").Should().BeTrue();
        next.IsRedirectTo("/Account/ChangePassword").Should().BeTrue();
    }

    [Fact]
    public async Task CreatesNoAccountAtAll_WithoutDemoModeOrBootstrapSettings()
    {
        await using var app = new WorkPlanFactory(database.ConnectionString);

        _ = app.CreateClient();

        await using var db = database.CreateContext();
        (await db.Users.AnyAsync()).Should().BeFalse();
    }
}
