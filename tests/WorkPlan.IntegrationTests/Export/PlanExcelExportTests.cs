using System.IO.Compression;
using ClosedXML.Excel;
using WorkPlan.Core.Plans;
using WorkPlan.Core.Reports;
using WorkPlan.Infrastructure.Export;
using WorkPlan.IntegrationTests.Infrastructure;

namespace WorkPlan.IntegrationTests.Export;

[Collection(DatabaseTests.Name)]
public sealed class PlanExcelExportTests(DatabaseFixture database)
{
    private const string Title = "Andijon viloyati Xo'jaobod tuman axborot-kutubxona markazining 2022 yil uchun mo'ljallangan ish rejasi";

    /// <summary>Every row of the signed Xo'jaobod 2022 plan: number, unit, 2021 fact and 2022 target (null prints "-").</summary>
    private static readonly (string Number, string Unit, decimal? Fact, decimal? Target)[] SeedRows =
    [
        ("1", "hujjat", 2, 2), ("2", "hujjat", 2, 4), ("3", "Ma'lumot", 2, 1), ("4", "Dona", 2, 10),
        ("5", "Tadbir", 6, 12), ("6", "Hujjat", 150, 150), ("7", "Hujjat", 8, 8), ("8", "Tadbir", 2, 3),
        ("9", "Tadbir", 4, 4), ("10", "Nusxa jami", 4379, 4000), ("10.1", "Nusxa", 0, 0), ("10.2", "Nusxa", 1450, 3000),
        ("10.3", "Nusxa", null, null), ("10.4", "Nusxa", 2929, 1000), ("11", "Dona", 1800, 1650), ("12", "Dona", 1800, 1650),
        ("13", "Resurs", null, null), ("14", "Dona", 3, 570), ("15", "Nafar", 11340, 14000), ("15.1", "Nafar", 3531, 2660),
        ("16", "Marta", 35506, 105000), ("17", "Nusxa", 67236, 350000), ("18", "Tadbir", 66, 72), ("19", "Marta", 168, 175),
        ("20", "Tadbir", 20, 22), ("21", "Tadbir", 85, 87), ("22", "Nusxa", null, null), ("22.1", "Nusxa", 28, 30),
        ("22.2", "Nusxa", 210, 320), ("22.3", "Nusxa", 1635, 71), ("23", "Sahifa", null, null), ("23.1", "Sahifa", 55, 200),
        ("23.2", "Sahifa", null, null), ("23.3", "Sahifa", null, 120), ("24", "Hujjat", null, null), ("25", "Xizmat", 12, 12),
        ("26", "Nusxa", 265, 270), ("27", "Xatlov", null, 1), ("28", "Bibliografik yozuvlar", 156, 162),
        ("29", "Bibliografik yozuvlar", 850, 850), ("30", "Dona", 10, 12), ("31", "Nomda", null, 14), ("32", "Sahifa", 9516, 9516),
        ("33", "Ma'lumot", 174, 550), ("34", "Resurs", 47, 60), ("35", "Sahifa", 90000, 198000), ("36", "Resurs", 9, 10),
        ("37", "Hujjat", 4, 4), ("38", "Tadbir", 18, 28), ("39", "Tadbir", 35, 40), ("40", "Marotaba", 2, 6),
        ("41", "Marotaba", 126, 550), ("42", "", null, null), ("42.1", "So'mda", null, null), ("42.2", "So'mda", null, null),
    ];

    private static readonly string[] FormulaLikeTexts = ["=SUM(1,2)", "+998 71 123 45 67", "-1+2", "@SUM(A1)", "=HYPERLINK(\"http://example.com\")"];

