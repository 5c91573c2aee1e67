using Microsoft.EntityFrameworkCore;
using WorkPlan.Core.Access;
using WorkPlan.Core.Common;

namespace WorkPlan.Core.Plans;

/// <summary>
/// Changing the numbers of a draft's "of which" family together (the parent and its parts, checked by the
/// family's rule as a whole), or one row's target straight from the editor's list.
/// </summary>
public sealed class PlanFamilyEditService(IAppDbContext db, ICurrentUser currentUser)
{
    /// <summary>
    /// The "of which" family of a row (the row's parent, or the row itself when it is a parent) as one form: the
    /// parent first, then its "of which" rows in document order.
    /// </summary>
    public async Task<Result<FamilyForm>> GetFamilyAsync(int indicatorId, CancellationToken cancellationToken = default)
    {
        var user = currentUser.Required;
        var head = await db.Indicators.AsNoTracking().Where(AccessRules.IndicatorsVisibleTo(user)).Where(i => i.Id == indicatorId)
            .Select(i => new { HeadId = i.ParentId ?? i.Id, i.PlanId, i.Plan!.OrganisationId, i.Plan.Status, i.Plan.Year, i.Plan.Title })
            .SingleOrDefaultAsync(cancellationToken);
        if (head is null)
        {
            return Result<FamilyForm>.NotFound();
        }

        if (EditablePlans.Refusal<FamilyForm>(user, head.OrganisationId, head.Status) is { } refused)
        {
            return refused;
        }

        var rows = await db.Indicators.AsNoTracking().Where(i => i.PlanId == head.PlanId && (i.Id == head.HeadId || i.ParentId == head.HeadId))
            .OrderBy(i => i.ParentId != null).ThenBy(i => i.SortOrder)
            .Select(i => new { Row = new FamilyRow(i.Id, i.Number, i.Name, i.Unit, i.Measure, i.ParentId == null, i.PreviousFact, i.Target, i.Version), i.ChildrenPartition })
            .ToListAsync(cancellationToken);
        return Result<FamilyForm>.Ok(new FamilyForm(head.PlanId, head.Year, head.Title, rows[0].ChildrenPartition, [.. rows.Select(r => r.Row)]));
    }

    /// <summary>
    /// Saves the numbers of several rows of one "of which" family at once (a partition changed as a whole), or
    /// of one row (<paramref name="targetsOnly"/>: its target alone, its fact kept). Every value and the family's
    /// rule are checked together; errors name the posted row (Rows[i].Target); nothing is saved unless all hold,
    /// and a row changed meanwhile by someone else makes it a conflict.
    /// </summary>
    public async Task<Result<int>> SaveFamilyAsync(int indicatorId, IReadOnlyList<FamilyRowValues> rows, bool targetsOnly = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var user = currentUser.Required;
        return await EditablePlans.EditAsync(db, user, await EditablePlans.PlanOfIndicatorAsync(db, user, indicatorId, cancellationToken), async (plan, ct) =>
        {
            if (plan.Indicators.SingleOrDefault(i => i.Id == indicatorId) is not { } anchor)
            {
                return Result<int>.NotFound();
            }

            return await SaveAsync(plan, anchor, rows, targetsOnly, ct);
        }, cancellationToken);
    }

    private async Task<Result<int>> SaveAsync(Plan plan, Indicator anchor, IReadOnlyList<FamilyRowValues> rows, bool targetsOnly, CancellationToken cancellationToken)
    {
        var head = anchor.Parent ?? anchor;
        var family = plan.Indicators.Where(i => i == head || i.Parent == head).ToDictionary(i => i.Id);
        if (rows.Count == 0 || rows.Any(r => !family.ContainsKey(r.IndicatorId)) || rows.Select(r => r.IndicatorId).Distinct().Count() != rows.Count)
        {
            return Result<int>.Invalid([new ValidationError(string.Empty, PlanEditService.Messages.BadParent)]);
        }

        var errors = new List<ValidationError>();
        for (var index = 0; index < rows.Count; index++)
        {
            var row = family[rows[index].IndicatorId];
            if (!targetsOnly)
            {
                errors.AddRange(PlanRules.CheckValue(row.Measure, rows[index].PreviousFact, RowField(index, nameof(Indicator.PreviousFact))));
            }

            errors.AddRange(PlanRules.CheckValue(row.Measure, rows[index].Target, RowField(index, nameof(Indicator.Target))));
        }

        if (errors.Count > 0)
        {
            return Result<int>.Invalid(errors);
        }

        if (rows.Any(r => family[r.IndicatorId].Version != r.Version))
        {
            return Result<int>.Conflict();
        }

        foreach (var values in rows)
        {
            var row = family[values.IndicatorId];
            db.Entry(row).Property(i => i.Version).OriginalValue = values.Version;
            row.SetValues(targetsOnly ? row.PreviousFact : values.PreviousFact, values.Target);
        }

        // The family's rule, on the numbers as they would be saved; each message goes next to the row it is about.
        var posted = rows.Select((r, index) => (family[r.IndicatorId], index)).ToDictionary(x => x.Item1.Number, x => x.index, StringComparer.Ordinal);
        var headIndex = posted.GetValueOrDefault(head.Number, 0);
        var broken = EditablePlans.FamilyRule(plan, head)
            .Select(e => e with
            {
                Field = RowField(
                    e.MessageKey == PlanRules.Messages.ChildExceedsParent && e.Arguments[0] is string child && posted.TryGetValue(child, out var at) ? at : headIndex,
                    e.Field),
            })
            .ToList();
        if (broken.Count > 0)
        {
            return Result<int>.Invalid(broken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return Result<int>.Ok(plan.Id);
    }

    /// <summary>The form field of a posted family row: "Rows[2].Target".</summary>
    public static string RowField(int index, string field) => $"Rows[{index.ToString(System.Globalization.CultureInfo.InvariantCulture)}].{field}";
}
