using Microsoft.EntityFrameworkCore;
using WorkPlan.Core.Access;
using WorkPlan.Core.Common;

namespace WorkPlan.Core.Reports;

/// <summary>
/// The language official documents (plan, quarterly report, consolidation) are written in: the
/// organisation's document language (Uzbek unless set otherwise), whatever language the viewer's UI
/// speaks; another language only when the user asks for it explicitly.
/// </summary>
public static class DocumentLanguages
{
    public const string Uzbek = "uz";
    public const string Russian = "ru";
    public const string English = "en";

    /// <summary>The documents are Uzbek (Latin), as on paper.</summary>
    public const string Default = Uzbek;

    public static IReadOnlyList<string> All { get; } = [Uzbek, Russian, English];

    public static bool IsKnown(string? language) => language is not null && All.Contains(language, StringComparer.Ordinal);

    /// <summary>The language to write a document in: an explicit, known choice, or else the document language.</summary>
    public static string Choose(string documentLanguage, string? explicitChoice) =>
        IsKnown(explicitChoice) ? explicitChoice! : IsKnown(documentLanguage) ? documentLanguage : Default;
}

/// <summary>Looks up the document language of a plan or an organisation within the user's reach (the one place it is read from).</summary>
public sealed class DocumentLanguageService(IAppDbContext db, ICurrentUser currentUser)
{
    /// <summary>The document language of a plan's organisation (the plan's and its reports' official documents).</summary>
    public async Task<string> OfPlanAsync(int planId, CancellationToken cancellationToken = default) =>
        await db.Plans.AsNoTracking().Where(AccessRules.PlansVisibleTo(currentUser.Required)).Where(p => p.Id == planId).Select(p => p.Organisation!.DocumentLanguage).SingleOrDefaultAsync(cancellationToken)
        ?? DocumentLanguages.Default;

    /// <summary>The document language of an organisation (the region's consolidation).</summary>
    public async Task<string> OfOrganisationAsync(int organisationId, CancellationToken cancellationToken = default) =>
        await db.Organisations.AsNoTracking().Where(AccessRules.OrganisationsVisibleTo(currentUser.Required)).Where(o => o.Id == organisationId).Select(o => o.DocumentLanguage).SingleOrDefaultAsync(cancellationToken)
        ?? DocumentLanguages.Default;
}
