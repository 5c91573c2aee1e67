using WorkPlan.Core.Plans;

namespace WorkPlan.Core.Catalogue;

/// <summary>What a national indicator says: where it sits in the national set, what is counted and how months combine.</summary>
public sealed record NationalItemDefinition(string SectionLabel, string SectionTitle, string Number, string Name, string? Unit, Measure Measure, RollupKind Rollup);

/// <summary>
/// The National Library's indicator set: every indicator the regions report nationally, with a stable code. Indicators
/// are published together; a published indicator's code no longer changes, since the regions' catalogues map to it.
/// New indicators may still be added and published later. There is one national catalogue.
/// </summary>
public class NationalCatalogue
{
    public int Id { get; private set; }

    /// <summary>When the catalogue was last published (null until the first time).</summary>
    public DateTimeOffset? PublishedAt { get; private set; }

    public string? PublishedBy { get; private set; }

    /// <summary>Row version (PostgreSQL xmin) for optimistic concurrency.</summary>
    public uint Version { get; private set; }

    public ICollection<NationalIndicator> Items { get; private set; } = [];

    /// <summary>Adds an indicator at the end of its section (a new section goes at the end of the set).</summary>
    public NationalIndicator Add(string code, NationalItemDefinition definition)
    {
        var normalised = TemplateRules.NormaliseCode(code);
        if (Items.Any(i => i.Code == normalised))
        {
            throw new InvalidOperationException($"Code {normalised} is already in the national catalogue.");
        }

        var item = new NationalIndicator(this, normalised, definition);
        Items.Add(item);
        PlaceInItsSection(item);
        return item;
    }

    /// <summary>Changes what an indicator says, and its code while it is unpublished; moved to another section, it goes to that section's end.</summary>
    public void Change(NationalIndicator item, string code, NationalItemDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(definition);
        var moved = item.SectionLabel != definition.SectionLabel.Trim();
        item.Update(code, definition);
        if (moved)
        {
            PlaceInItsSection(item);
        }
    }

    /// <summary>Removes an indicator (the service checks that no region maps to its code).</summary>
    public void Remove(NationalIndicator item)
    {
        ArgumentNullException.ThrowIfNull(item);
        Items.Remove(item);
    }

    /// <summary>Publishes every indicator not yet published: from now on the regions map to their codes, which no longer change.</summary>
    public void Publish(string by, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        if (!Items.Any(i => !i.IsPublished))
        {
            throw new InvalidOperationException("Nothing is left to publish.");
        }

        foreach (var item in Items.Where(i => !i.IsPublished))
        {
            item.MarkPublished(by, at);
        }

        PublishedAt = at;
        PublishedBy = by;
    }

    /// <summary>Document order: an indicator goes after the last one of its section, the ones after it move down.</summary>
    private void PlaceInItsSection(NationalIndicator item)
    {
        var others = Items.Where(i => i != item).ToList();
        var last = others.Where(i => i.SectionLabel == item.SectionLabel).Select(i => (int?)i.SortOrder).Max();
        if (last is null)
        {
            item.SortOrder = others.Count == 0 ? 1 : others.Max(i => i.SortOrder) + 1;
            return;
        }

        foreach (var after in others.Where(i => i.SortOrder > last))
        {
            after.SortOrder++;
        }

        item.SortOrder = last.Value + 1;
    }
}

/// <summary>A national indicator: a stable code that regional catalogue codes map to, so that regions' figures add up nationally.</summary>
public class NationalIndicator
{
    private NationalIndicator()
    {
        Code = SectionLabel = SectionTitle = Number = Name = string.Empty;
    }

    internal NationalIndicator(NationalCatalogue catalogue, string code, NationalItemDefinition definition)
    {
        Catalogue = catalogue;
        Code = TemplateRules.NormaliseCode(code);
        SectionLabel = SectionTitle = Number = Name = string.Empty;
        Apply(definition);
    }

    public int Id { get; private set; }

    public int CatalogueId { get; private set; }

    public NationalCatalogue? Catalogue { get; private set; }

    /// <summary>Stable national code, e.g. "K010"; frozen once published.</summary>
    public string Code { get; private set; }

    public string SectionLabel { get; private set; }

    public string SectionTitle { get; private set; }

    /// <summary>The number the indicator has in the national set ("10.1").</summary>
    public string Number { get; private set; }

    public string Name { get; private set; }

    public string? Unit { get; private set; }

    public Measure Measure { get; private set; }

    public RollupKind Rollup { get; private set; }

    public int SortOrder { get; internal set; }

    /// <summary>When the indicator was published; null while it is a draft that regions cannot map to yet.</summary>
    public DateTimeOffset? PublishedAt { get; private set; }

    public string? PublishedBy { get; private set; }

    /// <summary>Row version (PostgreSQL xmin) for optimistic concurrency.</summary>
    public uint Version { get; private set; }

    public bool IsPublished => PublishedAt is not null;

    public NationalItemDefinition ToDefinition() => new(SectionLabel, SectionTitle, Number, Name, Unit, Measure, Rollup);

    /// <summary>Changes what the indicator says; its code only while it is unpublished.</summary>
    internal void Update(string code, NationalItemDefinition definition)
    {
        var normalised = TemplateRules.NormaliseCode(code);
        if (normalised != Code && IsPublished)
        {
            throw new InvalidOperationException("A published national indicator's code is frozen.");
        }

        Code = normalised;
        Apply(definition);
    }

    internal void MarkPublished(string by, DateTimeOffset at)
    {
        PublishedAt ??= at;
        PublishedBy ??= by;
    }

    private void Apply(NationalItemDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentException.ThrowIfNullOrWhiteSpace(definition.SectionLabel);
        ArgumentException.ThrowIfNullOrWhiteSpace(definition.SectionTitle);
        ArgumentException.ThrowIfNullOrWhiteSpace(definition.Number);
        ArgumentException.ThrowIfNullOrWhiteSpace(definition.Name);
        SectionLabel = definition.SectionLabel.Trim();
        SectionTitle = definition.SectionTitle.Trim();
        Number = NumberLabel.Normalise(definition.Number);
        Name = definition.Name.Trim();
        Unit = string.IsNullOrWhiteSpace(definition.Unit) ? null : definition.Unit.Trim();
        Measure = definition.Measure;
        Rollup = definition.Rollup;
    }
}
