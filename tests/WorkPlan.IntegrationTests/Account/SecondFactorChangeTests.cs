using System.Net;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using OtpNet;
using WorkPlan.Infrastructure.Data.Seed;
using WorkPlan.IntegrationTests.Infrastructure;

namespace WorkPlan.IntegrationTests.Account;

/// <summary>
/// The second factor cannot be taken over from a borrowed session: every change asks for the password and a
/// current code, a key in use is never shown again, a code is accepted once, and the secrets are stored protected.
/// A service head is used: the second factor is theirs to choose, so it may also be turned off.
/// </summary>
[Collection(DatabaseTests.Name)]
public sealed class SecondFactorChangeTests(DatabaseFixture database) : IAsyncLifetime
{
    private const string UserName = "xojaobod.fond";
    private const string Password = DemoUserSeeder.Password;

    public Task InitializeAsync() => database.ResetWithDemoDataAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task RefusesAnAuthenticatorCode_TheSecondTimeItIsUsed()
    {
        var (key, _) = await EnrolAsync(await SignedInAsync());
        var code = Code(key, TimeSpan.FromSeconds(30));

        var first = await SignInWithCodeAsync(code);
        var second = await SignInWithCodeAsync(code);

        first.IsRedirectTo("/").Should().BeTrue();
        second.StatusCode.Should().Be(HttpStatusCode.OK, "the same code signs in once only");
        (await Html.ParseAsync(second)).ValidationText().Should().Contain("Kod noto'g'ri");
    }

    [Fact]
    public async Task NeverShowsTheKeyInUseAgain()
    {
        var client = await SignedInAsync();
        var (key, _) = await EnrolAsync(client);

        var setUpAgainResponse = await client.GetAsync("/Account/EnableAuthenticator");
        var setUpAgain = await setUpAgainResponse.Content.ReadAsStringAsync();
        var status = await (await client.GetAsync("/Account/TwoFactor")).Content.ReadAsStringAsync();

        foreach (var html in new[] { setUpAgain, status })
        {
            html.Replace(" ", string.Empty, StringComparison.Ordinal).Should().NotContainEquivalentOf(key);
        }

        setUpAgainResponse.StatusCode.Should().Be(HttpStatusCode.OK);
        setUpAgain.Should().Contain("shared-key", "setting up again shows a new key");
    }

    [Fact]
    public async Task RefusesNewRecoveryCodes_WithoutACurrentCode_OrWithAWrongPassword()
    {
        var client = await SignedInAsync();
        var (key, codes) = await EnrolAsync(client);
        var before = await StoredTokensAsync();

        var noCode = await PostAsync(client, "/Account/NewRecoveryCodes", new() { ["Password"] = Password, ["CurrentCode"] = "" });
        var wrongPassword = await PostAsync(client, "/Account/NewRecoveryCodes", new() { ["Password"] = "Boshqa-parol-1234", ["CurrentCode"] = Code(key, TimeSpan.FromSeconds(30)) });
        var wrongCode = await PostAsync(client, "/Account/NewRecoveryCodes", new() { ["Password"] = Password, ["CurrentCode"] = "000000" });

        foreach (var refused in new[] { noCode, wrongPassword, wrongCode })
        {
            (await Html.ParseAsync(refused)).QuerySelectorAll(".recovery-codes kbd").Should().BeEmpty();
        }

        (await StoredTokensAsync()).Should().Equal(before, "nothing changed");
        var allowed = await PostAsync(client, "/Account/NewRecoveryCodes", new() { ["Password"] = Password, ["CurrentCode"] = codes[0] });
        (await Html.ParseAsync(allowed)).QuerySelectorAll(".recovery-codes kbd").Should().HaveCount(10, "the password and a recovery code prove the owner");
    }

    [Fact]
    public async Task RefusesToTurnTheSecondFactorOff_WithoutThePasswordAndACurrentCode()
    {
        var client = await SignedInAsync();
        var (key, _) = await EnrolAsync(client);

        var noCode = await PostAsync(client, "/Account/DisableTwoFactor", new() { ["Password"] = Password, ["CurrentCode"] = "" });
        var wrongPassword = await PostAsync(client, "/Account/DisableTwoFactor", new() { ["Password"] = "Boshqa-parol-1234", ["CurrentCode"] = Code(key, TimeSpan.FromSeconds(30)) });
        var stillOn = await TwoFactorEnabledAsync();
        var allowed = await PostAsync(client, "/Account/DisableTwoFactor", new() { ["Password"] = Password, ["CurrentCode"] = Code(key, TimeSpan.FromSeconds(30)) });

        noCode.StatusCode.Should().Be(HttpStatusCode.OK);
        wrongPassword.StatusCode.Should().Be(HttpStatusCode.OK);
        stillOn.Should().BeTrue();
        allowed.IsRedirectTo("/Account/TwoFactor").Should().BeTrue();
        (await TwoFactorEnabledAsync()).Should().BeFalse();
    }

