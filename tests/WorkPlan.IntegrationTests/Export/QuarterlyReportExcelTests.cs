using System.IO.Compression;
using ClosedXML.Excel;
using WorkPlan.Core.Plans;
using WorkPlan.Core.Reports;
using WorkPlan.Infrastructure.Export;

namespace WorkPlan.IntegrationTests.Export;

public sealed class QuarterlyReportExcelTests
{
    private const string Organisation = "Andijon viloyati Xo'jaobod tuman axborot-kutubxona markazi";
    private const string Title = "2022 yil III chorak bo'yicha hisobot";
    private const string DirectorLine = "Direktor ______________ M.Mo'minova";
    private const string InspectorLine = "Inspektor ______________ G.Ismailova";
    private const string FormulaName = "=SUM(1;2)";
    private const string FormulaNote = "+ko'p";

    /// <summary>The layout: organisation, title, a blank row, then the header.</summary>
    private const int HeaderRow = 4;

    /// <summary>The table below the header: each row's cells as written (a decimal is a numeric cell, a string a text cell).</summary>
    private static readonly object[][] ExpectedBody =
    [
        ["I. ILMIY-METODIK FAOLIYAT"],
        ["1", "Uslubiy qo'llanmalar tayyorlash", "Hujjat", 4m, 1m, 3m, 75.0m, "Iyul: 1 ta"],
        ["2", "Kitobxonlar soni", "Nafar", 14000m, 3500m, 11340m, 81.0m, ""],
        ["2.1", "Bolalar", "Nafar", 2660m, 700m, 2100m, 78.9m, FormulaNote],
        ["2.2", FormulaName, "Nafar", "-", 10m, 25m, "-", ""],
        ["II. PULLIK XIZMATLAR"],
        ["3", "Pullik xizmatlardan tushum", "So'm", 5000000m, 1250000.50m, 3750000m, 75.0m, "Sentyabr: -to'lov kechikdi"],
        ["4", "Tadbirlar", "Tadbir", 72m, "-", 54m, 75.0m, "@izoh"],
    ];

    [Fact]
    public void WritesTheOrganisationAndTheTitle_MergedAcrossTheTable_AboveABlankRow()
    {
        using var workbook = Open(Write());
        var sheet = workbook.Worksheet(1);

        foreach (var (row, expected) in new[] { (1, Organisation), (2, Title) })
        {
            var cell = sheet.Cell(row, 1);
            cell.GetString().Should().Be(expected);
            cell.DataType.Should().Be(XLDataType.Text);
            cell.MergedRange().RangeAddress.ToString().Should().Be($"A{row}:H{row}");
            cell.Style.Font.Bold.Should().BeTrue();
            cell.Style.Font.FontName.Should().Be("Times New Roman");
            cell.Style.Alignment.Horizontal.Should().Be(XLAlignmentHorizontalValues.Center);
        }

        sheet.Row(3).CellsUsed().Should().BeEmpty("a blank row separates the title from the table");
        sheet.Cell(3, 1).IsMerged().Should().BeFalse();
        workbook.Properties.Title.Should().Be(Title);
        sheet.Name.Should().Be("Hisobot 2022 III chorak");
    }

    [Fact]
    public void WritesTheHeaderRow_WithTheEightColumns_BoldCentredAndFrozen()
    {
        using var workbook = Open(Write());
        var sheet = workbook.Worksheet(1);

        Enumerable.Range(1, 8).Select(c => sheet.Cell(HeaderRow, c).GetString()).Should().Equal(
            "№", "Nomi", "O'lchov birligi", "Yillik reja", "III chorak", "Yil boshidan", "Bajarilishi, %", "Izoh");
        var header = sheet.Range(HeaderRow, 1, HeaderRow, 8).Cells().ToList();
        header.Should().OnlyContain(c => c.DataType == XLDataType.Text && !c.IsMerged());
        header.Should().OnlyContain(c => c.Style.Font.Bold
            && c.Style.Alignment.Horizontal == XLAlignmentHorizontalValues.Center
            && c.Style.Alignment.WrapText);
        sheet.SheetView.SplitRow.Should().Be(HeaderRow, "the panes freeze below the header");
        Enumerable.Range(1, 8).Select(c => sheet.Column(c).Width).Should().Equal(6, 45, 12, 13, 13, 13, 12, 35);
    }

