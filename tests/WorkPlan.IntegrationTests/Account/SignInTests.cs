using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;
using WorkPlan.Core.Account;
using WorkPlan.Core.Common;
using WorkPlan.Infrastructure;
using WorkPlan.Infrastructure.Data.Seed;
using WorkPlan.Infrastructure.Identity;
using WorkPlan.IntegrationTests.Infrastructure;

namespace WorkPlan.IntegrationTests.Account;

[Collection(DatabaseTests.Name)]
public sealed class SignInTests(DatabaseFixture database) : IAsyncLifetime
{
    public Task InitializeAsync() => database.ResetWithDemoDataAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>A browser against the app running as the demo: its demo accounts sign in with a password alone.</summary>
    private HttpClient Browser() => database.DemoFactory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Fact]
    public async Task SendsAnonymousVisitorsToTheSignInPage_AndBackAfterSigningIn()
    {
        var client = Browser();

        var first = await client.GetAsync("/Plans");
        var login = await Forms.PostAsync(client, "/Account/Login?ReturnUrl=%2FPlans", "/Account/Login",
            new Dictionary<string, string> { ["UserName"] = "xojaobod.direktor", ["Password"] = DemoUserSeeder.Password, ["ReturnUrl"] = "/Plans" });
        var plans = await client.GetAsync("/Plans");

        first.IsRedirectTo("http://localhost/Account/Login?ReturnUrl=%2FPlans").Should().BeTrue();
        login.IsRedirectTo("/Plans").Should().BeTrue();
        login.Headers.GetValues("Set-Cookie").Should().Contain(c => c.StartsWith("WorkPlan.Auth=", StringComparison.Ordinal)
            && c.Contains("httponly", StringComparison.OrdinalIgnoreCase) && c.Contains("samesite=lax", StringComparison.OrdinalIgnoreCase));
        plans.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task RefusesTheSignIn_WithAWrongPassword_SayingSoInUzbek()
    {
        var response = await Forms.SignInAsync(Browser(), "xojaobod.direktor", "noto'g'ri-parol-123");
        var page = await Html.ParseAsync(response);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        page.ValidationText().Should().Contain("Login yoki parol noto'g'ri.");
    }

    [Fact]
    public async Task LocksTheAccountOut_AfterFiveFailedAttempts_EvenForTheRightPassword()
    {
        var client = Browser();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await Forms.SignInAsync(client, "xojaobod.inspektor", $"wrong-password-{attempt}");
        }

        var response = await Forms.SignInAsync(client, "xojaobod.inspektor", DemoUserSeeder.Password);
        var page = await Html.ParseAsync(response);

        response.StatusCode.Should().Be(HttpStatusCode.OK, "a locked-out account stays on the sign-in page");
        page.ValidationText().Should().Contain("bloklandi");
    }

    [Fact]
    public async Task EndsTheSession_WhenAnAdministratorDeactivatesTheUser()
    {
        var user = Browser();
        await Forms.SignInAsync(user, "xojaobod.inspektor", DemoUserSeeder.Password);
        (await user.GetAsync("/Plans")).StatusCode.Should().Be(HttpStatusCode.OK);
        var id = await UserIdAsync("xojaobod.inspektor");

        var admin = database.Factory.CreateClientAs("xojaobod.admin");
        var deactivated = await Forms.PostAsync(admin, $"/Users/Edit/{id}", $"/Users/Deactivate/{id}", new Dictionary<string, string>());
        var afterwards = await user.GetAsync("/Plans");
        var signInAgain = await Forms.SignInAsync(Browser(), "xojaobod.inspektor", DemoUserSeeder.Password);

        deactivated.IsRedirectTo($"/Users/Edit/{id}").Should().BeTrue();
        afterwards.IsRedirectTo("http://localhost/Account/Login").Should().BeTrue("a deactivated user's session ends");
        (await Html.ParseAsync(signInAgain)).ValidationText().Should().Contain("Hisobingiz faolsizlantirilgan",
            "the right password was given, so the user is told the account is deactivated");
    }

    [Fact]
    public async Task SaysTheAccountIsDeactivated_WhenADeactivatedUserGivesTheRightPassword()
    {
        await DeactivateAsync("xojaobod.inspektor");

        var response = await Forms.SignInAsync(Browser(), "xojaobod.inspektor", DemoUserSeeder.Password);
        var page = await Html.ParseAsync(response);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        page.ValidationText().Should().Contain("Hisobingiz faolsizlantirilgan").And.NotContain("Login yoki parol noto'g'ri.");
        (response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : []).Should()
            .NotContain(c => c.StartsWith("WorkPlan.Auth=", StringComparison.Ordinal), "no session is opened");
    }

    [Fact]
    public async Task SaysOnlyWrongLoginOrPassword_WhenADeactivatedUserGivesAWrongPassword()
    {
        await DeactivateAsync("xojaobod.inspektor");

        var response = await Forms.SignInAsync(Browser(), "xojaobod.inspektor", "noto'g'ri-parol-123");
        var page = await Html.ParseAsync(response);

        page.ValidationText().Should().Contain("Login yoki parol noto'g'ri.").And.NotContain("faolsizlantirilgan",
            "whoever does not know the password must not learn anything about the account");
    }

    private async Task DeactivateAsync(string userName)
    {
        var id = await UserIdAsync(userName);
        var admin = database.Factory.CreateClientAs("xojaobod.admin");
        var deactivated = await Forms.PostAsync(admin, $"/Users/Edit/{id}", $"/Users/Deactivate/{id}", new Dictionary<string, string>());
        deactivated.IsRedirectTo($"/Users/Edit/{id}").Should().BeTrue();
    }

    [Fact]
    public async Task EndsTheSession_OnSignOut_EvenForACopyOfTheOldCookie()
    {
        var client = Browser();
        var login = await Forms.SignInAsync(client, "xojaobod.direktor", DemoUserSeeder.Password);
        var cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("WorkPlan.Auth=", StringComparison.Ordinal)).Split(';')[0];

        var logout = await Forms.PostAsync(client, "/Plans", "/Account/Logout", new Dictionary<string, string>());
        var replay = new HttpRequestMessage(HttpMethod.Get, "/Plans");
        replay.Headers.Add("Cookie", cookie);
        var replayed = await Browser().SendAsync(replay);

        logout.IsRedirectTo("/Account/Login").Should().BeTrue();
        replayed.IsRedirectTo("http://localhost/Account/Login").Should().BeTrue("the server forgot the session, so the old cookie opens nothing");
    }

    [Theory]
    [InlineData("qwerty12345", "juda keng tarqalgan")]
    [InlineData("parol12345", "juda keng tarqalgan")]
    [InlineData("qisqa-1", "kamida 10")]
    [InlineData("xojaobod.direktor-2024", "loginni")]
    public async Task RefusesWeakNewPasswords(string newPassword, string message)
    {
        var client = Browser();
        await Forms.SignInAsync(client, "xojaobod.direktor", DemoUserSeeder.Password);

        var response = await Forms.PostAsync(client, "/Account/ChangePassword", "/Account/ChangePassword", new Dictionary<string, string>
        {
            ["CurrentPassword"] = DemoUserSeeder.Password,
            ["NewPassword"] = newPassword,
            ["ConfirmPassword"] = newPassword,
        });

        (await Html.ParseAsync(response)).ValidationText().Should().Contain(message);
        (await Forms.SignInAsync(Browser(), "xojaobod.direktor", DemoUserSeeder.Password)).IsRedirectTo("/").Should().BeTrue("the old password still works");
    }

    [Fact]
    public async Task HashesPasswordsWithPbkdf2AtLeast210000Times()
    {
        using var scope = database.Factory.Services.CreateScope();
        var hasher = scope.ServiceProvider.GetRequiredService<IPasswordHasher<AppUser>>();

        var hash = Convert.FromBase64String(hasher.HashPassword(new AppUser(), "Bir-nechta-so'z-parol"));
        var iterations = (hash[5] << 24) | (hash[6] << 16) | (hash[7] << 8) | hash[8];

        hash[0].Should().Be(0x01, "Identity's v3 format: PBKDF2 with HMAC-SHA512");
        iterations.Should().BeGreaterThanOrEqualTo(210_000).And.Be(DependencyInjection.PasswordHashIterations);
    }

    [Fact]
    public async Task MakesTheUserChooseAPassword_WhenAnAdministratorSetIt()
    {
        await TestUsers.CreateAsync(database, "xojaobod.yangi", Roles.ServiceHead, "xojaobod", mustChangePassword: true, serviceCode: "acquisition");
        var client = Browser();
        await Forms.SignInAsync(client, "xojaobod.yangi", TestUsers.Password);

        var blocked = await client.GetAsync("/Plans");
        var changed = await Forms.PostAsync(client, "/Account/ChangePassword", "/Account/ChangePassword", new Dictionary<string, string>
        {
            ["CurrentPassword"] = TestUsers.Password,
            ["NewPassword"] = "Kitob-javoni-yonida-turadi",
            ["ConfirmPassword"] = "Kitob-javoni-yonida-turadi",
        });
        var free = await client.GetAsync("/Plans");

        blocked.IsRedirectTo("/Account/ChangePassword").Should().BeTrue();
        changed.IsRedirectTo("/").Should().BeTrue();
        free.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task RequiresTwoFactorSignIn_ForDirectorsWhoAreNotDemoAccounts()
    {
        await TestUsers.CreateAsync(database, "xojaobod.haqiqiy", Roles.Director, "xojaobod");
        var client = Browser();
        await Forms.SignInAsync(client, "xojaobod.haqiqiy", TestUsers.Password);

        var blocked = await client.GetAsync("/Plans");
        var setup = await Html.ParseAsync(await client.GetAsync("/Account/EnableAuthenticator"));
        var key = setup.QuerySelector(".shared-key")!.Text().Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        var enabled = await Forms.PostAsync(client, "/Account/EnableAuthenticator", "/Account/EnableAuthenticator", new Dictionary<string, string>
        {
            ["Code"] = new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(),
            ["Password"] = TestUsers.Password,
            ["KeyToken"] = setup.QuerySelector("input[name=KeyToken]")!.GetAttribute("value")!,
        });
        var recoveryCodes = (await Html.ParseAsync(enabled)).QuerySelectorAll(".recovery-codes kbd").Select(k => k.Text()).ToList();
        await Forms.PostAsync(client, "/Plans", "/Account/Logout", new Dictionary<string, string>());

        var next = Browser();
        var password = await Forms.SignInAsync(next, "xojaobod.haqiqiy", TestUsers.Password);
        var wrongCode = await Forms.PostAsync(next, "/Account/SecondFactor", "/Account/SecondFactor", new Dictionary<string, string> { ["Code"] = "000000" });
        var recovery = await Forms.PostAsync(next, "/Account/SecondFactor", "/Account/SecondFactor",
            new Dictionary<string, string> { ["Code"] = recoveryCodes[0], ["UseRecoveryCode"] = "true" });

        blocked.IsRedirectTo("/Account/EnableAuthenticator").Should().BeTrue("directors must set up a second factor first");
        recoveryCodes.Should().HaveCount(AccountService.RecoveryCodeCount);
        password.IsRedirectTo("/Account/SecondFactor").Should().BeTrue();
        (await Html.ParseAsync(wrongCode)).ValidationText().Should().Contain("Kod noto'g'ri");
        recovery.IsRedirectTo("/").Should().BeTrue();
        (await next.GetAsync("/Plans")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task LetsDemoAccountsSignInWithAPasswordAlone()
    {
        var client = Browser();

        var login = await Forms.SignInAsync(client, "admin", DemoUserSeeder.Password);

        login.IsRedirectTo("/").Should().BeTrue();
        (await client.GetAsync("/Users")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    private async Task<string> UserIdAsync(string userName)
    {
        await using var db = database.CreateContext();
        return await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
    }
}
