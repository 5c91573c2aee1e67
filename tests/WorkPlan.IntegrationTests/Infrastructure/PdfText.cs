using System.Diagnostics;

namespace WorkPlan.IntegrationTests.Infrastructure;

/// <summary>A PDF's text as pdftotext reads it (layout kept, non-breaking spaces as spaces).</summary>
public static class PdfText
{
    public static async Task<string> ReadAsync(byte[] pdf)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        var path = Path.Combine(Path.GetTempPath(), $"workplan-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(path, pdf);
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pdftotext", ["-layout", path, "-"]) { RedirectStandardOutput = true })!;
            var text = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            return text.Replace('\u00A0', ' ');
        }
        finally
        {
            File.Delete(path);
        }
    }
}
