using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WorkPlan.Infrastructure.Data.Seed;
using WorkPlan.Infrastructure.Identity;
using WorkPlan.IntegrationTests.Infrastructure;

namespace WorkPlan.IntegrationTests.Account;

/// <summary>Guessing passwords: no account enumeration, throttling by address and in total, lockout that counts every wrong password.</summary>
[Collection(DatabaseTests.Name)]
public sealed class SignInThrottlingTests(DatabaseFixture database) : IAsyncLifetime
{
    private const string AddressHeader = "X-Test-Address";

    public Task InitializeAsync() => database.ResetWithDemoDataAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private HttpClient Browser() => database.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>The app with the given limits, where each client says which address it comes from.</summary>
    private WebApplicationFactory<Program> Limited(int perAddress, int perMinute) => database.Factory.WithWebHostBuilder(builder =>
    {
        builder.UseSetting("Security:SignInAttemptsPerAddress", perAddress.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Security:SignInAttemptsPerMinute", perMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.ConfigureTestServices(services => services.AddTransient<IStartupFilter, TestAddressFilter>());
    });

    private static HttpClient From(WebApplicationFactory<Program> app, string address)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add(AddressHeader, address);
        return client;
    }

    [Fact]
    public async Task AnswersAKnownAndAnUnknownName_WithTheSameMessage_AndHashesAPasswordForBoth()
    {
        var dummy = database.Factory.Services.GetRequiredService<DummyPasswordCheck>();
        var before = dummy.Count;

        var known = await Html.ParseAsync(await Forms.SignInAsync(Browser(), "xojaobod.inspektor", "noto'g'ri-parol-123"));
        var afterKnown = dummy.Count;
        var unknown = await Html.ParseAsync(await Forms.SignInAsync(Browser(), "hech.kim.emas", "noto'g'ri-parol-123"));

        unknown.ValidationText().Should().Be(known.ValidationText()).And.Contain("Login yoki parol noto'g'ri.");
        afterKnown.Should().Be(before, "a known name checks its own hash");
        dummy.Count.Should().Be(before + 1, "an unknown name costs a password hash too");
    }

    [Fact]
    public async Task SaysTheSameForALockedAndAnUnknownAccount_ToWhoeverDoesNotKnowThePassword()
    {
        var client = Browser();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await Forms.SignInAsync(client, "xojaobod.inspektor", $"wrong-password-{attempt}");
        }

        var locked = await Html.ParseAsync(await Forms.SignInAsync(client, "xojaobod.inspektor", "wrong-password-6"));
        var unknown = await Html.ParseAsync(await Forms.SignInAsync(client, "hech.kim.emas", "wrong-password-6"));
        var owner = await Html.ParseAsync(await Forms.SignInAsync(client, "xojaobod.inspektor", DemoUserSeeder.Password));

