using Microsoft.EntityFrameworkCore;
using WorkPlan.IntegrationTests.Infrastructure;

namespace WorkPlan.IntegrationTests.Actuals;

/// <summary>The entry sheet's service scope: a service head sees their own service's rows whatever the link asks; the director chooses.</summary>
[Collection(DatabaseTests.Name)]
public sealed class EntryServiceScopeTests(DatabaseFixture database) : IAsyncLifetime
{
    private int _planId;
    private int _otherServiceId;

    public async Task InitializeAsync()
    {
        await database.ResetWithDemoDataAsync();
        await using var db = database.CreateContext();
        _planId = await db.Plans.Where(p => p.Organisation!.Code == "xojaobod").Select(p => p.Id).SingleAsync();
        var lending = await db.Users.Where(u => u.UserName == "xojaobod.abonement").Select(u => u.ServiceId).SingleAsync();
        _otherServiceId = await db.Services.Where(s => s.Organisation!.Code == "xojaobod" && s.Id != lending).Select(s => s.Id).FirstAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task KeepsAServiceHeadOnTheirOwnService_WithNoChoiceOfAnother()
    {
        var client = database.OctoberFactory.CreateClientAs("xojaobod.abonement");
        var own = await Html.ParseAsync(await client.GetAsync($"/Actuals?planId={_planId}&month=9"));
        var asked = await Html.ParseAsync(await client.GetAsync($"/Actuals?planId={_planId}&month=9&serviceId={_otherServiceId}"));

        Rows(asked).Should().Equal(Rows(own), "a service head's sheet shows their service's rows whatever the link asks for");
        asked.QuerySelector("select#serviceId").Should().BeNull("a service head has no service to choose");
        asked.QuerySelector(".completeness-table").Should().BeNull();
    }

    [Fact]
    public async Task LetsTheDirectorChooseAService_AndSeeTheCentresCompleteness()
    {
        var client = database.OctoberFactory.CreateClientAs("xojaobod.direktor");
        var all = await Html.ParseAsync(await client.GetAsync($"/Actuals?planId={_planId}&month=9"));
        var chosen = await Html.ParseAsync(await client.GetAsync($"/Actuals?planId={_planId}&month=9&serviceId={_otherServiceId}"));

        all.QuerySelector("select#serviceId").Should().NotBeNull();
        all.QuerySelector(".completeness-table").Should().NotBeNull();
        Rows(chosen).Should().NotBeEmpty().And.HaveCountLessThan(Rows(all).Count, "the chosen service's rows only");
    }

    private static List<string?> Rows(AngleSharp.Dom.IDocument page) =>
        [.. page.QuerySelectorAll("tr[data-number]").Select(r => r.GetAttribute("data-number"))];
}
