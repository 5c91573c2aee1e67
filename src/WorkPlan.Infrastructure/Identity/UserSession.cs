namespace WorkPlan.Infrastructure.Identity;

/// <summary>
/// A signed-in session kept on the server: the cookie carries only its key, so signing out, a
/// deactivation or a password reset ends the session at once, and a copied old cookie is worthless.
/// </summary>
public class UserSession
{
    /// <summary>Room for a key: 32 random bytes in base64url are 43 characters.</summary>
    public const int KeyLength = 64;

    public string Key { get; set; } = string.Empty;

    public string? UserId { get; set; }

    /// <summary>The serialized authentication ticket.</summary>
    public byte[] Value { get; set; } = [];

    public DateTimeOffset? ExpiresAt { get; set; }

    public DateTimeOffset LastSeenAt { get; set; }
}
