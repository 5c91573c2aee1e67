namespace WorkPlan.Web.Infrastructure;

/// <summary>A document's export links (in its own language); the partial _ExportLanguages offers the other languages.</summary>
public sealed record ExportLinksViewModel(string ExcelUrl, string PdfUrl)
{
    public static string InLanguage(string url, string language) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(url, "language", language);
}
