using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace WorkPlan.IntegrationTests.Infrastructure;

/// <summary>
/// A PostgreSQL cluster of the test's own (a data directory under /tmp, a free port), made, stopped, started
/// and dropped by scripts/pg.sh, for tests that take the server away. Never the cluster the other tests share.
/// </summary>
public sealed class ThrowawayCluster : IAsyncDisposable
{
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromMinutes(2);
    private static readonly string[] ServerOptions = ["-c", "fsync=off", "-c", "synchronous_commit=off"];
    private const string DatabaseName = "workplan";

    private ThrowawayCluster(string dataDirectory, int port)
    {
        DataDirectory = dataDirectory;
        Port = port;
        ConnectionString = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Database = DatabaseName,
            Username = "postgres",
            Timeout = 5,
        }.ConnectionString;
    }

    public string DataDirectory { get; }

    public int Port { get; }

    /// <summary>The cluster's database for the app.</summary>
    public string ConnectionString { get; }

    /// <summary>Creates the cluster and its database and starts it (ready to accept connections).</summary>
    public static async Task<ThrowawayCluster> CreateAsync()
    {
        var cluster = new ThrowawayCluster($"/tmp/workplan-outage-pg-{Guid.NewGuid():N}"[..36], FreePort());
        try
        {
            await PgAsync(["ensure", cluster.DataDirectory, PortText(cluster), DatabaseName, .. ServerOptions]);
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }

        return cluster;
    }

    /// <summary>Stops the server (fast shutdown: sessions are ended, as at a real restart or crash of the service).</summary>
    public Task StopAsync() => PgAsync(["stop", DataDirectory]);

    /// <summary>Starts the stopped server again, with the same port and options, and waits until it accepts connections.</summary>
    public Task StartAsync() => PgAsync(["start", DataDirectory, PortText(this), .. ServerOptions]);

    /// <summary>Stops the server whatever its state and deletes the data directory.</summary>
    public async ValueTask DisposeAsync() => await PgAsync(["drop", DataDirectory]);

    private static string PortText(ThrowawayCluster cluster) => cluster.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task PgAsync(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Repository.PathOf("scripts", "pg.sh"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(ScriptTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"scripts/pg.sh {string.Join(' ', start.ArgumentList.Skip(1))} did not finish within {ScriptTimeout}.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"scripts/pg.sh {string.Join(' ', start.ArgumentList.Skip(1))} exited with {process.ExitCode}: {await output}{await errors}");
        }
    }
}
