using Microsoft.EntityFrameworkCore;
using Npgsql;
using WorkPlan.Infrastructure.Data;

namespace WorkPlan.IntegrationTests.Infrastructure;

/// <summary>An empty database of its own on the test server, dropped afterwards.</summary>
public sealed class ScratchDatabase : IAsyncDisposable
{
    private readonly string _server;
    private readonly string _name = $"workplan_scratch_{Guid.NewGuid():N}";

    private ScratchDatabase(string server)
    {
        _server = server;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = _name }.ConnectionString;
    }

    public string ConnectionString { get; }

    public static async Task<ScratchDatabase> CreateAsync(DatabaseFixture fixture)
    {
        var server = new NpgsqlConnectionStringBuilder(fixture.ConnectionString) { Database = "postgres" }.ConnectionString;
        var scratch = new ScratchDatabase(server);
        await scratch.ExecuteAsync($"CREATE DATABASE \"{scratch._name}\"");
        return scratch;
    }

    public AppDbContext CreateContext() => new(new DbContextOptionsBuilder<AppDbContext>()
        .UseNpgsql(ConnectionString).UseSnakeCaseNamingConvention().Options);

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)");
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
