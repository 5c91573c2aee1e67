namespace WorkPlan.Core.Plans;

/// <summary>A section of a plan ("I. ILMIY-METODIK FAOLIYAT"); its label is the author's, not computed.</summary>
public class Section
{
    private Section()
    {
        Label = Title = InForceLabel = InForceTitle = string.Empty;
    }

    internal Section(Plan plan, string label, string title, int sortOrder, Guid? formToken = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(label);
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        Plan = plan;
        Label = label.Trim();
        Title = title.Trim();
        SortOrder = sortOrder;
        FormToken = formToken;
        InForceLabel = InForceTitle = string.Empty;
    }

    public int Id { get; private set; }

    public int PlanId { get; private set; }

    public Plan? Plan { get; private set; }

    /// <summary>As written: "I", "II", "III", "V".</summary>
    public string Label { get; private set; }

    public string Title { get; private set; }

    public int SortOrder { get; internal set; }

    /// <summary>The row version (PostgreSQL xmin): a rename typed over a section that changed meanwhile is refused.</summary>
    public uint Version { get; private set; }

    /// <summary>The one-time token of the form that added the section: the same form sent twice adds it once.</summary>
    public Guid? FormToken { get; private set; }

    /// <summary>True when the section belongs to the version in force (see <see cref="Indicator.IsInForce"/>).</summary>
    public bool IsInForce { get; private set; }

    /// <summary>True for a section of the version in force that the open amendment removes (kept until it comes into force).</summary>
    public bool IsWithdrawn { get; private set; }

    public string InForceLabel { get; private set; }

    public string InForceTitle { get; private set; }

    public int InForceSortOrder { get; private set; }

    public void Rename(string label, string title)
    {
        PlanOfSection.EnsureEditable();
        ArgumentException.ThrowIfNullOrWhiteSpace(label);
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        Label = label.Trim();
        Title = title.Trim();
    }

    /// <summary>The section's plan, which decides whether the section may change: a section loaded without it cannot be changed.</summary>
    private Plan PlanOfSection => Plan ?? throw new InvalidOperationException($"Section {Id} was loaded without its plan, which decides whether it may change.");

    internal void ComeIntoForce()
    {
        IsInForce = true;
        IsWithdrawn = false;
        InForceLabel = Label;
        InForceTitle = Title;
        InForceSortOrder = SortOrder;
    }

    internal void Withdraw() => IsWithdrawn = true;

    internal void RestoreInForce()
    {
        IsWithdrawn = false;
        Label = InForceLabel;
        Title = InForceTitle;
        SortOrder = InForceSortOrder;
    }
}
