using WorkPlan.Core.Plans;
using WorkPlan.Core.Regional;
using WorkPlan.Core.Reports;

namespace WorkPlan.UnitTests.Regional;

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
    [InlineData(null, "2022-06-20", Timeliness.NotDue)]
    [InlineData(null, "2022-07-05", Timeliness.Pending)]
    [InlineData(null, "2022-07-11", Timeliness.Overdue)]
    [InlineData(ReportStatus.Draft, "2022-07-11", Timeliness.Overdue)]
    [InlineData(ReportStatus.Submitted, "2022-07-11", Timeliness.OnTime)]
    [InlineData(ReportStatus.Returned, "2022-07-11", Timeliness.Returned)]
    public void SaysWhereAQuartersReportStands(ReportStatus? status, string today, Timeliness expected)
    {
        DateOnly? submitted = status is ReportStatus.Submitted ? new DateOnly(2022, 7, 8) : null;

        ReportTimeliness.Of(2022, 2, status, new DateOnly(2022, 7, 10), submitted, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture))
            .Should().Be(expected);
    }

    [Fact]
    public void CallsAReportSubmittedAfterItsDueDateLate() =>
        ReportTimeliness.Of(2022, 2, ReportStatus.Accepted, new DateOnly(2022, 7, 10), new DateOnly(2022, 7, 19), new DateOnly(2022, 10, 3))
            .Should().Be(Timeliness.Late);

    [Theory]
    [InlineData(0, 0, FillState.NotDue)]
    [InlineData(10, 0, FillState.None)]
    [InlineData(10, 4, FillState.Partial)]
    [InlineData(10, 10, FillState.Full)]
    public void ClassifiesAMonthByHowManyDueValuesAreEntered(int due, int entered, FillState state) =>
        new FillCell(1, due, entered).State.Should().Be(state);
}
