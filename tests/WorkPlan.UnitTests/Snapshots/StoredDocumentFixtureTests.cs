using System.Text.Json.Nodes;
using WorkPlan.Core.Common;
using WorkPlan.Core.Plans;
using WorkPlan.Core.Reports;

namespace WorkPlan.UnitTests.Snapshots;

/// <summary>
/// Signed plan versions and submitted reports as they were stored before schema versions were kept (fixtures
/// read back from PostgreSQL): they read as schema version 1, whole, and write back to the same JSON. A renamed,
/// removed or retyped property of a snapshot type breaks these tests; a body its version does not describe fails
/// loudly instead of reading as an empty document.
/// </summary>
public class StoredDocumentFixtureTests
{
    private static readonly string PlanFixture = Fixture("plan-version-today.json");
    private static readonly string ReportFixture = Fixture("report-snapshot-today.json");

    [Fact]
    public void ReadsAStoredPlanVersion_AsTheDocumentItCameIntoForceAs()
    {
        var document = SignedPlanSnapshot.Read(1, PlanFixture);

        (document.Id, document.Year, document.Status, document.VersionNumber).Should().Be((2, 2022, PlanStatus.InForce, 1));
        document.Title.Should().StartWith("Andijon viloyati Xo'jaobod tuman");
        document.Approval.Should().Be(new SignatureBlock("Andijon viloyati Xo'jaobod tuman axborot-kutubxona markazi direktori", "M.Mo'minova", new DateOnly(2022, 1, 5)));
        document.Agreement.Name.Should().Be("G.Ismailova");
        document.Agreement.Date.Should().BeNull();
        document.Sections.Should().HaveCount(4);
        document.Rows.Should().HaveCount(55);
        var first = document.Rows.First();
        (first.Number, first.Unit, first.Measure, first.PreviousFact, first.Target, first.Deadline).Should().Be(("1", "hujjat", Measure.Count, 2m, 2m, "2022-yil davomida"));
        first.Services.Should().Equal("Axborot-bibliografiya xizmati");
        first.Mechanism.Should().Equal("Xizmat rejasi asosida");
        document.Rows.Should().Contain(r => r.Measure == Measure.Money).And.Contain(r => r.IsSubRow).And.Contain(r => r.AllServices);
    }

    [Fact]
    public void WritesAStoredPlanVersionBack_AsTheSameJson()
    {
        var written = SignedPlanSnapshot.Write(SignedPlanSnapshot.Read(1, PlanFixture));

        JsonNode.DeepEquals(JsonNode.Parse(written), JsonNode.Parse(PlanFixture)).Should().BeTrue("schema version 1 is the shape every stored version has");
    }

    [Fact]
    public void ReadsAStoredReportSubmission_AsTheReportItWasSentAs()
    {
        var document = SubmittedReportSnapshot.Read(1, ReportFixture);

        (document.PlanId, document.Year, document.Quarter).Should().Be((2, 2022, 3));
        document.OrganisationName.Should().Be("Andijon viloyati Xo'jaobod tuman axborot-kutubxona markazi");
        (document.DirectorName, document.InspectorName).Should().Be(("M.Mo'minova", "Xo'jaobod TAKM kadrlar bo'yicha inspektori"));
        document.Sections.Should().HaveCount(4);
        var rows = document.Sections.SelectMany(s => s.Rows).ToList();
        rows.Should().HaveCount(55);
        (rows[0].IndicatorId, rows[0].Number, rows[0].Unit, rows[0].Measure, rows[0].AnnualTarget).Should().Be((4, "1", "hujjat", Measure.Count, 2m));
        rows.Should().Contain(r => r.Measure == Measure.Money).And.Contain(r => r.IsSubRow);
        rows.Should().OnlyContain(r => r.QuarterActual == null && r.YearToDate == null && r.PercentOfTarget == null, "the stored quarter had no actuals: empty stays empty, it is not read as 0");
    }