        locked.ValidationText().Should().Be(unknown.ValidationText()).And.NotContain("bloklandi");
        owner.ValidationText().Should().Contain("bloklandi", "whoever knows the password learns why it does not open");
    }

    [Fact]
    public async Task ThrottlesOneAddress_BeforeTheAccountLocks_AndTheOwnerStillSignsInFromTheirOwn()
    {
        await using var app = Limited(perAddress: 4, perMinute: 1000);
        var attacker = From(app, "203.0.113.7");

        var answers = new List<HttpResponseMessage>();
        for (var attempt = 0; attempt < 8; attempt++)
        {
            answers.Add(await Forms.SignInAsync(attacker, "xojaobod.inspektor", $"guess-{attempt}"));
        }

        var owner = await Forms.SignInAsync(From(app, "198.51.100.20"), "xojaobod.inspektor", DemoUserSeeder.Password);
        var throttled = answers[4];
        var page = await Html.ParseAsync(throttled);

        answers.Take(4).Should().OnlyContain(r => r.StatusCode == HttpStatusCode.OK);
        answers.Skip(4).Should().OnlyContain(r => r.StatusCode == HttpStatusCode.TooManyRequests);
        throttled.Headers.RetryAfter.Should().NotBeNull();
        page.QuerySelector("h1")!.TextContent.Should().Contain("Urinishlar juda ko'p");
        owner.IsRedirectTo("/").Should().BeTrue("four wrong guesses do not lock the account, and the owner's address is not throttled");
    }

    [Theory]
    [InlineData("ru-RU", "Слишком много попыток", true)]
    [InlineData("en-US", "Too many attempts", true)]
    [InlineData("ru-RU", "Слишком много попыток", false)]
    [InlineData("en-US", "Too many attempts", false)]
    public async Task ShowsTheThrottledPage_InTheLanguageOfTheCultureCookie(string culture, string title, bool byAddress)
    {
        // Throttled by the address's failures, or by the limit of all attempts (the rate limiter, which refuses late).
        await using var app = byAddress ? Limited(perAddress: 1, perMinute: 1000) : Limited(perAddress: 1000, perMinute: 1);
        var attacker = From(app, "203.0.113.9");
        await Forms.PostAsync(attacker, "/Account/Login", "/Language/Set", new Dictionary<string, string> { ["culture"] = culture, ["returnUrl"] = "/Account/Login" });
        await Forms.SignInAsync(attacker, "xojaobod.inspektor", "guess-1");

        var throttled = await Forms.SignInAsync(attacker, "xojaobod.inspektor", "guess-2");
        var page = await Html.ParseAsync(throttled);

        throttled.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        page.QuerySelector("h1")!.TextContent.Should().Contain(title);
        page.DocumentElement.GetAttribute("lang").Should().StartWith(culture[..2]);
    }

    [Fact]
    public async Task LetsTheStaffOfACentreSignIn_FromOneOfficeAddress_HoweverManyTheyAre()
    {
        await using var app = Limited(perAddress: 4, perMinute: 1000);
        string[] staff = ["xojaobod.fond", "xojaobod.abonement", "xojaobod.akt", "xojaobod.zal", "xojaobod.kadrlar", "xojaobod.bibliografiya"];

        var answers = new List<HttpResponseMessage>();
        foreach (var name in staff)
        {
            answers.Add(await Forms.SignInAsync(From(app, "203.0.113.50"), name, DemoUserSeeder.Password));
        }

        answers.Should().OnlyContain(r => r.StatusCode == HttpStatusCode.Redirect, "only failed attempts count towards an address's limit");
    }

    [Fact]
    public async Task ThrottlesSignInAcrossAllAddresses_WhenPasswordsAreSprayed()
    {
        await using var app = Limited(perAddress: 1000, perMinute: 5);

        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 8; attempt++)
        {
            var response = await Forms.SignInAsync(From(app, $"192.0.2.{attempt + 1}"), $"xojaobod.user{attempt}", "Parol-2022-kuz");
            statuses.Add(response.StatusCode);
        }

        statuses.Take(5).Should().OnlyContain(s => s == HttpStatusCode.OK);
        statuses.Skip(5).Should().OnlyContain(s => s == HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task CountsWrongCurrentPasswordsOnTheChangeForm_TowardsTheLockout()
    {
        var client = Browser();
        await Forms.SignInAsync(client, "xojaobod.inspektor", DemoUserSeeder.Password);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await Forms.PostAsync(client, "/Account/ChangePassword", "/Account/ChangePassword", new Dictionary<string, string>
            {
                ["CurrentPassword"] = $"guess-number-{attempt}",
                ["NewPassword"] = "Kitob-javoni-yonida-turadi",
                ["ConfirmPassword"] = "Kitob-javoni-yonida-turadi",
            });
        }

        var signIn = await Html.ParseAsync(await Forms.SignInAsync(Browser(), "xojaobod.inspektor", DemoUserSeeder.Password));

        signIn.ValidationText().Should().Contain("bloklandi", "five wrong current passwords lock the account like five wrong sign-ins");
    }

    [Fact]
    public async Task EndsTheUsersOtherSessionsAtOnce_WhenThePasswordChanges()
    {
        await using var app = database.Factory.WithWebHostBuilder(builder => builder.UseSetting("Security:SecurityStampValidationMinutes", "1"));
        var laptop = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var phone = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        // A service head: an account that signs in with a password alone outside the demo.
        await Forms.SignInAsync(laptop, "xojaobod.fond", DemoUserSeeder.Password);
        await Forms.SignInAsync(phone, "xojaobod.fond", DemoUserSeeder.Password);
        (await phone.GetAsync("/Plans")).StatusCode.Should().Be(HttpStatusCode.OK);

        var changed = await Forms.PostAsync(laptop, "/Account/ChangePassword", "/Account/ChangePassword", new Dictionary<string, string>
        {
            ["CurrentPassword"] = DemoUserSeeder.Password,
            ["NewPassword"] = "Kitob-javoni-yonida-turadi",
            ["ConfirmPassword"] = "Kitob-javoni-yonida-turadi",
        });

        changed.IsRedirectTo("/").Should().BeTrue();
        (await phone.GetAsync("/Plans")).IsRedirectTo("http://localhost/Account/Login").Should().BeTrue("the other session ended with the old password");
        (await laptop.GetAsync("/Plans")).StatusCode.Should().Be(HttpStatusCode.OK, "the session that changed the password goes on");
    }

    [Fact]
    public void SendsNoServerHeader()
    {
        database.Factory.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.AddServerHeader.Should().BeFalse();
    }

    [Theory]
    [InlineData("Demo-parol-2022", "juda keng tarqalgan")]
    [InlineData("demo parol 2023!", "juda keng tarqalgan")]
    [InlineData("WorkPlan-2024-yil", "juda keng tarqalgan")]
    [InlineData("{centre}2022", "juda keng tarqalgan")]
    [InlineData("{centre} 2023 yil", "juda keng tarqalgan")]
    public async Task RefusesTheAppsOwnWords_AsNewPasswords(string newPassword, string message)
    {
        var centre = await CentreWordAsync();
        newPassword = newPassword.Replace("{centre}", centre, StringComparison.Ordinal);

        var response = await ChangePasswordAsync(newPassword);

        (await Html.ParseAsync(response)).ValidationText().Should().Contain(message, $"\"{newPassword}\" is guessable");
    }

    [Fact]
    public async Task RefusesA512CharacterPassword_SayingTheMaximum()
    {
        var response = await ChangePasswordAsync(new string('k', 256) + new string('z', 256));

        (await Html.ParseAsync(response)).ValidationText().Should().Contain("128 ta belgidan oshmasin").And.NotContain("kamida");
    }

    [Fact]
    public async Task RefusesAnOverlongPassword_InTheValidatorToo()
    {
        using var scope = database.Factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
        var user = await users.FindByNameAsync("xojaobod.inspektor");

        var result = await users.ChangePasswordAsync(user!, DemoUserSeeder.Password, new string('x', 129) + "Ab1-");

        result.Errors.Should().Contain(e => e.Code == CommonPasswordValidator.TooLongCode);
    }

    private async Task<HttpResponseMessage> ChangePasswordAsync(string newPassword)
    {
        var client = Browser();
        await Forms.SignInAsync(client, "xojaobod.inspektor", DemoUserSeeder.Password);
        return await Forms.PostAsync(client, "/Account/ChangePassword", "/Account/ChangePassword", new Dictionary<string, string>
        {
            ["CurrentPassword"] = DemoUserSeeder.Password,
            ["NewPassword"] = newPassword,
            ["ConfirmPassword"] = newPassword,
        });
    }

    /// <summary>The first word of the user's own centre's name, as a user would type it ("Xo'jaobod").</summary>
    private async Task<string> CentreWordAsync()
    {
        await using var db = database.CreateContext();
        var name = await db.Users.Where(u => u.UserName == "xojaobod.inspektor").Select(u => u.Organisation!.Name).SingleAsync();
        return name.Split(' ')[0];
    }

    /// <summary>Lets a test client name its address, as a connection from another machine would have.</summary>
    private sealed class TestAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue(AddressHeader, out var address))
                {
                    context.Connection.RemoteIpAddress = IPAddress.Parse(address.ToString());
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
