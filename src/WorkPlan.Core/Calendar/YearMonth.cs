namespace WorkPlan.Core.Calendar;

/// <summary>A month of a year, as a message names it ("Sentyabr 2026"): the UI writes it in the user's language.</summary>
public readonly record struct YearMonth(int Year, int Month);
