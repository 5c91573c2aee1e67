using Microsoft.Extensions.DependencyInjection;
using WorkPlan.Core.Actuals;
using WorkPlan.Core.Calendar;
using WorkPlan.Core.Organisations;
using WorkPlan.Core.Plans;
using WorkPlan.Core.Regional;
using WorkPlan.IntegrationTests.Infrastructure;

namespace WorkPlan.IntegrationTests.Regional;

/// <summary>
/// The regional SQL mirrors two rules of Core: the roll-up (<see cref="Rollup.Combine"/>) and "expects an actual"
/// (<see cref="PlanRules.ExpectsActual"/> with <see cref="PlanRules.Answers"/>). Both are run here on the same
/// table of cases against PostgreSQL, and must agree on every case.
/// </summary>
[Collection(DatabaseTests.Name)]
public sealed class RegionalRulesMirrorTests(DatabaseFixture database) : IAsyncLifetime
{
    private const int Year = 2022;

    /// <summary>Months entered (a null value is a note alone): none, a note alone, before the period, in and around it, a later month, decimals.</summary>
    private static readonly (int Month, decimal? Value)[][] Entries =
    [
        [],
        [(3, null)],
        [(2, 4m)],
        [(1, 5m), (4, 7m), (5, 0m), (6, 3m)],
        [(4, 9m), (6, null), (8, 2m)],
        [(5, 12m), (6, 1m), (7, 40m), (9, 6m), (12, 1m)],
        [(1, 3m), (2, 8m), (3, 8m), (10, 0m), (11, 5m)],
    ];

    private static readonly DueSchedule[] Schedules =
        [DueSchedule.DuringYear(), DueSchedule.Monthly(), DueSchedule.EveryQuarter(), DueSchedule.Quarters([2]), DueSchedule.MonthRange(3, 5), DueSchedule.MonthRange(9, 9)];

    private static readonly decimal?[] Targets = [null, 1m, 10m];

    private readonly List<Organisation> _districts = [];

