using WorkPlan.Core.Organisations;
using WorkPlan.Core.Plans;

namespace WorkPlan.UnitTests.Builders;

/// <summary>A district's plan on the entities alone: one section, a row counted in units and a row in so'm.</summary>
internal static class DraftPlans
{
    public static Organisation District()
    {
        var national = new Organisation("milliy", OrganisationKind.National, "Milliy kutubxona", "Milliy kutubxona", null);
        var region = new Organisation("andijon", OrganisationKind.Regional, "Andijon viloyat AKM", "Andijon VAKM", national);
        return new Organisation("xojaobod", OrganisationKind.District, "Xo'jaobod tuman AKM", "Xo'jaobod TAKM", region);
    }

    public static (Plan Plan, Section Section, Indicator Count, Indicator Money) Draft()
    {
        var district = District();
        ServiceUnit[] lending = [new(district, "lending", "Abonement xizmati", "Abonement", 1)];
        var plan = new Plan(district, 2022, "Xo'jaobod tuman AKM 2022 yil ish rejasi");
        var section = plan.AddSection("II", "ASOSIY ISHLAB CHIQARISH FAOLIYATI");
        var count = plan.AddIndicator(section, Row("19", Measure.Count), lending);
        var money = plan.AddIndicator(section, Row("20", Measure.Money), lending);
        return (plan, section, count, money);
    }

    /// <summary>The same plan, agreed and approved: in force.</summary>
    public static (Plan Plan, Section Section, Indicator Count, Indicator Money) InForce()
    {
        var draft = Draft();
        draft.Plan.RecordPaperSignatures(
            draft.Plan.Agreement with { Date = new DateOnly(2022, 1, 10) }, draft.Plan.Approval with { Date = new DateOnly(2022, 1, 5) }, PlanStatus.InForce);
        return draft;
    }

    public static IndicatorDefinition Row(string number, Measure measure) =>
        new(number, $"Ko'rsatkich {number}", measure == Measure.Money ? "So'm" : "Marta", measure, 10, 120, [], "2022 yil davomida",
            DueSchedule.DuringYear(), RollupKind.Sum, false);

    /// <summary>An entity as the database gives it when its navigations are not loaded (EF's own constructor).</summary>
    public static T Unloaded<T>()
        where T : class => (T)Activator.CreateInstance(typeof(T), nonPublic: true)!;
}
