using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using WorkPlan.Core.Auditing;
using WorkPlan.IntegrationTests.Infrastructure;
using WorkPlan.Web;

namespace WorkPlan.IntegrationTests.Administration;

/// <summary>The audit page reads like a register: who by name, what in words, when as users write it, the changed fields as text.</summary>
[Collection(DatabaseTests.Name)]
public sealed partial class AuditPageTests(DatabaseFixture database) : IAsyncLifetime
{
    private static readonly ResourceManager Resources = new("WorkPlan.Web.Resources.SharedResource", typeof(SharedResource).Assembly);

    public Task InitializeAsync() => database.ResetWithDemoDataAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public static TheoryData<string> Languages => new() { "uz", "ru", "en" };

    [Theory]
    [MemberData(nameof(Languages))]
    public void GivesEveryAuditActionTheCodeCanRecordALabel_InEveryLanguage(string language)
    {
        var culture = language == "uz" ? CultureInfo.InvariantCulture : new CultureInfo(language);
        var set = Resources.GetResourceSet(culture, true, false)!;

        AuditAction.All.Should().NotBeEmpty();
        AuditAction.All.Select(a => a.Key).Should().OnlyHaveUniqueItems();
        foreach (var action in AuditAction.All)
        {
            set.GetString($"Audit.{action.Key}").Should().NotBeNullOrWhiteSpace($"\"{action.Key}\" needs a {language} label");
        }

        typeof(AuditAction).GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(f => f.FieldType == typeof(AuditAction))
            .Select(f => (AuditAction)f.GetValue(null)!)
            .Should().BeEquivalentTo(AuditAction.All, "All lists every action the code can record");
    }

    [Fact]
    public async Task ShowsAReopeningsFieldsInWords_WhenAMonthWasRequestedAndReopened()
    {
        await using var db = database.CreateContext();
        var planId = await db.Plans.Where(p => p.Organisation!.Code == "xojaobod" && p.Year == 2022).Select(p => p.Id).SingleAsync();
        var entryUrl = $"/Actuals?planId={planId}&month=8";
        await Forms.PostAsync(database.OctoberFactory.CreateClientAs("xojaobod.fond"), entryUrl, $"/Actuals/RequestReopen?planId={planId}&month=8", new Dictionary<string, string> { ["reason"] = "Avgust xato" });
        await Forms.PostAsync(database.OctoberFactory.CreateClientAs("xojaobod.direktor"), entryUrl, $"/Actuals/Reopen?planId={planId}&month=8", new Dictionary<string, string> { ["reason"] = "Tuzatilsin" });

        var page = await Html.ParseAsync(await database.Factory.CreateClientAs("xojaobod.admin").GetAsync("/Audit"));

        var details = string.Join(" | ", page.QuerySelectorAll("tbody tr .audit-details").Select(d => d.Text()));
        details.Should().Contain("Avgust").And.Contain("Tuzatilsin").And.Contain("Fondlar xizmati rahbari");
        details.Should().NotContain("Audit.Field").And.NotContain("[\"").And.NotMatchRegex("\\d{4}-\\d{2}-\\d{2}T");
        details.Should().MatchRegex("\\d{4} yil \"\\d{1,2}\" oktyabr, \\d{2}:\\d{2}", "the reopening's end date as users write it");
    }

    [Fact]
    public async Task ShowsWhoByName_WhatInWords_WhenAsUsersWriteIt_AndTheChangeAsText()
    {
        var admin = database.Factory.CreateClientAs("xojaobod.admin");
        await using var db = database.CreateContext();
        var service = await db.Services.SingleAsync(s => s.Organisation!.Code == "xojaobod" && s.Code == "hr");
        await Forms.PostAsync(admin, $"/Services/Edit/{service.Id}", $"/Services/Edit/{service.Id}", new Dictionary<string, string>
        {
            ["Input.Name"] = "Kadrlar bo'limi",
            ["Input.ShortName"] = service.ShortName,
            ["Input.Version"] = service.Version.ToString(CultureInfo.InvariantCulture),
        });

        var page = await Html.ParseAsync(await admin.GetAsync("/Audit"));

        var row = page.QuerySelector("tbody tr")!;
        var cells = row.Children.Select(c => c.Text()).ToList();
        cells[0].Should().MatchRegex("^\\d{4} yil \"\\d{1,2}\" [a-z']+, \\d{2}:\\d{2}$", "dates as users write them, in Uzbekistan time");
        cells[1].Should().Be("Xo'jaobod TAKM administratori (Administrator)");
        cells[2].Should().Be("Xizmat o'zgartirildi");
        cells[4].Should().Contain("Nomi").And.Contain(service.Name).And.Contain("Kadrlar bo'limi");
        cells[4].Should().NotContain("ShortName", "unchanged fields are left out and field names are words");
        page.QuerySelector("tbody")!.TextContent.Should().NotContain("{").And.NotContain("\"Name\"").And.NotContain("Audit.");
        IsoDate().IsMatch(page.QuerySelector("tbody")!.TextContent).Should().BeFalse();
    }

