using System.Net;
using Microsoft.EntityFrameworkCore;
using WorkPlan.Core.Organisations;
using WorkPlan.IntegrationTests.Infrastructure;

namespace WorkPlan.IntegrationTests.Administration;

[Collection(DatabaseTests.Name)]
public sealed class AdministrationTests(DatabaseFixture database) : IAsyncLifetime
{
    public Task InitializeAsync() => database.ResetWithDemoDataAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task AddsADistrictToTheRegion_AndRecordsItInTheAuditLog()
    {
        var admin = database.Factory.CreateClientAs("andijon.admin");
        var andijon = await OrganisationIdAsync("andijon");

        var created = await Forms.PostAsync(admin, $"/Organisations/Create?parentId={andijon}", $"/Organisations/Create?parentId={andijon}", new Dictionary<string, string>
        {
            ["Input.Name"] = "Andijon viloyati Oltinko'l tuman axborot-kutubxona markazi",
            ["Input.ShortName"] = "Oltinko'l TAKM",
            ["Input.DirectorName"] = "A.Karimov",
        });
        var audit = await Html.ParseAsync(await admin.GetAsync("/Audit"));

        created.StatusCode.Should().Be(HttpStatusCode.Redirect);
        await using var db = database.CreateContext();
        var district = await db.Organisations.SingleAsync(o => o.ShortName == "Oltinko'l TAKM");
        district.Kind.Should().Be(OrganisationKind.District);
        district.ParentId.Should().Be(andijon);
        var entry = await db.AuditEntries.SingleAsync(a => a.Action == "Organisation.Created");
        entry.UserName.Should().Be("andijon.admin");
        entry.After.Should().Contain("Oltinko'l TAKM");
        entry.Before.Should().BeNull();
        audit.QuerySelector("tbody tr")!.Text().Should().Contain("Tashkilot qo'shildi").And.Contain("Andijon viloyat administratori");
    }

    [Fact]
    public async Task CreatesAServiceHead_WhoMustChangeTheTemporaryPassword()
    {
        var admin = database.Factory.CreateClientAs("xojaobod.admin");
        var xojaobod = await OrganisationIdAsync("xojaobod");
        var service = await ServiceIdAsync("xojaobod", "lending");

        var created = await Forms.PostAsync(admin, "/Users/Create", "/Users/Create", new Dictionary<string, string>
        {
            ["Input.UserName"] = "xojaobod.abonement2",
            ["Input.FullName"] = "Ikkinchi abonement rahbari",
            ["Input.OrganisationId"] = xojaobod.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Role"] = "ServiceHead",
            ["Input.ServiceId"] = service.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Password"] = "Vaqtinchalik-parol-2026",
        });

        created.StatusCode.Should().Be(HttpStatusCode.Redirect);
        await using var db = database.CreateContext();
        var user = await db.Users.SingleAsync(u => u.UserName == "xojaobod.abonement2");
        (user.Role, user.ServiceId, user.MustChangePassword, user.IsDemo).Should().Be(("ServiceHead", (int?)service, true, false));
        (await db.AuditEntries.CountAsync(a => a.Action == "User.Created" && a.EntityId == user.Id)).Should().Be(1);
    }

