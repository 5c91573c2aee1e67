using System.Net;
using System.Text;
using WorkPlan.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace WorkPlan.IntegrationTests.Instances;

/// <summary>The app as a real process told to stop with SIGTERM while a request is in flight.</summary>
[Collection(DatabaseTests.Name)]
public sealed class GracefulShutdownTests(DatabaseFixture database, ITestOutputHelper output)
{
    [Fact]
    public async Task On_SIGTERM_the_instance_reports_not_ready_finishes_the_request_in_flight_then_exits()
    {
        await database.ResetWithDemoDataAsync();
        var environment = new Dictionary<string, string> { ["WorkPlan__ShutdownDrainSeconds"] = "3", ["WorkPlan__MigrateOnStartup"] = "false" };
        await using var app = await AppProcess.StartAsync(database.ConnectionString, environment, output);
        using var client = app.CreateClient();
        (await client.GetAsync(new Uri("/healthz/ready", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK, app.Output);

        // A sign-in form whose body arrives slowly: the request is in flight while the signal comes.
        using var body = new SlowContent("UserName=nobody&Password=");
        body.Headers.ContentType = new("application/x-www-form-urlencoded");
        var inFlight = client.PostAsync(new Uri("/Account/Login", UriKind.Relative), body);
        await body.Started.Task.WaitAsync(TimeSpan.FromSeconds(10));

        app.Terminate();
        await Task.Delay(500);
        using (var probe = app.CreateClient())
        {
            (await probe.GetAsync(new Uri("/healthz/ready", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable, "a stopping instance takes no new traffic");
            (await probe.GetAsync(new Uri("/healthz/live", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        await Task.Delay(4000); // Past the drain: the server has stopped listening and waits for the request.
        app.HasExited.Should().BeFalse("a request is still in flight");
        body.Finish.SetResult();
        using var response = await inFlight.WaitAsync(TimeSpan.FromSeconds(20));
        ((int)response.StatusCode).Should().BeInRange(200, 499, "the request in flight is answered, not cut off");

        (await app.WaitForExitAsync(TimeSpan.FromSeconds(30))).Should().Be(0, app.Output);
    }

    private sealed class SlowContent(string text) : HttpContent
    {
        private readonly byte[] _bytes = Encoding.ASCII.GetBytes(text + "password-sent-late");

        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Finish { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(_bytes.AsMemory(0, 10));
            await stream.FlushAsync();
            Started.SetResult();
            await Finish.Task;
            await stream.WriteAsync(_bytes.AsMemory(10));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = _bytes.Length;
            return true;
        }
    }
}
