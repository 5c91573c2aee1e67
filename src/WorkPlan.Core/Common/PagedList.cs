namespace WorkPlan.Core.Common;

/// <summary>One page of a longer list, with what the pager needs.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount)
{
    public int PageCount => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);

    public bool HasPrevious => Page > 1;

    public bool HasNext => Page < PageCount;

    /// <summary>A page number within range (the first page for anything below it).</summary>
    public static int Clamp(int page) => Math.Max(1, page);
}