    [Theory]
    [InlineData("ServiceHead", null, "xizmatni tanlang")]
    [InlineData("RegionalDirector", null, "mos emas")]
    [InlineData("Director", "lending", "faqat xizmat rahbariga")]
    public async Task RefusesAnAssignmentThatDoesNotFit_SayingWhyInUzbek(string role, string? serviceCode, string message)
    {
        var admin = database.Factory.CreateClientAs("xojaobod.admin");
        var fields = new Dictionary<string, string>
        {
            ["Input.UserName"] = "xojaobod.notogri",
            ["Input.FullName"] = "Noto'g'ri tayinlov",
            ["Input.OrganisationId"] = (await OrganisationIdAsync("xojaobod")).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Role"] = role,
            ["Input.Password"] = "Vaqtinchalik-parol-2026",
        };
        if (serviceCode is not null)
        {
            fields["Input.ServiceId"] = (await ServiceIdAsync("xojaobod", serviceCode)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var response = await Forms.PostAsync(admin, "/Users/Create", "/Users/Create", fields);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await Html.ParseAsync(response)).ValidationText().Should().ContainEquivalentOf(message);
        await using var db = database.CreateContext();
        (await db.Users.AnyAsync(u => u.UserName == "xojaobod.notogri")).Should().BeFalse();
    }

    [Fact]
    public async Task RefusesToAssignAUserToAnotherBranch_AsIfItDidNotExist()
    {
        var admin = database.Factory.CreateClientAs("xojaobod.admin");

        var response = await Forms.PostAsync(admin, "/Users/Create", "/Users/Create", new Dictionary<string, string>
        {
            ["Input.UserName"] = "asaka.bosqinchi",
            ["Input.FullName"] = "Boshqa tumanga",
            ["Input.OrganisationId"] = (await OrganisationIdAsync("asaka")).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Role"] = "Director",
            ["Input.Password"] = "Vaqtinchalik-parol-2026",
        });

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ResetsAPassword_ShowingTheNewOneOnce_AndTheOldOneStopsWorking()
    {
        var admin = database.Factory.CreateClientAs("xojaobod.admin");
        await using var db = database.CreateContext();
        var id = await db.Users.Where(u => u.UserName == "xojaobod.fond").Select(u => u.Id).SingleAsync();

        var reset = await Forms.PostAsync(admin, $"/Users/Edit/{id}", $"/Users/ResetPassword/{id}", new Dictionary<string, string>());
        var password = (await Html.ParseAsync(reset)).QuerySelector(".temporary-password")!.Text();
        var oldPassword = await Forms.SignInAsync(database.Factory.CreateClient(new() { AllowAutoRedirect = false }), "xojaobod.fond", WorkPlan.Infrastructure.Data.Seed.DemoUserSeeder.Password);
        var newPassword = await Forms.SignInAsync(database.Factory.CreateClient(new() { AllowAutoRedirect = false }), "xojaobod.fond", password);

        password.Should().HaveLength(16);
        oldPassword.StatusCode.Should().Be(HttpStatusCode.OK, "the old password is refused");
        newPassword.IsRedirectTo("/").Should().BeTrue();
    }

    [Fact]
    public async Task ShowsAnAdministratorOnlyTheAuditOfTheirBranch()
    {
        var andijon = database.Factory.CreateClientAs("andijon.admin");
        var service = await ServiceIdAsync("asaka", "lending");
        await Forms.PostAsync(andijon, $"/Services/Edit/{service}", $"/Services/Edit/{service}", new Dictionary<string, string>
        {
            ["Input.Name"] = "Abonement xizmati",
            ["Input.Version"] = await ServiceVersionAsync(service),
        });

        var ownAudit = await Html.ParseAsync(await andijon.GetAsync("/Audit"));
        var otherAudit = await Html.ParseAsync(await database.Factory.CreateClientAs("xojaobod.admin").GetAsync("/Audit"));

        ownAudit.QuerySelectorAll("tbody tr").Should().ContainSingle(r => r.Text().Contains("Xizmat o'zgartirildi", StringComparison.Ordinal));
        otherAudit.QuerySelectorAll("tbody tr").Should().BeEmpty("Xo'jaobod's administrator does not read Asaka's changes");
    }

    [Fact]
    public async Task RefusesAStaleServiceForm_KeepingTheNewerName_AndWhatWasTyped_WhichTheNextSavePutsInItsPlace()
    {
        var admin = database.Factory.CreateClientAs("xojaobod.admin");
        var service = await ServiceIdAsync("xojaobod", "hr");
        var staleVersion = await ServiceVersionAsync(service);
        await Forms.PostAsync(admin, $"/Services/Edit/{service}", $"/Services/Edit/{service}",
            new Dictionary<string, string> { ["Input.Name"] = "Kadrlar bo'limi", ["Input.Version"] = staleVersion });

        var stale = await Forms.PostAsync(admin, $"/Services/Edit/{service}", $"/Services/Edit/{service}",
            new Dictionary<string, string> { ["Input.Name"] = "Eskirgan nom", ["Input.Version"] = staleVersion });

        stale.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = await Html.ParseAsync(stale);
        page.ValidationText().Should().Contain("boshqa foydalanuvchi").And.Contain("yana saqlang");
        await using (var db = database.CreateContext())
        {
            (await db.Services.SingleAsync(s => s.Id == service)).Name.Should().Be("Kadrlar bo'limi");
        }

        page.QuerySelector("[name='Input.Name']")!.GetAttribute("value").Should().Be("Eskirgan nom", "what was typed stays in its field");
        var shownVersion = page.QuerySelector("[name='Input.Version']")!.GetAttribute("value")!;
        shownVersion.Should().Be(await ServiceVersionAsync(service), "the form now stands over the record as it is");

        var again = await Forms.PostAsync(admin, $"/Services/Edit/{service}", $"/Services/Edit/{service}",
            new Dictionary<string, string> { ["Input.Name"] = "Eskirgan nom", ["Input.Version"] = shownVersion });

        again.StatusCode.Should().Be(HttpStatusCode.Redirect);
        await using var after = database.CreateContext();
        (await after.Services.SingleAsync(s => s.Id == service)).Name.Should().Be("Eskirgan nom");
    }

    [Theory]
    [InlineData("Fondlarni to‘ldirish, saqlash va ularga ishlov berish xizmati")]
    [InlineData("Fondlarni toʻldirish, saqlash va ularga ishlov berish xizmati")]
    [InlineData("fondlarni to’ldirish,  saqlash va ularga ishlov berish xizmati")]
    public async Task RefusesAServiceName_WhenItDiffersFromAnotherOnlyByTheApostropheOfOOrG(string name)
    {
        var admin = database.Factory.CreateClientAs("xojaobod.admin");
        var xojaobod = await OrganisationIdAsync("xojaobod");
        await using var before = database.CreateContext();
        var count = await before.Services.CountAsync(s => s.OrganisationId == xojaobod);

        var response = await Forms.PostAsync(admin, $"/Services/Create?organisationId={xojaobod}", $"/Services/Create?organisationId={xojaobod}",
            new Dictionary<string, string> { ["Input.Name"] = name, ["Input.ShortName"] = "Fondlar 2" });

        response.StatusCode.Should().Be(HttpStatusCode.OK, "the form is shown again with the message");
        (await Html.ParseAsync(response)).ValidationText().Should().Contain("shunday nomli xizmat bor");
        await using var after = database.CreateContext();
        (await after.Services.CountAsync(s => s.OrganisationId == xojaobod)).Should().Be(count, "\"{0}\" is the same service as \"to'ldirish\"", name);
    }

    private async Task<int> OrganisationIdAsync(string code)
    {
        await using var db = database.CreateContext();
        return await db.Organisations.Where(o => o.Code == code).Select(o => o.Id).SingleAsync();
    }

    private async Task<int> ServiceIdAsync(string organisation, string code)
    {
        await using var db = database.CreateContext();
        return await db.Services.Where(s => s.Organisation!.Code == organisation && s.Code == code).Select(s => s.Id).SingleAsync();
    }

    private async Task<string> ServiceVersionAsync(int id)
    {
        await using var db = database.CreateContext();
        return (await db.Services.Where(s => s.Id == id).Select(s => s.Version).SingleAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
