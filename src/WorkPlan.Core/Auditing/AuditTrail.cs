using System.Globalization;
using Microsoft.EntityFrameworkCore;
using WorkPlan.Core.Common;
using WorkPlan.Core.Plans;

namespace WorkPlan.Core.Auditing;

/// <summary>
/// The three trails the audit page reads as one, each in the same shape (who, when, what as "Entity.Verb", before →
/// after): the audit entries of administration, the catalogue and locked months; a plan's workflow steps; and every
/// change of a monthly value. Each is read newest first, for the given organisations only.
/// </summary>
public static class AuditTrail
{
    /// <summary>The kind of record a plan's workflow step is about (the entity id is the plan's id).</summary>
    public const string PlanEntity = "Plan";

    /// <summary>The kind of record a monthly value's change is about (the entity id is "{indicator id}-{month}").</summary>
    public const string ValueEntity = "MonthlyActual";

    /// <summary>The action a changed monthly value is listed as.</summary>
    public const string ValueChanged = "Actual.Changed";

    /// <summary>The kinds of record the audit page can be narrowed to, in the order it offers them.</summary>
    public static IReadOnlyList<string> Kinds { get; } = ["Organisation", "Service", "User", PlanEntity, ValueEntity, "Month", "RegionalTemplate", "NationalCatalogue"];

    /// <summary>A plan step's action in the trail's naming: "Plan.Approved".</summary>
    public static string PlanAction(PlanAction action) => $"Plan.{action}";

    /// <summary>One page of the three trails together, newest first: the lines (details still to be read) and how many there are in all.</summary>
    internal static async Task<(List<Raw> Lines, int Page, int Total)> PageAsync(
        IAppDbContext db, IQueryable<int> organisations, string? entityType, string? entityId, int page, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var all = string.IsNullOrWhiteSpace(entityType);
        var sources = new List<Source> { Entries(db, organisations, entityType, entityId) };
        if (all || entityType == PlanEntity)
        {
            sources.Add(Steps(db, organisations, entityId));
        }

        if (all || entityType == ValueEntity)
        {
            sources.Add(Changes(db, organisations, entityId));
        }

        var total = 0;
        foreach (var source in sources)
        {
            total += await source.CountAsync(cancellationToken);
        }

        page = PagedList<AuditLine>.Clamp(page, total, pageSize);

        // The page's lines are among the newest page × size of each trail.
        var lines = new List<Raw>();
        foreach (var source in sources)
        {
            lines.AddRange(await source.NewestAsync(page * pageSize, cancellationToken));
        }

        return ([.. lines.OrderByDescending(l => l.At).ThenByDescending(l => l.Source).ThenByDescending(l => l.Id).Skip((page - 1) * pageSize).Take(pageSize)], page, total);
    }

    private static Source Entries(IAppDbContext db, IQueryable<int> organisations, string? entityType, string? entityId)
    {
        var entries = db.AuditEntries.AsNoTracking().Where(a => a.OrganisationId != null && organisations.Contains(a.OrganisationId.Value));
        if (!string.IsNullOrWhiteSpace(entityType))
        {
            entries = entries.Where(a => a.EntityType == entityType);
        }

        if (!string.IsNullOrWhiteSpace(entityId))
        {
            entries = entries.Where(a => a.EntityId == entityId);
        }

        return new(entries.CountAsync, async (take, ct) => (await entries.OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(take)
                .Select(a => new { a.At, a.Id, a.UserId, a.UserName, a.Action, a.EntityType, a.EntityId, a.OrganisationId, a.Before, a.After })
                .ToListAsync(ct))
            .Select(a => new Raw(a.At, 0, a.Id, a.UserId, a.UserName, a.Action, a.EntityType, a.EntityId, a.OrganisationId, r => r.Details(a.Before, a.After), [a.Before, a.After])));
    }

