using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using WorkPlan.Web.Infrastructure;

namespace WorkPlan.IntegrationTests.Operations;

public sealed class ClientAbortTests
{
    [Fact]
    public async Task AnswersARequestTheClientAbandoned_As499AndLogsNoError()
    {
        using var aborted = new CancellationTokenSource();
        await aborted.CancelAsync();
        var context = new DefaultHttpContext { RequestAborted = aborted.Token };
        var log = new ListLogger();
        var middleware = new ClientAbortMiddleware(_ => throw new TaskCanceledException("client went away"), log);

        await middleware.InvokeAsync(context);

        context.Response.StatusCode.Should().Be(499);
        log.Levels.Should().Equal(LogLevel.Information);
    }

    [Fact]
    public async Task LetsACancellationThatIsNotTheClientsThrough()
    {
        var context = new DefaultHttpContext();
        var middleware = new ClientAbortMiddleware(_ => throw new OperationCanceledException("a timeout inside the app"), new ListLogger());

        var act = () => middleware.InvokeAsync(context);

        await act.Should().ThrowAsync<OperationCanceledException>("a server-side cancellation is a real error");
    }

    private sealed class ListLogger : ILogger<ClientAbortMiddleware>
    {
        public List<LogLevel> Levels { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) => Levels.Add(logLevel);
    }
}
