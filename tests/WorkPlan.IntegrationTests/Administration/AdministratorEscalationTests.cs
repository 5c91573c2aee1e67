using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkPlan.Core.Common;
using WorkPlan.Infrastructure.Identity;
using WorkPlan.IntegrationTests.Infrastructure;

namespace WorkPlan.IntegrationTests.Administration;

/// <summary>An administrator never becomes somebody else: not by changing their own role, not through a password reset.</summary>
[Collection(DatabaseTests.Name)]
public sealed class AdministratorEscalationTests(DatabaseFixture database) : IAsyncLifetime
{
    public Task InitializeAsync() => database.ResetWithDemoDataAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("xojaobod", Roles.Director, "xojaobod")]
    [InlineData("andijon", Roles.Administrator, "xojaobod")]
    public async Task RefusesToChangeTheirOwnRoleOrCentre_WhenAnAdministratorEditsThemself(string own, string role, string organisation)
    {
        var id = await TestUsers.CreateAsync(database, "yangi.admin", Roles.Administrator, own);
        var admin = database.Factory.CreateClientAs("yangi.admin");
        var organisationId = await OrganisationIdAsync(organisation);

        var response = await Forms.PostAsync(admin, $"/Users/Edit/{id}", $"/Users/Edit/{id}", new Dictionary<string, string>
        {
            ["Input.FullName"] = "yangi.admin",
            ["Input.OrganisationId"] = organisationId.ToString(CultureInfo.InvariantCulture),
            ["Input.Role"] = role,
            ["Input.ConcurrencyStamp"] = await StampAsync(id),
        });

        var page = await Html.ParseAsync(response);
        page.ValidationText().Should().Contain("O'zingizning rolingiz");
        await using var db = database.CreateContext();
        var stored = await db.Users.SingleAsync(u => u.Id == id);
        (stored.Role, stored.OrganisationId).Should().Be((Roles.Administrator, await OrganisationIdAsync(own)));
    }

    [Fact]
    public async Task LetsAnotherAdministratorChangeTheRole()
    {
        var id = await TestUsers.CreateAsync(database, "xojaobod.admin2", Roles.Administrator, "xojaobod");
        var admin = database.Factory.CreateClientAs("xojaobod.admin");

        var response = await Forms.PostAsync(admin, $"/Users/Edit/{id}", $"/Users/Edit/{id}", new Dictionary<string, string>
        {
            ["Input.FullName"] = "xojaobod.admin2",
            ["Input.OrganisationId"] = (await OrganisationIdAsync("xojaobod")).ToString(CultureInfo.InvariantCulture),
            ["Input.Role"] = Roles.Inspector,
            ["Input.ConcurrencyStamp"] = await StampAsync(id),
        });

        response.IsRedirectTo($"/Users/Edit/{id}").Should().BeTrue();
        await using var db = database.CreateContext();
        (await db.Users.SingleAsync(u => u.Id == id)).Role.Should().Be(Roles.Inspector);
    }

    [Fact]
    public async Task OpensNothingForTheAdministrator_WhoResetsTheDirectorsPassword()
    {
        var director = await TestUsers.CreateAsync(database, "xojaobod.rahbar", Roles.Director, "xojaobod");
        using (var scope = database.Factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = await users.FindByIdAsync(director);
            await users.ResetAuthenticatorKeyAsync(user!);
            await users.SetTwoFactorEnabledAsync(user!, true);
        }

        var admin = database.Factory.CreateClientAs("xojaobod.admin");
        var reset = await Forms.PostAsync(admin, $"/Users/Edit/{director}", $"/Users/ResetPassword/{director}", new Dictionary<string, string>());
        var temporary = (await Html.ParseAsync(reset)).QuerySelector(".temporary-password")!.Text();
        var asAdmin = database.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var oldPassword = await Forms.SignInAsync(database.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }), "xojaobod.rahbar", TestUsers.Password);
        var signIn = await Forms.SignInAsync(asAdmin, "xojaobod.rahbar", temporary);

        oldPassword.StatusCode.Should().Be(HttpStatusCode.OK, "the reset ends the old password");
        signIn.IsRedirectTo("/Account/SecondFactor").Should().BeTrue("the temporary password alone opens nothing: the owner's authenticator is still asked for");
        (await asAdmin.GetAsync("/Plans")).IsRedirectTo("http://localhost/Account/Login").Should().BeTrue();
        (await asAdmin.GetAsync("/Account/ChangePassword")).IsRedirectTo("http://localhost/Account/Login").Should().BeTrue();
        await using var db = database.CreateContext();
        var stored = await db.Users.SingleAsync(u => u.Id == director);
        (stored.TwoFactorEnabled, stored.MustChangePassword).Should().Be((true, true), "the owner keeps the second factor and must choose a new password");
    }

    private async Task<int> OrganisationIdAsync(string code)
    {
        await using var db = database.CreateContext();
        return await db.Organisations.Where(o => o.Code == code).Select(o => o.Id).SingleAsync();
    }

    private async Task<string> StampAsync(string id)
    {
        await using var db = database.CreateContext();
        return await db.Users.Where(u => u.Id == id).Select(u => u.ConcurrencyStamp!).SingleAsync();
    }
}