    [Fact]
    public async Task RefusesToSetUpAnotherAuthenticator_WithoutACurrentCode()
    {
        var client = await SignedInAsync();
        var (key, _) = await EnrolAsync(client);
        var before = await StoredTokensAsync();

        var page = await Html.ParseAsync(await client.GetAsync("/Account/EnableAuthenticator"));
        var newKey = SharedKey(page);
        var refused = await PostAsync(client, "/Account/EnableAuthenticator", new()
        {
            ["Code"] = Code(newKey, TimeSpan.Zero),
            ["Password"] = Password,
            ["KeyToken"] = page.QuerySelector("input[name=KeyToken]")!.GetAttribute("value")!,
        });

        (await Html.ParseAsync(refused)).ValidationText().Should().Contain("Kod noto'g'ri");
        (await StoredTokensAsync()).Should().Equal(before, "the old authenticator stays");
        (await SignInWithCodeAsync(Code(key, TimeSpan.FromSeconds(30)))).IsRedirectTo("/").Should().BeTrue();
    }

    [Fact]
    public async Task StoresTheKeyEncrypted_AndTheRecoveryCodesHashed()
    {
        var (key, codes) = await EnrolAsync(await SignedInAsync());

        var stored = await StoredTokensAsync();

        stored.Should().HaveCount(2);
        stored.Should().NotContain(v => v.Contains(key, StringComparison.OrdinalIgnoreCase));
        stored.Should().NotContain(v => codes.Any(c => v.Contains(c, StringComparison.OrdinalIgnoreCase)));
        (await SignInWithCodeAsync(codes[3], recovery: true)).IsRedirectTo("/").Should().BeTrue("the hashed recovery code still works");
    }

    private HttpClient Browser() => database.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private async Task<HttpClient> SignedInAsync()
    {
        var client = Browser();
        (await Forms.SignInAsync(client, UserName, Password)).IsRedirectTo("/").Should().BeTrue();
        return client;
    }

    /// <summary>Sets up an authenticator through the page, as the owner does; returns the key and the recovery codes shown.</summary>
    private static async Task<(string Key, List<string> Codes)> EnrolAsync(HttpClient client)
    {
        var page = await Html.ParseAsync(await client.GetAsync("/Account/EnableAuthenticator"));
        var key = SharedKey(page);
        var enabled = await PostAsync(client, "/Account/EnableAuthenticator", new()
        {
            ["Code"] = Code(key, TimeSpan.Zero),
            ["Password"] = Password,
            ["KeyToken"] = page.QuerySelector("input[name=KeyToken]")!.GetAttribute("value")!,
        });
        var codes = (await Html.ParseAsync(enabled)).QuerySelectorAll(".recovery-codes kbd").Select(k => k.Text()).ToList();
        codes.Should().HaveCount(10);
        return (key, codes);
    }

    private async Task<HttpResponseMessage> SignInWithCodeAsync(string code, bool recovery = false)
    {
        var client = Browser();
        (await Forms.SignInAsync(client, UserName, Password)).IsRedirectTo("/Account/SecondFactor").Should().BeTrue();
        return await Forms.PostAsync(client, "/Account/SecondFactor", "/Account/SecondFactor",
            new Dictionary<string, string> { ["Code"] = code, ["UseRecoveryCode"] = recovery ? "true" : "false" });
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string url, Dictionary<string, string> fields) =>
        Forms.PostAsync(client, "/Account/TwoFactor", url, fields);

    private static string SharedKey(IDocument page) =>
        page.QuerySelector(".shared-key")!.Text().Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();

    /// <summary>The authenticator app's code at now + <paramref name="offset"/> (30 s ahead is the next code, still accepted).</summary>
    private static string Code(string key, TimeSpan offset) => new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(DateTime.UtcNow + offset);

    private async Task<List<string>> StoredTokensAsync()
    {
        await using var db = database.CreateContext();
        var id = await db.Users.Where(u => u.UserName == UserName).Select(u => u.Id).SingleAsync();
        return await db.UserTokens.Where(t => t.UserId == id).OrderBy(t => t.Name).Select(t => t.Value!).ToListAsync();
    }

    private async Task<bool> TwoFactorEnabledAsync()
    {
        await using var db = database.CreateContext();
        return await db.Users.Where(u => u.UserName == UserName).Select(u => u.TwoFactorEnabled).SingleAsync();
    }
}
