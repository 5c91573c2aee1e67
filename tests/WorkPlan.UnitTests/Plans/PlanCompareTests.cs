using WorkPlan.Core.Plans;

namespace WorkPlan.UnitTests.Plans;

public class PlanCompareTests
{
    private static PlanDocumentRow Row(int id, string number, decimal? target, string deadline = "2022-yil davomida") =>
        new(id, number, $"Ko'rsatkich {number}", "Dona", Measure.Count, 1, target, ["Reja asosida"], deadline, ["Axborot-bibliografiya xizmati"], false, false, false);

    private static PlanDocument Document(params PlanDocumentRow[] rows) =>
        new(1, 2022, "Reja", PlanStatus.InForce, "Xo'jaobod", SignatureBlock.Blank(), SignatureBlock.Blank(), [new PlanDocumentSection("I", "ILMIY-METODIK FAOLIYAT", rows)]);

    [Fact]
    public void ListsEveryChangedField_OldToNew()
    {
        var changes = PlanHistoryService.Compare(
            Document(Row(1, "1", 10), Row(2, "2", 5)),
            Document(Row(1, "1", 12, "2022 yil I-chorak"), Row(2, "2", 5)));

        changes.Should().BeEquivalentTo(new[]
        {
            new PlanChange("1", "Ko'rsatkich 1", PlanChangeKind.Changed, "Target", "10", "12"),
            new PlanChange("1", "Ko'rsatkich 1", PlanChangeKind.Changed, "Deadline", "2022-yil davomida", "2022 yil I-chorak"),
        });
    }

    [Fact]
    public void ReportsAddedAndRemovedRows_InDocumentOrder()
    {
        var changes = PlanHistoryService.Compare(Document(Row(1, "1", 10), Row(2, "2", 5)), Document(Row(1, "1", 10), Row(3, "10", 7)));

        changes.Select(c => (c.Number, c.Kind)).Should().Equal(("2", PlanChangeKind.Removed), ("10", PlanChangeKind.Added));
    }

    [Fact]
    public void TellsANoValueFromZero()
    {
        var changes = PlanHistoryService.Compare(Document(Row(1, "1", null)), Document(Row(1, "1", 0)));

        changes.Should().ContainSingle(c => c.Field == "Target" && c.Old == null && c.New == "0");
    }
}