    public Task InitializeAsync() => database.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task TheRegionalSqlAndTheCoreRulesAgree_OnEveryRollupKindMeasureScheduleAndEntry()
    {
        await using var db = database.CreateContext();
        var region = new Organisation("r", OrganisationKind.Regional, "Viloyat", "Viloyat", new Organisation("n", OrganisationKind.National, "Respublika", "Respublika", null));

        // Roll-up: one plan, a row for every kind × measure × entries.
        var rollupPlan = NewPlan(region);
        var section = rollupPlan.AddSection("1", "Bo'lim");
        var rollupCases = new List<(Indicator Row, RollupKind Kind, (int Month, decimal? Value)[] Entries)>();
        foreach (var kind in Enum.GetValues<RollupKind>())
        {
            foreach (var measure in Enum.GetValues<Measure>())
            {
                foreach (var entries in Entries)
                {
                    var values = entries.Select(e => (e.Month, e.Value * (measure == Measure.Money ? 1.25m : 1m))).ToArray();
                    rollupCases.Add((AddRow(rollupPlan, section, measure, 10m, DueSchedule.Monthly(), kind), kind, values));
                }
            }
        }

        // Expects an actual: a plan per schedule × target × kind × entries, since the SQL counts per plan and month.
        var fillCases = new List<(Plan Plan, Indicator Row, (int Month, decimal? Value)[] Entries)>();
        foreach (var schedule in Schedules)
        {
            foreach (var target in Targets)
            {
                foreach (var kind in Enum.GetValues<RollupKind>())
                {
                    foreach (var entries in Entries.Append([(schedule.DeadlineMonth, 1m)]).Append([(schedule.DeadlineMonth, null)]))
                    {
                        var plan = NewPlan(region);
                        fillCases.Add((plan, AddRow(plan, plan.AddSection("1", "Bo'lim"), Measure.Count, target, schedule, kind), entries));
                    }
                }
            }
        }

        foreach (var plan in fillCases.Select(c => c.Plan).Prepend(rollupPlan))
        {
            plan.RecordPaperSignatures(plan.Agreement, plan.Approval, PlanStatus.InForce);
            db.Plans.Add(plan);
        }

        db.Organisations.AddRange(_districts);
        await db.SaveChangesAsync();
        foreach (var (row, entries) in rollupCases.Select(c => (c.Row, c.Entries)).Concat(fillCases.Select(c => (c.Row, c.Entries))))
        {
            db.MonthlyActuals.AddRange(entries.Select(e => new MonthlyActual(row, e.Month, e.Value, e.Value is null ? "izoh" : null, "test", DateTimeOffset.UtcNow)));
        }

        await db.SaveChangesAsync();

        using var scope = database.Factory.Services.CreateScope();
        var sql = scope.ServiceProvider.GetRequiredService<IRegionalFigures>();
        for (var quarter = 1; quarter <= 4; quarter++)
        {
            var (from, to) = (Quarters.FirstMonth(quarter), Quarters.LastMonth(quarter));
            var figures = (await sql.IndicatorsAsync([rollupPlan.Id], from, to)).ToDictionary(f => f.IndicatorId);
            var expected = rollupCases.Select(c => Case(c.Row, c.Kind, c.Entries, quarter)).ToList();
            var actual = rollupCases.Select(c => Case(c.Row, c.Kind, c.Entries, quarter) with
            {
                Period = figures[c.Row.Id].Period,
                YearToDate = figures[c.Row.Id].YearToDate,
            }).ToList();
            actual.Should().Equal(expected, $"the SQL rolls up quarter {quarter} and the year to date as Rollup.Combine does");
        }

        var fill = await sql.MonthFillAsync([.. fillCases.Select(c => c.Plan.Id)], 12);
        var sqlFill = fill.Where(f => f.Due > 0).Select(f => (f.PlanId, f.Month, f.Entered)).Order().ToList();
        var coreFill = fillCases.SelectMany(c => Enumerable.Range(1, 12)
                .Where(m => PlanRules.ExpectsActual(c.Row.Target, c.Row.Schedule, c.Row.Rollup, m))
                .Select(m => (c.Plan.Id, m, Enumerable.Range(1, m).Any(k => c.Entries.Any(e => e.Month == k && e.Value is not null) && PlanRules.Answers(c.Row.Target, c.Row.Rollup, m, k)) ? 1 : 0)))
            .Order().ToList();
        fill.Should().OnlyContain(f => f.Due == 1, "each case is a plan of one row");
        sqlFill.Should().Equal(coreFill, "the SQL expects and counts the same actuals as PlanRules.ExpectsActual and PlanRules.Answers");
        coreFill.Select(f => f.Item3).Should().Contain([0, 1], "the table has both answered and unanswered months");
    }

    private static RollupCase Case(Indicator row, RollupKind kind, (int Month, decimal? Value)[] entries, int quarter)
    {
        var figures = entries.Where(e => e.Value is not null && e.Month <= Quarters.LastMonth(quarter)).Select(e => (e.Month, e.Value!.Value)).ToList();
        return new RollupCase(
            $"{kind} {row.Measure} [{string.Join(", ", entries.Select(e => $"{e.Month}: {e.Value?.ToString() ?? "note"}"))}] Q{quarter}",
            Rollup.Combine(kind, figures.Where(f => Quarters.Of(f.Month) == quarter)),
            Rollup.Combine(kind, figures));
    }

    private Plan NewPlan(Organisation region)
    {
        var district = new Organisation($"d{_districts.Count}", OrganisationKind.District, $"Tuman {_districts.Count}", $"Tuman {_districts.Count}", region);
        _districts.Add(district);
        return new Plan(district, Year, $"Tuman {_districts.Count} ish rejasi");
    }

    private static Indicator AddRow(Plan plan, Section section, Measure measure, decimal? target, DueSchedule schedule, RollupKind kind) =>
        plan.AddIndicator(section, new IndicatorDefinition(
            $"{plan.Indicators.Count + 1}", "Ko'rsatkich", "ta", measure, null, target, [], null, schedule, kind, false), []);

    private sealed record RollupCase(string Name, decimal? Period, decimal? YearToDate);
}
