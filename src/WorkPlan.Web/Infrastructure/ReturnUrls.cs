using System.Text;
using Microsoft.AspNetCore.Mvc;

namespace WorkPlan.Web.Infrastructure;

/// <summary>
/// The one rule for a "return to" address posted by a form (language switch, sign-in): a local address of this app,
/// sent back ASCII-only (a letter beyond ASCII percent-encoded, as browsers do), or the home page for anything else.
/// </summary>
public static class ReturnUrls
{
    /// <summary>Longer return addresses than this are not followed (no page of the app has one).</summary>
    public const int MaxLength = 2048;

    public static string Safe(IUrlHelper url, string? returnUrl)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (string.IsNullOrEmpty(returnUrl) || returnUrl.Length > MaxLength || !url.IsLocalUrl(returnUrl))
        {
            return "/";
        }

        var builder = new StringBuilder(returnUrl.Length);
        Span<byte> bytes = stackalloc byte[4];
        foreach (var rune in returnUrl.EnumerateRunes())
        {
            if (rune.Value < 0x20 || rune.Value == 0x7F || rune == Rune.ReplacementChar)
            {
                return "/";
            }

            if (rune.IsAscii)
            {
                builder.Append((char)rune.Value);
                continue;
            }

            var length = rune.EncodeToUtf8(bytes);
            foreach (var b in bytes[..length])
            {
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }
}
