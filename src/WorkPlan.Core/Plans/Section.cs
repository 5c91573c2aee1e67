namespace WorkPlan.Core.Plans;

/// <summary>A section of a plan ("I. ILMIY-METODIK FAOLIYAT"); its label is the author's, not computed.</summary>
public class Section
{
    private Section()
    {
        Label = Title = string.Empty;
    }

    internal Section(Plan plan, string label, string title, int sortOrder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(label);
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        Plan = plan;
        Label = label.Trim();
        Title = title.Trim();
        SortOrder = sortOrder;
    }

    public int Id { get; private set; }

    public int PlanId { get; private set; }

    public Plan? Plan { get; private set; }

    /// <summary>As written: "I", "II", "III", "V".</summary>
    public string Label { get; private set; }

    public string Title { get; private set; }

    public int SortOrder { get; internal set; }

    public void Rename(string label, string title)
    {
        Plan?.EnsureEditable();
        ArgumentException.ThrowIfNullOrWhiteSpace(label);
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        Label = label.Trim();
        Title = title.Trim();
    }
}
