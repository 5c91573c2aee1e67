using WorkPlan.Core.Actuals;
using WorkPlan.Core.Common;
using WorkPlan.Core.Plans;
using WorkPlan.IntegrationTests.Infrastructure;

namespace WorkPlan.IntegrationTests.Hostile;

/// <summary>The database columns take exactly the lengths the forms and services check (one home: FieldLimits).</summary>
[Collection(DatabaseTests.Name)]
public sealed class FieldLimitsTests(DatabaseFixture database)
{
    public static TheoryData<Type, string, int> Columns => new()
    {
        { typeof(Plan), nameof(Plan.Title), FieldLimits.PlanTitle },
        { typeof(Plan), nameof(Plan.ReturnReason), FieldLimits.Reason },
        { typeof(Section), nameof(Section.Label), FieldLimits.SectionLabel },
        { typeof(Section), nameof(Section.Title), FieldLimits.SectionTitle },
        { typeof(Indicator), nameof(Indicator.Number), FieldLimits.IndicatorNumber },
        { typeof(Indicator), nameof(Indicator.Name), FieldLimits.IndicatorName },
        { typeof(Indicator), nameof(Indicator.Unit), FieldLimits.Unit },
        { typeof(Indicator), nameof(Indicator.Deadline), FieldLimits.Deadline },
        { typeof(MonthlyActual), nameof(MonthlyActual.Note), FieldLimits.Note },
        { typeof(MonthReopenRequest), nameof(MonthReopenRequest.Reason), FieldLimits.Reason },
        { typeof(MonthReopenRequest), nameof(MonthReopenRequest.DeclineReason), FieldLimits.Reason },
    };

    [Theory]
    [MemberData(nameof(Columns))]
    public void TheColumnTakesTheLengthTheFormsCheck(Type entity, string property, int limit)
    {
        using var db = database.CreateContext();

        db.Model.FindEntityType(entity)!.FindProperty(property)!.GetMaxLength().Should().Be(limit);
    }

    [Theory]
    [InlineData(2000, true)]
    [InlineData(2001, false)]
    public void ChecksALengthWithAMessageThatSaysTheLimit(int length, bool fits)
    {
        var errors = FieldLimits.Check(new string('a', length), FieldLimits.Reason, "Reason", TextKind.Lines).ToList();

        errors.Should().HaveCount(fits ? 0 : 1);
        if (!fits)
        {
            errors[0].Should().BeEquivalentTo(new ValidationError("Reason", FieldLimits.Messages.TooLong, FieldLimits.Reason));
        }
    }
}
