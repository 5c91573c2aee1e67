using WorkPlan.Core.Organisations;
using WorkPlan.Core.Plans;
using WorkPlan.UnitTests.Builders;

namespace WorkPlan.UnitTests.Plans;

/// <summary>The plan's own guards: what a new plan needs, and that only a draft changes (saved or not).</summary>
public class PlanGuardTests
{
    public static TheoryData<string, Action<Plan, Section, Indicator>> Edits => new()
    {
        { "add a section", (plan, _, _) => plan.AddSection("III", "YANGI BO'LIM") },
        { "add a row", (plan, section, row) => plan.AddIndicator(section, DraftPlans.Row("21", Measure.Count), []) },
        { "remove a row", (plan, _, row) => plan.RemoveIndicator(row) },
        { "move a row", (plan, _, row) => plan.MoveIndicator(row, 1) },
        { "move a row to a section", (plan, _, row) => plan.MoveToSection(row, plan.Sections.Last()) },
        { "remove a section", (plan, section, _) => plan.RemoveSection(section) },
        { "move a section", (plan, section, _) => plan.MoveSection(section, 1) },
    };

    [Theory]
    [MemberData(nameof(Edits))]
    public void RefusesEveryEdit_WhenThePlanIsInForce_EvenBeforeItIsSaved(string edit, Action<Plan, Section, Indicator> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var (plan, section, row, _) = DraftPlans.InForce();

        var act = () => change(plan, section, row);

        act.Should().Throw<InvalidOperationException>(edit).WithMessage("*cannot be edited*");
    }

    [Theory]
    [MemberData(nameof(Edits))]
    public void RefusesEveryEdit_WhenThePlanIsSubmitted(string edit, Action<Plan, Section, Indicator> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var (plan, section, row, _) = DraftPlans.Draft();
        plan.Submit();

        var act = () => change(plan, section, row);

        act.Should().Throw<InvalidOperationException>(edit);
    }

    [Fact]
    public void AddsASection_WhenThePlanIsADraft()
    {
        var (plan, _, _, _) = DraftPlans.Draft();

        plan.AddSection("III", "YANGI BO'LIM");

        plan.Sections.Should().HaveCount(2);
    }

    [Fact]
    public void RefusesANewPlan_WhenTheCentreWasLoadedWithoutItsParent()
    {
        var district = DraftPlans.Unloaded<Organisation>();
        typeof(Organisation).GetProperty(nameof(Organisation.ParentId))!.SetValue(district, 7);

        var act = () => new Plan(district, 2022, "Reja");

        act.Should().Throw<InvalidOperationException>().WithMessage("*without its parent centre*");
    }

    [Fact]
    public void PrintsTheParentDirectorsLine_WhenTheCentreHasItsParent()
    {
        var plan = new Plan(DraftPlans.District(), 2022, "Reja");

        plan.Agreement.Should().NotBeNull();
        plan.Organisation!.Parent.Should().NotBeNull();
    }

    [Theory]
    [InlineData(1999)]
    [InlineData(2101)]
    public void RefusesANewPlan_WhenTheYearIsOutOfRange(int year)
    {
        var act = () => new Plan(DraftPlans.District(), year, "Reja");

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void RefusesANewPlan_WhenTheTitleIsBlank()
    {
        var act = () => new Plan(DraftPlans.District(), 2022, " ");

        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void RefusesARowInASectionOfAnotherPlan()
    {
        var (plan, _, _, _) = DraftPlans.Draft();
        var (_, foreign, _, _) = DraftPlans.Draft();

        var act = () => plan.AddIndicator(foreign, DraftPlans.Row("21", Measure.Count), []);

        act.Should().Throw<ArgumentException>();
    }
}

/// <summary>A section changes only with its plan loaded, and only while the plan is a draft.</summary>
public class SectionGuardTests
{
    [Fact]
    public void RefusesARename_WhenThePlanIsInForce()
    {
        var (_, section, _, _) = DraftPlans.InForce();

        var act = () => section.Rename("II", "YANGI NOM");

        act.Should().Throw<InvalidOperationException>();
        section.Title.Should().Be("ASOSIY ISHLAB CHIQARISH FAOLIYATI");
    }

    [Fact]
    public void RefusesARename_WhenTheSectionWasLoadedWithoutItsPlan()
    {
        var section = DraftPlans.Unloaded<Section>();

        var act = () => section.Rename("II", "YANGI NOM");

        act.Should().Throw<InvalidOperationException>().WithMessage("*without its plan*");
        section.Title.Should().BeEmpty();
    }

    [Fact]
    public void Renames_WhenThePlanIsADraft()
    {
        var (_, section, _, _) = DraftPlans.Draft();

        section.Rename(" III ", " YANGI NOM ");

        (section.Label, section.Title).Should().Be(("III", "YANGI NOM"));
    }
}

/// <summary>A row changes only with its plan loaded, and only while the plan is a draft.</summary>
public class IndicatorGuardTests
{
    [Fact]
    public void RefusesAnUpdate_WhenThePlanIsInForce()
    {
        var (_, _, row, _) = DraftPlans.InForce();

        var act = () => row.Update(row.ToDefinition() with { Target = 500 }, []);

        act.Should().Throw<InvalidOperationException>();
        row.Target.Should().Be(120);
    }

    [Fact]
    public void RefusesNewValues_WhenThePlanIsInForce()
    {
        var (_, _, row, _) = DraftPlans.InForce();

        var act = () => row.SetValues(1, 500);

        act.Should().Throw<InvalidOperationException>();
        row.Target.Should().Be(120);
    }

    [Fact]
    public void RefusesAnUpdate_WhenTheRowWasLoadedWithoutItsPlan()
    {
        var row = DraftPlans.Unloaded<Indicator>();

        var act = () => row.Update(DraftPlans.Row("19", Measure.Count), []);

        act.Should().Throw<InvalidOperationException>().WithMessage("*without its plan*");
        row.Target.Should().BeNull();
    }

    [Fact]
    public void RefusesNewValues_WhenTheRowWasLoadedWithoutItsPlan()
    {
        var row = DraftPlans.Unloaded<Indicator>();

        var act = () => row.SetValues(1, 500);

        act.Should().Throw<InvalidOperationException>().WithMessage("*without its plan*");
        row.Target.Should().BeNull();
    }

    [Fact]
    public void ChangesItsValues_WhenThePlanIsADraft()
    {
        var (_, _, row, _) = DraftPlans.Draft();

        row.SetValues(1, 500);

        (row.PreviousFact, row.Target).Should().Be((1m, 500m));
    }

    [Fact]
    public void ChangesAfterAnAmendmentOpens_WhileTheValuesInForceStay()
    {
        var (plan, _, row, _) = DraftPlans.InForce();
        plan.OpenAmendment("Viloyat topshirig'i");

        row.SetValues(10, 500);

        (row.Target, row.InForceTarget).Should().Be((500m, 120m));
    }
}
