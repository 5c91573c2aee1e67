using System.Net.Sockets;
using Npgsql;

namespace WorkPlan.Infrastructure.Operations;

/// <summary>
/// Whether an exception means the database cannot be reached right now (and EF's retries, if any, are spent):
/// the server refuses connections, is shutting down or starting, the connection broke, or opening it timed out.
/// Such a request is answered "briefly unavailable, try again" rather than as a bug. Anything else, a deadlock
/// that outlasted the retries included, is not an outage.
/// </summary>
public static class DatabaseOutage
{
    public static bool IsOutage(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case AggregateException aggregate:
                    return aggregate.InnerExceptions.Any(IsOutage);
                case PostgresException postgres:
                    return IsUnavailable(postgres.SqlState);
                case NpgsqlException { IsTransient: true }:
                    // Not the server's own error: the connection itself failed (I/O, socket, timeout).
                    return true;
                case SocketException:
                    return true;
                default:
                    // EF's RetryLimitExceededException (the retries are spent), a DbUpdateException and the like:
                    // what they wrap decides.
                    continue;
            }
        }

        return false;
    }

    /// <summary>
    /// The server's own answers that mean "not available now": 57P01 admin_shutdown, 57P02 crash_shutdown,
    /// 57P03 cannot_connect_now (starting up or in recovery), class 08 (connection exceptions) and 53300
    /// too_many_connections.
    /// </summary>
    public static bool IsUnavailable(string? sqlState) =>
        sqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow
            or PostgresErrorCodes.TooManyConnections
        || sqlState?.StartsWith("08", StringComparison.Ordinal) == true;
}
