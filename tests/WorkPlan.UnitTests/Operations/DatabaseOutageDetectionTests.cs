using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using WorkPlan.Infrastructure.Operations;

namespace WorkPlan.UnitTests.Operations;

/// <summary>Which failures mean "the database cannot be reached now" (the outage page, 503) and which are bugs or refusals (500 or their own answer).</summary>
public class DatabaseOutageDetectionTests
{
    private static NpgsqlException Refused() => new("Failed to connect to 127.0.0.1:5432", new SocketException((int)SocketError.ConnectionRefused));

    private static PostgresException Server(string sqlState) => new("server says no", "FATAL", "FATAL", sqlState);

    public static TheoryData<string, Exception> Outages => new()
    {
        { "connection refused", Refused() },
        { "the retries are spent on a refused connection", new RetryLimitExceededException("Maximum number of retries (4) exceeded", Refused()) },
        { "the connection broke mid-command", new NpgsqlException("Exception while reading from stream", new IOException("reset by peer")) },
        { "opening the connection timed out", new NpgsqlException("Exception while connecting", new TimeoutException()) },
        { "a save whose connection broke", new DbUpdateException("An error occurred while saving", new NpgsqlException("broken", new EndOfStreamException())) },
        { "EF's transient failure without retries", new InvalidOperationException("An exception has been raised that is likely due to a transient failure.", Refused()) },
        { "a bare socket error", new SocketException((int)SocketError.HostUnreachable) },
        { "one of several failures", new AggregateException(new InvalidOperationException("other"), Refused()) },
        { "57P01 administrator shut the server down", Server(PostgresErrorCodes.AdminShutdown) },
        { "57P02 the server crashed", Server(PostgresErrorCodes.CrashShutdown) },
        { "57P03 the server is starting", Server(PostgresErrorCodes.CannotConnectNow) },
        { "08006 connection failure", Server(PostgresErrorCodes.ConnectionFailure) },
        { "08001 cannot establish a connection", Server(PostgresErrorCodes.SqlClientUnableToEstablishSqlConnection) },
        { "53300 too many connections", Server(PostgresErrorCodes.TooManyConnections) },
    };

    public static TheoryData<string, Exception?> NotOutages => new()
    {
        { "nothing", null },
        { "a bug", new InvalidOperationException("Sequence contains no elements") },
        { "23505 a unique value taken", Server(PostgresErrorCodes.UniqueViolation) },
        { "40P01 a deadlock", Server(PostgresErrorCodes.DeadlockDetected) },
        { "40001 a serialization failure", Server(PostgresErrorCodes.SerializationFailure) },
        { "the retries are spent on deadlocks", new RetryLimitExceededException("Maximum number of retries (4) exceeded", Server(PostgresErrorCodes.DeadlockDetected)) },
        { "28P01 a wrong database password (configuration)", Server(PostgresErrorCodes.InvalidPassword) },
        { "3D000 no such database (configuration)", Server(PostgresErrorCodes.InvalidCatalogName) },
        { "a stale write", new DbUpdateConcurrencyException("The row changed") },
        { "Npgsql's own refusal", new NpgsqlException("The operation is not supported") },
        { "a cancelled request", new OperationCanceledException() },
    };

    [Theory]
    [MemberData(nameof(Outages))]
    public void IsAnOutage_WhenTheDatabaseCannotBeReached(string because, Exception exception)
    {
        DatabaseOutage.IsOutage(exception).Should().BeTrue(because);
    }

    [Theory]
    [MemberData(nameof(NotOutages))]
    public void IsNoOutage_WhenTheDatabaseAnsweredOrNothingReachedIt(string because, Exception? exception)
    {
        DatabaseOutage.IsOutage(exception).Should().BeFalse(because);
    }
}
