using System.Globalization;
using System.Net;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using WorkPlan.Core.Plans;
using WorkPlan.IntegrationTests.Infrastructure;

namespace WorkPlan.IntegrationTests.Plans;

/// <summary>The plan's life through the app's own pages: edit, submit, agree, approve, amend, compare, roll over, export.</summary>
[Collection(DatabaseTests.Name)]
public sealed class PlanLifeTests(DatabaseFixture database) : IAsyncLifetime
{
    private const string Director = "asaka.direktor";
    private const string Region = "andijon.direktor";

    public Task InitializeAsync() => database.ResetWithDemoDataAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ComesIntoForce_WhenSubmittedAgreedAndApproved_WithBothSignaturesDated()
    {
        var id = await PlanIdAsync("asaka");

        (await StepAsync(Director, id, "Submit")).Should().Be(PlanStatus.Submitted);
        (await StepAsync(Region, id, "Agree")).Should().Be(PlanStatus.Agreed);
        (await StepAsync(Director, id, "Approve")).Should().Be(PlanStatus.InForce);

        var page = await Html.ParseAsync(await database.Factory.CreateClientAs(Director).GetAsync($"/Plans/Details/{id}"));
        var dates = page.QuerySelectorAll(".signature-date").Select(d => d.Text()).ToList();
        var today = DateTime.UtcNow.AddHours(5);
        var expected = $"{today.Year} yil \"{today.Day}\" {Months[today.Month - 1]}";
        dates.Should().Equal(expected, expected);
        page.QuerySelectorAll(".signature-name").Select(n => n.Text()).Should().Equal("G.Ismailova", "Asaka TAKM direktori");
        page.QuerySelector(".draft-mark").Should().BeNull();
        await using var db = database.CreateContext();
        (await db.PlanVersions.CountAsync(v => v.PlanId == id && v.Number == 1)).Should().Be(1);
        (await db.PlanEvents.Where(e => e.PlanId == id).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync())
            .Should().Equal(PlanAction.Submitted, PlanAction.Agreed, PlanAction.Approved, PlanAction.CameIntoForce);
    }

    [Fact]
    public async Task NamesWhoTookEachStep_ByFullNameAndRole_OnTheDateAsUsersWriteIt()
    {
        var id = await PlanIdAsync("asaka");
        await StepAsync(Director, id, "Submit");
        await StepAsync(Region, id, "Agree");

        var page = await Html.ParseAsync(await database.Factory.CreateClientAs(Director).GetAsync($"/Plans/Details/{id}"));

        var steps = page.QuerySelectorAll(".plan-events li").Select(li => li.Text()).ToList();
        steps.Should().HaveCount(2);
        steps[0].Should().Contain("G.Ismailova").And.Contain("(Viloyat AKM direktori)").And.NotContain(Region);
        steps[1].Should().Contain("Asaka TAKM direktori").And.Contain("(Direktor)").And.NotContain(Director);
        var today = DateTime.UtcNow.AddHours(5);
        steps.Should().OnlyContain(s => s.Contains($"{today.Year} yil \"{today.Day}\" {Months[today.Month - 1]}, ", StringComparison.Ordinal));
        steps.Should().OnlyContain(s => !System.Text.RegularExpressions.Regex.IsMatch(s, @"\d{4}-\d{2}-\d{2}"), "no ISO dates");
    }

    [Fact]
    public async Task ComesIntoForce_WhenApprovedBeforeItIsAgreed()
    {
        var id = await PlanIdAsync("asaka");

        await StepAsync(Director, id, "Submit");
        (await StepAsync(Director, id, "Approve")).Should().Be(PlanStatus.Approved);
        (await StepAsync(Region, id, "Agree")).Should().Be(PlanStatus.InForce);
    }

