using WorkPlan.Core.Organisations;

namespace WorkPlan.Core.Plans;

/// <summary>A centre's annual work plan (ish rejasi): sections of indicators and two signature blocks.</summary>
public partial class Plan
{
    private Plan()
    {
        Title = string.Empty;
        Agreement = SignatureBlock.Blank();
        Approval = SignatureBlock.Blank();
    }

    public Plan(Organisation organisation, int year, string title)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentOutOfRangeException.ThrowIfLessThan(year, PlanRules.FirstYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, PlanRules.LastYear);
        if (organisation.ParentId is not null && organisation.Parent is null)
        {
            throw new InvalidOperationException($"Organisation {organisation.Id} was loaded without its parent centre, whose director's line the plan prints.");
        }

        Organisation = organisation;
        Year = year;
        Title = title.Trim();
        Status = PlanStatus.Draft;

        // The signature lines are printed before anyone signs: who will agree (the parent centre's
        // director) and who will approve (the centre's director), with blank dates.
        Agreement = new SignatureBlock(organisation.Parent?.DirectorTitle, organisation.Parent?.DirectorName, null);
        Approval = new SignatureBlock(organisation.DirectorTitle, organisation.DirectorName, null);
    }

    public int Id { get; private set; }

    public int OrganisationId { get; private set; }

    public Organisation? Organisation { get; private set; }

    public int Year { get; private set; }

    public string Title { get; private set; }

    public PlanStatus Status { get; private set; }

    /// <summary>KELISHILDI: the regional centre's agreement.</summary>
    public SignatureBlock Agreement { get; private set; }

    /// <summary>TASDIQLAYMAN: the district director's approval.</summary>
    public SignatureBlock Approval { get; private set; }

    /// <summary>Row version (PostgreSQL xmin) for optimistic concurrency.</summary>
    public uint Version { get; private set; }

    /// <summary>1 for the plan as first approved; one more for each amendment.</summary>
    public int VersionNumber { get; private set; } = 1;

    /// <summary>Why the plan was last returned to its authors (shown while it is a draft again).</summary>
    public string? ReturnReason { get; private set; }

    /// <summary>Why the current amendment was opened (null for the first version).</summary>
    public string? AmendmentReason { get; private set; }

    public bool IsEditable => PlanWorkflow.IsEditable(Status);

    public ICollection<Section> Sections { get; private set; } = [];

    public ICollection<Indicator> Indicators { get; private set; } = [];

    public Section AddSection(string label, string title, Guid? formToken = null)
    {
        EnsureEditable();
        var section = new Section(this, label, title, Sections.Count == 0 ? 1 : Sections.Max(s => s.SortOrder) + 1, formToken);
        Sections.Add(section);
        return section;
    }

    /// <summary>Adds an indicator at the end of a section, or under a parent row ("shundan").</summary>
    public Indicator AddIndicator(Section section, IndicatorDefinition definition, IEnumerable<ServiceUnit> services, Indicator? parent = null, Guid? formToken = null)
    {
        EnsureEditable();
        ArgumentNullException.ThrowIfNull(section);
        if (!Sections.Contains(section))
        {
            throw new ArgumentException("The section belongs to another plan.", nameof(section));
        }

        if (parent is not null && (!Indicators.Contains(parent) || parent.Parent is not null))
        {
            throw new ArgumentException("A sub-indicator hangs under a top-level indicator of the same plan.", nameof(parent));
        }

        var last = Indicators.Count == 0 ? 0 : Indicators.Max(i => i.SortOrder);
        var indicator = new Indicator(this, section, parent, definition, services, last + 1) { FormToken = formToken };

        // A row appended after every other one (the last section, or under the last family) is already in order
        // when the rows are numbered 1..n: no renumbering, so that a plan built row by row (an import) stays linear.
        var atTheEnd = last == Indicators.Count
            && section.SortOrder == Sections.Max(s => s.SortOrder)
            && (parent is null || Indicators.Where(i => i.Parent is null).MaxBy(i => i.SortOrder) == parent);
        Indicators.Add(indicator);
        if (!atTheEnd)
        {
            Renumber();
        }

        return indicator;
    }

    /// <summary>
    /// Removes an indicator that has no "of which" rows (the service checks it has no actuals). A row of
    /// the version in force is only withdrawn from the draft: it keeps its figures until the amendment comes into force.
    /// </summary>
    public void RemoveIndicator(Indicator indicator)
    {
        EnsureEditable();
        ArgumentNullException.ThrowIfNull(indicator);
        if (Indicators.Any(i => i.Parent == indicator && !i.IsWithdrawn))
        {
            throw new InvalidOperationException("Remove the \"of which\" rows first.");
        }

        if (indicator.IsInForce)
        {
            indicator.Withdraw();
        }
        else
        {
            Indicators.Remove(indicator);
        }

        Renumber();
    }

    /// <summary>Moves an indicator (with its "of which" rows) one place up or down among its siblings.</summary>
    public bool MoveIndicator(Indicator indicator, int direction)
    {
        EnsureEditable();
        ArgumentNullException.ThrowIfNull(indicator);
        PlanRules.EnsureMoveDirection(direction);
        var siblings = Indicators.Where(i => i.Section == indicator.Section && i.Parent == indicator.Parent && !i.IsWithdrawn).OrderBy(i => i.SortOrder).ToList();
        var index = siblings.IndexOf(indicator);
        var target = index + direction;
        if (index < 0 || target < 0 || target >= siblings.Count)
        {
            return false;
        }

        (siblings[index].SortOrder, siblings[target].SortOrder) = (siblings[target].SortOrder, siblings[index].SortOrder);
        Renumber();
        return true;
    }

    /// <summary>Removes a section that holds no indicator (one added by mistake).</summary>
    public void RemoveSection(Section section)
    {
        EnsureEditable();
        ArgumentNullException.ThrowIfNull(section);
        if (Indicators.Any(i => i.Section == section && !i.IsWithdrawn))
        {
            throw new InvalidOperationException("Move or delete the section's indicators first.");
        }

        if (section.IsInForce)
        {
            section.Withdraw();
        }
        else
        {
            Sections.Remove(section);
        }

        Renumber();
    }

    /// <summary>Moves a section one place up or down.</summary>
    public bool MoveSection(Section section, int direction)
    {
        EnsureEditable();
        ArgumentNullException.ThrowIfNull(section);
        PlanRules.EnsureMoveDirection(direction);
        var ordered = Sections.Where(s => !s.IsWithdrawn).OrderBy(s => s.SortOrder).ToList();
        var index = ordered.IndexOf(section);
        var target = index + direction;
        if (index < 0 || target < 0 || target >= ordered.Count)
        {
            return false;
        }

        (ordered[index].SortOrder, ordered[target].SortOrder) = (ordered[target].SortOrder, ordered[index].SortOrder);
        Renumber();
        return true;
    }

    /// <summary>Puts an indicator (and its "of which" rows) at the end of another section.</summary>
    public void MoveToSection(Indicator indicator, Section section)
    {
        EnsureEditable();
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(section);
        if (indicator.Section == section)
        {
            return;
        }

        var last = Indicators.Max(i => i.SortOrder);
        indicator.PlaceIn(section, ++last);
        foreach (var child in Indicators.Where(i => i.Parent == indicator).OrderBy(i => i.SortOrder))
        {
            child.PlaceIn(section, ++last);
        }

        Renumber();
    }

    /// <summary>The regional centre signs KELISHILDI (the signer's own block); with the director's approval present the plan comes into force.</summary>
    public PlanStatus Agree(SignatureBlock signature) => Sign(PlanAction.Agreed, signature);

    /// <summary>The director signs TASDIQLAYMAN (the signer's own block); with the region's agreement present the plan comes into force.</summary>
    public PlanStatus Approve(SignatureBlock signature) => Sign(PlanAction.Approved, signature);

    public PlanStatus Submit()
    {
        var from = Status;
        Status = Require(PlanAction.Submitted);
        ReturnReason = null;
        return from;
    }

    /// <summary>Back to the authors as a draft, with the reason they will see; the signatures are withdrawn.</summary>
    public PlanStatus Return(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var from = Status;
        Status = Require(PlanAction.Returned);
        ReturnReason = reason.Trim();
        ClearSignatureDates();
        return from;
    }

    internal void EnsureEditable()
    {
        if (!IsEditable)
        {
            throw new InvalidOperationException($"Plan {Id} is {Status} and cannot be edited.");
        }
    }

    private PlanStatus Sign(PlanAction action, SignatureBlock block)
    {
        var from = Status;
        Status = Require(action);
        if (action == PlanAction.Agreed)
        {
            Agreement = block;
        }
        else
        {
            Approval = block;
        }

        if (Status == PlanStatus.InForce)
        {
            TakeEffect();
        }

        return from;
    }

    private PlanStatus Require(PlanAction action) =>
        PlanWorkflow.Next(Status, action) ?? throw new InvalidOperationException($"A {Status} plan cannot be {action}.");

    private void ClearSignatureDates()
    {
        Agreement = Agreement with { Date = null };
        Approval = Approval with { Date = null };
    }

    /// <summary>Document order: sections in order; in each, top-level rows in order, each followed by its "of which" rows.</summary>
    private void Renumber()
    {
        // One pass over the rows (a lookup per section and per parent), so that adding row after row to a plan of
        // thousands (an import) stays fast.
        var order = 1;
        var sectionOrder = 1;
        var tops = Indicators.Where(i => i.Parent is null).ToLookup(i => i.Section);
        var children = Indicators.Where(i => i.Parent is not null).ToLookup(i => i.Parent);
        foreach (var section in Sections.OrderBy(s => s.SortOrder))
        {
            section.SortOrder = sectionOrder++;
            foreach (var top in tops[section].OrderBy(i => i.SortOrder))
            {
                top.SortOrder = order++;
                foreach (var child in children[top].OrderBy(i => i.SortOrder))
                {
                    child.SortOrder = order++;
                }
            }
        }
    }

    /// <summary>
    /// Records the signatures of a plan that was agreed and approved on paper before it was entered
    /// (a demo or an imported historical plan). It sets the status the signatures imply.
    /// </summary>
    public void RecordPaperSignatures(SignatureBlock agreement, SignatureBlock approval, PlanStatus status)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        ArgumentNullException.ThrowIfNull(approval);
        Agreement = agreement with { };
        Approval = approval with { };
        Status = status;
        if (status == PlanStatus.InForce)
        {
            TakeEffect();
        }
    }
}
