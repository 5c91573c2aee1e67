using System.Reflection;
using Microsoft.AspNetCore.Identity;

namespace WorkPlan.Infrastructure.Identity;

/// <summary>
/// Rejects passwords found in the list of common passwords kept in the repository
/// (Identity/common-passwords.txt), and passwords that contain the user name.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<AppUser>
{
    public const string CommonCode = "CommonPassword";
    public const string ContainsUserNameCode = "PasswordContainsUserName";

    private static readonly Lazy<HashSet<string>> Common = new(Load);

    public static int ListSize => Common.Value.Count;

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (string.IsNullOrEmpty(password))
        {
            return Task.FromResult(IdentityResult.Success);
        }

        var normalised = password.Trim().ToLowerInvariant();
        if (Common.Value.Contains(normalised))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError { Code = CommonCode, Description = CommonCode }));
        }

        if (!string.IsNullOrEmpty(user.UserName) && user.UserName.Length >= 3
            && normalised.Contains(user.UserName.ToLowerInvariant(), StringComparison.Ordinal))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError { Code = ContainsUserNameCode, Description = ContainsUserNameCode }));
        }

        return Task.FromResult(IdentityResult.Success);
    }

    private static HashSet<string> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("WorkPlan.Identity.common-passwords.txt")
            ?? throw new InvalidOperationException("The common password list is not embedded.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Trim() is { Length: > 0 } entry)
            {
                set.Add(entry.ToLowerInvariant());
            }
        }

        return set;
    }
}
