using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WorkPlan.Infrastructure.Identity;

namespace WorkPlan.IntegrationTests.Infrastructure;

/// <summary>
/// Signs a request in as the user named in the X-Test-User header, with the same claims a real
/// sign-in gives (built by the app's own claims factory), so access tests need no password round-trip.
/// The header stands for a finished sign-in: the password and the second factor, so every such account counts
/// as one with an authenticator set up (the account gate and the sign-in steps themselves are tested through
/// the real sign-in page). Requests without the header go through the app's real cookie sign-in.
/// </summary>
public sealed class TestAuthHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    UserManager<AppUser> users, IUserClaimsPrincipalFactory<AppUser> claims)
    : SignInAuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Test";
    public const string Header = "X-Test-User";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var name) || await users.FindByNameAsync(name.ToString()) is not { } user)
        {
            return AuthenticateResult.NoResult();
        }

        if (!user.IsActive)
        {
            return AuthenticateResult.Fail("deactivated");
        }

        var principal = await claims.CreateAsync(user);
        if (!principal.HasClaim(WorkPlanClaims.TwoFactorEnabled, "true"))
        {
            ((System.Security.Claims.ClaimsIdentity)principal.Identity!).AddClaim(new System.Security.Claims.Claim(WorkPlanClaims.TwoFactorEnabled, "true"));
        }

        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    /// <summary>The header decides who is signed in, so signing in or out changes nothing here.</summary>
    protected override Task HandleSignInAsync(System.Security.Claims.ClaimsPrincipal user, AuthenticationProperties? properties) => Task.CompletedTask;

    protected override Task HandleSignOutAsync(AuthenticationProperties? properties) => Task.CompletedTask;
}
