using WorkPlan.Core.Organisations;
using WorkPlan.Core.Plans;

namespace WorkPlan.UnitTests.Plans;

/// <summary>A plan in force, its amendment's draft and its discarding, on the entities alone.</summary>
public class PlanAmendmentTests
{
    [Fact]
    public void KeepsTheValuesInForce_WhileTheDraftChangesTheRow()
    {
        var (plan, row, _, lending, _) = PlanInForce();
        plan.OpenAmendment("Ko'chma kutubxonalar");

        row.Update(row.ToDefinition() with { Target = 200, Rollup = RollupKind.Max }, [lending]);

        (row.Target, row.Rollup).Should().Be((200m, RollupKind.Max));
        (row.InForceTarget, row.InForceRollup).Should().Be((175m, RollupKind.Sum));
        row.IsInForce.Should().BeTrue();
    }

    [Fact]
    public void WithdrawsARowInForce_AndDeletesOnlyARowTheDraftAdded()
    {
        var (plan, _, other, _, services) = PlanInForce();
        plan.OpenAmendment("Qatorlar");
        var added = plan.AddIndicator(plan.Sections.Single(), Definition("43", 8), [services[0]]);

        plan.RemoveIndicator(other);
        plan.RemoveIndicator(added);

        plan.Indicators.Should().Contain(other).And.NotContain(added);
        other.IsWithdrawn.Should().BeTrue();
    }

    [Fact]
    public void DiscardsTheAmendment_BackToExactlyTheVersionInForce()
    {
        var (plan, row, other, lending, services) = PlanInForce();
        var agreement = plan.Agreement;
        plan.OpenAmendment("Xato");
        row.Update(row.ToDefinition() with { Target = 200, Name = "Ko'chma kutubxonalar" }, [services[1]]);
        plan.AddIndicator(plan.Sections.Single(), Definition("43", 8), [lending]);
        plan.RemoveIndicator(other);

        plan.DiscardAmendment(agreement, plan.Approval, null, services);

        (plan.Status, plan.VersionNumber, plan.AmendmentReason).Should().Be((PlanStatus.InForce, 1, (string?)null));
        plan.Indicators.Select(i => i.Number).Should().BeEquivalentTo(["19", "20"]);
        (row.Target, row.Name).Should().Be((175m, "Ko'chma kutubxonalar orqali xizmat ko'rsatish"));
        row.ResponsibleServices.Select(r => r.Service).Should().Equal(lending);
        other.IsWithdrawn.Should().BeFalse();
        plan.Agreement.Should().Be(agreement);
    }

    [Fact]
    public void RefusesToDiscard_APlanWithoutAnOpenAmendment()
    {
        var (plan, _, _, _, services) = PlanInForce();

        var discard = () => plan.DiscardAmendment(plan.Agreement, plan.Approval, null, services);

        discard.Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void BringsTheDraftIntoForce_WhenBothSign()
    {
        var (plan, row, other, _, _) = PlanInForce();
        plan.OpenAmendment("Ko'chma kutubxonalar");
        row.Update(row.ToDefinition() with { Target = 200 }, [.. row.ResponsibleServices.Select(r => r.Service!)]);
        plan.RemoveIndicator(other);
        plan.Submit();

        plan.Agree(new SignatureBlock("Direktor", "G.Ismailova", new DateOnly(2022, 10, 5)));
        plan.Approve(new SignatureBlock("Direktor", "M.Mo'minova", new DateOnly(2022, 10, 6)));

        plan.Status.Should().Be(PlanStatus.InForce);
        row.InForceTarget.Should().Be(200m);
        plan.Indicators.Should().NotContain(other);
    }

    private static IndicatorDefinition Definition(string number, decimal target) =>
        new(number, number == "19" ? "Ko'chma kutubxonalar orqali xizmat ko'rsatish" : $"Ko'rsatkich {number}", "Marta", Measure.Count, 168, target, ["Shartnoma tuzish"],
            "2022 yil davomida", DueSchedule.DuringYear(), RollupKind.Sum, false);

    private static (Plan Plan, Indicator Row, Indicator Other, ServiceUnit Lending, List<ServiceUnit> Services) PlanInForce()
    {
        var national = new Organisation("milliy", OrganisationKind.National, "Milliy kutubxona", "Milliy kutubxona", null);
        var region = new Organisation("andijon", OrganisationKind.Regional, "Andijon viloyat AKM", "Andijon VAKM", national);
        var district = new Organisation("xojaobod", OrganisationKind.District, "Xo'jaobod tuman AKM", "Xo'jaobod TAKM", region);
        var lending = new ServiceUnit(district, "lending", "Abonement xizmati", "Abonement", 1);
        var reading = new ServiceUnit(district, "reading", "O'quv zallari xizmati", "O'quv zali", 2);
        var plan = new Plan(district, 2022, "Xo'jaobod tuman AKM 2022 yil ish rejasi");
        var section = plan.AddSection("II", "ASOSIY ISHLAB CHIQARISH FAOLIYATI");
        var row = plan.AddIndicator(section, Definition("19", 175), [lending]);
        var other = plan.AddIndicator(section, Definition("20", 30), [reading]);
        plan.RecordPaperSignatures(plan.Agreement with { Date = new DateOnly(2022, 1, 10) }, plan.Approval with { Date = new DateOnly(2022, 1, 5) }, PlanStatus.InForce);
        return (plan, row, other, lending, [lending, reading]);
    }
}
