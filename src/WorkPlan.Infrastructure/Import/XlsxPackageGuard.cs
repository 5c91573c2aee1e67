using System.Globalization;
using System.IO.Compression;
using System.Xml;
using System.Xml.Linq;

namespace WorkPlan.Infrastructure.Import;

/// <summary>The outcome of <see cref="XlsxPackageGuard.Inspect"/>: an error, or the package to hand to ClosedXML.</summary>
internal sealed record PackageCheck(string? ErrorKey, string[] Arguments, byte[]? Package)
{
    public static PackageCheck Fail(string key, params string[] arguments) => new(key, arguments, null);
}

/// <summary>
/// Checks an uploaded file before ClosedXML sees it: a ZIP with the parts of a workbook, few entries,
/// sane declared sizes and ratios, and contents that really inflate within a byte budget. Declared sizes
/// can lie: .NET's ZipArchive stops inflating an entry at its declared size (so ClosedXML never gets more),
/// an entry with far more compressed bytes than declared ones is refused, and every entry is inflated
/// once here through a counting stream. Worksheets are scanned (DTDs refused) for their row count. Drawings are cut off the package, because
/// ClosedXML 0.95 loads pictures through System.Drawing, which needs libgdiplus (absent here and in the
/// image): a plan with a logo or a stamp would otherwise be unreadable.
/// </summary>
internal static partial class XlsxPackageGuard
{
    public const int MaxEntries = 1_000;
    public const long MaxUncompressedBytes = 100L * 1024 * 1024;
    public const long RatioCheckedFromBytes = 1024 * 1024;
    public const long MaxCompressionRatio = 200;

    /// <summary>Cells with a value in one worksheet; 5,000 rows of a dozen columns fit easily.</summary>
    public const int MaxCellsPerSheet = 200_000;

    private const string DrawingRelationshipType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing";
    private const int MaxRelationshipPartBytes = 1024 * 1024;

    private static readonly byte[] ZipSignature = [0x50, 0x4B, 0x03, 0x04];

    /// <summary>The first bytes of an OLE compound file (an .xls, or an encrypted .xlsx).</summary>
    private static readonly byte[] CompoundFileSignature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    /// <summary>The name of the stream an encrypted Office file keeps its encryption in, as the compound file's directory writes it (UTF-16).</summary>
    private static readonly byte[] EncryptionInfoName = System.Text.Encoding.Unicode.GetBytes("EncryptionInfo");

    public static PackageCheck Inspect(byte[] data, int length, int maxRows, int reportedLimit)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (length >= CompoundFileSignature.Length && data.AsSpan(0, CompoundFileSignature.Length).SequenceEqual(CompoundFileSignature))
        {
            // An OLE compound file: a workbook saved with a password to open (its package sits encrypted inside
            // such a file) or an Excel 97-2003 .xls.
            return PackageCheck.Fail(data.AsSpan(0, length).IndexOf(EncryptionInfoName) >= 0 ? ImportMessageKeys.PasswordProtected : ImportMessageKeys.OldExcel);
        }

        if (length < ZipSignature.Length || !data.AsSpan(0, ZipSignature.Length).SequenceEqual(ZipSignature))
        {
            return PackageCheck.Fail(ImportMessageKeys.NotXlsx);
        }