    private static Source Steps(IAppDbContext db, IQueryable<int> organisations, string? entityId)
    {
        var plans = db.Plans.Where(p => organisations.Contains(p.OrganisationId));
        if (!string.IsNullOrWhiteSpace(entityId))
        {
            plans = int.TryParse(entityId, CultureInfo.InvariantCulture, out var planId) ? plans.Where(p => p.Id == planId) : plans.Where(p => false);
        }

        var steps = from e in db.PlanEvents.AsNoTracking()
                    join p in plans on e.PlanId equals p.Id
                    select new { e.At, e.Id, e.UserId, e.UserName, e.Action, e.PlanId, p.OrganisationId, e.StatusBefore, e.StatusAfter, e.PlanVersion, e.Comment };
        return new(steps.CountAsync, async (take, ct) => (await steps.OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Take(take).ToListAsync(ct))
            .Select(e => new Raw(
                e.At, 1, e.Id, e.UserId, e.UserName, PlanAction(e.Action), PlanEntity, e.PlanId.ToString(CultureInfo.InvariantCulture), e.OrganisationId,
                _ => [[
                    .. e.StatusBefore == e.StatusAfter ? [] : new[] { new AuditDetail("Status", Status(e.StatusBefore), Status(e.StatusAfter)) },
                    new AuditDetail("Version", null, AuditValue.Of(e.PlanVersion)),
                    .. e.Comment is null ? [] : new[] { new AuditDetail("Comment", null, new AuditValue(e.Comment)) },
                ]],
                [])));
    }

    private static Source Changes(IAppDbContext db, IQueryable<int> organisations, string? entityId)
    {
        // The rows an amendment withdrew keep their history.
        var indicators = db.Indicators.WithWithdrawn().Where(i => organisations.Contains(i.Plan!.OrganisationId));
        var changes = from c in db.ActualChanges.AsNoTracking()
                      join i in indicators on c.IndicatorId equals i.Id
                      select new { c.At, c.Id, c.UserId, c.UserName, c.IndicatorId, c.Month, i.Number, i.Name, i.Plan!.OrganisationId, c.ValueBefore, c.ValueAfter, c.NoteBefore, c.NoteAfter };
        if (!string.IsNullOrWhiteSpace(entityId))
        {
            var parts = entityId.Split('-');
            changes = parts.Length == 2 && int.TryParse(parts[0], CultureInfo.InvariantCulture, out var indicatorId) && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var month)
                ? changes.Where(c => c.IndicatorId == indicatorId && c.Month == month)
                : changes.Where(c => false);
        }

        return new(changes.CountAsync, async (take, ct) => (await changes.OrderByDescending(c => c.At).ThenByDescending(c => c.Id).Take(take).ToListAsync(ct))
            .Select(c => new Raw(
                c.At, 2, c.Id, c.UserId, c.UserName, ValueChanged, ValueEntity, string.Create(CultureInfo.InvariantCulture, $"{c.IndicatorId}-{c.Month}"), c.OrganisationId,
                _ => [[
                    new AuditDetail("Indicator", null, new AuditValue($"{c.Number}. {c.Name}")),
                    new AuditDetail("Month", null, new AuditValue(c.Month.ToString(CultureInfo.InvariantCulture), $"Month.{c.Month}")),
                    .. c.ValueBefore == c.ValueAfter ? [] : new[] { new AuditDetail("Value", AuditValue.Of(c.ValueBefore), AuditValue.Of(c.ValueAfter)) },
                    .. c.NoteBefore == c.NoteAfter ? [] : new[] { new AuditDetail("Note", AuditValue.Of(c.NoteBefore), AuditValue.Of(c.NoteAfter)) },
                ]],
                [])));
    }

    private static AuditValue Status(PlanStatus status) => new(status.ToString(), $"Status.{status}");

    /// <summary>A trail line before its names are read: where it comes from (to order lines of one moment) and what it changed.</summary>
    internal sealed record Raw(
        DateTimeOffset At, int Source, long Id, string UserId, string UserName, string Action, string EntityType, string EntityId, int? OrganisationId,
        Func<AuditValueReader, IReadOnlyList<IReadOnlyList<AuditDetail>>> Details, IReadOnlyList<string?> Snapshots);

    /// <summary>One trail: how many lines it has, and its newest ones.</summary>
    private sealed record Source(Func<CancellationToken, Task<int>> CountAsync, Func<int, CancellationToken, Task<IEnumerable<Raw>>> NewestAsync);
}
