using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using WorkPlan.IntegrationTests.Infrastructure;

namespace WorkPlan.IntegrationTests.Administration;

/// <summary>A form the use case refuses comes back with everything typed still in its field and the reason next to it.</summary>
[Collection(DatabaseTests.Name)]
public sealed class FormRefusalTests(DatabaseFixture database) : IAsyncLifetime
{
    public Task InitializeAsync() => database.ResetWithDemoDataAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task KeepsEveryTypedValue_ButThePassword_WhenANewUserIsRefused()
    {
        var admin = database.Factory.CreateClientAs("xojaobod.admin");
        await using var db = database.CreateContext();
        var xojaobod = await db.Organisations.Where(o => o.Code == "xojaobod").Select(o => o.Id).SingleAsync();

        var response = await Forms.PostAsync(admin, "/Users/Create", "/Users/Create", new Dictionary<string, string>
        {
            ["Input.UserName"] = "xojaobod.yangi",
            ["Input.FullName"] = "Yangi xodim Ismi",
            ["Input.Position"] = "Abonement bo'limi mudiri",
            ["Input.Email"] = "yangi@example.uz",
            ["Input.OrganisationId"] = xojaobod.ToString(CultureInfo.InvariantCulture),
            ["Input.Role"] = "ServiceHead",
            ["Input.Password"] = "Vaqtinchalik-parol-2026",
        });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = await Html.ParseAsync(response);
        string? Value(string name) => page.QuerySelector($"[name='{name}']")?.GetAttribute("value");
        (Value("Input.UserName"), Value("Input.FullName"), Value("Input.Position"), Value("Input.Email"))
            .Should().Be(("xojaobod.yangi", "Yangi xodim Ismi", "Abonement bo'limi mudiri", "yangi@example.uz"));
        page.QuerySelector("select[name='Input.Role'] option[selected]")!.GetAttribute("value").Should().Be("ServiceHead");
        page.QuerySelector("select[name='Input.OrganisationId'] option[selected]")!.GetAttribute("value").Should().Be(xojaobod.ToString(CultureInfo.InvariantCulture));
        Value("Input.Password").Should().BeNullOrEmpty("a password is never sent back to the page");
        page.QuerySelector("[data-valmsg-for='Input.ServiceId']")!.Text().Should().ContainEquivalentOf("xizmatni tanlang");
        (await db.Users.AnyAsync(u => u.UserName == "xojaobod.yangi")).Should().BeFalse();
    }
}
