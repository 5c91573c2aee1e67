namespace WorkPlan.Web.Infrastructure;

/// <summary>Which page is shown, how many there are, and the query values every page link keeps.</summary>
public sealed record PagerViewModel(int Page, int PageCount, IDictionary<string, string?> Route);
