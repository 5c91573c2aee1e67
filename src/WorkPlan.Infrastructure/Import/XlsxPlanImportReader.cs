using ClosedXML.Excel;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using WorkPlan.Core.Reports;

namespace WorkPlan.Infrastructure.Import;

/// <summary>
/// Reads an uploaded plan (.xlsx, the official form or the app's own export) into an
/// <see cref="ImportedPlan"/>. The file is checked before ClosedXML opens it (size, ZIP signature, entry
/// count, declared and real inflated sizes, row count), and nothing it contains can make this throw:
/// every failure is an error <see cref="ImportProblem"/> (keys in <see cref="ImportMessageKeys"/>).
/// Thread-safe and stateless: register it as a singleton.
/// </summary>
/// <remarks>
/// The stream is read synchronously: pass a buffered one (IFormFile.OpenReadStream()), not the raw request body.
/// </remarks>
public sealed class XlsxPlanImportReader(ILogger<XlsxPlanImportReader>? logger = null) : IPlanImportReader
{
    /// <summary>Largest file accepted: 10 MB (a real plan is some 50 KB).</summary>
    public const long MaxFileBytes = 10L * 1024 * 1024;

    /// <summary>Most rows the plan's table may have (indicators and sections).</summary>
    public const int MaxRows = Core.Common.FieldLimits.PlanRows;

    /// <summary>Rows a sheet may have around its table (title, signatures, header, notes).</summary>
    public const int RowsAroundTable = 200;

    private readonly ILogger _logger = logger ?? NullLogger<XlsxPlanImportReader>.Instance;

    public ImportedPlan Read(Stream content, long length)
    {
        var check = XlsxPackageGuard.ReadAndInspect(content, length, MaxFileBytes, MaxRows + RowsAroundTable, MaxRows, _logger);
        if (check.ErrorKey is { } key)
        {
            return PlanSheetParser.Failed(key, check.Arguments);
        }

        try
        {
            using var stream = new MemoryStream(check.Package!, writable: false);
            using var workbook = new XLWorkbook(stream);
            return PlanSheetParser.Parse(workbook.Worksheets.Select(SheetGrid.From), MaxRows);
        }
#pragma warning disable CA1031 // Whatever ClosedXML (or a sheet it reads) throws becomes "unreadable".
        catch (Exception exception)
#pragma warning restore CA1031
        {
            _logger.LogWarning(exception, "Plan import: the workbook could not be read");
            return PlanSheetParser.Failed(ImportMessageKeys.Unreadable);
        }
    }
}
