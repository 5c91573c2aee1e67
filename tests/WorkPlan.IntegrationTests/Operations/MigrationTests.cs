using Microsoft.EntityFrameworkCore;
using WorkPlan.IntegrationTests.Infrastructure;

namespace WorkPlan.IntegrationTests.Operations;

[Collection(DatabaseTests.Name)]
public sealed class MigrationTests(DatabaseFixture database)
{
    [Fact]
    public async Task HasNoModelChangesWithoutAMigration()
    {
        await using var db = database.CreateContext();

        db.Database.HasPendingModelChanges().Should().BeFalse("every model change needs a committed migration");
        (await db.Database.GetPendingMigrationsAsync()).Should().BeEmpty();
    }
}
