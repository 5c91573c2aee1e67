namespace WorkPlan.BrowserTests.Infrastructure;

/// <summary>
/// Started once for the browser tests on the demo (collection "browser"): the app in demo mode, which
/// migrates its fresh database and loads the demo organisations, plans, accounts and actuals at start-up,
/// on the demo's clock (3 October 2022, running on). See <see cref="BrowserAppFixture"/>.
/// </summary>
public sealed class BrowserFixture : BrowserAppFixture;

[CollectionDefinition(Name)]
public sealed class BrowserCollectionDefinition : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
