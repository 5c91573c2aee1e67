using ClosedXML.Excel;
using WorkPlan.Core.Plans;
using WorkPlan.Core.Regional;
using WorkPlan.Infrastructure.Export;

namespace WorkPlan.IntegrationTests.Export;

public sealed class ConsolidationExcelTests
{
    [Fact]
    public void KeepsFormulaLikeTexts_AsText_EvenWhenAUserEditsTheCell()
    {
        var cell = new ConsolidationCell(10, 2, 5, 50);
        var document = new ConsolidationDocument(
            1, "=cmd|'/c calc'!A1", 2022, 2, false,
            [new ConsolidationDistrict(2, "+Tuman", "@Tuman", 3, null, null, true)],
            [new ConsolidationSection("-I", "=BO'LIM", [new ConsolidationRow("A1", "=1", "+998 71 123 45 67", "-dona", Measure.Count, RollupKind.Sum, false, [cell], cell)])],
            [2022]);
        var text = new ConsolidationText("Jamlanma", "№", "Nomi", "O'lchov", "=Jami", "Reja", "Chorak", "Yil boshidan", "%", "Holat", "Bet", "Jamlanma");

        using var workbook = new XLWorkbook(new MemoryStream(new ClosedXmlConsolidationWriter().Write(document, text)));
        var sheet = workbook.Worksheet(1);

        foreach (var value in new[] { "=cmd|'/c calc'!A1", "@Tuman", "=1", "+998 71 123 45 67", "-dona", "=Jami" })
        {
            var written = sheet.CellsUsed().Should().Contain(c => c.GetString() == value, $"{value} is written").Which;
            written.HasFormula.Should().BeFalse();
            written.DataType.Should().Be(XLDataType.Text);
            written.Style.IncludeQuotePrefix.Should().BeTrue($"{value} stays text when a user edits it");
        }

        sheet.CellsUsed().Where(c => c.GetString() == "Reja").Should().OnlyContain(c => !c.Style.IncludeQuotePrefix, "plain text needs no prefix");
        sheet.CellsUsed().Should().NotContain(c => c.HasFormula);
    }
}
