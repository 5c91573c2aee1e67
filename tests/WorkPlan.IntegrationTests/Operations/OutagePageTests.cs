using System.Net;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using WorkPlan.Core.Home;
using WorkPlan.Infrastructure.Operations;
using WorkPlan.IntegrationTests.Infrastructure;
using WorkPlan.Web.Infrastructure;

namespace WorkPlan.IntegrationTests.Operations;

/// <summary>
/// The outage page needs nothing: the app's database does not answer at all (nothing listens on port 1), so the
/// sign-in of a user, the session and the data-protection keys cannot be looked up, and still the page is served.
/// </summary>
[Collection(DatabaseTests.Name)]
public sealed class OutagePageTests(DatabaseFixture database) : IAsyncLifetime
{
    private const string Unreachable = "Host=127.0.0.1;Port=1;Database=none;Username=postgres;Timeout=2";

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));
    private readonly OutageLogRecorder _log = new();
    private WebApplicationFactory<Program> _app = null!;

    public Task InitializeAsync()
    {
        _app = new WorkPlanFactory(Unreachable, settings: new Dictionary<string, string?> { ["Database:MaxRetryDelay"] = "00:00:00.020" })
            .WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            {
                services.AddSingleton<TimeProvider>(_clock);
                services.AddSingleton<ILogger<DatabaseOutageLog>>(_log);
            }));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task ServesASelfContainedOutagePage_ToASignedInUserWhoseAccountCannotBeLookedUp()
    {
        var response = await Client().GetAsync("/Plans");

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(60));
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
        response.Content.Headers.ContentType!.ToString().Should().Be("text/html; charset=utf-8");
        response.Headers.GetValues("Content-Security-Policy").Single().Should().Contain("default-src 'none'");
        var page = await Html.ParseAsync(response);
        page.QuerySelectorAll("link, script, img, iframe, object").Should().BeEmpty("the page loads nothing: no layout, no stylesheet, no script");
        page.QuerySelector("style").Should().NotBeNull();
        page.DocumentElement.GetAttribute("lang").Should().Be("uz");
        page.Body!.Text().Should().Contain("Xizmat vaqtincha ishlamayapti").And.Contain("hech narsa yo'qolmadi")
            .And.Contain("Bir daqiqadan so'ng qayta urinib ko'ring").And.NotContain("saqlanmadi");
        page.QuerySelector("a")!.GetAttribute("href").Should().Be("/Plans", "trying again opens the same page");
    }

    [Fact]
    public async Task TellsThatWhatWasSentWasNotSaved_AndThatBackKeepsTheForm_ForAPost()
    {
        var response = await Client().PostAsync("/Actuals/Save?planId=1&month=9", new FormUrlEncodedContent(new Dictionary<string, string> { ["cells[0].Value"] = "5" }));

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        var page = await Html.ParseAsync(response);
        page.Body!.Text().Should().Contain("Hozir yuborgan ma'lumotlaringiz saqlanmadi").And.Contain("Orqaga");
        page.QuerySelector("a").Should().BeNull("a link would open the address afresh, without the form");
    }

    [Theory]
    [InlineData("ru-RU", null, "Сервис временно недоступен", "ru")]
    [InlineData("en-US", "ru", "The service is briefly unavailable", "en")]
    [InlineData(null, "ru-RU,ru;q=0.9,en;q=0.5", "Xizmat vaqtincha ishlamayapti", "uz")]
    [InlineData(null, null, "Xizmat vaqtincha ishlamayapti", "uz")]
    public async Task SpeaksTheLanguageTheUserChose_ElseUzbek_AsEveryPageDoes(string? cookie, string? acceptLanguage, string title, string lang)
    {
        var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (cookie is not null)
        {
            client.DefaultRequestHeaders.Add("Cookie", $"{CookieRequestCultureProvider.DefaultCookieName}={Uri.EscapeDataString(CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(cookie)))}");
        }

        if (acceptLanguage is not null)
        {
            client.DefaultRequestHeaders.Add("Accept-Language", acceptLanguage);
        }

        var response = await client.GetAsync("/Account/Login");

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable, "even the sign-in page needs the data-protection keys the database holds");
        var page = await Html.ParseAsync(response);
        page.QuerySelector("h1")!.Text().Should().Be(title);
        page.DocumentElement.GetAttribute("lang").Should().Be(lang);
    }

    [Fact]
    public async Task LogsTheOutageOnceAtError_ThenOncePerMinuteWithHowManyRequestsWereTurnedAway()
    {
        var client = Client();
        for (var i = 0; i < 3; i++)
        {
            (await client.GetAsync("/Plans")).StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        }

        var first = _log.Errors.ToList();
        _clock.Advance(TimeSpan.FromMinutes(1));
        (await client.GetAsync("/Plans")).StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);

        first.Should().ContainSingle().Which.Exception.Should().Match<Exception>(e => DatabaseOutage.IsOutage(e));
        _log.Errors.Should().HaveCount(2);
        _log.Errors[1].Message.Should().Contain("2 more requests");
    }

    [Theory]
    [InlineData("Microsoft.EntityFrameworkCore.Query", true, true)]
    [InlineData("Microsoft.EntityFrameworkCore.Update", true, true)]
    [InlineData("Microsoft.AspNetCore.DataProtection.KeyManagement.KeyRingProvider", true, true)]
    [InlineData("Microsoft.EntityFrameworkCore.Query", false, false)]
    [InlineData("WorkPlan.Web.Infrastructure.DatabaseOutageLog", true, false)]
    [InlineData("Microsoft.Extensions.Hosting.Internal.Host", true, false)]
    public void LeavesOutTheFrameworksOwnStackTraces_OfAnOutageOnly(string category, bool outage, bool leftOut)
    {
        Exception exception = outage
            ? new Npgsql.NpgsqlException("Failed to connect", new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.ConnectionRefused))
            : new InvalidOperationException("A bug.");
        var logEvent = new Serilog.Events.LogEvent(
            DateTimeOffset.UtcNow, Serilog.Events.LogEventLevel.Error, exception, Serilog.Events.MessageTemplate.Empty,
            [new Serilog.Events.LogEventProperty("SourceContext", new Serilog.Events.ScalarValue(category))]);

        DatabaseOutageLog.IsEcho(logEvent).Should().Be(leftOut);
    }

    [Fact]
    public async Task AnswersAnyOtherFailureWithTheErrorPageAnd500_WhileTheDatabaseAnswers()
    {
        await database.ResetWithDemoDataAsync();
        await using var app = database.Factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddScoped<HomeService>(_ => throw new InvalidOperationException("A bug, not an outage."))));

        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add(TestAuthHandler.Header, "xojaobod.direktor");

        var response = await client.GetAsync("/");

        response.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        response.Headers.RetryAfter.Should().BeNull();
        (await Html.ParseAsync(response)).Body!.Text().Should().Contain("Kutilmagan xatolik yuz berdi").And.NotContain("Xizmat vaqtincha ishlamayapti");
    }

    private HttpClient Client()
    {
        var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add(TestAuthHandler.Header, "xojaobod.direktor");
        return client;
    }

    private sealed record Entry(LogLevel Level, string Message, Exception? Exception);

    private sealed class OutageLogRecorder : ILogger<DatabaseOutageLog>
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<Entry> _entries = new();

        public IReadOnlyList<Entry> Errors => [.. _entries.Where(e => e.Level == LogLevel.Error)];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            _entries.Enqueue(new Entry(logLevel, formatter(state, exception), exception));
        }
    }
}
