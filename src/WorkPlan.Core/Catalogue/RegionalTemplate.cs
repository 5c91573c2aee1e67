namespace WorkPlan.Core.Catalogue;

/// <summary>
/// A regional centre's template plan: its catalogue of standard indicators with stable codes. Once
/// published, districts create their plans from it and map their rows to its codes; the codes no
/// longer change, new indicators may still be added.
/// </summary>
public class RegionalTemplate
{
    private RegionalTemplate()
    {
    }

    public RegionalTemplate(int regionId)
    {
        RegionId = regionId;
    }

    public int Id { get; private set; }

    public int RegionId { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    public string? PublishedBy { get; private set; }

    /// <summary>Row version (PostgreSQL xmin) for optimistic concurrency.</summary>
    public uint Version { get; private set; }

    public ICollection<TemplateIndicator> Items { get; private set; } = [];

    public bool IsPublished => PublishedAt is not null;

    /// <summary>Adds an indicator at the end of its section, or at the end of its parent's "of which" rows.</summary>
    public TemplateIndicator Add(string code, TemplateItemDefinition definition, TemplateIndicator? parent = null)
    {
        var normalised = TemplateRules.NormaliseCode(code);
        if (Items.Any(i => i.Code == normalised))
        {
            throw new InvalidOperationException($"Code {normalised} is already in the catalogue.");
        }

        if (parent is not null && (!Items.Contains(parent) || parent.Parent is not null))
        {
            throw new ArgumentException("An \"of which\" row hangs under a top-level row of the same template.", nameof(parent));
        }

        // An "of which" row lives in its parent's section.
        var placed = parent is null ? definition : definition with { SectionLabel = parent.SectionLabel, SectionTitle = parent.SectionTitle };
        var item = new TemplateIndicator(this, normalised, placed, parent, Items.Count == 0 ? 1 : Items.Max(i => i.SortOrder) + 1);
        Items.Add(item);
        Renumber();
        return item;
    }

    /// <summary>
    /// Changes a row: its words, its code (only while unpublished) and its place. An "of which" row goes
    /// to the end of its new parent's rows, in the parent's section; a top-level row's "of which" rows
    /// follow it into its section.
    /// </summary>
    public void Change(TemplateIndicator item, string code, TemplateItemDefinition definition, TemplateIndicator? parent)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(definition);
        if (parent is not null && (parent == item || parent.Parent is not null || !Items.Contains(parent) || Items.Any(i => i.Parent == item)))
        {
            throw new ArgumentException("An \"of which\" row hangs under another top-level row and has none of its own.", nameof(parent));
        }

        var placed = parent is null ? definition : definition with { SectionLabel = parent.SectionLabel, SectionTitle = parent.SectionTitle };
        var moved = item.Parent != parent || item.SectionLabel != placed.SectionLabel;
        item.Update(code, placed);
        if (moved)
        {
            item.PlaceUnder(parent, Items.Max(i => i.SortOrder) + 1);
        }

        foreach (var child in Items.Where(i => i.Parent == item))
        {
            child.PlaceInSection(item.SectionLabel, item.SectionTitle);
        }

        Renumber();
    }

    /// <summary>Removes a row that has no "of which" rows (the service checks no district uses its code).</summary>
    public void Remove(TemplateIndicator item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (Items.Any(i => i.Parent == item))
        {
            throw new InvalidOperationException("Remove the \"of which\" rows first.");
        }

        Items.Remove(item);
        Renumber();
    }

    public void Publish(string by, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        if (Items.Count == 0)
        {
            throw new InvalidOperationException("An empty template cannot be published.");
        }

        PublishedAt ??= at;
        PublishedBy ??= by;
    }

    /// <summary>Document order: sections as they first appear; top-level rows, each followed by its "of which" rows.</summary>
    private void Renumber()
    {
        var order = 1;
        var sections = Items.OrderBy(i => i.SortOrder).Select(i => i.SectionLabel).Distinct(StringComparer.Ordinal).ToList();
        foreach (var section in sections)
        {
            foreach (var top in Items.Where(i => i.SectionLabel == section && i.Parent is null).OrderBy(i => i.SortOrder).ToList())
            {
                top.SortOrder = order++;
                foreach (var child in Items.Where(i => i.Parent == top).OrderBy(i => i.SortOrder).ToList())
                {
                    child.SortOrder = order++;
                }
            }
        }
    }
}
