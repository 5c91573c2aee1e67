using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkPlan.Infrastructure.Data;

namespace WorkPlan.Infrastructure.Identity;

/// <summary>Keeps sign-in tickets in PostgreSQL (shared by every app instance); the cookie holds a random key.</summary>
public sealed class DbTicketStore(IServiceScopeFactory scopes, TimeProvider clock) : ITicketStore
{
    /// <summary>Where the request's own session key is kept (HttpContext.Items), so that it can outlive the user's others.</summary>
    public const string CurrentKeyItem = "WorkPlan.SessionKey";

    public Task<AuthenticationTicket?> RetrieveAsync(string key, Microsoft.AspNetCore.Http.HttpContext httpContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Items[CurrentKeyItem] = key;
        return RetrieveAsync(key);
    }

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var key = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.UserSessions.Where(s => s.ExpiresAt < now).ExecuteDeleteAsync();
        db.UserSessions.Add(new UserSession
        {
            Key = key,
            UserId = ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier),
            Value = TicketSerializer.Default.Serialize(ticket),
            ExpiresAt = ticket.Properties.ExpiresUtc,
            LastSeenAt = now,
        });
        await db.SaveChangesAsync();
        return key;
    }

    public async Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var value = TicketSerializer.Default.Serialize(ticket);
        var expires = ticket.Properties.ExpiresUtc;
        var now = clock.GetUtcNow();
        await db.UserSessions.Where(s => s.Key == key).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.Value, value)
            .SetProperty(x => x.ExpiresAt, expires)
            .SetProperty(x => x.LastSeenAt, now));
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var session = await db.UserSessions.AsNoTracking().Where(s => s.Key == key).Select(s => new { s.Value, s.ExpiresAt }).SingleOrDefaultAsync();
        return session is null || session.ExpiresAt < clock.GetUtcNow() ? null : TicketSerializer.Default.Deserialize(session.Value);
    }

    public async Task RemoveAsync(string key)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.UserSessions.Where(s => s.Key == key).ExecuteDeleteAsync();
    }

    /// <summary>Ends every session of a user but one (their own password change keeps the session that made it).</summary>
    public static Task EndOtherSessionsAsync(AppDbContext db, string userId, string? keep, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.UserSessions.Where(s => s.UserId == userId && s.Key != keep).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Ends every session of a user (deactivation, password reset).</summary>
    public static Task EndSessionsAsync(AppDbContext db, string userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.UserSessions.Where(s => s.UserId == userId).ExecuteDeleteAsync(cancellationToken);
    }
}
