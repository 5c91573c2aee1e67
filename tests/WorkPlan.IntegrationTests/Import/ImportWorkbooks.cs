using System.IO.Compression;
using System.Text;
using ClosedXML.Excel;
using WorkPlan.Core.Reports;
using WorkPlan.Infrastructure.Import;

namespace WorkPlan.IntegrationTests.Import;

/// <summary>Sample workbooks and packages for the import tests, built in code.</summary>
internal static class ImportWorkbooks
{
    public static ImportedPlan Read(byte[] bytes) =>
        new XlsxPlanImportReader().Read(new MemoryStream(bytes, writable: false), bytes.Length);

    public static byte[] Workbook(Action<IXLWorksheet> fill, string sheetName = "Reja")
    {
        using var workbook = new XLWorkbook();
        fill(workbook.AddWorksheet(sheetName));
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    /// <summary>
    /// Writes a row from column 1: strings as text cells (so "10.1." and "-" stay text), numbers as numeric
    /// cells, null as nothing.
    /// </summary>
    public static void Row(IXLWorksheet sheet, int row, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            var cell = sheet.Cell(row, i + 1);
            switch (values[i])
            {
                case null:
                    break;
                case string text:
                    cell.SetValue(text);
                    cell.DataType = XLDataType.Text;
                    break;
                case int number:
                    cell.SetValue(number);
                    break;
                case double number:
                    cell.SetValue(number);
                    break;
                case decimal number:
                    cell.SetValue(number);
                    break;
                default:
                    throw new ArgumentException($"Unsupported value {values[i]}", nameof(values));
            }
        }
    }

    public static void Merge(IXLWorksheet sheet, int row, int firstColumn, int lastRow, int lastColumn, string text)
    {
        sheet.Cell(row, firstColumn).SetValue(text);
        sheet.Cell(row, firstColumn).DataType = XLDataType.Text;
        sheet.Range(row, firstColumn, lastRow, lastColumn).Merge();
    }

    /// <summary>The official form's two-row header at <paramref name="row"/>, with "Miqdori" over fact and target.</summary>
    public static void OfficialHeader(IXLWorksheet sheet, int row, int year = 2022)
    {
        Merge(sheet, row, 1, row + 1, 1, "№");
        Merge(sheet, row, 2, row + 1, 2, "Nomi");
        Merge(sheet, row, 3, row + 1, 3, "O'lchov birligi");
        Merge(sheet, row, 4, row, 5, "Miqdori");
        Row(sheet, row + 1, null, null, null, $"{year - 1} yil (fakt)", $"{year} yil (reja)");
        Merge(sheet, row, 6, row + 1, 6, "Amalga oshirish mexanizmi");
        Merge(sheet, row, 7, row + 1, 7, "Bajarilish muddati");
        Merge(sheet, row, 8, row + 1, 8, "Mas'ullar");
    }

    /// <summary>A minimal official form: header on rows 1–2, a section on row 3, then the given indicator rows from row 4.</summary>
    public static byte[] SimpleForm(params object?[][] rows) => Workbook(sheet =>
    {
        OfficialHeader(sheet, 1);
        Merge(sheet, 3, 1, 3, 8, "I. ILMIY-METODIK FAOLIYAT");
        for (var i = 0; i < rows.Length; i++)
        {
            Row(sheet, 4 + i, rows[i]);
        }
    });