    [Fact]
    public void WritesEveryCell_OfTheTable_NumbersAsNumbersAndTextsAsText()
    {
        using var workbook = Open(Write());
        var sheet = workbook.Worksheet(1);

        for (var i = 0; i < ExpectedBody.Length; i++)
        {
            var row = HeaderRow + 1 + i;
            var expected = ExpectedBody[i];
            if (expected.Length == 1)
            {
                sheet.Cell(row, 1).GetString().Should().Be((string)expected[0], $"row {row} is a section");
                sheet.Cell(row, 1).DataType.Should().Be(XLDataType.Text);
                continue;
            }

            for (var column = 1; column <= 8; column++)
            {
                var cell = sheet.Cell(row, column);
                var because = $"cell {cell.Address} holds {expected[column - 1]}";
                cell.HasFormula.Should().BeFalse(because);
                switch (expected[column - 1])
                {
                    case decimal number:
                        cell.DataType.Should().Be(XLDataType.Number, because);
                        cell.GetValue<decimal>().Should().Be(number, because);
                        cell.Style.Alignment.Horizontal.Should().Be(XLAlignmentHorizontalValues.Right, because);
                        break;
                    case "-" when column is >= 4 and <= 7:
                        cell.DataType.Should().Be(XLDataType.Text, because);
                        cell.GetString().Should().Be("-", because);
                        cell.Style.Alignment.Horizontal.Should().Be(XLAlignmentHorizontalValues.Center, "\"-\" is centred");
                        break;
                    case "":
                        cell.GetString().Should().BeEmpty(because);
                        break;
                    case string text:
                        cell.DataType.Should().Be(XLDataType.Text, because);
                        cell.GetString().Should().Be(text, because);
                        break;
                    default:
                        throw new InvalidOperationException($"Unexpected {expected[column - 1]}");
                }
            }

            sheet.Cell(row, 3).Style.Alignment.Horizontal.Should().Be(XLAlignmentHorizontalValues.Center, "units are centred");
        }

        sheet.LastRowUsed().RowNumber().Should().Be(HeaderRow + ExpectedBody.Length + 3, "a blank row and two signature lines follow the table");
        sheet.Row(HeaderRow + ExpectedBody.Length + 1).CellsUsed().Should().BeEmpty();
    }

    [Fact]
    public void FormatsCountsAndPercentages_AndMoneyWithTwoDecimalsOnlyWhenTheyAreNotZero()
    {
        using var workbook = Open(Write());
        var sheet = workbook.Worksheet(1);
        IXLRow Indicator(string number) => BodyRow(sheet, number);

        Indicator("1").Cell(4).Style.NumberFormat.Format.Should().Be("#,##0");
        Indicator("2").Cell(6).Style.NumberFormat.Format.Should().Be("#,##0");
        Indicator("2").Cell(7).Style.NumberFormat.Format.Should().Be("0.0");
        Indicator("2.1").Cell(7).GetValue<decimal>().Should().Be(78.9m);
        Indicator("2.1").Cell(7).Style.NumberFormat.Format.Should().Be("0.0");

        var money = Indicator("3");
        money.Cell(4).GetValue<decimal>().Should().Be(5000000m);
        money.Cell(4).Style.NumberFormat.Format.Should().Be("#,##0", "whole so'm print without decimals");
        money.Cell(5).GetValue<decimal>().Should().Be(1250000.50m);
        money.Cell(5).Style.NumberFormat.Format.Should().Be("#,##0.00", "so'm with tiyin print two decimals");
        money.Cell(6).Style.NumberFormat.Format.Should().Be("#,##0");
        money.Cell(7).Style.NumberFormat.Format.Should().Be("0.0");
    }

    [Fact]
    public void WritesSectionRows_MergedAcrossTheTable_BoldAndCentred()
    {
        using var workbook = Open(Write());
        var sheet = workbook.Worksheet(1);

        var sections = Enumerable.Range(HeaderRow + 1, ExpectedBody.Length)
            .Select(sheet.Row)
            .Where(r => r.Cell(1).IsMerged())
            .ToList();

        sections.Select(r => r.RowNumber()).Should().Equal(HeaderRow + 1, HeaderRow + 6);
        sections.Select(r => r.Cell(1).GetString()).Should().Equal("I. ILMIY-METODIK FAOLIYAT", "II. PULLIK XIZMATLAR");
        foreach (var section in sections)
        {
            var cell = section.Cell(1);
            cell.DataType.Should().Be(XLDataType.Text);
            cell.MergedRange().RangeAddress.ToString().Should().Be($"A{section.RowNumber()}:H{section.RowNumber()}");
            cell.Style.Font.Bold.Should().BeTrue();
            cell.Style.Alignment.Horizontal.Should().Be(XLAlignmentHorizontalValues.Center);
        }
    }