    [Fact]
    public void WritesAStoredReportSubmissionBack_AsTheSameJson()
    {
        var written = SubmittedReportSnapshot.Write(SubmittedReportSnapshot.Read(1, ReportFixture));

        JsonNode.DeepEquals(JsonNode.Parse(written), JsonNode.Parse(ReportFixture)).Should().BeTrue("schema version 1 is the shape every stored submission has");
    }

    [Fact]
    public void KeepsARowsMarksAndNotes_ThroughTheStoredForm()
    {
        var row = new QuarterlyReportRow(7, "16", "Tadbirlar", "Tadbir", Measure.Money, 105000, 27400, 44400, 42.3m, "Kitob bayrami", true) { OfWhichMark = "OfWhich.AboveParent" };
        var document = new QuarterlyReportDocument(1, 2022, 3, "Xo'jaobod", "Reja", "Direktor", "A. Karimov", "Inspektor", [new QuarterlyReportSection("I", "ILMIY", [row])]);

        var read = SubmittedReportSnapshot.Read(SubmittedReportSnapshot.CurrentSchema, SubmittedReportSnapshot.Write(document));

        read.Should().BeEquivalentTo(document);
        read.Sections.Single().Rows.Single().Should().Be(row);
    }

    [Fact]
    public void ReadsASubmissionMadeBeforeTheOfWhichCheck_WithoutAMark()
    {
        var old = JsonNode.Parse(ReportFixture)!;
        foreach (var row in old["Sections"]!.AsArray().SelectMany(s => s!["Rows"]!.AsArray()))
        {
            row!.AsObject().Remove("OfWhichMark");
        }

        SubmittedReportSnapshot.Read(1, old.ToJsonString()).Sections.SelectMany(s => s.Rows).Should().OnlyContain(r => r.OfWhichMark == null).And.HaveCount(55);
    }

    [Theory]
    [InlineData("Name", "Title")]
    [InlineData("Target", "AnnualTarget")]
    public void FailsLoudly_WhenAStoredRowsPropertyHasAnotherName(string stored, string renamed)
    {
        var act = () => SignedPlanSnapshot.Read(1, RenameInRows(PlanFixture, stored, renamed));

        act.Should().Throw<UnreadableDocumentException>().Which.SchemaVersion.Should().Be(1);
    }

    [Fact]
    public void FailsLoudly_WhenAStoredReportsPropertyHasAnotherName()
    {
        var act = () => SubmittedReportSnapshot.Read(1, RenameInRows(ReportFixture, "QuarterActual", "Quarter"));

        act.Should().Throw<UnreadableDocumentException>();
    }

    [Fact]
    public void FailsLoudly_WhenTheDocumentHasNoSections()
    {
        var old = JsonNode.Parse(PlanFixture)!;
        old.AsObject().Remove("Sections");

        var act = () => SignedPlanSnapshot.Read(1, old.ToJsonString());

        act.Should().Throw<UnreadableDocumentException>();
    }

    [Fact]
    public void FailsLoudly_WhenAStoredMeasureIsNotDefined()
    {
        var old = JsonNode.Parse(ReportFixture)!;
        old["Sections"]![0]!["Rows"]![0]!["Measure"] = 7;

        var act = () => SubmittedReportSnapshot.Read(1, old.ToJsonString());

        act.Should().Throw<UnreadableDocumentException>().WithMessage("*Measure*");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public void FailsLoudly_WhenTheSchemaVersionIsUnknown(int version)
    {
        var plan = () => SignedPlanSnapshot.Read(version, PlanFixture);
        var report = () => SubmittedReportSnapshot.Read(version, ReportFixture);

        plan.Should().Throw<UnreadableDocumentException>().Which.SchemaVersion.Should().Be(version);
        report.Should().Throw<UnreadableDocumentException>().Which.Kind.Should().Be("submitted report");
    }

    private static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Snapshots", "Fixtures", name));

    private static string RenameInRows(string json, string from, string to)
    {
        var document = JsonNode.Parse(json)!;
        foreach (var row in document["Sections"]!.AsArray().SelectMany(s => s!["Rows"]!.AsArray()).Select(r => r!.AsObject()))
        {
            var value = row[from]?.DeepClone();
            row.Remove(from);
            row[to] = value;
        }

        return document.ToJsonString();
    }
}
