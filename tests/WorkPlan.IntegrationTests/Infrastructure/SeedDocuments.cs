using Microsoft.EntityFrameworkCore;
using WorkPlan.Core.Common;
using WorkPlan.Core.Organisations;
using WorkPlan.Core.Plans;

namespace WorkPlan.IntegrationTests.Infrastructure;

/// <summary>The demo plans as the app's own PlanService reads them (as the national administrator).</summary>
public static class SeedDocuments
{
    /// <summary>The Xo'jaobod 2022 plan document; the database must hold the demo data.</summary>
    public static Task<PlanDocument> XojaobodAsync(DatabaseFixture database) => OfAsync(database, "xojaobod");

    /// <summary>The plan document of the organisation with this code (it has exactly one plan).</summary>
    public static async Task<PlanDocument> OfAsync(DatabaseFixture database, string organisationCode)
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var db = database.CreateContext();
        var planId = await db.Plans.Where(p => p.Organisation!.Code == organisationCode).Select(p => p.Id).SingleAsync();
        var national = await db.Organisations.Where(o => o.Kind == OrganisationKind.National).Select(o => o.Id).FirstAsync();
        var service = new PlanService(db, new FixedCurrentUser(new CurrentUser("test", "test", Roles.Administrator, national, OrganisationKind.National, null)));
        return (await service.GetDocumentAsync(planId)).Value;
    }
}
