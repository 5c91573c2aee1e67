using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using WorkPlan.Infrastructure.Data.Seed;
using WorkPlan.IntegrationTests.Infrastructure;

namespace WorkPlan.IntegrationTests.Operations;

/// <summary>
/// The app behind a TLS proxy at 10.0.0.5 (ReverseProxy:Proxies), answering to workplan.example.uz: the headers the
/// proxy sends are believed from it and from nobody else, and a foreign host is refused.
/// </summary>
[Collection(DatabaseTests.Name)]
public sealed class ReverseProxyTests(DatabaseFixture database) : IAsyncLifetime
{
    private const string Proxy = "10.0.0.5";
    private const string Host = "workplan.example.uz";

    public Task InitializeAsync() => database.ResetWithDemoDataAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task SendsHstsAndSecureCookies_WhenTheConfiguredProxyForwardsHttps()
    {
        await using var app = App();
        var client = Client(app);

        var page = await client.SendAsync(Forwarded(HttpMethod.Get, "/Account/Login", from: Proxy));
        var signIn = await SignInThroughProxyAsync(client, from: Proxy);

        page.StatusCode.Should().Be(HttpStatusCode.OK);
        page.Headers.TryGetValues("Strict-Transport-Security", out var hsts).Should().BeTrue("the browser's request was HTTPS");
        hsts!.Single().Should().Contain("max-age=");
        page.Headers.GetValues("Set-Cookie").Should().Contain(c => c.StartsWith("WorkPlan.Antiforgery=", StringComparison.Ordinal)
            && c.Contains("secure", StringComparison.OrdinalIgnoreCase));
        signIn.Headers.GetValues("Set-Cookie").Should().Contain(c => c.StartsWith("WorkPlan.Auth=", StringComparison.Ordinal)
            && c.Contains("secure", StringComparison.OrdinalIgnoreCase));
        signIn.Headers.Location!.OriginalString.Should().Be("/");
    }

    [Fact]
    public async Task RedirectsToTheForwardedHost_WhenTheConfiguredProxySendsIt()
    {
        await using var app = App();

        var response = await Client(app).SendAsync(Forwarded(HttpMethod.Get, "/Plans", from: Proxy));

        response.Headers.Location!.OriginalString.Should().StartWith($"https://{Host}/Account/Login");
    }

    [Fact]
    public async Task IgnoresTheForwardedHeaders_FromAnAddressThatIsNotAConfiguredProxy()
    {
        await using var app = App();
        var client = Client(app);

        var page = await client.SendAsync(Forwarded(HttpMethod.Get, "/Account/Login", from: "203.0.113.9"));
        var redirect = await client.SendAsync(Forwarded(HttpMethod.Get, "/Plans", from: "203.0.113.9"));

        page.Headers.Contains("Strict-Transport-Security").Should().BeFalse("the request reached the app over plain HTTP");
        page.Headers.GetValues("Set-Cookie").Should().NotContain(c => c.Contains("secure", StringComparison.OrdinalIgnoreCase));
        redirect.Headers.Location!.OriginalString.Should().StartWith("http://localhost/Account/Login", "a forged X-Forwarded-Host is not echoed");
    }

    [Fact]
    public async Task RefusesAForeignHost_InTheHostHeaderOrForwardedByTheProxy()
    {
        await using var app = App();
        var client = Client(app);

        var direct = new HttpRequestMessage(HttpMethod.Get, "/Plans");
        direct.Headers.Host = "evil.example";
        var directResponse = await client.SendAsync(direct);
        var forwarded = Forwarded(HttpMethod.Get, "/Plans", from: Proxy);
        forwarded.Headers.Remove("X-Forwarded-Host");
        forwarded.Headers.Add("X-Forwarded-Host", "evil.example");
        var forwardedResponse = await client.SendAsync(forwarded);

        directResponse.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        forwardedResponse.Headers.Location?.OriginalString.Should().NotContain("evil.example");
    }

    private WorkPlanFactory App() => new(database.ConnectionString, settings: new Dictionary<string, string?>
    {
        ["ReverseProxy:Proxies"] = $"{Proxy};192.168.50.0/24",
        ["AllowedHosts"] = $"localhost;{Host}",
    });

    private static HttpClient Client(WorkPlanFactory app) =>
        app.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddTransient<IStartupFilter, RemoteAddressFromTest>()))
            .CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    /// <summary>A request as a TLS proxy passes it on: plain HTTP to the app, the browser's scheme, address and host in headers.</summary>
    private static HttpRequestMessage Forwarded(HttpMethod method, string url, string from)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.Add(RemoteAddressFromTest.Header, from);
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "198.51.100.20");
        request.Headers.Add("X-Forwarded-Host", Host);
        return request;
    }

    private static async Task<HttpResponseMessage> SignInThroughProxyAsync(HttpClient client, string from)
    {
        var page = await client.SendAsync(Forwarded(HttpMethod.Get, "/Account/Login", from));
        var cookies = page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]);
        var token = (await Html.ParseAsync(page)).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var post = Forwarded(HttpMethod.Post, "/Account/Login", from);
        post.Headers.Add("Cookie", string.Join("; ", cookies));
        post.Content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = "xojaobod.fond",
            ["Password"] = DemoUserSeeder.Password,
            ["__RequestVerificationToken"] = token,
        });
        return await client.SendAsync(post);
    }

    /// <summary>The test server has no TCP connection: the test names the address a request comes from.</summary>
    private sealed class RemoteAddressFromTest : IStartupFilter
    {
        public const string Header = "X-Test-Remote-Address";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue(Header, out var address))
                {
                    context.Connection.RemoteIpAddress = IPAddress.Parse(address.ToString());
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
