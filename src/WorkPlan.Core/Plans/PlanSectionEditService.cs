using Microsoft.EntityFrameworkCore;
using WorkPlan.Core.Common;

namespace WorkPlan.Core.Plans;

/// <summary>Editing a draft plan's sections (add, rename, delete, move), by the centre's director and inspector.</summary>
public sealed class PlanSectionEditService(IAppDbContext db, ICurrentUser currentUser)
{
    /// <summary>
    /// Adds a section at the end. The form's one-time token makes a second post of the same form (a double click)
    /// add nothing: it answers the section the first post added.
    /// </summary>
    public Task<Result<Added>> AddSectionAsync(int planId, string label, string title, Guid? formToken = null, CancellationToken cancellationToken = default) =>
        EditAsync(planId, async (plan, ct) =>
        {
            if (formToken is { } token && await db.Sections.IgnoreQueryFilters().Where(s => s.PlanId == plan.Id && s.FormToken == token)
                .Select(s => (int?)s.Id).FirstOrDefaultAsync(ct) is { } existing)
            {
                return Result<Added>.Ok(new Added(existing, Again: true));
            }

            if (string.IsNullOrWhiteSpace(label) || string.IsNullOrWhiteSpace(title))
            {
                return Result<Added>.Invalid([new ValidationError(string.IsNullOrWhiteSpace(label) ? "Label" : "Title", PlanEditService.Messages.Required)]);
            }

            if (PlanRules.CheckSectionText(label, title) is { Count: > 0 } badText)
            {
                return Result<Added>.Invalid(badText);
            }

            var section = plan.AddSection(label, title, formToken);
            await db.SaveChangesAsync(ct);
            return Result<Added>.Ok(new Added(section.Id, Again: false));
        }, cancellationToken);

    /// <summary>
    /// Renames a section as the form showed it (<paramref name="version"/>): a section someone changed meanwhile is
    /// a conflict and keeps their words.
    /// </summary>
    public async Task<Result<int>> RenameSectionAsync(int sectionId, string label, string title, uint version, CancellationToken cancellationToken = default) =>
        await EditAsync(await SectionPlanAsync(sectionId, cancellationToken), async (plan, ct) =>
        {
            if (plan.Sections.SingleOrDefault(s => s.Id == sectionId) is not { } section)
            {
                return Result<int>.NotFound();
            }

            if (string.IsNullOrWhiteSpace(label) || string.IsNullOrWhiteSpace(title))
            {
                return Result<int>.Invalid([new ValidationError(string.IsNullOrWhiteSpace(label) ? "Label" : "Title", PlanEditService.Messages.Required)]);
            }

            if (PlanRules.CheckSectionText(label, title) is { Count: > 0 } badText)
            {
                return Result<int>.Invalid(badText);
            }

            if (section.Version != version)
            {
                return Result<int>.Conflict();
            }

            db.Entry(section).Property(s => s.Version).OriginalValue = version;
            section.Rename(label, title);
            await db.SaveChangesAsync(ct);
            return Result<int>.Ok(plan.Id);
        }, cancellationToken);

    /// <summary>Deletes a section without indicators.</summary>
    public async Task<Result<int>> DeleteSectionAsync(int sectionId, CancellationToken cancellationToken = default) =>
        await EditAsync(await SectionPlanAsync(sectionId, cancellationToken), async (plan, ct) =>
        {
            if (plan.Sections.SingleOrDefault(s => s.Id == sectionId) is not { } section)
            {
                return Result<int>.NotFound();
            }

            if (plan.Indicators.Any(i => i.Section == section))
            {
                return Result<int>.Invalid([new ValidationError(string.Empty, PlanEditService.Messages.SectionNotEmpty)]);
            }

            plan.RemoveSection(section);
            await db.SaveChangesAsync(ct);
            return Result<int>.Ok(plan.Id);
        }, cancellationToken);

    /// <summary>Moves a section one place up (-1) or down (1); any other direction is refused and changes nothing.</summary>
    public async Task<Result<int>> MoveSectionAsync(int sectionId, int direction, CancellationToken cancellationToken = default) =>
        await EditAsync(await SectionPlanAsync(sectionId, cancellationToken), async (plan, ct) =>
        {
            if (plan.Sections.SingleOrDefault(s => s.Id == sectionId) is not { } section)
            {
                return Result<int>.NotFound();
            }

            if (!PlanRules.IsMoveDirection(direction))
            {
                return Result<int>.Invalid([new ValidationError(string.Empty, PlanRules.Messages.BadDirection)]);
            }

            if (!plan.MoveSection(section, direction))
            {
                return Result<int>.Invalid([new ValidationError(string.Empty, PlanEditService.Messages.CannotMove)]);
            }

            await db.SaveChangesAsync(ct);
            return Result<int>.Ok(plan.Id);
        }, cancellationToken);

    private Task<int?> SectionPlanAsync(int sectionId, CancellationToken cancellationToken) =>
        EditablePlans.PlanOfSectionAsync(db, currentUser.Required, sectionId, cancellationToken);

    private Task<Result<T>> EditAsync<T>(int? planId, Func<Plan, CancellationToken, Task<Result<T>>> edit, CancellationToken cancellationToken) =>
        EditablePlans.EditAsync(db, currentUser.Required, planId, edit, cancellationToken);
}
