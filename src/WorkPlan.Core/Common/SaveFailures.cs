using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace WorkPlan.Core.Common;

/// <summary>
/// Which failed saves are the user's conflict, to be answered as such: a row changed since it was read (its
/// <c>xmin</c> row version no longer matches) or a unique value someone else took first. Any other refused
/// save (a foreign key, a check, a value too long) is a bug, left to propagate and be logged as a server error.
/// </summary>
public static class SaveFailures
{
    /// <summary>PostgreSQL's unique_violation.</summary>
    public const string UniqueViolation = "23505";

    public static bool IsConflict(DbUpdateException exception) =>
        exception is DbUpdateConcurrencyException || IsUniqueViolation(exception);

    public static bool IsUniqueViolation(DbUpdateException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.InnerException is DbException { SqlState: UniqueViolation };
    }
}
