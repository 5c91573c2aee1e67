using WorkPlan.Core.Plans;
using WorkPlan.Core.Reports;

namespace WorkPlan.UnitTests.Reports;

public class ReportSubmissionTests
{
    private static readonly DateTimeOffset Monday = new(2022, 10, 3, 6, 0, 0, TimeSpan.Zero);

    private static QuarterlyReportRow Row(int id, string number, decimal? quarter, string? notes = null) =>
        new(id, number, $"Ko'rsatkich {number}", "Dona", Measure.Count, 100, quarter, quarter, quarter, notes, false);

    private static QuarterlyReportDocument Document(params QuarterlyReportRow[] rows) =>
        new(1, 2022, 3, "Xo'jaobod", "Reja", null, null, null, [new QuarterlyReportSection("I", "ILMIY-METODIK FAOLIYAT", rows)]);

    [Fact]
    public void KeepsTheReturnedSnapshot_WhenTheReportIsSubmittedAgain()
    {
        var report = new ReportSubmission(1, 3, new DateOnly(2022, 10, 10));

        var first = report.Submit(Document(Row(1, "1", 5)), "inspektor", Monday);
        report.Return("16-qatorni tekshiring", "metodist", Monday.AddDays(1));
        var second = report.Submit(Document(Row(1, "1", 6)), "direktor", Monday.AddDays(2));

        (first.Number, first.Outcome, first.ReturnReason, first.SubmittedBy).Should().Be((1, ReportStatus.Returned, "16-qatorni tekshiring", "inspektor"));
        (second.Number, second.Outcome, second.SubmittedBy).Should().Be((2, ReportStatus.Submitted, "direktor"));
        first.Read().Sections.Single().Rows.Single().QuarterActual.Should().Be(5, "the first submission keeps its own document");
        second.Read().Sections.Single().Rows.Single().QuarterActual.Should().Be(6);
        report.SubmissionCount.Should().Be(2);
        report.Status.Should().Be(ReportStatus.Submitted);
    }

    [Fact]
    public void ListsOnlyTheRowsWhoseValuesChanged_WhenComparingTwoSubmissions()
    {
        var comparison = ReportComparison.Between(
            1, Document(Row(1, "1", 5), Row(2, "2", 7, "izoh"), Row(3, "3", 1)),
            2, Document(Row(1, "1", 5), Row(2, "2", 9, "izoh"), Row(4, "4", 2)));

        comparison.Rows.Select(r => r.Number).Should().Equal("2", "4", "3");
        comparison.Rows[0].QuarterChanged.Should().BeTrue();
        comparison.Rows[0].NotesChanged.Should().BeFalse();
        comparison.Rows[1].Before.Should().BeNull("row 4 is new");
        comparison.Rows[2].After.Should().BeNull("row 3 is gone");
    }
}
