using System.Reflection;
using WorkPlan.Core.Catalogue;
using WorkPlan.Core.Plans;

namespace WorkPlan.UnitTests.Plans;

/// <summary>
/// <see cref="IndicatorDefinition"/> is the one list of what a plan row says; every path that creates or changes a
/// row builds one (a positional record, so a new field breaks each of them at compile time). The shapes that carry a
/// row onwards (the form, the printed document, the signed version, the catalogue) are checked here: each carries
/// every field of the definition, or says why it does not. A field added to the definition fails this test until
/// each shape carries it or is given its reason.
/// </summary>
public sealed class IndicatorFieldListTests
{
    /// <summary>Fields a shape leaves out on purpose, and why.</summary>
    private static readonly Dictionary<Type, Dictionary<string, string>> LeftOut = new()
    {
        [typeof(SaveIndicator)] = new()
        {
            [nameof(IndicatorDefinition.Deadline)] = "written from the schedule by DeadlineText",
            [nameof(IndicatorDefinition.Schedule)] = "sent as the deadline picker's choices",
        },
        [typeof(PlanDocumentRow)] = new()
        {
            [nameof(IndicatorDefinition.Schedule)] = "the document prints the deadline as written",
            [nameof(IndicatorDefinition.Rollup)] = "not part of the signed paper form",
            [nameof(IndicatorDefinition.ChildrenPartition)] = "not part of the signed paper form",
        },
        [typeof(SignedPlanRowV1)] = new()
        {
            [nameof(IndicatorDefinition.Schedule)] = "the signed version keeps the deadline as printed",
            [nameof(IndicatorDefinition.Rollup)] = "not part of the signed paper form",
            [nameof(IndicatorDefinition.ChildrenPartition)] = "not part of the signed paper form",
        },
        [typeof(TemplateItemDefinition)] = new()
        {
            [nameof(IndicatorDefinition.PreviousFact)] = "each district's own figure, taken from its last year's actuals",
            [nameof(IndicatorDefinition.Target)] = "each district sets its own target",
            [nameof(IndicatorDefinition.Deadline)] = "written for the plan's year from the schedule",
        },
    };

    public static TheoryData<Type> Shapes() => [.. LeftOut.Keys];

    [Theory]
    [MemberData(nameof(Shapes))]
    public void EveryShapeThatCarriesARow_CarriesEachFieldOfTheDefinition_OrSaysWhyNot(Type shape)
    {
        var carried = shape.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var fields = typeof(IndicatorDefinition).GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name);

        fields.Where(f => !carried.Contains(f) && !LeftOut[shape].ContainsKey(f))
            .Should().BeEmpty($"{shape.Name} carries a plan row onwards; add the field, or say in this test why it is left out");
        LeftOut[shape].Keys.Where(carried.Contains)
            .Should().BeEmpty($"{shape.Name} now carries these fields; remove them from the left-out list");
    }
}
