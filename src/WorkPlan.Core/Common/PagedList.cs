namespace WorkPlan.Core.Common;

/// <summary>One page of a longer list, with what the pager needs.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount)
{
    public int PageCount => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);

    /// <summary>
    /// A page number within range: the first page for anything below it, the last page for anything beyond it (so
    /// that a page of 2,147,483,647 shows the last page and never overflows the rows to skip).
    /// </summary>
    public static int Clamp(int page, int totalCount, int pageSize) =>
        Math.Clamp(page, 1, Math.Max(1, (int)((Math.Max(0L, totalCount) + pageSize - 1) / pageSize)));
}
