using WorkPlan.Core.Common;
using WorkPlan.Core.Organisations;

namespace WorkPlan.Core.Plans;

/// <summary>The steps of a plan's life.</summary>
public enum PlanAction
{
    Created,
    Submitted,
    Agreed,
    Approved,
    Returned,
    CameIntoForce,
    AmendmentOpened,
    Imported,
    AmendmentDiscarded,
}

/// <summary>
/// The plan's state machine: Draft → Submitted → agreed by the region (KELISHILDI) and approved by the
/// director (TASDIQLAYMAN) in either order → in force (read-only). A submitted, agreed or approved
/// plan can be returned to Draft with a reason; a plan in force can be reopened as an amendment, and an
/// open amendment can be discarded, back to the version in force (only an amendment: see <see cref="PlanRules.IsAmendmentOpen"/>).
/// </summary>
public static class PlanWorkflow
{
    /// <summary>The status a step leads to from a status, or null when the step is not possible there.</summary>
    public static PlanStatus? Next(PlanStatus from, PlanAction action) => (from, action) switch
    {
        (PlanStatus.Draft, PlanAction.Submitted) => PlanStatus.Submitted,
        (PlanStatus.Submitted, PlanAction.Agreed) => PlanStatus.Agreed,
        (PlanStatus.Approved, PlanAction.Agreed) => PlanStatus.InForce,
        (PlanStatus.Submitted, PlanAction.Approved) => PlanStatus.Approved,
        (PlanStatus.Agreed, PlanAction.Approved) => PlanStatus.InForce,
        (PlanStatus.Submitted or PlanStatus.Agreed or PlanStatus.Approved, PlanAction.Returned) => PlanStatus.Draft,
        (PlanStatus.InForce, PlanAction.AmendmentOpened) => PlanStatus.Draft,
        (PlanStatus.Draft or PlanStatus.Submitted or PlanStatus.Agreed or PlanStatus.Approved, PlanAction.AmendmentDiscarded) => PlanStatus.InForce,
        _ => null,
    };

    public static bool IsEditable(PlanStatus status) => status == PlanStatus.Draft;

    /// <summary>
    /// The block a signer puts on the plan: their own position and name as they stand at signing time. A
    /// director without a recorded position signs with their centre's director title; anyone else without one
    /// signs with their name alone, never with somebody else's title.
    /// </summary>
    public static SignatureBlock Signature(CurrentUser signer, Organisation signerOrganisation, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(signer);
        ArgumentNullException.ThrowIfNull(signerOrganisation);
        var isDirector = signer.IsInRole(Roles.Director) || signer.IsInRole(Roles.RegionalDirector) || signer.IsInRole(Roles.NationalDirector);
        var title = !string.IsNullOrWhiteSpace(signer.Position) ? signer.Position.Trim()
            : isDirector ? signerOrganisation.DirectorTitle
            : null;
        return new SignatureBlock(title, signer.DisplayName, date);
    }
}
