using System.Text.Json.Nodes;
using WorkPlan.Core.Common;
using WorkPlan.Core.Plans;
using WorkPlan.Core.Regional;
using WorkPlan.Core.Reports;

namespace WorkPlan.UnitTests.Snapshots;

/// <summary>
/// A region's consolidated report as the submission stored it (a fixture read back from PostgreSQL): it reads as schema
/// version 1, whole, and writes back to the same JSON; a renamed property or an unknown name fails loudly.
/// </summary>
public class RegionalReportFixtureTests
{
    private static readonly string Fixture = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Snapshots", "Fixtures", "regional-report-snapshot-today.json"));

    [Fact]
    public void ReadsAStoredRegionalReport_AsTheConsolidationItWasSentAs()
    {
        var document = SubmittedConsolidationSnapshot.Read(1, Fixture);

        (document.Year, document.Quarter, document.OnlyReported).Should().Be((2022, 3, false));
        document.RegionName.Should().Be("Bobur nomidagi Andijon viloyat axborot-kutubxona markazi");
        document.Districts.Should().HaveCount(8);
        document.Districts[0].Should().Match<ConsolidationDistrict>(d => d.IsCentre && d.ShortName == "Andijon viloyat AKM" && d.Included && d.Status == ReportStatus.Draft && d.Timeliness == Timeliness.Pending);
        document.Districts.Should().ContainSingle(d => d.PlanId == null && !d.Included, "Asaka had no plan in force");
        var rows = document.Sections.SelectMany(s => s.Rows).ToList();
        rows.Should().OnlyContain(r => r.Districts.Count == 8);
        rows[0].Code.Should().Be("K001");
        rows[0].Total.Should().Be(new ConsolidationCell(1014, 23, 25, 2.5m));
        rows.Should().Contain(r => r.Rollup == RollupKind.Last).And.Contain(r => r.Measure == Measure.Money).And.Contain(r => r.IsSubRow);
    }

    [Fact]
    public void WritesAStoredRegionalReportBack_AsTheSameJson()
    {
        var written = SubmittedConsolidationSnapshot.Write(SubmittedConsolidationSnapshot.Read(1, Fixture));

        JsonNode.DeepEquals(JsonNode.Parse(written), JsonNode.Parse(Fixture)).Should().BeTrue("schema version 1 is the shape every stored regional report has");
    }

    [Theory]
    [InlineData("Status", "Unknown")]
    [InlineData("Timeliness", "Soon")]
    public void FailsLoudly_WhenAStoredStatusIsNotDefined(string property, string value)
    {
        var old = JsonNode.Parse(Fixture)!;
        old["Columns"]![0]![property] = value;

        var act = () => SubmittedConsolidationSnapshot.Read(1, old.ToJsonString());

        act.Should().Throw<UnreadableDocumentException>().WithMessage($"*{value}*");
    }

    [Fact]
    public void FailsLoudly_WhenAStoredPropertyHasAnotherName_OrTheVersionIsUnknown()
    {
        var renamed = JsonNode.Parse(Fixture)!;
        var column = renamed["Columns"]![0]!.AsObject();
        column["Centre"] = column["IsCentre"]!.DeepClone();
        column.Remove("IsCentre");

        var rename = () => SubmittedConsolidationSnapshot.Read(1, renamed.ToJsonString());
        var version = () => SubmittedConsolidationSnapshot.Read(2, Fixture);

        rename.Should().Throw<UnreadableDocumentException>();
        version.Should().Throw<UnreadableDocumentException>().Which.Kind.Should().Be("submitted consolidation");
    }
}
