using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using WorkPlan.Infrastructure.Data.Seed;
using WorkPlan.IntegrationTests.Infrastructure;

namespace WorkPlan.IntegrationTests.Operations;

/// <summary>
/// The PostgreSQL server really goes away under a running app (a cluster of this test's own, stopped with a fast
/// shutdown) and comes back: while it is down every request gets the plain outage page, and afterwards the same app
/// serves and saves again.
/// </summary>
public sealed class DatabaseOutageTests : IAsyncLifetime
{
    private const string Lending = "xojaobod.abonement";

    private ThrowawayCluster? _cluster;
    private WorkPlanFactory? _app;
    private int _planId;

    public async Task InitializeAsync()
    {
        _cluster = await ThrowawayCluster.CreateAsync();
        await using (var db = DatabaseFixture.CreateContext(_cluster.ConnectionString))
        {
            await db.Database.MigrateAsync();
        }

        await DatabaseFixture.SeedDemoAsync(_cluster.ConnectionString);
        await using (var db = DatabaseFixture.CreateContext(_cluster.ConnectionString))
        {
            _planId = await db.Plans.Where(p => p.Organisation!.Code == "xojaobod").Select(p => p.Id).SingleAsync();
        }

        _app = new WorkPlanFactory(_cluster.ConnectionString, settings: new Dictionary<string, string?>
        {
            ["WorkPlan:Today"] = DatabaseFixture.October3.ToString("O", CultureInfo.InvariantCulture),

            // EF's retries stay (four), with short pauses between them.
            ["Database:MaxRetryDelay"] = "00:00:00.050",
        });
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }

    [Fact]
    public async Task AnswersEveryRequestWithTheOutagePage_WhileTheServerIsDown_AndServesAndSavesAgainOnceItIsBack()
    {
        var head = _app!.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        (await Forms.SignInAsync(head, Lending, DemoUserSeeder.Password)).IsRedirectTo("/").Should().BeTrue();
        var sheet = await Html.ParseAsync(await head.GetAsync(SheetUrl));
        var anonymous = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var signInToken = await Forms.TokenAsync(anonymous, "/Account/Login");

        await _cluster!.StopAsync();

        var page = await head.GetAsync(SheetUrl);
        var save = await SaveAsync(head, sheet, "9120");
        var signIn = await anonymous.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = Lending,
            ["Password"] = DemoUserSeeder.Password,
            ["__RequestVerificationToken"] = signInToken,
        }));
        var ready = await anonymous.GetAsync("/healthz/ready");
        var live = await anonymous.GetAsync("/healthz/live");

        await ShouldBeTheOutagePageAsync(page, "Bir daqiqadan so'ng qayta urinib ko'ring");
        await ShouldBeTheOutagePageAsync(save, "Hozir yuborgan ma'lumotlaringiz saqlanmadi");
        await ShouldBeTheOutagePageAsync(signIn, "Hozir yuborgan ma'lumotlaringiz saqlanmadi");
        ready.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        ready.Content.Headers.ContentType!.MediaType.Should().Be("application/json", "readiness keeps its own answer");
        live.StatusCode.Should().Be(HttpStatusCode.OK);

        await _cluster.StartAsync();

        var again = await head.GetAsync(SheetUrl);
        again.StatusCode.Should().Be(HttpStatusCode.OK, "the app reconnects by itself, without a restart");
        var saved = await SaveAsync(head, await Html.ParseAsync(again), "9120");
        saved.IsRedirectTo("/Actuals").Should().BeTrue();
        await using var db = DatabaseFixture.CreateContext(_cluster.ConnectionString);
        (await db.MonthlyActuals.Where(a => a.Indicator!.PlanId == _planId && a.Indicator.Number == "16" && a.Month == 9).Select(a => a.Value).SingleAsync())
            .Should().Be(9120m);
    }

    private string SheetUrl => $"/Actuals?planId={_planId}&month=9";

    private static async Task ShouldBeTheOutagePageAsync(HttpResponseMessage response, string advice)
    {
        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter.Should().NotBeNull();
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
        var text = (await Html.ParseAsync(response)).Body!.Text();
        text.Should().Contain("Xizmat vaqtincha ishlamayapti").And.Contain("hech narsa yo'qolmadi").And.Contain(advice);
    }

    /// <summary>Posts the sheet as the browser would, with indicator 16's September cell typed in.</summary>
    private Task<HttpResponseMessage> SaveAsync(HttpClient client, IDocument sheet, string value)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", sheet.QuerySelector("form.entry-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!),
        };
        foreach (var input in sheet.QuerySelectorAll("tr[data-number] input[name^='cells[']").Where(i => i.GetAttribute("type") != "radio"))
        {
            var name = input.GetAttribute("name")!;
            var typed = name.EndsWith(".Value", StringComparison.Ordinal) && input.Closest("tr")!.GetAttribute("data-number") == "16";
            fields.Add(new(name, typed ? value : input.GetAttribute("value") ?? string.Empty));
        }

        return client.PostAsync($"/Actuals/Save?planId={_planId}&month=9", new FormUrlEncodedContent(fields));
    }
}
