using WorkPlan.Core.Plans;

namespace WorkPlan.Core.Catalogue;

/// <summary>What a catalogue indicator says: where it sits, what is counted and how months combine.</summary>
public sealed record TemplateItemDefinition(
    string SectionLabel,
    string SectionTitle,
    string Number,
    string Name,
    string? Unit,
    Measure Measure,
    RollupKind Rollup,
    IReadOnlyList<string> Mechanism,
    DueSchedule Schedule,
    bool ChildrenPartition,
    IReadOnlyList<string> ServiceCodes);

/// <summary>
/// A standard indicator of a region's template plan. Its code is stable: districts' rows carry it, and
/// the regional consolidation adds up the rows that share it.
/// </summary>
public class TemplateIndicator
{
    private TemplateIndicator()
    {
        Code = SectionLabel = SectionTitle = Number = Name = string.Empty;
        Schedule = DueSchedule.DuringYear();
    }

    internal TemplateIndicator(RegionalTemplate template, string code, TemplateItemDefinition definition, TemplateIndicator? parent, int sortOrder)
    {
        Template = template;
        Parent = parent;
        SortOrder = sortOrder;
        SectionLabel = SectionTitle = Number = Name = string.Empty;
        Schedule = definition.Schedule;
        Code = TemplateRules.NormaliseCode(code);
        Apply(definition);
    }

    public int Id { get; private set; }

    public int TemplateId { get; private set; }

    public RegionalTemplate? Template { get; private set; }

    public int? ParentId { get; private set; }

    public TemplateIndicator? Parent { get; private set; }

    /// <summary>Stable catalogue code, e.g. "K010.1"; frozen once the template is published.</summary>
    public string Code { get; private set; }

    public string SectionLabel { get; private set; }

    public string SectionTitle { get; private set; }

    /// <summary>The number the row has in the template's document ("10.1").</summary>
    public string Number { get; private set; }

    public string Name { get; private set; }

    public string? Unit { get; private set; }

    public Measure Measure { get; private set; }

    public RollupKind Rollup { get; private set; }

    public List<string> Mechanism { get; private set; } = [];

    public DueSchedule Schedule { get; private set; }

    public bool ChildrenPartition { get; private set; }

    /// <summary>Codes of the services that usually answer for the row (matched to each district's services).</summary>
    public List<string> ServiceCodes { get; private set; } = [];

    public int SortOrder { get; internal set; }

    /// <summary>
    /// The national indicator this one is counted in (<see cref="NationalIndicator.Code"/>), or null for an indicator of
    /// the region's own, which stays out of the national figures.
    /// </summary>
    public string? NationalCode { get; private set; }

    /// <summary>Row version (PostgreSQL xmin) for optimistic concurrency.</summary>
    public uint Version { get; private set; }

    public TemplateItemDefinition ToDefinition() =>
        new(SectionLabel, SectionTitle, Number, Name, Unit, Measure, Rollup, Mechanism, Schedule, ChildrenPartition, ServiceCodes);

    /// <summary>Changes what the row says; its code only while the template is unpublished.</summary>
    public void Update(string code, TemplateItemDefinition definition)
    {
        var normalised = TemplateRules.NormaliseCode(code);
        if (normalised != Code && Template is { IsPublished: true })
        {
            throw new InvalidOperationException("A published template's codes are frozen.");
        }

        Code = normalised;
        Apply(definition);
    }

    /// <summary>Maps the indicator to a national code, or back to the region's own (null); the rules are in <see cref="NationalMappingService"/>.</summary>
    public void MapToNational(string? nationalCode) =>
        NationalCode = nationalCode is null ? null : TemplateRules.NormaliseCode(nationalCode);

    internal void PlaceUnder(TemplateIndicator? parent, int sortOrder)
    {
        Parent = parent;
        ParentId = parent?.Id;
        SortOrder = sortOrder;
    }

    internal void PlaceInSection(string label, string title)
    {
        SectionLabel = label;
        SectionTitle = title;
    }

    private void Apply(TemplateItemDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentException.ThrowIfNullOrWhiteSpace(definition.SectionLabel);
        ArgumentException.ThrowIfNullOrWhiteSpace(definition.SectionTitle);
        ArgumentException.ThrowIfNullOrWhiteSpace(definition.Number);
        ArgumentException.ThrowIfNullOrWhiteSpace(definition.Name);
        ArgumentNullException.ThrowIfNull(definition.Schedule);
        SectionLabel = definition.SectionLabel.Trim();
        SectionTitle = definition.SectionTitle.Trim();
        Number = NumberLabel.Normalise(definition.Number);
        Name = definition.Name.Trim();
        Unit = string.IsNullOrWhiteSpace(definition.Unit) ? null : definition.Unit.Trim();
        Measure = definition.Measure;
        Rollup = definition.Rollup;
        Mechanism = [.. definition.Mechanism.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim())];
        // A copy: an owned value cannot be shared by two rows (a template's and each plan's).
        Schedule = definition.Schedule with { };
        ChildrenPartition = definition.ChildrenPartition;
        ServiceCodes = [.. definition.ServiceCodes.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim()).Distinct(StringComparer.Ordinal)];
    }
}
