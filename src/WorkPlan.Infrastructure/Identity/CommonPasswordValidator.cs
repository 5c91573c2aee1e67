using System.Reflection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using WorkPlan.Infrastructure.Data;
using WorkPlan.Infrastructure.Data.Seed;

namespace WorkPlan.Infrastructure.Identity;

/// <summary>
/// Rejects passwords found in the list of common passwords kept in the repository
/// (Identity/common-passwords.txt), the app's own words (its name, the published demo password, a centre's
/// name with or without a year), passwords that contain the user name, and passwords longer than the maximum.
/// </summary>
public sealed partial class CommonPasswordValidator(AppDbContext db) : IPasswordValidator<AppUser>
{
    public const string CommonCode = "CommonPassword";
    public const string ContainsUserNameCode = "PasswordContainsUserName";
    public const string TooLongCode = "PasswordTooLong";

    /// <summary>The longest password accepted (a pass phrase fits; the hash's cost stays bounded).</summary>
    public const int MaxLength = 128;

    /// <summary>Words everybody who has seen the app knows.</summary>
    private static readonly string[] AppWords = ["workplan", "ishreja", "ishrejasi", Letters(DemoUserSeeder.Password)];

    private static readonly Lazy<HashSet<string>> Common = new(Load);

    public static int ListSize => Common.Value.Count;

    public async Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (string.IsNullOrEmpty(password))
        {
            return IdentityResult.Success;
        }

        if (password.Length > MaxLength)
        {
            return Failed(TooLongCode);
        }

        var normalised = password.Trim().ToLowerInvariant();
        if (Common.Value.Contains(normalised) || await IsAppWordAsync(password))
        {
            return Failed(CommonCode);
        }

        if (!string.IsNullOrEmpty(user.UserName) && user.UserName.Length >= 3
            && normalised.Contains(user.UserName.ToLowerInvariant(), StringComparison.Ordinal))
        {
            return Failed(ContainsUserNameCode);
        }

        return IdentityResult.Success;
    }

    private static IdentityResult Failed(string code) => IdentityResult.Failed(new IdentityError { Code = code, Description = code });

    /// <summary>
    /// The password's letters (digits, spaces and punctuation dropped: "Xo'jaobod-2022" reads "xojaobod") are
    /// the app's name, the demo password, or part of a centre's name.
    /// </summary>
    private async Task<bool> IsAppWordAsync(string password)
    {
        var letters = Letters(YearWords().Replace(password, " "));
        if (AppWords.Any(w => letters == w || (w.Length >= 8 && letters.Contains(w, StringComparison.Ordinal))))
        {
            return true;
        }

        if (letters.Length < 4)
        {
            return false;
        }

        var names = await db.Organisations.AsNoTracking().Select(o => new { o.Name, o.ShortName }).ToListAsync();
        return names.Any(n => Letters(n.Name).Contains(letters, StringComparison.Ordinal) || Letters(n.ShortName).Contains(letters, StringComparison.Ordinal));
    }

    /// <summary>The word "year" after a year ("2022 yil", "2022-yili", "2022 г.", "2022 year") adds nothing to a guess.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"(?<=\d[\s\-_.]*)(yili|yil|year|г\.?|год)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex YearWords();

    /// <summary>Letters only; the apostrophes of oʻ and gʻ (typed as any of ' ʻ ’) are dropped too.</summary>
    private static string Letters(string text) =>
        new([.. text.ToLowerInvariant().Where(c => char.IsLetter(c) && char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.ModifierLetter)]);

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
