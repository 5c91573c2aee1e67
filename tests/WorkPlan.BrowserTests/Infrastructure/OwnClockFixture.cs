using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using WorkPlan.Core.Actuals;
using WorkPlan.Infrastructure.Data;
using WorkPlan.Infrastructure.Data.Seed;
using WorkPlan.Infrastructure.Identity;

namespace WorkPlan.BrowserTests.Infrastructure;

/// <summary>
/// Started once for the browser tests that bring their own data and clock (collection "browser-own-clock"):
/// the app out of demo mode on a clock that starts on <see cref="Today"/> (2 April 2022, 09:00 in Tashkent)
/// and runs on, over a database of its own that holds the demo organisations, plans and accounts — loaded
/// here through the app's DbContext — but no actuals and no reports: the tests enter every figure themselves. Not
/// being the demo, its inspector and regional methodologist sign in with a second factor (<see cref="NextRecoveryCode"/>).
/// On that day, with the default closing day 5, March is still open; January and February would be locked,
/// so the Xo'jaobod centre's director has reopened them (see <see cref="SeedAsync"/>).
/// </summary>
public sealed class OwnClockFixture : BrowserAppFixture
{
    /// <summary>The app's "today" when it starts: the second day after the first quarter, before its report is due (10 April).</summary>
    public static readonly DateTimeOffset Today = new(2022, 4, 2, 9, 0, 0, TimeSpan.FromHours(5));

    /// <summary>Until when January and February stay reopened: far beyond any test run on the app's clock (in UTC, as PostgreSQL stores it).</summary>
    public static readonly DateTimeOffset ReopenedUntil = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>PBKDF2 iterations of the demo accounts' hash here: enough for a test, far quicker than the app's 210,000.</summary>
    private const int TestPasswordHashIterations = 1_000;

    protected override IReadOnlyDictionary<string, string> AppSettings { get; } = new Dictionary<string, string>
    {
        ["WorkPlan:DemoMode"] = "false",
        ["WorkPlan:MigrateOnStartup"] = "true",
        ["WorkPlan:Today"] = Today.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// The demo organisations, plans and accounts (password <see cref="DemoUserSeeder.Password"/>), without the
    /// demo's actuals and reports (DemoActualsSeeder is not run), and the reopening of January and February.
    /// </summary>
    protected override async Task SeedAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var hasher = new PasswordHasher<AppUser>(Options.Create(new PasswordHasherOptions { IterationCount = TestPasswordHashIterations }));
        await new DemoDataSeeder(db, NullLogger<DemoDataSeeder>.Instance).SeedAsync();
        await new DemoUserSeeder(db, hasher, clock, NullLogger<DemoUserSeeder>.Instance).SeedAsync();

        // The director reopened January and February (locked since 5 February and 5 March) so that the
        // quarter's first two months can still be entered; the reopening itself (its form, its reason, its
        // seven days) is tested elsewhere, so here it is a plain record, open until long after the test.
        var planId = await db.Plans
            .Where(p => p.Organisation!.Code == DemoPlans.XojaobodCode && p.Year == DemoPlans.Year)
            .Select(p => p.Id)
            .SingleAsync();
        var director = await db.Users.SingleAsync(u => u.UserName == DemoAccounts.XojaobodDirector);
        foreach (var month in new[] { 1, 2 })
        {
            db.MonthReopenings.Add(new MonthReopening(
                planId, month, "Birinchi chorak ma'lumotlarini kiritish uchun", director.Id, director.UserName!, clock.GetUtcNow(), ReopenedUntil));
        }

        await db.SaveChangesAsync();

        // Out of demo mode the inspector and the regional methodologist must sign in with a second factor: they
        // have an authenticator, and the tests sign in with their recovery codes (each used once).
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        foreach (var userName in new[] { DemoAccounts.XojaobodInspector, DemoAccounts.AndijonMethodologist })
        {
            var user = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException($"{userName} is missing.");
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
            _recoveryCodes[userName] = new Queue<string>(await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10) ?? []);
        }
    }

    private readonly Dictionary<string, Queue<string>> _recoveryCodes = [];

    /// <summary>An unused recovery code of an account that signs in with a second factor here.</summary>
    public string NextRecoveryCode(string userName)
    {
        lock (_recoveryCodes)
        {
            return _recoveryCodes[userName].Dequeue();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class OwnClockCollectionDefinition : ICollectionFixture<OwnClockFixture>
{
    public const string Name = "browser-own-clock";
}