    /// <summary>A ZIP of the given text entries.</summary>
    public static byte[] Zip(params (string Name, string Content)[] entries)
    {
        using var stream = new MemoryStream();
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var entry = archive.CreateEntry(name).Open();
                entry.Write(Encoding.UTF8.GetBytes(content));
            }
        }

        return stream.ToArray();
    }

    /// <summary>Returns <paramref name="package"/> with entries replaced or added.</summary>
    public static byte[] WithEntries(byte[] package, params (string Name, byte[] Content)[] entries)
    {
        using var stream = new MemoryStream();
        stream.Write(package);
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                archive.GetEntry(name)?.Delete();
                using var entry = archive.CreateEntry(name).Open();
                entry.Write(content);
            }
        }

        return stream.ToArray();
    }

    public static string EntryText(byte[] package, string name)
    {
        using var archive = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        using var reader = new StreamReader(archive.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }

    /// <summary>
    /// A ZIP whose one big entry inflates to <paramref name="megabytes"/> MB of zeros, written straight to
    /// <paramref name="path"/> (nothing of that size is held in memory), beside the parts of a workbook.
    /// </summary>
    public static void ZerosZip(string path, string bigEntryName, int megabytes)
    {
        using var file = File.Create(path);
        using var archive = new ZipArchive(file, ZipArchiveMode.Create);
        WriteText(archive, "[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
        WriteText(archive, "xl/workbook.xml", "<workbook/>");
        using var big = archive.CreateEntry(bigEntryName, CompressionLevel.SmallestSize).Open();
        var zeros = new byte[1024 * 1024];
        for (var i = 0; i < megabytes; i++)
        {
            big.Write(zeros);
        }
    }

    /// <summary>Overwrites the declared uncompressed size of <paramref name="entryName"/> in both its local and central headers.</summary>
    public static void LieAboutSize(byte[] zip, string entryName, uint declaredSize)
    {
        var name = Encoding.UTF8.GetBytes(entryName);
        var patched = 0;
        for (var i = 0; i + 46 < zip.Length; i++)
        {
            if (Matches(zip, i, 0x50, 0x4B, 0x03, 0x04) && NameAt(zip, i + 30, BitConverter.ToUInt16(zip, i + 26), name))
            {
                BitConverter.TryWriteBytes(zip.AsSpan(i + 22, 4), declaredSize);
                patched++;
            }
            else if (Matches(zip, i, 0x50, 0x4B, 0x01, 0x02) && NameAt(zip, i + 46, BitConverter.ToUInt16(zip, i + 28), name))
            {
                BitConverter.TryWriteBytes(zip.AsSpan(i + 24, 4), declaredSize);
                patched++;
            }
        }

        if (patched != 2)
        {
            throw new InvalidOperationException($"Patched {patched} headers of {entryName}, expected 2");
        }
    }

    /// <summary>A 1×1 PNG, as a logo or a stamp would be.</summary>
    public static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    /// <summary>
    /// The workbook with a picture on its first sheet, added by hand (ClosedXML 0.95 cannot add one
    /// without libgdiplus): the drawing part, its image, and the sheet's relationship to the drawing.
    /// </summary>
    public static byte[] WithPicture(byte[] workbook)
    {
        const string sheet = "xl/worksheets/sheet1.xml";
        var contentTypes = EntryText(workbook, "[Content_Types].xml").Replace(
            "</Types>",
            "<Default Extension=\"png\" ContentType=\"image/png\"/><Override PartName=\"/xl/drawings/drawing1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.drawing+xml\"/></Types>",
            StringComparison.Ordinal);
        return WithEntries(
            workbook,
            ("[Content_Types].xml", Encoding.UTF8.GetBytes(contentTypes)),
            ("xl/worksheets/_rels/sheet1.xml.rels", Encoding.UTF8.GetBytes(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rIdLogo\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing\" Target=\"../drawings/drawing1.xml\"/></Relationships>")),
            ("xl/drawings/_rels/drawing1.xml.rels", Encoding.UTF8.GetBytes(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" Target=\"../media/image1.png\"/></Relationships>")),
            ("xl/media/image1.png", Png),
            ("xl/drawings/drawing1.xml", Encoding.UTF8.GetBytes(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><xdr:wsDr xmlns:xdr=\"http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing\" xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                + "<xdr:oneCellAnchor><xdr:from><xdr:col>1</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:ext cx=\"9525\" cy=\"9525\"/>"
                + "<xdr:pic><xdr:nvPicPr><xdr:cNvPr id=\"2\" name=\"Logo\"/><xdr:cNvPicPr/></xdr:nvPicPr><xdr:blipFill><a:blip r:embed=\"rId1\"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill>"
                + "<xdr:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"9525\" cy=\"9525\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic><xdr:clientData/></xdr:oneCellAnchor></xdr:wsDr>")),
            (sheet, Encoding.UTF8.GetBytes(AddDrawingElement(EntryText(workbook, sheet)))));
    }

    private static string AddDrawingElement(string sheetXml)
    {
        // ClosedXML writes the sheet with an "x:" prefix; the element goes before tableParts (schema order).
        var withNamespace = sheetXml.Contains("xmlns:r=", StringComparison.Ordinal)
            ? sheetXml
            : sheetXml.Replace("<x:worksheet ", "<x:worksheet xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" ", StringComparison.Ordinal);
        return withNamespace.Contains("<x:tableParts", StringComparison.Ordinal)
            ? withNamespace.Replace("<x:tableParts", "<x:drawing r:id=\"rIdLogo\" /><x:tableParts", StringComparison.Ordinal)
            : withNamespace.Replace("</x:worksheet>", "<x:drawing r:id=\"rIdLogo\" /></x:worksheet>", StringComparison.Ordinal);
    }

    private static void WriteText(ZipArchive archive, string name, string content)
    {
        using var entry = archive.CreateEntry(name).Open();
        entry.Write(Encoding.UTF8.GetBytes(content));
    }

    private static bool Matches(byte[] data, int at, params byte[] signature) =>
        data.AsSpan(at, signature.Length).SequenceEqual(signature);

    private static bool NameAt(byte[] data, int at, int length, byte[] name) =>
        length == name.Length && at + length <= data.Length && data.AsSpan(at, length).SequenceEqual(name);
}

/// <summary>A stream that fails when read: proves that a file was refused without being read.</summary>
internal sealed class UnreadableStream : Stream
{
    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => 0;
        set => throw new NotSupportedException();
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) =>
        throw new InvalidOperationException("The reader must not read a file it refuses by its length.");

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
