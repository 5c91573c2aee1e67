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

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}")]
    private static partial Regex IsoDate();
}
