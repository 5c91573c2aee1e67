using WorkPlan.Core.Organisations;

namespace WorkPlan.Core.Plans;

/// <summary>
/// The plan's versions: the values in force are a copy that the plan takes when it comes into force, an amendment
/// changes the draft beside it, and discarding the amendment brings the copy back.
/// </summary>
public partial class Plan
{
    /// <summary>Reopens a plan in force for changes, as the next version; it needs agreement and approval again.</summary>
    public PlanStatus OpenAmendment(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var from = Status;
        Status = Require(PlanAction.AmendmentOpened);
        VersionNumber++;
        AmendmentReason = reason.Trim();
        ReturnReason = null;
        ClearSignatureDates();
        return from;
    }

    /// <summary>An amendment is open: a version is in force and the next one is being written or signed.</summary>
    public bool IsAmendmentOpen => PlanRules.IsAmendmentOpen(Status, VersionNumber);

    /// <summary>
    /// Drops the open amendment: the plan is again exactly the version in force (its rows, sections,
    /// values, signatures and version number); rows the draft added are deleted, rows it removed come
    /// back. Sections and indicators (with their responsible services) must be loaded, withdrawn ones included.
    /// </summary>
    public PlanStatus DiscardAmendment(SignatureBlock agreement, SignatureBlock approval, string? reasonInForce, IReadOnlyList<ServiceUnit> services)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        ArgumentNullException.ThrowIfNull(approval);
        ArgumentNullException.ThrowIfNull(services);
        if (!IsAmendmentOpen)
        {
            throw new InvalidOperationException($"Plan {Id} has no open amendment.");
        }

        RemoveDraftAdditions();
        var from = Status;
        Status = Require(PlanAction.AmendmentDiscarded);
        foreach (var section in Sections.Where(s => s.IsInForce))
        {
            section.RestoreInForce();
        }

        foreach (var row in Indicators.Where(i => i.IsInForce))
        {
            row.RestoreInForce(services);
        }

        VersionNumber--;
        AmendmentReason = reasonInForce;
        ReturnReason = null;
        Agreement = agreement with { };
        Approval = approval with { };
        return from;
    }

    /// <summary>
    /// The first half of discarding an amendment: the rows and sections the draft added are deleted, and the
    /// rows in force go back where they are in force. (Saved on its own, the values in force can then come
    /// back without ever holding a number twice.)
    /// </summary>
    public void RemoveDraftAdditions()
    {
        if (!IsAmendmentOpen)
        {
            throw new InvalidOperationException($"Plan {Id} has no open amendment.");
        }

        foreach (var row in Indicators.Where(i => i.IsInForce))
        {
            row.PlaceAsInForce();
        }

        foreach (var added in Indicators.Where(i => !i.IsInForce).OrderBy(i => i.ParentId is null ? 1 : 0).ToList())
        {
            Indicators.Remove(added);
        }

        foreach (var added in Sections.Where(s => !s.IsInForce).ToList())
        {
            Sections.Remove(added);
        }
    }

    /// <summary>
    /// The plan as it stands becomes the version in force: what the amendment withdrew goes, every
    /// other row and section keeps its values as the ones in force. Sections and indicators (with
    /// their responsible services) must be loaded, withdrawn ones included.
    /// </summary>
    private void TakeEffect()
    {
        foreach (var gone in Indicators.Where(i => i.IsWithdrawn).OrderBy(i => i.ParentId is null ? 1 : 0).ToList())
        {
            Indicators.Remove(gone);
        }

        foreach (var gone in Sections.Where(s => s.IsWithdrawn).ToList())
        {
            Sections.Remove(gone);
        }

        foreach (var section in Sections)
        {
            section.ComeIntoForce();
        }

        foreach (var indicator in Indicators)
        {
            indicator.ComeIntoForce();
        }
    }
}