    [Fact]
    public void IndentsSubRows_Only()
    {
        using var workbook = Open(Write());
        var sheet = workbook.Worksheet(1);

        BodyRow(sheet, "2.1").Cell(2).Style.Alignment.Indent.Should().Be(1);
        BodyRow(sheet, "2.2").Cell(2).Style.Alignment.Indent.Should().Be(1);
        foreach (var number in new[] { "1", "2", "3", "4" })
        {
            BodyRow(sheet, number).Cell(2).Style.Alignment.Indent.Should().Be(0, $"row {number} is not a sub-row");
        }
    }

    [Fact]
    public void DrawsThinBorders_AroundEveryCellOfTheTable_AndNoneAroundTheSignatures()
    {
        using var workbook = Open(Write());
        var sheet = workbook.Worksheet(1);
        var last = HeaderRow + ExpectedBody.Length;

        var table = sheet.Range(HeaderRow, 1, last, 8).Cells().ToList();
        table.Should().OnlyContain(c => c.Style.Border.TopBorder == XLBorderStyleValues.Thin
            && c.Style.Border.BottomBorder == XLBorderStyleValues.Thin
            && c.Style.Border.LeftBorder == XLBorderStyleValues.Thin
            && c.Style.Border.RightBorder == XLBorderStyleValues.Thin, "the table has thin borders everywhere");
        table.Should().OnlyContain(c => c.Style.Alignment.WrapText);
        sheet.Range(HeaderRow + 1, 1, last, 8).Cells().Should().OnlyContain(c => c.Style.Alignment.Vertical == XLAlignmentVerticalValues.Top);
        sheet.Cell(last + 2, 2).Style.Border.LeftBorder.Should().Be(XLBorderStyleValues.None);
        sheet.Cell(last + 2, 2).Style.Border.TopBorder.Should().Be(XLBorderStyleValues.None);
    }

    [Fact]
    public void WritesTheSignatureLines_BelowTheTable_AfterABlankRow()
    {
        using var workbook = Open(Write());
        var sheet = workbook.Worksheet(1);
        var last = HeaderRow + ExpectedBody.Length;

        sheet.Row(last + 1).CellsUsed().Should().BeEmpty();
        foreach (var (row, expected) in new[] { (last + 2, DirectorLine), (last + 3, InspectorLine) })
        {
            var cell = sheet.Cell(row, 2);
            cell.GetString().Should().Be(expected);
            cell.DataType.Should().Be(XLDataType.Text);
            cell.MergedRange().RangeAddress.ToString().Should().Be($"B{row}:F{row}");
            cell.Style.Font.Bold.Should().BeTrue();
            sheet.Cell(row, 1).GetString().Should().BeEmpty();
        }
    }

    [Fact]
    public void SetsUpPrintingOnA4Landscape_OnePageWide_WithTheHeaderOnEveryPage()
    {
        using var workbook = Open(Write());
        var setup = workbook.Worksheet(1).PageSetup;

        setup.PageOrientation.Should().Be(XLPageOrientation.Landscape);
        setup.PaperSize.Should().Be(XLPaperSize.A4Paper);
        setup.PagesWide.Should().Be(1);
        setup.PagesTall.Should().Be(0);
        setup.FirstRowToRepeatAtTop.Should().Be(HeaderRow);
        setup.LastRowToRepeatAtTop.Should().Be(HeaderRow);
        setup.CenterHorizontally.Should().BeTrue();
        setup.Margins.Left.Should().BeApproximately(1 / 2.54, 0.01);
        setup.Margins.Bottom.Should().BeApproximately(1 / 2.54, 0.01);
        setup.Footer.Center.GetText(XLHFOccurrence.OddPages).Should().Be("Sahifa &P / &N", "ClosedXML reads the footer of every page back as the odd pages' one");
    }

    [Fact]
    public void EscapesAnAmpersandInThePageLabel()
    {
        using var workbook = Open(Write(Text() with { PageLabel = "Bet & sahifa" }));

        workbook.Worksheet(1).PageSetup.Footer.Center.GetText(XLHFOccurrence.OddPages).Should().Be("Bet && sahifa &P / &N");
    }

