using WorkPlan.Core.Actuals;
using WorkPlan.Core.Plans;

namespace WorkPlan.UnitTests.Actuals;

public sealed class ExecutionTests
{
    [Fact]
    public void AveragesRowsCappedAtAHundredPercent_LeavingOutRowsWithoutATarget()
    {
        // 50 %, 200 % (counts as 100 %), nothing entered (0 %), and a row without a target (left out).
        var mean = Execution.Mean([(50m, 100m), (40m, 20m), (null, 10m), (5m, null)]);

        mean.Should().Be(50.0m);
    }

    [Fact]
    public void HasNoMeanWhenNoRowHasATarget() =>
        Execution.Mean([(5m, null), (1m, 0m)]).Should().BeNull();

    [Fact]
    public void ForecastsASumAtThePaceOfItsDueMonths()
    {
        // 300 in three quarters' due months (March, June, September) of four: 400 by the year's end.
        Execution.Forecast(RollupKind.Sum, 300m, DueSchedule.EveryQuarter(), 9).Should().Be(400m);
        Execution.Forecast(RollupKind.Sum, 4_000m, DueSchedule.Monthly(), 8).Should().Be(6_000m);
    }

    [Theory]
    [InlineData(RollupKind.Last)]
    [InlineData(RollupKind.Max)]
    public void ForecastsALevelToStayWhereItIs(RollupKind rollup) =>
        Execution.Forecast(rollup, 12_450m, DueSchedule.Monthly(), 8).Should().Be(12_450m);

    [Fact]
    public void DrawsTheLinearPlanLineByDueMonths()
    {
        Execution.PlanLine(RollupKind.Sum, 105_000m, DueSchedule.Monthly(), 6).Should().Be(52_500m);
        Execution.PlanLine(RollupKind.Sum, 4m, DueSchedule.EveryQuarter(), 5).Should().Be(1m);
        Execution.PlanLine(RollupKind.Last, 14_000m, DueSchedule.Monthly(), 2).Should().Be(14_000m);
        Execution.PlanLine(RollupKind.Sum, null, DueSchedule.Monthly(), 2).Should().BeNull();
    }

    [Theory]
    [InlineData(85, 100, 85.0)]
    [InlineData(1, 3, 33.3)]
    [InlineData(250, 100, 250.0)]
    [InlineData(0, 100, 0.0)]
    public void GivesThePercentOfTheTargetWithOneDecimal(double value, double target, double percent) =>
        Execution.Percent((decimal)value, (decimal)target).Should().Be((decimal)percent);

    [Theory]
    [InlineData(null, 100)]
    [InlineData(5, null)]
    [InlineData(5, 0)]
    public void HasNoPercentWithoutAValueOrAPositiveTarget(int? value, int? target) =>
        Execution.Percent(value, target).Should().BeNull();

    /// <summary>
    /// One definition of "behind plan" for the entry sheet, the home page and the dashboards: below the plan line of the
    /// due months by more than the margin (10 %). Target 1 200 a year, due every month: the line at June is 600, so
    /// anything under 540 is behind.
    /// </summary>
    [Theory]
    [InlineData(RollupKind.Sum, "Monthly", 6, 539, true)]
    [InlineData(RollupKind.Sum, "Monthly", 6, 540, false)]
    [InlineData(RollupKind.Sum, "Monthly", 6, null, true)]
    [InlineData(RollupKind.Sum, "EveryQuarter", 2, null, false)]
    [InlineData(RollupKind.Sum, "EveryQuarter", 3, 269, true)]
    [InlineData(RollupKind.Sum, "EveryQuarter", 5, 270, false)]
    [InlineData(RollupKind.Sum, "SecondHalf", 6, null, false)]
    [InlineData(RollupKind.Sum, "SecondHalf", 7, 179, true)]
    [InlineData(RollupKind.Last, "Monthly", 2, 1_079, true)]
    [InlineData(RollupKind.Last, "Monthly", 2, 1_080, false)]
    [InlineData(RollupKind.Max, "Monthly", 9, 1_500, false)]
    public void CallsARowBehindPlanBelowTheLineOfItsDueMonthsByMoreThanTheMargin(RollupKind rollup, string schedule, int asOf, int? yearToDate, bool behind)
    {
        var due = schedule switch
        {
            "Monthly" => DueSchedule.Monthly(),
            "EveryQuarter" => DueSchedule.EveryQuarter(),
            _ => DueSchedule.MonthRange(7, 12),
        };

        Execution.IsBehind(rollup, 1_200m, yearToDate, due, asOf, 0.1m).Should().Be(behind);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    public void NeverCallsARowWithoutATargetBehind(int? target) =>
        Execution.IsBehind(RollupKind.Sum, target, null, DueSchedule.Monthly(), 12, 0.1m).Should().BeFalse();

    [Theory]
    [InlineData("2022-10-03", 8, 8)]
    [InlineData("2022-10-03", 10, 9)]
    [InlineData("2022-10-03", null, 0)]
    [InlineData("2023-02-01", 12, 12)]
    [InlineData("2021-12-31", 3, 0)]
    public void StandsAtTheLatestMonthWithAValue_NeverAMonthThatHasNotEnded(string today, int? latest, int asOf) =>
        Execution.AsOfMonth(2022, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture), latest).Should().Be(asOf);
}