    [Fact]
    public async Task ShowsAnOrganisationsAndAServicesNames_NotTheirIds_AndTheRoleInWords()
    {
        var admin = database.Factory.CreateClientAs("xojaobod.admin");
        await using var db = database.CreateContext();
        var xojaobod = await db.Organisations.SingleAsync(o => o.Code == "xojaobod");
        var lending = await db.Services.SingleAsync(s => s.OrganisationId == xojaobod.Id && s.Code == "lending");
        await Forms.PostAsync(admin, "/Users/Create", "/Users/Create", new Dictionary<string, string>
        {
            ["Input.UserName"] = "xojaobod.yangi",
            ["Input.FullName"] = "N.Yangi",
            ["Input.Role"] = "ServiceHead",
            ["Input.OrganisationId"] = xojaobod.Id.ToString(CultureInfo.InvariantCulture),
            ["Input.ServiceId"] = lending.Id.ToString(CultureInfo.InvariantCulture),
            ["Input.Password"] = "Vaqtinchalik-parol-2026",
        });

        var page = await Html.ParseAsync(await admin.GetAsync("/Audit"));

        var details = page.QuerySelector("tbody tr")!.Children[4].Text();
        page.QuerySelector("tbody tr")!.Children[2].Text().Should().Be("Foydalanuvchi yaratildi");
        details.Should().Contain("N.Yangi").And.Contain("Xizmat rahbari").And.Contain(lending.Name).And.Contain(xojaobod.ShortName);
        details.Should().NotContain("ServiceHead");
    }

    /// <summary>
    /// A plan's workflow steps and every change of a monthly value are in the same register as the administration's
    /// entries, in the same shape: who by name, the action in words, what changed from what to what.
    /// </summary>
    [Fact]
    public async Task ListsAPlansStepsAndTheChangesOfMonthlyValues_InTheSameWords_AndNarrowsToEither()
    {
        await using var db = database.CreateContext();
        var plan = await db.Plans.Where(p => p.Organisation!.Code == "xojaobod" && p.Year == 2022).Select(p => new { p.Id, p.VersionNumber }).SingleAsync();
        var row16 = await db.Indicators.Where(i => i.PlanId == plan.Id && i.Number == "16").Select(i => new { i.Id, i.Name }).SingleAsync();
        var head = await db.Users.Where(u => u.UserName == "xojaobod.abonement").Select(u => new { u.Id, u.UserName, u.FullName }).SingleAsync();
        var director = await db.Users.Where(u => u.UserName == "xojaobod.direktor").Select(u => new { u.Id, u.UserName, u.FullName }).SingleAsync();
        var at = new DateTimeOffset(2022, 10, 3, 10, 0, 0, TimeSpan.FromHours(5)).ToUniversalTime();
        db.ActualChanges.Add(new WorkPlan.Core.Actuals.ActualChange(row16.Id, 9, 9_000m, 9_120m, null, "Kitob bayrami", head.Id, head.UserName!, at));
        db.PlanEvents.Add(new WorkPlan.Core.Plans.PlanEvent(
            plan.Id, plan.VersionNumber, WorkPlan.Core.Plans.PlanAction.Returned, WorkPlan.Core.Plans.PlanStatus.Submitted, WorkPlan.Core.Plans.PlanStatus.Draft,
            director.Id, director.UserName!, at.AddMinutes(-5), "Maqsadlarni qayta ko'ring"));
        await db.SaveChangesAsync();
        var admin = database.Factory.CreateClientAs("xojaobod.admin");

        var page = await Html.ParseAsync(await admin.GetAsync("/Audit"));

        var rows = page.QuerySelectorAll("tbody tr").Take(2).Select(r => r.Children.Select(c => c.Text().Trim()).ToList()).ToList();
        rows[0][1].Should().Contain(head.FullName);
        rows[0][2].Should().Be("Oylik qiymat o'zgartirildi");
        rows[0][4].Should().Contain($"16. {row16.Name}").And.Contain("Sentyabr").And.Contain("9 000").And.Contain("9 120").And.Contain("Kitob bayrami");
        rows[1][1].Should().Contain(director.FullName);
        rows[1][2].Should().Be("Qaytarildi");
        rows[1][4].Should().Contain("Kelishishga yuborildi").And.Contain("Loyiha").And.Contain("Maqsadlarni qayta ko'ring");
        page.QuerySelector("tbody")!.TextContent.Should().NotContain("Audit.").And.NotContain("Status.").And.NotContain("Month.");

        var values = await Html.ParseAsync(await admin.GetAsync("/Audit?entityType=MonthlyActual"));
        var plans = await Html.ParseAsync(await admin.GetAsync($"/Audit?entityType=Plan&entityId={plan.Id}"));

        values.QuerySelectorAll("tbody tr").Select(r => r.Children[2].Text().Trim()).Should().OnlyContain(a => a == "Oylik qiymat o'zgartirildi");
        plans.QuerySelectorAll("tbody tr").Select(r => r.Children[2].Text().Trim()).Should().Contain("Qaytarildi").And.NotContain("Oylik qiymat o'zgartirildi");
    }

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}")]
    private static partial Regex IsoDate();
}
