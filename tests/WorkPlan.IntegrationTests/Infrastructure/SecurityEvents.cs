using System.Collections.Concurrent;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;
using WorkPlan.Web.Infrastructure;

namespace WorkPlan.IntegrationTests.Infrastructure;

/// <summary>The security events the app logs (category WorkPlan.Security, event AccessRefused), captured from its real log pipeline.</summary>
public sealed class SecurityEvents : ILogEventSink
{
    private readonly ConcurrentQueue<LogEvent> _events = new();

    /// <summary>The app over the test database, logging into this capture as well as its own sinks.</summary>
    public static (WebApplicationFactory<Program> App, SecurityEvents Events) Capture(WorkPlanFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var events = new SecurityEvents();
        return (factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<ILogEventSink>(events))), events);
    }

    /// <summary>The access refusals logged so far, each with its properties as plain text.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> Refusals =>
    [
        .. _events.Where(e => Text(e, "SourceContext") == AccessRefusals.Category && Text(e, "EventId") == $"{{ Id: {AccessRefusals.RefusedEvent.Id}, Name: \"{AccessRefusals.RefusedEvent.Name}\" }}")
            .Select(e => e.Properties.ToDictionary(p => p.Key, p => p.Value is ScalarValue { Value: string s } ? s : p.Value.ToString())),
    ];

    /// <summary>The errors logged so far (level Error and above), each with its exception.</summary>
    public IReadOnlyList<LogEvent> Errors => [.. _events.Where(e => e.Level >= LogEventLevel.Error)];

    public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);

    private static string? Text(LogEvent e, string property) =>
        e.Properties.TryGetValue(property, out var value) ? value is ScalarValue { Value: string s } ? s : value.ToString() : null;
}
