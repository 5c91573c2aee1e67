namespace WorkPlan.Core.Common;

/// <summary>Someone as the pages name them: the full name (the login only when no name is recorded) and the role.</summary>
public sealed record Person(string Name, string? Role)
{
    /// <summary>For a record whose user no longer exists: the login stored with it, no role.</summary>
    public static Person Unknown(string userName) => new(userName, null);
}

/// <summary>Looks people up by user id, for the pages that say who did what (history, workflow steps, audit, conflicts).</summary>
public interface IPeople
{
    /// <summary>The people with these user ids; an id of no user is left out.</summary>
    Task<IReadOnlyDictionary<string, Person>> FindAsync(IEnumerable<string> userIds, CancellationToken cancellationToken = default);

    /// <summary>The active heads of these services, by service id.</summary>
    Task<IReadOnlyDictionary<int, IReadOnlyList<Person>>> ServiceHeadsAsync(IEnumerable<int> serviceIds, CancellationToken cancellationToken = default);

    /// <summary>The name of the centre's inspector (the first active one by name), or null when it has none.</summary>
    Task<string?> InspectorOfAsync(int organisationId, CancellationToken cancellationToken = default);

    /// <summary>The full names of these logins, for records that keep the login (the login itself when no name is recorded or the account is gone).</summary>
    Task<IReadOnlyDictionary<string, string>> NamesAsync(IEnumerable<string> userNames, CancellationToken cancellationToken = default);
}

public static class PeopleExtensions
{
    /// <summary>The person with this id, or the stored login when the user is gone.</summary>
    public static Person Named(this IReadOnlyDictionary<string, Person> people, string? userId, string fallbackUserName)
    {
        ArgumentNullException.ThrowIfNull(people);
        return userId is not null && people.TryGetValue(userId, out var person) ? person : Person.Unknown(fallbackUserName);
    }
}
