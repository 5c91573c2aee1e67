using System.Globalization;
using Microsoft.Extensions.Logging;

namespace WorkPlan.Infrastructure.Import;

/// <summary>An uploaded file's bytes, read within a limit and checked (<see cref="Inspect"/>) before any workbook library opens them.</summary>
internal static partial class XlsxPackageGuard
{
    /// <summary>
    /// An uploaded file read and checked before any workbook library sees it: too large (by its declared length or by
    /// what it really holds; {0} = the limit in MB), a stream that fails, or what <see cref="Inspect"/> says.
    /// </summary>
    public static PackageCheck ReadAndInspect(Stream? content, long length, long maxBytes, int maxRows, int reportedLimit, ILogger logger)
    {
        if (content is null)
        {
            return PackageCheck.Fail(ImportMessageKeys.NotXlsx);
        }

        var tooLarge = PackageCheck.Fail(ImportMessageKeys.TooLarge, (maxBytes / (1024 * 1024)).ToString(CultureInfo.InvariantCulture));
        if (length > maxBytes)
        {
            return tooLarge;
        }

        byte[]? bytes;
        try
        {
            bytes = ReadAtMost(content, maxBytes);
        }
#pragma warning disable CA1031 // A failing upload stream is reported, never thrown.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            logger.LogWarning(exception, "An uploaded file could not be read");
            return PackageCheck.Fail(ImportMessageKeys.Unreadable);
        }

        var check = bytes is null ? tooLarge : Inspect(bytes, bytes.Length, maxRows, reportedLimit);
        if (check.ErrorKey is { } key)
        {
            logger.LogInformation("Upload refused before opening the workbook: {Problem}", key);
        }

        return check;
    }

    /// <summary>The stream's bytes, or null when it holds more than <paramref name="limit"/> (whatever its declared length said).</summary>
    private static byte[]? ReadAtMost(Stream content, long limit)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var buffer = new MemoryStream();
        var chunk = new byte[81_920];
        int read;
        while ((read = content.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
