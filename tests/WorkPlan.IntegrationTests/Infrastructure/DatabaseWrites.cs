using System.Collections.Concurrent;
using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using WorkPlan.Infrastructure.Data;

namespace WorkPlan.IntegrationTests.Infrastructure;

/// <summary>
/// Records every INSERT, UPDATE and DELETE the app sends through EF Core (SaveChanges, ExecuteUpdate,
/// ExecuteDelete and raw SQL alike), with the table it writes, so that a test can check what a request changed;
/// and counts every command, reads included, so that a test can check how many a page costs.
/// </summary>
public sealed partial class DatabaseWrites : DbCommandInterceptor
{
    private readonly ConcurrentQueue<string> _writes = new();
    private int _commands;

    /// <summary>How many commands, reads and writes, the app has sent so far.</summary>
    public int Commands => Volatile.Read(ref _commands);

    /// <summary>The app over the test database, with every command it sends through EF Core seen by this recorder.</summary>
    public static (WebApplicationFactory<Program> App, DatabaseWrites Writes) Record(WebApplicationFactory<Program> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var writes = new DatabaseWrites();
        return (factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.ConfigureDbContext<AppDbContext>(options => options.AddInterceptors(writes)))), writes);
    }

    /// <summary>
    /// The SQL commands each page costs the user, reads and writes (after a first visit, so that start-up work is not
    /// counted); every page must answer 200.
    /// </summary>
    public static async Task<int[]> PageCommandsAsync(WebApplicationFactory<Program> factory, string userName, IReadOnlyList<string> pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        var (app, commands) = Record(factory);
        await using var _ = app;
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add(TestAuthHandler.Header, userName);
        var counts = new int[pages.Count];
        for (var i = 0; i < pages.Count; i++)
        {
            (await client.GetAsync(pages[i])).StatusCode.Should().Be(System.Net.HttpStatusCode.OK, pages[i]);
            var before = commands.Commands;
            (await client.GetAsync(pages[i])).StatusCode.Should().Be(System.Net.HttpStatusCode.OK, pages[i]);
            counts[i] = commands.Commands - before;
        }

        return counts;
    }

    /// <summary>The writes recorded so far, each as "TABLE: the command's first line".</summary>
    public IReadOnlyList<string> All => [.. _writes];

    /// <summary>
    /// The writes recorded so far outside the machinery every request may touch: the cookie ticket store's
    /// sessions (kept and touched while signed in) and the Data Protection key ring (made once, on the app's first use of a key).
    /// </summary>
    public IReadOnlyList<string> OfData => [.. _writes.Where(w => !Machinery.Contains(w.Split(':')[0]))];

    private static readonly HashSet<string> Machinery = new(StringComparer.OrdinalIgnoreCase) { "user_sessions", "data_protection_keys" };

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Note(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Note(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Note(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Note(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Note(command);
        return ValueTask.FromResult(result);
    }

    [GeneratedRegex("""\b(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM|TRUNCATE(?:\s+TABLE)?)\s+(?:ONLY\s+)?"?(?<table>[A-Za-z_][A-Za-z0-9_]*)"?""", RegexOptions.IgnoreCase)]
    private static partial Regex Write();

    private void Note(DbCommand command)
    {
        Interlocked.Increment(ref _commands);
        foreach (Match match in Write().Matches(command.CommandText))
        {
            _writes.Enqueue($"{match.Groups["table"].Value}: {command.CommandText.Split('\n')[0].Trim()}");
        }
    }
}
