using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace WorkPlan.IntegrationTests.Infrastructure;

/// <summary>
/// The real application over a test database; demo mode off (tests seed what they need). A request
/// carrying X-Test-User is signed in as that user; any other request uses the real cookie sign-in.
/// </summary>
public sealed class WorkPlanFactory(string connectionString, bool migrateOnStartup = false, IDictionary<string, string?>? settings = null)
    : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:WorkPlan", connectionString);
        builder.UseSetting("WorkPlan:DemoMode", "false");
        builder.UseSetting("WorkPlan:MigrateOnStartup", migrateOnStartup ? "true" : "false");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseSetting("Security:SecurityStampValidationMinutes", "0");
        builder.UseSetting("DataProtection:KeyEncryptionKey", KeyEncryptionKey);

        // Every test client shares one address; the sign-in throttling tests set their own limits.
        builder.UseSetting("Security:SignInAttemptsPerAddress", "100000");
        builder.UseSetting("Security:SignInAttemptsPerMinute", "100000");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, TestAuthHandler>(TestAuthHandler.SchemeName, _ => { });
            services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, options =>
                options.ForwardDefaultSelector = context =>
                    context.Request.Headers.ContainsKey(TestAuthHandler.Header) ? TestAuthHandler.SchemeName : null);
        });
    }

    /// <summary>The key that encrypts the stored Data Protection keys: random, one per test run, shared by every app over the test databases.</summary>
    public static readonly string KeyEncryptionKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    /// <summary>A client signed in as the named user (no redirects followed, so tests see 302s).</summary>
    public HttpClient CreateClientAs(string userName)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add(TestAuthHandler.Header, userName);
        return client;
    }
}