    [Fact]
    public void KeepsFormulaLikeTexts_AsText()
    {
        var document = Document() with { OrganisationName = "=cmd|'/c calc'!A1" };
        var text = Text() with { Title = "+TITLE", NameColumn = "-Nomi", DirectorLine = "=A1", InspectorLine = "@SUM(A1)" };
        var bytes = new ClosedXmlQuarterlyReportWriter().Write(document, text);

        using var workbook = Open(bytes);
        var sheet = workbook.Worksheet(1);

        var name = BodyRow(sheet, "2.2").Cell(2);
        name.GetString().Should().Be(FormulaName);
        name.DataType.Should().Be(XLDataType.Text);
        var note = BodyRow(sheet, "2.1").Cell(8);
        note.GetString().Should().Be(FormulaNote);
        note.DataType.Should().Be(XLDataType.Text);
        foreach (var value in new[] { "=cmd|'/c calc'!A1", "+TITLE", "-Nomi", "=A1", "@SUM(A1)", "@izoh", "Sentyabr: -to'lov kechikdi" })
        {
            sheet.CellsUsed().Should().ContainSingle(c => c.GetString() == value, $"{value} is written once")
                .Which.DataType.Should().Be(XLDataType.Text, $"{value} is text");
            sheet.CellsUsed().Single(c => c.GetString() == value).Style.IncludeQuotePrefix.Should().Be(
                value[0] is '=' or '+' or '-' or '@', $"{value} stays text when a user edits it");
        }

        name.Style.IncludeQuotePrefix.Should().BeTrue();
        note.Style.IncludeQuotePrefix.Should().BeTrue();

        sheet.CellsUsed().Should().NotContain(c => c.HasFormula);
        SheetXml(bytes).Should().NotContain("<x:f>").And.NotContain("<f>").And.NotContain("<f ");
    }

    [Fact]
    public void RefusesNullArguments()
    {
        var writer = new ClosedXmlQuarterlyReportWriter();

        writer.Invoking(w => w.Write(null!, Text())).Should().Throw<ArgumentNullException>();
        writer.Invoking(w => w.Write(Document(), null!)).Should().Throw<ArgumentNullException>();
    }

    private static QuarterlyReportDocument Document() => new(
        PlanId: 1,
        Year: 2022,
        Quarter: 3,
        OrganisationName: Organisation,
        PlanTitle: "Xo'jaobod tuman AKM 2022 yil ish rejasi",
        DirectorTitle: "Direktor",
        DirectorName: "M.Mo'minova",
        InspectorName: "G.Ismailova",
        Sections:
        [
            new QuarterlyReportSection("I", "ILMIY-METODIK FAOLIYAT",
            [
                Row("1", "Uslubiy qo'llanmalar tayyorlash", "Hujjat", 4, 1, 3, 75.0m, "Iyul: 1 ta"),
                Row("2", "Kitobxonlar soni", "Nafar", 14000, 3500, 11340, 81.0m, null),
                Row("2.1", "Bolalar", "Nafar", 2660, 700, 2100, 78.9m, FormulaNote, isSubRow: true),
                Row("2.2", FormulaName, "Nafar", null, 10, 25, null, null, isSubRow: true),
            ]),
            new QuarterlyReportSection("II", "PULLIK XIZMATLAR",
            [
                Row("3", "Pullik xizmatlardan tushum", "So'm", 5000000m, 1250000.50m, 3750000m, 75.0m, "Sentyabr: -to'lov kechikdi", measure: Measure.Money),
                Row("4", "Tadbirlar", "Tadbir", 72, null, 54, 75.0m, "@izoh"),
            ]),
        ]);

    private static QuarterlyReportRow Row(
        string number, string name, string unit, decimal? target, decimal? quarter, decimal? yearToDate, decimal? percent, string? notes,
        bool isSubRow = false, Measure measure = Measure.Count) =>
        new(0, number, name, unit, measure, target, quarter, yearToDate, percent, notes, isSubRow);

    private static QuarterlyReportText Text() => new(
        Title: Title,
        NumberColumn: "№",
        NameColumn: "Nomi",
        UnitColumn: "O'lchov birligi",
        TargetColumn: "Yillik reja",
        QuarterColumn: "III chorak",
        YearToDateColumn: "Yil boshidan",
        PercentColumn: "Bajarilishi, %",
        NotesColumn: "Izoh",
        DirectorLine: DirectorLine,
        InspectorLine: InspectorLine,
        PageLabel: "Sahifa",
        SheetName: "Hisobot 2022 III chorak");

    private static byte[] Write(QuarterlyReportText? text = null) =>
        new ClosedXmlQuarterlyReportWriter().Write(Document(), text ?? Text());

    private static XLWorkbook Open(byte[] bytes) => new(new MemoryStream(bytes));

    private static IXLRow BodyRow(IXLWorksheet sheet, string number) =>
        Enumerable.Range(HeaderRow + 1, ExpectedBody.Length)
            .Select(sheet.Row)
            .Single(r => !r.Cell(1).IsMerged() && r.Cell(1).GetString() == number);

    private static string SheetXml(byte[] bytes)
    {
        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        using var reader = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        return reader.ReadToEnd();
    }
}