    [Fact]
    public async Task WritesEveryIndicatorOfTheSignedPlan_InOrder_WithFactsAndTargetsAsNumbers()
    {
        using var workbook = Open(Write(await SeedDocumentAsync()));
        var sheet = workbook.Worksheet(1);

        var rows = IndicatorRows(sheet);

        rows.Select(r => r.Cell(1).GetString()).Should().Equal(SeedRows.Select(r => r.Number));
        foreach (var expected in SeedRows)
        {
            var row = rows.Single(r => r.Cell(1).GetString() == expected.Number);
            row.Cell(1).DataType.Should().Be(XLDataType.Text, $"row {expected.Number}'s number is text");
            row.Cell(3).GetString().Should().Be(expected.Unit, $"row {expected.Number}'s unit");
            ShouldHoldQuantity(row.Cell(4), expected.Fact, $"row {expected.Number}'s 2021 fact");
            ShouldHoldQuantity(row.Cell(5), expected.Target, $"row {expected.Number}'s 2022 target");
        }

        var row16 = rows.Single(r => r.Cell(1).GetString() == "16").Cell(5);
        row16.GetValue<decimal>().Should().Be(105000);
        row16.Style.NumberFormat.Format.Should().Be("#,##0");
        rows.Single(r => r.Cell(1).GetString() == "10").Cell(4).GetValue<decimal>().Should().Be(4379);
        rows.Where(r => r.Cell(1).GetString().Contains('.', StringComparison.Ordinal))
            .Should().HaveCount(13).And.OnlyContain(r => r.Cell(2).Style.Alignment.Indent == 1, "sub-rows are indented");
        rows.Where(r => !r.Cell(1).GetString().Contains('.', StringComparison.Ordinal))
            .Should().OnlyContain(r => r.Cell(2).Style.Alignment.Indent == 0);
    }

    [Fact]
    public async Task PutsTheSignatureBlocksAndTheTitleAtTheTop_AsOnPaper()
    {
        using var workbook = Open(Write(await SeedDocumentAsync()));
        var sheet = workbook.Worksheet(1);

        Block(sheet, 1, 3).Should().Equal(
            "KELISHILDI",
            "Bobur nomidagi Andijon viloyat axborot-kutubxona markazi direktori",
            "G.Ismailova",
            "2022 yil \"____\" ________");
        Block(sheet, 6, 8).Should().Equal(
            "TASDIQLAYMAN",
            "Andijon viloyati Xo'jaobod tuman axborot-kutubxona markazi direktori",
            "M.Mo'minova",
            "2022 yil \"5\" yanvar");
        sheet.Cell(1, 1).Style.Font.Bold.Should().BeTrue();
        sheet.Cell(2, 6).Style.Alignment.WrapText.Should().BeTrue();
        sheet.Cell(3, 1).Style.Alignment.Horizontal.Should().Be(XLAlignmentHorizontalValues.Right);
        sheet.Cell(3, 6).Style.Alignment.Horizontal.Should().Be(XLAlignmentHorizontalValues.Right);

        var title = sheet.CellsUsed().Single(c => c.GetString() == Title);
        title.Address.ColumnNumber.Should().Be(1);
        title.Address.RowNumber.Should().BeLessThan(HeaderRow(sheet));
        title.MergedRange().ColumnCount().Should().Be(8);
        title.Style.Font.Bold.Should().BeTrue();
        title.Style.Alignment.Horizontal.Should().Be(XLAlignmentHorizontalValues.Center);
        title.Style.Alignment.WrapText.Should().BeTrue();
        sheet.CellsUsed().Should().NotContain(c => c.GetString() == "LOYIHA", "no draft mark was asked for");

        workbook.Properties.Title.Should().Be(Title);
        sheet.Name.Should().Be("Ish rejasi 2022");
    }

    [Fact]
    public async Task LaysOutTheTableLikeThePaperForm()
    {
        using var workbook = Open(Write(await SeedDocumentAsync()));
        var sheet = workbook.Worksheet(1);
        var header = HeaderRow(sheet);

        Enumerable.Range(1, 8).Select(c => sheet.Cell(header, c).GetString()).Should().Equal(
            "№", "Nomi", "O'lchov birligi", "Miqdori", "", "Amalga oshirish mexanizmi", "Bajarilish muddati", "Mas'ullar");
        sheet.Cell(header + 1, 4).GetString().Should().Be("2021 yil (fakt)");
        sheet.Cell(header + 1, 5).GetString().Should().Be("2022 yil (reja)");
        foreach (var column in new[] { 1, 2, 3, 6, 7, 8 })
        {
            var merged = sheet.Cell(header, column).MergedRange();
            merged.RangeAddress.ToString().Should().Be(sheet.Range(header, column, header + 1, column).RangeAddress.ToString(),
                $"header column {column} spans both header rows");
        }

        sheet.Cell(header, 4).MergedRange().RangeAddress.ToString().Should().Be(sheet.Range(header, 4, header, 5).RangeAddress.ToString());
        sheet.Range(header, 1, header + 1, 8).Cells().Should().OnlyContain(c => c.Style.Font.Bold);

        var sections = SectionRows(sheet);
        sections.Select(r => r.Cell(1).GetString()).Should().Equal(
            "I. ILMIY-METODIK FAOLIYAT", "II. ASOSIY ISHLAB CHIQRISH FAOLIYATI", "III. KADRLAR MALAKASINI OSHIRISH", "V. OAV BILAN ISHLASH");
        sections.Should().OnlyContain(r => r.Cell(1).MergedRange().ColumnCount() == 8
            && r.Cell(1).Style.Font.Bold
            && r.Cell(1).Style.Alignment.Horizontal == XLAlignmentHorizontalValues.Center);

        var last = sheet.LastRowUsed().RowNumber();
        var table = sheet.Range(header, 1, last, 8).Cells().ToList();
        table.Should().OnlyContain(c => c.Style.Border.TopBorder == XLBorderStyleValues.Thin
            && c.Style.Border.BottomBorder == XLBorderStyleValues.Thin
            && c.Style.Border.LeftBorder == XLBorderStyleValues.Thin
            && c.Style.Border.RightBorder == XLBorderStyleValues.Thin, "the table has thin borders everywhere");
        table.Should().OnlyContain(c => c.Style.Alignment.WrapText);
        sheet.Range(header + 2, 1, last, 8).Cells().Should().OnlyContain(c => c.Style.Alignment.Vertical == XLAlignmentVerticalValues.Top);

        Enumerable.Range(1, 8).Select(c => sheet.Column(c).Width).Should().Equal(6, 45, 12, 11, 11, 55, 16, 30);
    }

