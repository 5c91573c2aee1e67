using System.Globalization;
using System.Net;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using WorkPlan.Core.Plans;
using WorkPlan.IntegrationTests.Infrastructure;

namespace WorkPlan.IntegrationTests.Plans;

/// <summary>The signature blocks print whoever signed, with their own position and name as they were at signing time.</summary>
[Collection(DatabaseTests.Name)]
public sealed class SignatureBlockTests(DatabaseFixture database) : IAsyncLifetime
{
    private const string Director = "asaka.direktor";
    private const string Methodologist = "andijon.metodist";
    private const string MethodologistPosition = "Bobur nomidagi Andijon viloyat axborot-kutubxona markazi metodisti";
    private const string MethodologistName = "Andijon viloyat AKM metodisti";
    private const string RegionalDirectorTitle = "Bobur nomidagi Andijon viloyat axborot-kutubxona markazi direktori";

    public Task InitializeAsync() => database.ResetWithDemoDataAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task PrintsTheMethodologistsPositionAndName_InPageExcelAndPdf_WhenTheMethodologistAgrees()
    {
        var id = await PlanIdAsync("asaka");
        await StepAsync(Director, id, "Submit");
        var methodologist = database.Factory.CreateClientAs(Methodologist);
        var before = await Html.ParseAsync(await methodologist.GetAsync($"/Plans/Details/{id}"));

        var agreed = await Forms.PostAsync(methodologist, $"/Plans/Details/{id}", $"/Plans/Agree/{id}", await VersionFieldAsync(id));

        before.QuerySelector($"form[action='/Plans/Agree/{id}']").Should().NotBeNull("the page offers KELISHILDI to whom the rule allows it");
        agreed.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await StatusAsync(id)).Should().Be(PlanStatus.Agreed);
        var page = await Html.ParseAsync(await database.Factory.CreateClientAs(Director).GetAsync($"/Plans/Details/{id}"));
        var left = page.QuerySelector(".signature-block.signature-left")!;
        left.QuerySelector(".signature-title")!.Text().Should().Be(MethodologistPosition);
        left.QuerySelector(".signature-name")!.Text().Should().Be(MethodologistName);
        left.QuerySelector(".signature-date")!.Text().Should().NotContain("____");

        using var workbook = new XLWorkbook(await (await methodologist.GetAsync($"/Plans/ExportExcel/{id}")).Content.ReadAsStreamAsync());
        var texts = workbook.Worksheets.First().CellsUsed().Select(c => c.GetString()).ToList();
        texts.Should().Contain(MethodologistPosition).And.Contain(MethodologistName);
        texts.Should().NotContain(t => t.Contains(RegionalDirectorTitle, StringComparison.Ordinal), "the regional director did not sign");

        var pdf = await PdfText.ReadAsync(await (await methodologist.GetAsync($"/Plans/ExportPdf/{id}")).Content.ReadAsByteArrayAsync());
        pdf.Should().Contain("markazi metodisti").And.Contain(MethodologistName);
        pdf.Should().NotContain("G.Ismailova", "the regional director did not sign");
    }

    [Fact]
    public async Task KeepsThePositionAsItWasAtSigning_WhenTheSignersPositionChangesLater()
    {
        var id = await PlanIdAsync("asaka");
        await StepAsync(Director, id, "Submit");
        await StepAsync(Methodologist, id, "Agree");

        await using (var db = database.CreateContext())
        {
            var user = await db.Users.SingleAsync(u => u.UserName == Methodologist);
            user.Position = "Bobur nomidagi Andijon viloyat axborot-kutubxona markazi bosh metodisti";
            user.FullName = "D.Yangi";
            await db.SaveChangesAsync();
        }

        var page = await Html.ParseAsync(await database.Factory.CreateClientAs(Director).GetAsync($"/Plans/Details/{id}"));
        page.QuerySelector(".signature-left .signature-title")!.Text().Should().Be(MethodologistPosition);
        page.QuerySelector(".signature-left .signature-name")!.Text().Should().Be(MethodologistName);
    }

    [Fact]
    public async Task PrintsTheSignersPositionSetByTheAdministrator_WhenTheDirectorApproves()
    {
        var id = await PlanIdAsync("asaka");
        var admin = database.Factory.CreateClientAs("andijon.admin");
        string userId;
        await using (var db = database.CreateContext())
        {
            userId = await db.Users.Where(u => u.UserName == Director).Select(u => u.Id).SingleAsync();
        }

        var form = await Html.ParseAsync(await admin.GetAsync($"/Users/Edit/{userId}"));
        var fields = form.QuerySelectorAll("form[action^='/Users/Edit'] input[name], form[action^='/Users/Edit'] select[name]")
            .Select(e => (Name: e.GetAttribute("name")!, Value: e.TagName == "SELECT" ? e.QuerySelector("option[selected]")?.GetAttribute("value") ?? string.Empty : e.GetAttribute("value") ?? string.Empty))
            .ToDictionary(f => f.Name, f => f.Value);
        fields["Input.FullName"] = "A.Karimova";
        fields["Input.Position"] = "Asaka tuman axborot-kutubxona markazi direktori v.b.";
        var saved = await admin.PostAsync($"/Users/Edit/{userId}", new FormUrlEncodedContent(fields));
        await StepAsync(Director, id, "Submit");
        await StepAsync(Director, id, "Approve");

        saved.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var page = await Html.ParseAsync(await database.Factory.CreateClientAs(Director).GetAsync($"/Plans/Details/{id}"));
        page.QuerySelector(".signature-right .signature-title")!.Text().Should().Be("Asaka tuman axborot-kutubxona markazi direktori v.b.");
        page.QuerySelector(".signature-right .signature-name")!.Text().Should().Be("A.Karimova");
    }

    private async Task StepAsync(string user, int planId, string step)
    {
        var response = await Forms.PostAsync(database.Factory.CreateClientAs(user), $"/Plans/Details/{planId}", $"/Plans/{step}/{planId}", await VersionFieldAsync(planId));
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, $"{user} may {step}");
    }

    private async Task<Dictionary<string, string>> VersionFieldAsync(int planId)
    {
        await using var db = database.CreateContext();
        var version = await db.Plans.Where(p => p.Id == planId).Select(p => p.Version).SingleAsync();
        return new Dictionary<string, string> { ["Version"] = version.ToString(CultureInfo.InvariantCulture) };
    }

    private async Task<PlanStatus> StatusAsync(int planId)
    {
        await using var db = database.CreateContext();
        return await db.Plans.Where(p => p.Id == planId).Select(p => p.Status).SingleAsync();
    }

    private async Task<int> PlanIdAsync(string organisation)
    {
        await using var db = database.CreateContext();
        return await db.Plans.Where(p => p.Organisation!.Code == organisation).Select(p => p.Id).SingleAsync();
    }
}
