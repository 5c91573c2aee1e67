using WorkPlan.Core.Organisations;

namespace WorkPlan.Core.Plans;

/// <summary>One row of the plan table: what is counted, last year's fact, this year's target, how, when and by whom.</summary>
public class Indicator
{
    private Indicator()
    {
        Number = Name = InForceNumber = InForceName = string.Empty;
        Schedule = InForceSchedule = DueSchedule.DuringYear();
    }

    internal Indicator(Plan plan, Section section, Indicator? parent, IndicatorDefinition definition, IEnumerable<ServiceUnit> services, int sortOrder)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(services);
        Plan = plan;
        Section = section;
        Parent = parent;
        SortOrder = sortOrder;
        Number = Name = InForceNumber = InForceName = string.Empty;
        Schedule = definition.Schedule;
        InForceSchedule = DueSchedule.DuringYear();
        Apply(definition);
        foreach (var (service, index) in services.Select((s, i) => (s, i)))
        {
            ResponsibleServices.Add(new Responsibility(this, service, index + 1));
        }
    }

    public int Id { get; private set; }

    public int PlanId { get; private set; }

    public Plan? Plan { get; private set; }

    public int SectionId { get; private set; }

    public Section? Section { get; private set; }

    /// <summary>The row this one is part of ("shundan" / "of which"), if any.</summary>
    public int? ParentId { get; private set; }

    public Indicator? Parent { get; private set; }

    /// <summary>As written: "10", "10.1".</summary>
    public string Number { get; private set; }

    public string Name { get; private set; }

    public string? Unit { get; private set; }

    public Measure Measure { get; private set; }

    /// <summary>The previous year's actual; null prints as "-" (not planned / not applicable), which is not 0.</summary>
    public decimal? PreviousFact { get; private set; }

    /// <summary>This year's target; null prints as "-".</summary>
    public decimal? Target { get; private set; }

    /// <summary>Implementation mechanism as numbered steps.</summary>
    public List<string> Mechanism { get; private set; } = [];

    /// <summary>The deadline exactly as printed.</summary>
    public string? Deadline { get; private set; }

    /// <summary>The deadline's structured form: which months expect an actual.</summary>
    public DueSchedule Schedule { get; private set; }

    public RollupKind Rollup { get; private set; }

    /// <summary>True when the "of which" rows together make up this row (their sum equals it).</summary>
    public bool ChildrenPartition { get; private set; }

    public int SortOrder { get; internal set; }

    /// <summary>
    /// The code of the regional catalogue's indicator this row reports as (null for a row of the
    /// district's own). It classifies the row for consolidation and does not change the document.
    /// </summary>
    public string? CatalogueCode { get; private set; }

    /// <summary>The responsible services (for queries); <see cref="ResponsibleServices"/> keeps their printed order.</summary>
    public ICollection<ServiceUnit> Services { get; private set; } = [];

    public ICollection<Responsibility> ResponsibleServices { get; private set; } = [];

    public ICollection<Indicator> Children { get; private set; } = [];

    /// <summary>Row version (PostgreSQL xmin) for optimistic concurrency.</summary>
    public uint Version { get; private set; }

    /// <summary>The one-time token of the form that added the row: the same form sent twice adds it once.</summary>
    public Guid? FormToken { get; internal set; }

    /// <summary>
    /// True when the row belongs to the version in force. Every figure (entry, %, reports, the
    /// region's consolidation) reads only such rows, and reads their <c>InForce…</c> values, which
    /// stay as they came into force while an amendment's draft changes the row's own values.
    /// </summary>
    public bool IsInForce { get; private set; }

    /// <summary>
    /// True for a row of the version in force that the open amendment removes: gone from the draft
    /// (the editor and the document do not show it), it still takes actuals until the amendment comes into force.
    /// </summary>
    public bool IsWithdrawn { get; private set; }

    public string InForceNumber { get; private set; }

    public string InForceName { get; private set; }

    public string? InForceUnit { get; private set; }

    public Measure InForceMeasure { get; private set; }

    public decimal? InForcePreviousFact { get; private set; }

    public decimal? InForceTarget { get; private set; }

    public List<string> InForceMechanism { get; private set; } = [];

    public string? InForceDeadline { get; private set; }

    public DueSchedule InForceSchedule { get; private set; }

    public RollupKind InForceRollup { get; private set; }

    public bool InForceChildrenPartition { get; private set; }

    /// <summary>The responsible services in force, in their printed order (who enters the row's actuals).</summary>
    public ICollection<InForceResponsibility> InForceServices { get; private set; } = [];

    /// <summary>The section the row is in, in force.</summary>
    public int? InForceSectionId { get; private set; }

    public Section? InForceSection { get; private set; }

    /// <summary>The row this one is part of, in force.</summary>
    public int? InForceParentId { get; private set; }

    public Indicator? InForceParent { get; private set; }

    public int InForceSortOrder { get; private set; }

    /// <summary>Changes what the row says and who answers for it; the plan must be a draft.</summary>
    public void Update(IndicatorDefinition definition, IReadOnlyList<ServiceUnit> services)
    {
        PlanOfRow.EnsureEditable();
        ArgumentNullException.ThrowIfNull(services);
        Apply(definition);
        foreach (var gone in ResponsibleServices.Where(r => services.All(s => s.Id != r.ServiceId)).ToList())
        {
            ResponsibleServices.Remove(gone);
        }

        for (var i = 0; i < services.Count; i++)
        {
            var existing = ResponsibleServices.FirstOrDefault(r => r.ServiceId == services[i].Id && services[i].Id != 0);
            if (existing is null)
            {
                ResponsibleServices.Add(new Responsibility(this, services[i], i + 1));
            }
            else
            {
                existing.Position = i + 1;
            }
        }
    }

    /// <summary>Changes the row's two numbers (last year's fact, this year's target); the plan must be a draft.</summary>
    public void SetValues(decimal? previousFact, decimal? target)
    {
        PlanOfRow.EnsureEditable();
        Apply(ToDefinition() with { PreviousFact = previousFact, Target = target });
    }

    /// <summary>The measure the row's monthly actuals are entered in: the one in force while the row is in force.</summary>
    public Measure ActualsMeasure => IsInForce ? InForceMeasure : Measure;

    /// <summary>The row's plan, which decides whether the row may change: a row loaded without it cannot be changed.</summary>
    private Plan PlanOfRow => Plan ?? throw new InvalidOperationException($"Indicator {Id} was loaded without its plan, which decides whether it may change.");

    /// <summary>Links the row to a catalogue indicator, or unlinks it; allowed in any status (the printed plan is unchanged).</summary>
    public void MapToCatalogue(string? code) => CatalogueCode = string.IsNullOrWhiteSpace(code) ? null : code.Trim();

    /// <summary>The definition as it stands, to change a part of it.</summary>
    public IndicatorDefinition ToDefinition() =>
        new(Number, Name, Unit, Measure, PreviousFact, Target, Mechanism, Deadline, Schedule, Rollup, ChildrenPartition);

    /// <summary>The row's values as they stand become the values in force (the plan came into force).</summary>
    internal void ComeIntoForce()
    {
        IsInForce = true;
        IsWithdrawn = false;
        InForceNumber = Number;
        InForceName = Name;
        InForceUnit = Unit;
        InForceMeasure = Measure;
        InForcePreviousFact = PreviousFact;
        InForceTarget = Target;
        InForceMechanism = [.. Mechanism];
        InForceDeadline = Deadline;
        InForceSchedule = Schedule with { };
        InForceRollup = Rollup;
        InForceChildrenPartition = ChildrenPartition;
        foreach (var gone in InForceServices.Where(f => !ResponsibleServices.Any(f.IsFor)).ToList())
        {
            InForceServices.Remove(gone);
        }

        foreach (var responsible in ResponsibleServices)
        {
            if (InForceServices.FirstOrDefault(f => f.IsFor(responsible)) is { } kept)
            {
                kept.Position = responsible.Position;
            }
            else
            {
                InForceServices.Add(new InForceResponsibility(this, responsible));
            }
        }

        InForceSection = Section ?? throw new InvalidOperationException("Load the plan's sections to bring it into force.");
        InForceParent = ParentId is not null && Parent is null ? throw new InvalidOperationException("Load the plan's rows to bring it into force.") : Parent;
        InForceSortOrder = SortOrder;
    }

    /// <summary>The draft removes a row of the version in force: it stays in force until the amendment does.</summary>
    internal void Withdraw()
    {
        IsWithdrawn = true;

        // Out of the draft's sight, it goes back where it is in force, so no row or section the draft added holds it.
        if (InForceSection is { } section)
        {
            Section = section;
        }

        if (InForceParentId is null)
        {
            Parent = null;
        }
        else if (InForceParent is { } parent)
        {
            Parent = parent;
        }
    }

    /// <summary>Puts the row back in its section and under its row in force.</summary>
    internal void PlaceAsInForce()
    {
        Section = InForceSection ?? throw new InvalidOperationException("Load the plan's sections to restore it.");
        Parent = InForceParentId is not null && InForceParent is null ? throw new InvalidOperationException("Load the plan's rows to restore it.") : InForceParent;
    }

    /// <summary>Puts the row back exactly as it is in force (an amendment is discarded).</summary>
    internal void RestoreInForce(IReadOnlyList<ServiceUnit> services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var section = InForceSection ?? throw new InvalidOperationException("Load the plan's sections to restore it.");
        var parent = InForceParentId is not null && InForceParent is null ? throw new InvalidOperationException("Load the plan's rows to restore it.") : InForceParent;
        IsWithdrawn = false;
        Number = InForceNumber;
        Name = InForceName;
        Unit = InForceUnit;
        Measure = InForceMeasure;
        PreviousFact = InForcePreviousFact;
        Target = InForceTarget;
        Mechanism = [.. InForceMechanism];
        Deadline = InForceDeadline;
        Schedule = InForceSchedule with { };
        Rollup = InForceRollup;
        ChildrenPartition = InForceChildrenPartition;
        Section = section;
        Parent = parent;
        SortOrder = InForceSortOrder;
        foreach (var gone in ResponsibleServices.Where(r => !InForceServices.Any(f => f.IsFor(r))).ToList())
        {
            ResponsibleServices.Remove(gone);
        }

        foreach (var kept in InForceServices)
        {
            var existing = ResponsibleServices.FirstOrDefault(kept.IsFor);
            if (existing is null)
            {
                ResponsibleServices.Add(new Responsibility(this, kept.Service ?? services.Single(s => s.Id == kept.ServiceId), kept.Position));
            }
            else
            {
                existing.Position = kept.Position;
            }
        }
    }

    /// <summary>The definition in force (see <see cref="IsInForce"/>).</summary>
    public IndicatorDefinition ToDefinitionInForce() =>
        new(InForceNumber, InForceName, InForceUnit, InForceMeasure, InForcePreviousFact, InForceTarget, InForceMechanism, InForceDeadline, InForceSchedule, InForceRollup, InForceChildrenPartition);

    internal void PlaceIn(Section section, int sortOrder)
    {
        Section = section;
        SortOrder = sortOrder;
    }

    private void Apply(IndicatorDefinition definition)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(definition.Number);
        ArgumentException.ThrowIfNullOrWhiteSpace(definition.Name);
        ArgumentNullException.ThrowIfNull(definition.Schedule);
        var errors = PlanRules.CheckValue(definition.Measure, definition.PreviousFact, nameof(PreviousFact))
            .Concat(PlanRules.CheckValue(definition.Measure, definition.Target, nameof(Target)))
            .ToList();
        if (errors.Count > 0)
        {
            throw new ArgumentException($"Indicator {definition.Number}: {string.Join(", ", errors.Select(e => $"{e.Field} {e.MessageKey}"))}", nameof(definition));
        }

        Number = NumberLabel.Normalise(definition.Number);
        Name = definition.Name.Trim();
        Unit = string.IsNullOrWhiteSpace(definition.Unit) ? null : definition.Unit.Trim();
        Measure = definition.Measure;
        PreviousFact = definition.PreviousFact;
        Target = definition.Target;
        Mechanism = [.. definition.Mechanism.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim())];
        Deadline = string.IsNullOrWhiteSpace(definition.Deadline) ? null : definition.Deadline.Trim();
        // A copy: an owned value cannot be shared by two rows (a template's and each plan's).
        Schedule = definition.Schedule with { };
        Rollup = definition.Rollup;
        ChildrenPartition = definition.ChildrenPartition;
    }
}