    [Fact]
    public async Task WritesOfWhichLines_Steps_AndResponsibleServices()
    {
        var document = await SeedDocumentAsync();
        using var workbook = Open(Write(document));
        var sheet = workbook.Worksheet(1);
        var rows = IndicatorRows(sheet);
        IXLRow Indicator(string number) => rows.Single(r => r.Cell(1).GetString() == number);

        var ofWhich = sheet.Row(Indicator("10.1").RowNumber() - 1);
        ofWhich.Cell(1).GetString().Should().BeEmpty();
        ofWhich.Cell(2).GetString().Should().Be("shundan,");
        ofWhich.Cell(2).Style.Font.Italic.Should().BeTrue();
        ofWhich.Cell(2).MergedRange().RangeAddress.ToString().Should().Be(sheet.Range(ofWhich.RowNumber(), 2, ofWhich.RowNumber(), 8).RangeAddress.ToString());
        Indicator("10.2").RowNumber().Should().Be(Indicator("10.1").RowNumber() + 1, "the \"shundan,\" line comes once, before the first sub-row");
        foreach (var first in new[] { "10.1", "15.1", "22.1", "23.1", "42.1" })
        {
            sheet.Cell(Indicator(first).RowNumber() - 1, 2).GetString().Should().Be("shundan,", $"{first} is a first sub-row");
        }

        Indicator("38").Cell(8).GetString().Should().Be("Barcha xizmatlar");
        Indicator("39").Cell(8).GetString().Should().Be("Barcha xizmatlar");
        Indicator("9").Cell(8).GetString().Should().Be(string.Join(",\n", document.Rows.Single(r => r.Number == "9").Services));
        document.Rows.Single(r => r.Number == "9").Services.Should().HaveCount(2);
        Indicator("1").Cell(8).GetString().Should().Be("Axborot-bibliografiya xizmati");
        Indicator("2").Cell(6).GetString().Should().Be(
            "1. Hududiy AKMlari mutaxassislarini toifaga ajratish bo'yicha jadval ishlab chiqish (oliy ma'lumotli mutaxassis, oliy ma'lumotli nomutaxassis, o'rta maxsus va h.k.)\n"
            + "2. Har oy yakuni bo'yicha hisobotini yuritish\n"
            + "3. Har chorak ma'lumotlarni umumlashtirib, Viloyat AKMga taqdim etish");
        Indicator("1").Cell(6).GetString().Should().Be("Xizmat rejasi asosida", "a single step is written without a number");
        Indicator("30").Cell(7).GetString().Should().Be("2022-yil sentyabr-dekabr");
        Indicator("10.3").Cell(4).Style.Alignment.Horizontal.Should().Be(XLAlignmentHorizontalValues.Center, "\"-\" is centred");
        Indicator("10").Cell(4).Style.Alignment.Horizontal.Should().Be(XLAlignmentHorizontalValues.Right, "numbers are right-aligned");
        Indicator("10").Cell(3).Style.Alignment.Horizontal.Should().Be(XLAlignmentHorizontalValues.Center);
    }

