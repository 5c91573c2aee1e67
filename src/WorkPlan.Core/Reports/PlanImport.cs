namespace WorkPlan.Core.Reports;

/// <summary>What an uploaded .xlsx plan contains, as read, before anything is stored.</summary>
public sealed record ImportedPlan(
    string? Title,
    ImportedSignature? Agreement,
    ImportedSignature? Approval,
    IReadOnlyList<ImportedSection> Sections,
    IReadOnlyList<ImportProblem> Problems)
{
    public bool CanBeImported => Sections.Count > 0 && Problems.All(p => !p.IsError);
}

public sealed record ImportedSignature(string? Title, string? Name, DateOnly? Date);

public sealed record ImportedSection(string Label, string Title, IReadOnlyList<ImportedRow> Rows);

/// <summary>
/// One indicator row as found in the sheet. <see cref="ParentNumber"/> is set for "of which" rows
/// (10.1 under 10). Numbers are null where the cell holds "-" or nothing.
/// </summary>
public sealed record ImportedRow(
    int SheetRow,
    string Number,
    string Name,
    string? Unit,
    decimal? Fact,
    decimal? Target,
    IReadOnlyList<string> Mechanism,
    string? Deadline,
    IReadOnlyList<string> Services,
    string? ParentNumber);

/// <summary>
/// A problem found while reading: where (sheet row, 0 for the file as a whole), a resource key of
/// the message, and its arguments. Errors block the import; warnings are shown in the preview.
/// </summary>
public sealed record ImportProblem(int SheetRow, string MessageKey, bool IsError, params string[] Arguments);

/// <summary>Reads an uploaded plan; refuses anything that is not a sound, reasonably sized .xlsx.</summary>
public interface IPlanImportReader
{
    /// <summary>Reads the file; never throws for a broken or hostile file (it becomes a problem instead).</summary>
    ImportedPlan Read(Stream content, long length);
}
