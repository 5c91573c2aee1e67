using System.Net;
using Microsoft.EntityFrameworkCore;
using WorkPlan.Core.Plans;
using WorkPlan.IntegrationTests.Infrastructure;

namespace WorkPlan.IntegrationTests.Plans;

/// <summary>A plan made from scratch from the plans list: an empty draft with its signature lines, one per year.</summary>
[Collection(DatabaseTests.Name)]
public sealed class PlanFromScratchTests(DatabaseFixture database) : IAsyncLifetime
{
    public Task InitializeAsync() => database.ResetWithDemoDataAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task CreatesAnEmptyDraftWithItsSignatureLines_WhenTheDirectorAsksForANewYear()
    {
        var client = database.Factory.CreateClientAs("xojaobod.direktor");
        var list = await Html.ParseAsync(await client.GetAsync("/Plans"));

        var created = await Forms.PostAsync(client, "/Plans", "/Plans/Create", new Dictionary<string, string> { ["year"] = "2023" });

        list.QuerySelector("form[action='/Plans/Create'] input[name=year]").Should().NotBeNull("the plans list offers a plan from scratch");
        created.StatusCode.Should().Be(HttpStatusCode.Redirect);
        await using var db = database.CreateContext();
        var plan = await db.Plans.Include(p => p.Sections).Include(p => p.Indicators).SingleAsync(p => p.Organisation!.Code == "xojaobod" && p.Year == 2023);
        created.IsRedirectTo($"/Plans/Details/{plan.Id}").Should().BeTrue();
        plan.Status.Should().Be(PlanStatus.Draft);
        plan.Sections.Should().BeEmpty();
        plan.Indicators.Should().BeEmpty();
        plan.Title.Should().Be("Andijon viloyati Xo'jaobod tuman axborot-kutubxona markazining 2023 yil uchun mo'ljallangan ish rejasi");
        (plan.Agreement.Name, plan.Agreement.Date).Should().Be(("G.Ismailova", null));
        (plan.Approval.Name, plan.Approval.Date).Should().Be(("M.Mo'minova", null));
        (await db.PlanEvents.Where(e => e.PlanId == plan.Id).Select(e => e.Action).ToListAsync()).Should().Equal(PlanAction.Created);
        var page = await Html.ParseAsync(await client.GetAsync($"/Plans/Details/{plan.Id}"));
        page.QuerySelectorAll(".signature-block").Should().HaveCount(2);
        page.QuerySelector($"a[href='/PlanEditor/Index/{plan.Id}']").Should().NotBeNull("the new draft opens in the editor");
    }

    [Fact]
    public async Task RefusesWithAClearMessage_WhenTheYearsPlanExists()
    {
        var client = database.Factory.CreateClientAs("xojaobod.inspektor");

        var refused = await Forms.PostAsync(client, "/Plans", "/Plans/Create", new Dictionary<string, string> { ["year"] = "2022" });
        var page = await Html.ParseAsync(refused);
        var notAYear = await Html.ParseAsync(await Forms.PostAsync(client, "/Plans", "/Plans/Create", new Dictionary<string, string> { ["year"] = "yigirma" }));

        refused.StatusCode.Should().Be(HttpStatusCode.OK);
        var input = page.QuerySelector("form[action='/Plans/Create'] input[name=year]")!;
        input.GetAttribute("aria-invalid").Should().Be("true");
        input.GetAttribute("value").Should().Be("2022");
        page.QuerySelector("form[action='/Plans/Create']")!.HasAttribute("novalidate").Should().BeTrue("a year out of range is told by the server in the user's language, not by the browser's own bubble");
        page.QuerySelector("#new-plan-error")!.Text().Should().Be("2022 yil uchun reja allaqachon bor.");
        notAYear.QuerySelector("#new-plan-error")!.Text().Should().Contain("2000").And.Contain("2100");
        await using var db = database.CreateContext();
        (await db.Plans.CountAsync(p => p.Organisation!.Code == "xojaobod")).Should().Be(1);
    }

    [Fact]
    public async Task RefusesAServiceHead_AndChangesNothing()
    {
        var client = database.Factory.CreateClientAs("xojaobod.bibliografiya");

        var refused = await Forms.PostAsync(client, "/Plans", "/Plans/Create", new Dictionary<string, string> { ["year"] = "2023" });

        refused.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        await using var db = database.CreateContext();
        (await db.Plans.CountAsync(p => p.Year == 2023)).Should().Be(0);
    }
}
