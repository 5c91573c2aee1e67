using WorkPlan.Core.Plans;

namespace WorkPlan.Core.Reports;

/// <summary>
/// The words of an exported plan in the reader's language, already formatted (headings, date lines,
/// column titles), so that writers only lay them out.
/// </summary>
public sealed record PlanExportText(
    string AgreedHeading,
    string ApproveHeading,
    string AgreementDateLine,
    string ApprovalDateLine,
    string NumberColumn,
    string NameColumn,
    string UnitColumn,
    string QuantityColumn,
    string FactColumn,
    string TargetColumn,
    string MechanismColumn,
    string DeadlineColumn,
    string ResponsibleColumn,
    string OfWhich,
    string AllServices,
    string? DraftMark,
    string PageLabel,
    string SheetName);

/// <summary>Writes the plan document as the official form in .xlsx.</summary>
public interface IPlanExcelWriter
{
    /// <summary>The .xlsx bytes of the plan, laid out like the signed paper form.</summary>
    byte[] Write(PlanDocument document, PlanExportText text);
}

/// <summary>Turns a print view (a complete HTML document) into a PDF, A4 landscape, with page numbers.</summary>
public interface IPdfRenderer
{
    Task<byte[]> RenderAsync(string html, string pageLabel, CancellationToken cancellationToken = default);
}