    [Fact]
    public async Task SetsUpPrintingOnA4Landscape_OnePageWide_WithTheHeaderOnEveryPage()
    {
        using var workbook = Open(Write(await SeedDocumentAsync()));
        var sheet = workbook.Worksheet(1);
        var header = HeaderRow(sheet);
        var setup = sheet.PageSetup;

        setup.PageOrientation.Should().Be(XLPageOrientation.Landscape);
        setup.PaperSize.Should().Be(XLPaperSize.A4Paper);
        setup.PagesWide.Should().Be(1);
        setup.PagesTall.Should().Be(0);
        setup.FirstRowToRepeatAtTop.Should().Be(header);
        setup.LastRowToRepeatAtTop.Should().Be(header + 1);
        setup.CenterHorizontally.Should().BeTrue();
        setup.Margins.Left.Should().BeApproximately(1 / 2.54, 0.01);
        setup.Margins.Bottom.Should().BeApproximately(1 / 2.54, 0.01);
        setup.Footer.Center.GetText(XLHFOccurrence.OddPages).Should().Be("Sahifa &P / &N", "ClosedXML reads the footer of every page back as the odd pages' one");
        sheet.SheetView.SplitRow.Should().Be(header + 1, "the panes freeze below the header");
    }

    [Fact]
    public void KeepsFormulaLikeTexts_AsText()
    {
        var rows = FormulaLikeTexts.Select((name, i) => Row($"{i + 1}", name) with
        {
            Unit = name,
            Mechanism = [name],
            Deadline = name,
            Services = [name],
        }).ToList();
        var document = Document([new PlanDocumentSection("=I", "+TITLE", rows)]) with { Title = "=cmd|'/c calc'!A1" };
        var bytes = Write(document, Text() with { AllServices = "=A1" });

        using var workbook = Open(bytes);
        var sheet = workbook.Worksheet(1);
        var written = IndicatorRows(sheet);

        written.Should().HaveCount(FormulaLikeTexts.Length);
        for (var i = 0; i < FormulaLikeTexts.Length; i++)
        {
            foreach (var column in new[] { 2, 3, 6, 7, 8 })
            {
                var cell = written[i].Cell(column);
                cell.HasFormula.Should().BeFalse($"{FormulaLikeTexts[i]} in column {column} is text");
                cell.DataType.Should().Be(XLDataType.Text);
                cell.GetString().Should().Be(FormulaLikeTexts[i]);
                cell.Style.IncludeQuotePrefix.Should().BeTrue($"{FormulaLikeTexts[i]} in column {column} stays text when a user edits it");
            }
        }

        written[0].Cell(1).Style.IncludeQuotePrefix.Should().BeFalse("plain text needs no prefix");

        sheet.CellsUsed().Should().Contain(c => c.GetString() == "=I. +TITLE" && !c.HasFormula);
        sheet.CellsUsed().Should().Contain(c => c.GetString() == "=cmd|'/c calc'!A1" && !c.HasFormula);
        sheet.CellsUsed().Should().NotContain(c => c.HasFormula);
        SheetXml(bytes).Should().NotContain("<x:f>").And.NotContain("<f>").And.NotContain("<f ");
    }

    [Fact]
    public void WritesMoney_WithTwoDecimalsOnlyWhenTheyAreNotZero()
    {
        var document = Document([new PlanDocumentSection("I", "PULLIK", [
            Row("1", "Whole") with { Measure = Measure.Money, PreviousFact = 1500000m, Target = 1234567.5m },
            Row("2", "Count") with { PreviousFact = 3, Target = null },
        ])]);

        using var workbook = Open(Write(document, Text()));
        var rows = IndicatorRows(workbook.Worksheet(1));

        rows[0].Cell(4).GetValue<decimal>().Should().Be(1500000m);
        rows[0].Cell(4).Style.NumberFormat.Format.Should().Be("#,##0");
        rows[0].Cell(5).GetValue<decimal>().Should().Be(1234567.5m);
        rows[0].Cell(5).Style.NumberFormat.Format.Should().Be("#,##0.00");
        rows[1].Cell(4).DataType.Should().Be(XLDataType.Number);
        rows[1].Cell(5).DataType.Should().Be(XLDataType.Text);
        rows[1].Cell(5).GetString().Should().Be("-");
    }

    [Fact]
    public async Task ShowsTheDraftMark_AboveTheTitle_WhenGiven()
    {
        using var workbook = Open(Write(await SeedDocumentAsync(), Text() with { DraftMark = "LOYIHA" }));
        var sheet = workbook.Worksheet(1);

        var mark = sheet.CellsUsed().Single(c => c.GetString() == "LOYIHA");
        var title = sheet.CellsUsed().Single(c => c.GetString() == Title);

        mark.Address.RowNumber.Should().Be(title.Address.RowNumber - 1);
        mark.Address.RowNumber.Should().BeGreaterThan(4, "the mark comes below the signature blocks");
        mark.Style.Font.Bold.Should().BeTrue();
        mark.Style.Font.FontColor.Should().Be(XLColor.Red);
        mark.MergedRange().ColumnCount().Should().Be(8);
        IndicatorRows(sheet).Should().HaveCount(SeedRows.Length);
    }

