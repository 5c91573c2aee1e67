namespace WorkPlan.Core.Common;

/// <summary>A given user acting outside a web request (seeding the demo's history, tools, tests).</summary>
public sealed class FixedCurrentUser(CurrentUser user) : ICurrentUser
{
    public CurrentUser? User => user;
}
