using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using WorkPlan.Core.Common;
using WorkPlan.Core.Organisations;
using WorkPlan.Infrastructure.Data;
using WorkPlan.IntegrationTests.Infrastructure;

namespace WorkPlan.IntegrationTests.Operations;

[Collection(DatabaseTests.Name)]
public sealed class TransactionRetryTests(DatabaseFixture database)
{
    [Fact]
    public async Task RunsTheActionAgainFromTheDatabase_WhenABriefConnectionFaultInterruptsIt()
    {
        await database.ResetAsync();
        var code = $"t-{Guid.NewGuid():N}"[..12];
        using var scope = database.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var attempts = 0;
        var trackedOnRetry = -1;

        var result = await db.InTransactionAsync(async ct =>
        {
            attempts++;
            if (attempts > 1)
            {
                trackedOnRetry = db.ChangeTracker.Entries().Count();
            }

            db.Organisations.Add(new Organisation(code, OrganisationKind.National, "Retry", "R", null));
            await db.SaveChangesAsync(ct);
            if (attempts == 1)
            {
                throw new NpgsqlException("The connection broke.", new IOException("reset by peer"));
            }

            return Result.Ok();
        });

        result.IsOk.Should().BeTrue();
        attempts.Should().Be(2);
        trackedOnRetry.Should().Be(0);
        await using var check = database.CreateContext();
        (await check.Organisations.CountAsync(o => o.Code == code)).Should().Be(1);
    }

    [Fact]
    public async Task ChangesNothing_WhenTheActionEndsInARefusal()
    {
        await database.ResetAsync();
        var code = $"t-{Guid.NewGuid():N}"[..12];
        using var scope = database.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        var result = await db.InTransactionAsync(async ct =>
        {
            db.Organisations.Add(new Organisation(code, OrganisationKind.National, "Refused", "R", null));
            await db.SaveChangesAsync(ct);
            return Result.Conflict();
        });

        result.Status.Should().Be(ResultStatus.Conflict);
        await using var check = database.CreateContext();
        (await check.Organisations.CountAsync(o => o.Code == code)).Should().Be(0);
    }
}