    private async Task<PlanDocument> SeedDocumentAsync()
    {
        await database.ResetWithDemoDataAsync();
        return await SeedDocuments.XojaobodAsync(database);
    }

    private static PlanExportText Text() => new(
        AgreedHeading: "KELISHILDI",
        ApproveHeading: "TASDIQLAYMAN",
        AgreementDateLine: "2022 yil \"____\" ________",
        ApprovalDateLine: "2022 yil \"5\" yanvar",
        NumberColumn: "№",
        NameColumn: "Nomi",
        UnitColumn: "O'lchov birligi",
        QuantityColumn: "Miqdori",
        FactColumn: "2021 yil (fakt)",
        TargetColumn: "2022 yil (reja)",
        MechanismColumn: "Amalga oshirish mexanizmi",
        DeadlineColumn: "Bajarilish muddati",
        ResponsibleColumn: "Mas'ullar",
        OfWhich: "shundan,",
        AllServices: "Barcha xizmatlar",
        DraftMark: null,
        PageLabel: "Sahifa",
        SheetName: "Ish rejasi 2022");

    private static byte[] Write(PlanDocument document, PlanExportText? text = null) =>
        new ClosedXmlPlanWriter().Write(document, text ?? Text());

    private static XLWorkbook Open(byte[] bytes) => new(new MemoryStream(bytes));

    private static PlanDocument Document(IReadOnlyList<PlanDocumentSection> sections) => new(
        1, 2022, "Test plan", PlanStatus.Draft, "Test", SignatureBlock.Blank(), SignatureBlock.Blank(), sections);

    private static PlanDocumentRow Row(string number, string name) => new(
        0, number, name, "Dona", Measure.Count, 1, 2, ["Step"], "2022-yil davomida", ["Xizmat"], false, false, false);

    private static string SheetXml(byte[] bytes)
    {
        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        using var reader = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        return reader.ReadToEnd();
    }

    /// <summary>The texts of a signature block, line by line, each line merged over its columns.</summary>
    private static List<string> Block(IXLWorksheet sheet, int firstColumn, int lastColumn) =>
        Enumerable.Range(1, 4).Select(row =>
        {
            var cell = sheet.Cell(row, firstColumn);
            cell.MergedRange().RangeAddress.ToString().Should().Be(sheet.Range(row, firstColumn, row, lastColumn).RangeAddress.ToString());
            return cell.GetString();
        }).ToList();

    private static int HeaderRow(IXLWorksheet sheet) =>
        sheet.CellsUsed().Single(c => c.Address.ColumnNumber == 1 && c.GetString() == "№").Address.RowNumber;

    /// <summary>The table rows below the header whose first cell is merged across the table: the sections.</summary>
    private static List<IXLRow> SectionRows(IXLWorksheet sheet) => BodyRows(sheet).Where(r => r.Cell(1).IsMerged()).ToList();

    /// <summary>The table rows below the header with a number: the indicators and sub-indicators.</summary>
    private static List<IXLRow> IndicatorRows(IXLWorksheet sheet) =>
        BodyRows(sheet).Where(r => !r.Cell(1).IsMerged() && r.Cell(1).GetString().Length > 0).ToList();

    private static IEnumerable<IXLRow> BodyRows(IXLWorksheet sheet)
    {
        var first = HeaderRow(sheet) + 2;
        var last = sheet.LastRowUsed().RowNumber();
        return Enumerable.Range(first, last - first + 1).Select(sheet.Row);
    }

    private static void ShouldHoldQuantity(IXLCell cell, decimal? expected, string because)
    {
        if (expected is { } value)
        {
            cell.DataType.Should().Be(XLDataType.Number, because);
            cell.GetValue<decimal>().Should().Be(value, because);
            cell.Style.NumberFormat.Format.Should().Be("#,##0", because);
        }
        else
        {
            cell.DataType.Should().Be(XLDataType.Text, because);
            cell.GetString().Should().Be("-", because);
            cell.Style.Alignment.Horizontal.Should().Be(XLAlignmentHorizontalValues.Center, because);
        }
    }
}
