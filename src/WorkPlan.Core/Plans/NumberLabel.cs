namespace WorkPlan.Core.Plans;

/// <summary>
/// Ordering of indicator number labels as people read them: "10.2" before "10.10" before "11".
/// Numeric parts compare as numbers; anything else compares as text.
/// </summary>
public sealed class NumberLabel : IComparer<string?>
{
    public static NumberLabel Comparer { get; } = new();

    public static int Compare(string? left, string? right) => CompareLabels(left, right);

    int IComparer<string?>.Compare(string? x, string? y) => CompareLabels(x, y);

    /// <summary>Normalises a printed label ("10.1." → "10.1").</summary>
    public static string Normalise(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        return label.Trim().TrimEnd('.').Trim();
    }

    /// <summary>The label of the row this one hangs under ("10.1" → "10"), or null for a top-level label.</summary>
    public static string? ParentOf(string label)
    {
        var normalised = Normalise(label);
        var dot = normalised.LastIndexOf('.');
        return dot > 0 ? normalised[..dot] : null;
    }

    private static int CompareLabels(string? left, string? right)
    {
        if (ReferenceEquals(left, right))
        {
            return 0;
        }

        if (left is null)
        {
            return -1;
        }

        if (right is null)
        {
            return 1;
        }

        var a = Normalise(left).Split('.');
        var b = Normalise(right).Split('.');
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            var bothNumeric = long.TryParse(a[i], out var x) & long.TryParse(b[i], out var y);
            var order = bothNumeric ? x.CompareTo(y) : string.CompareOrdinal(a[i], b[i]);
            if (order != 0)
            {
                return order;
            }
        }

        return a.Length.CompareTo(b.Length);
    }
}
