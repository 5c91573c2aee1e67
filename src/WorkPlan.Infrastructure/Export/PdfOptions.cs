namespace WorkPlan.Infrastructure.Export;

/// <summary>Settings of the PDF renderer (configuration section <see cref="SectionName"/>).</summary>
public sealed class PdfOptions
{
    public const string SectionName = "Pdf";

    /// <summary>The Chromium executable that prints the PDFs (Debian's package by default).</summary>
    public string ChromiumPath { get; set; } = "/usr/bin/chromium";

    /// <summary>How many PDFs are printed at the same time; further requests wait for a free slot.</summary>
    public int MaxConcurrentRenders { get; set; } = 4;

    /// <summary>How long one render may take, waiting for a slot and launching the browser included.</summary>
    public int TimeoutSeconds { get; set; } = 30;
}
