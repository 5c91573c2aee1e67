using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace WorkPlan.BrowserTests.Infrastructure;

/// <summary>The text of a PDF file, read with poppler-utils' pdftotext (scripts/test.sh installs it).</summary>
public static class PdfText
{
    /// <summary>Runs <c>pdftotext -layout -enc UTF-8 file -</c> and returns what it prints.</summary>
    public static async Task<string> ReadAsync(string path)
    {
        var start = new ProcessStartInfo("pdftotext")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-layout", "-enc", "UTF-8", path, "-" })
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("pdftotext did not start.");
        }
        catch (Win32Exception ex)
        {
            throw new InvalidOperationException("pdftotext is not installed (apt-get install -y poppler-utils; scripts/test.sh installs it).", ex);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            process.ExitCode.Should().Be(0, $"pdftotext reads the PDF: {await stderr}");
            return await stdout;
        }
    }
}
