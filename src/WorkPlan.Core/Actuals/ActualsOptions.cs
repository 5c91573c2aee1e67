namespace WorkPlan.Core.Actuals;

/// <summary>Settings of monthly entry (section "Actuals").</summary>
public sealed class ActualsOptions
{
    public const string SectionName = "Actuals";

    /// <summary>A month stays open until this day of the next month (inclusive), then it is locked.</summary>
    public int ClosingDay { get; set; } = 5;

    /// <summary>How long a month the director reopened stays open.</summary>
    public int ReopenDays { get; set; } = 7;

    /// <summary>"Behind plan" when the year to date is below the plan line of the row's due months by more than this share (0.1 = 10 %); the rule is <see cref="Execution.IsBehind"/>.</summary>
    public decimal BehindMargin { get; set; } = 0.1m;
}