    [Fact]
    public async Task ReturnsThePlanToItsAuthors_OnlyWithAReason_WhichTheySee()
    {
        var id = await PlanIdAsync("asaka");
        await StepAsync(Director, id, "Submit");

        var withoutReason = await StepAsync(Region, id, "Return");
        var withReason = await StepAsync(Region, id, "Return", "10-ko'rsatkich rejasi past");
        var page = await Html.ParseAsync(await database.Factory.CreateClientAs(Director).GetAsync($"/Plans/Details/{id}"));

        withoutReason.Should().Be(PlanStatus.Submitted);
        withReason.Should().Be(PlanStatus.Draft);
        page.QuerySelector(".plan-actions .alert-warning")!.Text().Should().Contain("10-ko'rsatkich rejasi past");
    }

    [Fact]
    public async Task RefusesSteps_ToThoseTheRulesDoNotName()
    {
        var id = await PlanIdAsync("asaka");

        var byServiceHead = await Forms.PostAsync(database.Factory.CreateClientAs("asaka.bibliografiya"), $"/Plans/Details/{id}", $"/Plans/Submit/{id}", await VersionFieldAsync(id));
        await StepAsync(Director, id, "Submit");
        var agreedByDirector = await Forms.PostAsync(database.Factory.CreateClientAs(Director), $"/Plans/Details/{id}", $"/Plans/Agree/{id}", await VersionFieldAsync(id));
        var approvedByRegion = await Forms.PostAsync(database.Factory.CreateClientAs(Region), $"/Plans/Details/{id}", $"/Plans/Approve/{id}", await VersionFieldAsync(id));
        var byOtherDistrict = await Forms.PostAsync(database.Factory.CreateClientAs("xojaobod.direktor"), "/Plans", $"/Plans/Approve/{id}", await VersionFieldAsync(id));

        byServiceHead.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        agreedByDirector.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        approvedByRegion.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        byOtherDistrict.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await StatusAsync(id)).Should().Be(PlanStatus.Submitted);
    }

    [Fact]
    public async Task RefusesAStaleForm_AndChangesNothing()
    {
        var id = await PlanIdAsync("asaka");
        var client = database.Factory.CreateClientAs(Director);
        var stale = await VersionFieldAsync(id);
        await StepAsync(Director, id, "Submit");
        await StepAsync(Director, id, "Return", "qayta ko'rib chiqish");

        var response = await Forms.PostAsync(client, $"/Plans/Details/{id}", $"/Plans/Submit/{id}", stale);
        var page = await Html.ParseAsync(await client.GetAsync($"/Plans/Details/{id}"));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        page.QuerySelector(".alert-danger")!.Text().Should().Contain("boshqa foydalanuvchi");
        (await StatusAsync(id)).Should().Be(PlanStatus.Draft);
    }

    [Fact]
    public async Task EditsAnIndicator_AndChecksTheRulesInUzbek()
    {
        var id = await PlanIdAsync("xojaobod");
        await SetDraftAsync(id);
        var client = database.Factory.CreateClientAs("xojaobod.inspektor");
        var row102 = await IndicatorIdAsync(id, "10.2");

        var broken = await PostIndicatorAsync(client, row102, target: "3500");
        var duplicate = await PostIndicatorAsync(client, row102, number: "10.4");
        var notANumber = await PostIndicatorAsync(client, row102, target: "ko'p");
        var fine = await PostIndicatorAsync(client, row102, target: "3 000", name: "Xarid qilish orqali (shartnoma)");
        var row18 = await IndicatorIdAsync(id, "18");
        var servicesBefore = (await Html.ParseAsync(await client.GetAsync($"/Plans/Details/{id}"))).QuerySelector("tr[data-number='18'] .cell-responsible")!.Text();
        await PostIndicatorAsync(client, row18, target: "80");
        var servicesAfter = (await Html.ParseAsync(await client.GetAsync($"/Plans/Details/{id}"))).QuerySelector("tr[data-number='18'] .cell-responsible")!.Text();

        (await Html.ParseAsync(broken)).ValidationText().Should().Contain("\"Shundan\" qatorlari yig'indisi (4 500) umumiy qiymatga (4 000) teng emas");
        (await Html.ParseAsync(duplicate)).ValidationText().Should().Contain("10.4 raqamli ko'rsatkich rejada bor");
        (await Html.ParseAsync(notANumber)).ValidationText().Should().Contain("Son kiriting");
        fine.IsRedirectTo($"/PlanEditor/Index/{id}").Should().BeTrue();
        servicesAfter.Should().Be(servicesBefore, "changing a target keeps the printed order of the responsible services");
        await using var db = database.CreateContext();
        var saved = await db.Indicators.SingleAsync(i => i.Id == row102);
        (saved.Name, saved.Target).Should().Be(("Xarid qilish orqali (shartnoma)", 3000m));
    }

    [Fact]
    public async Task DeletesOnlyAnEmptySection()
    {
        var id = await PlanIdAsync("asaka");
        var client = database.Factory.CreateClientAs(Director);
        await Forms.PostAsync(client, $"/PlanEditor/Index/{id}", $"/PlanEditor/AddSection/{id}", new Dictionary<string, string> { ["Label"] = "IV", ["Title"] = "XATO BO'LIM" });
        await using var db = database.CreateContext();
        var sections = await db.Sections.Where(s => s.PlanId == id).OrderBy(s => s.SortOrder).Select(s => new { s.Id, s.Title }).ToListAsync();

        var full = await Forms.PostAsync(client, $"/PlanEditor/Index/{id}", $"/PlanEditor/DeleteSection/{sections[0].Id}?planId={id}", new Dictionary<string, string>());
        var empty = await Forms.PostAsync(client, $"/PlanEditor/Index/{id}", $"/PlanEditor/DeleteSection/{sections[^1].Id}?planId={id}", new Dictionary<string, string>());

        full.StatusCode.Should().Be(HttpStatusCode.Redirect);
        empty.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await db.Sections.Where(s => s.PlanId == id).Select(s => s.Title).ToListAsync()).Should().BeEquivalentTo("ILMIY-METODIK FAOLIYAT", "ASOSIY ISHLAB CHIQARISH FAOLIYATI");
    }

    [Fact]
    public async Task KeepsAPlanInForceReadOnly()
    {
        var id = await PlanIdAsync("xojaobod");
        var client = database.Factory.CreateClientAs("xojaobod.direktor");
        var row = await IndicatorIdAsync(id, "1");

        var editor = await client.GetAsync($"/PlanEditor/Index/{id}");
        var edit = await Forms.PostAsync(client, "/Plans", $"/PlanEditor/EditIndicator/{row}", new Dictionary<string, string> { ["Input.Name"] = "O'zgargan" });
        var page = await Html.ParseAsync(await client.GetAsync($"/Plans/Details/{id}"));

        editor.StatusCode.Should().Be(HttpStatusCode.NotFound);
        edit.StatusCode.Should().Be(HttpStatusCode.NotFound);
        page.QuerySelectorAll("a[href^='/PlanEditor']").Should().BeEmpty();
    }

    [Fact]
    public async Task AmendsAPlanInForce_AsANewVersion_AndShowsWhatChanged()
    {
        var id = await PlanIdAsync("xojaobod");
        var director = database.Factory.CreateClientAs("xojaobod.direktor");

        (await StepAsync("xojaobod.direktor", id, "Amend", "Viloyat AKM topshirig'i bilan 14-ko'rsatkich oshirildi")).Should().Be(PlanStatus.Draft);
        var row14 = await IndicatorIdAsync(id, "14");
        (await PostIndicatorAsync(director, row14, target: "600")).IsRedirectTo($"/PlanEditor/Index/{id}").Should().BeTrue();
        await StepAsync("xojaobod.direktor", id, "Submit");
        await StepAsync(Region, id, "Agree");
        (await StepAsync("xojaobod.direktor", id, "Approve")).Should().Be(PlanStatus.InForce);

        var compare = await Html.ParseAsync(await director.GetAsync($"/Plans/Compare/{id}?from=1&to=2"));
        var version1 = await Html.ParseAsync(await director.GetAsync($"/Plans/Version/{id}?number=1"));
        var changes = compare.QuerySelectorAll(".changes-table tbody tr").Select(r => r.Children.Select(c => c.Text()).ToList()).ToList();

        changes.Should().ContainSingle(c => c[0] == "14" && c[2] == "Reja" && c[3] == "570" && c[4] == "600");
        version1.QuerySelector("tr[data-number='14'] td:nth-child(5)")!.Text().Should().Be("570", "version 1 stays as it came into force");
        await using var db = database.CreateContext();
        (await db.Plans.SingleAsync(p => p.Id == id)).VersionNumber.Should().Be(2);
    }

    [Fact]
    public async Task CreatesNextYearsPlan_WithLastYearsActualTotalsAsFacts()
    {
        var id = await PlanIdAsync("xojaobod");
        await using (var db = database.CreateContext())
        {
            var rows = await db.Indicators.Where(i => i.PlanId == id && (i.Number == "16" || i.Number == "15" || i.Number == "27")).ToListAsync();
            foreach (var (row, month, value) in new[] { ("16", 1, 9000m), ("16", 2, 8000m), ("15", 1, 11000m), ("15", 2, 11500m), ("27", 3, 1m) })
            {
                db.MonthlyActuals.Add(new Core.Actuals.MonthlyActual(rows.Single(r => r.Number == row), month, value, null, "test", DateTimeOffset.UtcNow));
            }

            await db.SaveChangesAsync();
        }

        var created = await Forms.PostAsync(database.Factory.CreateClientAs("xojaobod.inspektor"), $"/Plans/Details/{id}", $"/Plans/NextYear/{id}", new Dictionary<string, string>());

        created.StatusCode.Should().Be(HttpStatusCode.Redirect);
        await using var check = database.CreateContext();
        var next = await check.Plans.Include(p => p.Indicators).SingleAsync(p => p.Year == 2023);
        next.Status.Should().Be(PlanStatus.Draft);
        next.Title.Should().Contain("2023 yil uchun");
        next.Indicators.Should().HaveCount(55);
        next.Indicators.Single(i => i.Number == "16").PreviousFact.Should().Be(17000m, "a flow adds its months");
        next.Indicators.Single(i => i.Number == "15").PreviousFact.Should().Be(11500m, "a stock takes its last month");
        next.Indicators.Single(i => i.Number == "1").PreviousFact.Should().BeNull("no actuals were entered");
        next.Indicators.Should().OnlyContain(i => i.Target == null);
        next.Indicators.Single(i => i.Number == "3").Deadline.Should().Be("2023 yil I-chorak");
    }

    [Fact]
    public async Task ExportsTheSignedPlanAsExcel_RowByRowLikeTheSeed()
    {
        var id = await PlanIdAsync("xojaobod");

        var response = await database.Factory.CreateClientAs("andijon.metodist").GetAsync($"/Plans/ExportExcel/{id}");
        using var workbook = new XLWorkbook(await response.Content.ReadAsStreamAsync());
        var sheet = workbook.Worksheets.First();
        var numbers = sheet.RowsUsed().Select(r => r.Cell(1).GetString()).Where(n => PlanDocumentPageTests.SeedRows.Any(s => (string)s[0] == n)).ToList();

        response.Content.Headers.ContentType!.MediaType.Should().Be("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        numbers.Should().Equal(PlanDocumentPageTests.SeedRows.Select(r => (string)r[0]));
        foreach (var expected in PlanDocumentPageTests.SeedRows)
        {
            var row = sheet.RowsUsed().First(r => r.Cell(1).GetString() == (string)expected[0]);
            Printed(row.Cell(4)).Should().Be((string)expected[2], $"row {expected[0]} fact");
            Printed(row.Cell(5)).Should().Be((string)expected[3], $"row {expected[0]} target");
        }
    }

    [Fact]
    public async Task ExportsTheSignedPlanAsPdf_WithEveryRowAndBothSignatureBlocks()
    {
        var id = await PlanIdAsync("xojaobod");

        var response = await database.Factory.CreateClientAs("xojaobod.direktor").GetAsync($"/Plans/ExportPdf/{id}");
        var text = await PdfText.ReadAsync(await response.Content.ReadAsByteArrayAsync());

        response.Content.Headers.ContentType!.MediaType.Should().Be("application/pdf");
        text.Should().Contain("KELISHILDI").And.Contain("TASDIQLAYMAN").And.Contain("G.Ismailova").And.Contain("M.Mo'minova")
            .And.Contain("2022 yil \"5\" yanvar").And.Contain("2022 yil \"____\" ________").And.Contain("mo'ljallangan ish rejasi");
        text.Split('\f', StringSplitOptions.RemoveEmptyEntries).Should().OnlyContain(page => page.Contains("Bajarilish", StringComparison.Ordinal), "the header repeats on every page");
        foreach (var number in new[] { "10.4", "15.1", "22.3", "23.3", "42.2" })
        {
            text.Should().Contain(number);
        }

        text.Should().Contain("105 000").And.Contain("4 379").And.Contain("Barcha xizmatlar").And.NotContain("LOYIHA");
    }

    [Fact]
    public async Task MarksADraftsExportsAsADraft()
    {
        var id = await PlanIdAsync("asaka");
        var client = database.Factory.CreateClientAs(Director);

        var pdf = await PdfText.ReadAsync(await (await client.GetAsync($"/Plans/ExportPdf/{id}")).Content.ReadAsByteArrayAsync());
        using var workbook = new XLWorkbook(await (await client.GetAsync($"/Plans/ExportExcel/{id}")).Content.ReadAsStreamAsync());

        pdf.Should().Contain("LOYIHA");
        workbook.Worksheets.First().CellsUsed().Should().Contain(c => c.GetString() == "LOYIHA");
    }

    private static readonly string[] Months = ["yanvar", "fevral", "mart", "aprel", "may", "iyun", "iyul", "avgust", "sentyabr", "oktyabr", "noyabr", "dekabr"];

    private static string Printed(IXLCell cell) =>
        cell.DataType == XLDataType.Number ? cell.GetDouble().ToString("#,##0", CultureInfo.InvariantCulture).Replace(',', ' ') : cell.GetString();

    private async Task<HttpResponseMessage> PostIndicatorAsync(HttpClient client, int indicatorId, string? target = null, string? number = null, string? name = null)
    {
        var form = await Html.ParseAsync(await client.GetAsync($"/PlanEditor/EditIndicator/{indicatorId}"));
        var fields = form.QuerySelectorAll("form.indicator-form input[name], form.indicator-form textarea[name], form.indicator-form select[name]")
            .Where(e => e.GetAttribute("type") is not ("checkbox" or "radio") || e.HasAttribute("checked"))
            .Where(e => !e.HasAttribute("disabled"))
            .Select(e => (Name: e.GetAttribute("name")!, Value: e.TagName == "SELECT"
                ? e.QuerySelector("option[selected]")?.GetAttribute("value") ?? e.QuerySelector("option")?.GetAttribute("value") ?? string.Empty
                : e.TagName == "TEXTAREA" ? e.TextContent.Trim() : e.GetAttribute("value") ?? string.Empty))
            .ToList();
        var values = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Name switch
        {
            "Input.Target" when target is not null => target,
            "Input.Number" when number is not null => number,
            "Input.Name" when name is not null => name,
            _ => f.Value,
        })).ToList();
        return await client.PostAsync($"/PlanEditor/EditIndicator/{indicatorId}", new FormUrlEncodedContent(values));
    }

    private async Task<PlanStatus> StepAsync(string user, int planId, string step, string? comment = null)
    {
        var fields = await VersionFieldAsync(planId);
        if (comment is not null)
        {
            fields["Comment"] = comment;
        }

        var response = await Forms.PostAsync(database.Factory.CreateClientAs(user), $"/Plans/Details/{planId}", $"/Plans/{step}/{planId}", fields);
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, $"{user} may {step}");
        return await StatusAsync(planId);
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

    private async Task<int> IndicatorIdAsync(int planId, string number)
    {
        await using var db = database.CreateContext();
        return await db.Indicators.Where(i => i.PlanId == planId && i.Number == number).Select(i => i.Id).SingleAsync();
    }

    private async Task SetDraftAsync(int planId)
    {
        await using var db = database.CreateContext();
        var plan = await db.Plans.SingleAsync(p => p.Id == planId);
        plan.RecordPaperSignatures(plan.Agreement, plan.Approval, PlanStatus.Draft);
        await db.SaveChangesAsync();
    }
}
