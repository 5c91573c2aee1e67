using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using WorkPlan.IntegrationTests.Infrastructure;

namespace WorkPlan.IntegrationTests.Operations;

[Collection(DatabaseTests.Name)]
public sealed class SecurityHeadersTests(DatabaseFixture database) : IAsyncLifetime
{
    // The signed-in cases need the accounts, whichever test ran before.
    public Task InitializeAsync() => database.ResetWithDemoDataAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("/Account/Login")]
    [InlineData("/Plans")]
    [InlineData("/no-such-page")]
    public async Task SendsTheSecurityHeaders_OnEveryResponse(string url)
    {
        var response = await database.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).GetAsync(url);

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        csp.Should().Contain("frame-ancestors 'none'").And.Contain("script-src 'self'").And.NotContain("unsafe-inline").And.NotContain("unsafe-eval");
        response.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
        response.Headers.GetValues("Referrer-Policy").Should().Equal("same-origin");
        response.Headers.GetValues("X-Frame-Options").Should().Equal("DENY");
    }

    [Fact]
    public async Task KeepsSignedInPagesOutOfTheBrowserCache()
    {
        var response = await database.Factory.CreateClientAs("xojaobod.direktor").GetAsync("/Plans");

        response.Headers.CacheControl!.NoStore.Should().BeTrue();
    }

    [Fact]
    public async Task RejectsAPost_WithoutItsAntiforgeryToken()
    {
        var admin = database.Factory.CreateClientAs("admin");

        var response = await admin.PostAsync("/Users/Create", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = "forged.user",
            ["FullName"] = "Forged",
            ["Role"] = "Administrator",
            ["OrganisationId"] = "1",
            ["Password"] = "Yetarlicha-uzun-parol-1",
        }));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        await using var db = database.CreateContext();
        db.Users.Any(u => u.UserName == "forged.user").Should().BeFalse();
    }

    [Fact]
    public async Task ServesTheSignInPageWithoutInlineScriptsOrStyles()
    {
        var page = await Html.ParseAsync(await database.Factory.CreateClient().GetAsync("/Account/Login"));

        page.QuerySelectorAll("script:not([src])").Should().BeEmpty();
        page.QuerySelectorAll("[style]").Should().BeEmpty();
        page.QuerySelectorAll("[onclick],[onsubmit],[onload]").Should().BeEmpty();
    }
}
