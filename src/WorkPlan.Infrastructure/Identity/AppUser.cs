using Microsoft.AspNetCore.Identity;
using WorkPlan.Core.Organisations;

namespace WorkPlan.Infrastructure.Identity;

/// <summary>A person who signs in: one organisation, one role and, for a service head, one service.</summary>
public class AppUser : IdentityUser
{
    public string FullName { get; set; } = string.Empty;

    /// <summary>The position as a signature line prints it ("... markazi metodisti"); null when none is recorded.</summary>
    public string? Position { get; set; }

    public int OrganisationId { get; set; }

    public Organisation? Organisation { get; set; }

    /// <summary>One of <see cref="Core.Common.Roles"/>.</summary>
    public string Role { get; set; } = string.Empty;

    /// <summary>The service a service head answers for; null for every other role.</summary>
    public int? ServiceId { get; set; }

    public ServiceUnit? Service { get; set; }

    /// <summary>A deactivated user cannot sign in and loses any open session.</summary>
    public bool IsActive { get; set; } = true;

    /// <summary>Set when an administrator chose the password (new user, reset): the user must replace it.</summary>
    public bool MustChangePassword { get; set; }

    /// <summary>A demo-mode account: signs in with a password alone, whatever the two-factor policy.</summary>
    public bool IsDemo { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The last authenticator time step (30 s) whose code was accepted: a code is accepted once, never again.</summary>
    public long? LastTotpTimeStep { get; set; }

    /// <summary>The language the user last chose ("uz", "ru", "en"); their emails are written in it. Null: never chosen (Uzbek).</summary>
    public string? Language { get; set; }

    /// <summary>Emails of the events that concern the user (a plan returned, a report accepted…), when an address is set.</summary>
    public bool EmailEvents { get; set; } = true;

    /// <summary>Emails of the calendar's reminders, when an address is set.</summary>
    public bool EmailReminders { get; set; } = true;

    /// <summary>The weekly digest by email, when an address is set.</summary>
    public bool EmailDigest { get; set; } = true;
}