        try
        {
            using var archive = new ZipArchive(new MemoryStream(data, 0, length, writable: false), ZipArchiveMode.Read);
            var entries = archive.Entries;
            if (entries.Count > MaxEntries || !DeclaredSizesAreSane(entries))
            {
                return PackageCheck.Fail(ImportMessageKeys.ZipBomb);
            }

            if (!HasEntry(entries, "[Content_Types].xml") || !HasEntry(entries, "xl/workbook.xml"))
            {
                return PackageCheck.Fail(ImportMessageKeys.NotXlsx);
            }

            var budget = new InflationBudget(MaxUncompressedBytes);
            var drawingRelationshipParts = new List<string>();
            foreach (var entry in entries)
            {
                if (IsWorksheet(entry.FullName))
                {
                    var (rows, cells) = CountRowsWithValues(entry, budget);
                    if (rows > maxRows || cells > MaxCellsPerSheet)
                    {
                        return PackageCheck.Fail(ImportMessageKeys.TooManyRows, reportedLimit.ToString(CultureInfo.InvariantCulture));
                    }
                }
                else if (IsWorksheetRelationships(entry.FullName))
                {
                    if (ReadSmallText(entry, budget) is { } text && text.Contains(DrawingRelationshipType, StringComparison.Ordinal))
                    {
                        drawingRelationshipParts.Add(entry.FullName);
                    }
                }
                else
                {
                    Drain(entry, budget);
                }
            }

            var package = drawingRelationshipParts.Count == 0
                ? data.AsSpan(0, length).ToArray()
                : WithoutDrawings(archive, drawingRelationshipParts);
            return new PackageCheck(null, [], package);
        }
        catch (InflationBudgetExceededException)
        {
            return PackageCheck.Fail(ImportMessageKeys.ZipBomb);
        }
#pragma warning disable CA1031 // A hostile or broken file must become a problem, whatever it throws.
        catch (Exception)
#pragma warning restore CA1031
        {
            return PackageCheck.Fail(ImportMessageKeys.Unreadable);
        }
    }

    private static bool DeclaredSizesAreSane(IEnumerable<ZipArchiveEntry> entries)
    {
        long total = 0;
        foreach (var entry in entries)
        {
            if (entry.Length < 0 || entry.Length > MaxUncompressedBytes)
            {
                return false;
            }

            total += entry.Length;
            if (total > MaxUncompressedBytes)
            {
                return false;
            }

            if (entry.Length > RatioCheckedFromBytes
                && (entry.CompressedLength <= 0 || entry.Length / entry.CompressedLength > MaxCompressionRatio))
            {
                return false;
            }

            // Deflate never grows data by more than a few bytes a block: far more compressed bytes than
            // declared ones means the declared size lies (.NET would stop inflating at it, but say so).
            if (entry.CompressedLength > entry.Length + (entry.Length / 64) + 1024)
            {
                return false;
            }
        }

        return true;
    }

    private static bool HasEntry(IEnumerable<ZipArchiveEntry> entries, string name) =>
        entries.Any(e => string.Equals(e.FullName, name, StringComparison.OrdinalIgnoreCase));

    private static bool IsWorksheet(string name) =>
        name.StartsWith("xl/worksheets/", StringComparison.OrdinalIgnoreCase)
        && name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)
        && name.IndexOf('/', "xl/worksheets/".Length) < 0;

    private static bool IsWorksheetRelationships(string name) =>
        name.StartsWith("xl/worksheets/_rels/", StringComparison.OrdinalIgnoreCase)
        && name.EndsWith(".rels", StringComparison.OrdinalIgnoreCase);

    private static XmlReaderSettings SafeXml() => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreWhitespace = true,
        CloseInput = false,
    };

    /// <summary>Rows that hold at least one value (or formula), and such cells, in a worksheet part.</summary>
    private static (int Rows, int Cells) CountRowsWithValues(ZipArchiveEntry entry, InflationBudget budget)
    {
        using var stream = new BudgetStream(entry.Open(), budget, entry.Length);
        var rows = 0;
        var cells = 0;
        var rowHasValue = false;
        var cellOpen = false;
        using (var reader = XmlReader.Create(stream, SafeXml()))
        {
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                switch (reader.LocalName)
                {
                    case "row":
                        rows += rowHasValue ? 1 : 0;
                        rowHasValue = false;
                        break;
                    case "c":
                        cellOpen = true;
                        break;
                    case "v" or "is" or "f":
                        if (cellOpen)
                        {
                            cells++;
                            cellOpen = false;
                        }

                        rowHasValue = true;
                        break;
                }
            }
        }

        rows += rowHasValue ? 1 : 0;
        stream.DrainToEnd();
        return (rows, cells);
    }

    private static string? ReadSmallText(ZipArchiveEntry entry, InflationBudget budget)
    {
        using var stream = new BudgetStream(entry.Open(), budget, entry.Length);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read <= MaxRelationshipPartBytes)
            {
                buffer.Write(chunk, 0, read);
            }
        }

        return buffer.Length > 0 && buffer.Length < MaxRelationshipPartBytes
            ? System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length)
            : null;
    }

    private static void Drain(ZipArchiveEntry entry, InflationBudget budget)
    {
        using var stream = new BudgetStream(entry.Open(), budget, entry.Length);
        stream.DrainToEnd();
    }

    /// <summary>A copy of the package whose worksheets no longer point at their drawings (pictures, charts).</summary>
    private static byte[] WithoutDrawings(ZipArchive source, List<string> relationshipParts)
    {
        using var output = new MemoryStream();
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                var copy = target.CreateEntry(entry.FullName, CompressionLevel.Fastest);
                using var to = copy.Open();
                if (relationshipParts.Contains(entry.FullName))
                {
                    XDocument document;
                    using (var from = entry.Open())
                    using (var reader = XmlReader.Create(from, SafeXml()))
                    {
                        document = XDocument.Load(reader);
                    }

                    document.Root?.Elements()
                        .Where(e => string.Equals((string?)e.Attribute("Type"), DrawingRelationshipType, StringComparison.Ordinal))
                        .Remove();
                    document.Save(to);
                }
                else
                {
                    using var from = entry.Open();
                    from.CopyTo(to);
                }
            }
        }

        return output.ToArray();
    }

    private sealed class InflationBudget(long bytes)
    {
        public long Remaining { get; private set; } = bytes;

        public void Spend(int count)
        {
            Remaining -= count;
            if (Remaining < 0)
            {
                throw new InflationBudgetExceededException();
            }
        }
    }

#pragma warning disable CA1064, CA1032 // Private control-flow exception: never leaves this class.
    private sealed class InflationBudgetExceededException : Exception;
#pragma warning restore CA1064, CA1032

    /// <summary>
    /// Reads an entry while counting what it really inflates to: over the shared budget, or past the
    /// entry's declared size (a lying header), it stops with <see cref="InflationBudgetExceededException"/>.
    /// </summary>
    private sealed class BudgetStream(Stream inner, InflationBudget budget, long declaredLength) : Stream
    {
        private long _read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => _read;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var read = inner.Read(buffer);
            _read += read;
            budget.Spend(read);
            if (_read > declaredLength)
            {
                throw new InflationBudgetExceededException();
            }

            return read;
        }

        public void DrainToEnd()
        {
            var chunk = new byte[64 * 1024];
            while (Read(chunk, 0, chunk.Length) > 0)
            {
            }
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
