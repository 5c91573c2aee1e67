using WorkPlan.Core.Organisations;

namespace WorkPlan.Core.Plans;

/// <summary>A centre's annual work plan (ish rejasi): sections of indicators and two signature blocks.</summary>
public class Plan
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
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 2000);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 2100);
        Organisation = organisation;
        Year = year;
        Title = title.Trim();
        Status = PlanStatus.Draft;
        Agreement = SignatureBlock.Blank();
        Approval = SignatureBlock.Blank();
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

    public ICollection<Section> Sections { get; private set; } = [];

    public ICollection<Indicator> Indicators { get; private set; } = [];

    public Section AddSection(string label, string title)
    {
        var section = new Section(this, label, title, Sections.Count + 1);
        Sections.Add(section);
        return section;
    }

    /// <summary>Adds an indicator at the end of a section, or under a parent row ("shundan").</summary>
    public Indicator AddIndicator(Section section, IndicatorDefinition definition, IEnumerable<Service> services, Indicator? parent = null)
    {
        ArgumentNullException.ThrowIfNull(section);
        if (!Sections.Contains(section))
        {
            throw new ArgumentException("The section belongs to another plan.", nameof(section));
        }

        if (parent is not null && (!Indicators.Contains(parent) || parent.Parent is not null))
        {
            throw new ArgumentException("A sub-indicator hangs under a top-level indicator of the same plan.", nameof(parent));
        }

        var indicator = new Indicator(this, section, parent, definition, services, Indicators.Count + 1);
        Indicators.Add(indicator);
        return indicator;
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
    }
}
