namespace WorkPlan.Core.Common;

/// <summary>People by name: the accounts' full names, which live with the sign-in accounts.</summary>
public interface IPeopleDirectory
{
    /// <summary>The name of the centre's inspector (the first active one by name), or null when it has none.</summary>
    Task<string?> InspectorOfAsync(int organisationId, CancellationToken cancellationToken = default);

    /// <summary>The full names of these accounts (the user name itself when no full name is recorded or the account is gone).</summary>
    Task<IReadOnlyDictionary<string, string>> NamesAsync(IEnumerable<string> userNames, CancellationToken cancellationToken = default);
}
