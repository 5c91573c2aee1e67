using Microsoft.EntityFrameworkCore;
using WorkPlan.Core.Actuals;
using WorkPlan.Core.Organisations;
using WorkPlan.Core.Plans;

namespace WorkPlan.Core.Common;

/// <summary>The database as the core's services see it: sets of entities and one save per use case.</summary>
public interface IAppDbContext
{
    DbSet<Organisation> Organisations { get; }

    DbSet<Service> Services { get; }

    DbSet<Plan> Plans { get; }

    DbSet<Section> Sections { get; }

    DbSet<Indicator> Indicators { get; }

    DbSet<MonthlyActual> MonthlyActuals { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
