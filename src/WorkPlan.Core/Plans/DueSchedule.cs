namespace WorkPlan.Core.Plans;

/// <summary>The shape of a printed deadline ("Bajarilish muddati").</summary>
public enum ScheduleKind
{
    /// <summary>"2022-yil davomida": any month of the year.</summary>
    DuringYear,

    /// <summary>"Har oyda": every month.</summary>
    Monthly,

    /// <summary>"Har chorakda": once a quarter, at the quarter's end.</summary>
    EveryQuarter,

    /// <summary>"I-chorak", "I-III-chorak": the months of the named quarters.</summary>
    Quarters,

    /// <summary>"sentyabr-dekabr": a range of months.</summary>
    MonthRange,
}

/// <summary>
/// The structured form of a deadline: which months of the plan's year expect a monthly actual.
/// Stored as a kind and a bit mask of months (bit 1 = January … bit 12 = December).
/// </summary>
public sealed record DueSchedule
{
    private const int AllMonths = 0b1_1111_1111_1110;

    private DueSchedule(ScheduleKind kind, int dueMonths)
    {
        Kind = kind;
        DueMonths = dueMonths;
    }

    public ScheduleKind Kind { get; private init; }

    /// <summary>Bit n is set when month n expects a value.</summary>
    public int DueMonths { get; private init; }

    public static DueSchedule DuringYear() => new(ScheduleKind.DuringYear, AllMonths);

    public static DueSchedule Monthly() => new(ScheduleKind.Monthly, AllMonths);

    public static DueSchedule EveryQuarter() => new(ScheduleKind.EveryQuarter, Mask(3, 6, 9, 12));

    public static DueSchedule Quarters(IEnumerable<int> quarters)
    {
        ArgumentNullException.ThrowIfNull(quarters);
        var list = quarters.ToList();
        if (list.Count == 0 || list.Any(q => q is < 1 or > 4))
        {
            throw new ArgumentOutOfRangeException(nameof(quarters), "Quarters are 1 to 4.");
        }

        return new(ScheduleKind.Quarters, Mask(list.SelectMany(Calendar.Quarters.Months)));
    }

    public static DueSchedule MonthRange(int fromMonth, int toMonth)
    {
        if (fromMonth is < 1 or > 12 || toMonth is < 1 or > 12 || toMonth < fromMonth)
        {
            throw new ArgumentOutOfRangeException(nameof(toMonth), "A month range runs forward within one year.");
        }

        return new(ScheduleKind.MonthRange, Mask(Enumerable.Range(fromMonth, toMonth - fromMonth + 1)));
    }

    /// <summary>The deadline picker's choices as a schedule; null when they do not make one.</summary>
    public static DueSchedule? FromChoices(ScheduleKind kind, IReadOnlyCollection<int> quarters, int? fromMonth, int? toMonth)
    {
        ArgumentNullException.ThrowIfNull(quarters);
        return kind switch
        {
            ScheduleKind.DuringYear => DuringYear(),
            ScheduleKind.Monthly => Monthly(),
            ScheduleKind.EveryQuarter => EveryQuarter(),
            ScheduleKind.Quarters when quarters.Count > 0 && quarters.All(q => q is >= 1 and <= 4) => Quarters(quarters),
            ScheduleKind.MonthRange when fromMonth is >= 1 and <= 12 && toMonth is >= 1 and <= 12 && fromMonth <= toMonth
                => MonthRange(fromMonth.Value, toMonth.Value),
            _ => null,
        };
    }

    public bool IsDue(int month) => month is >= 1 and <= 12 && (DueMonths & (1 << month)) != 0;

    public IEnumerable<int> Months => Enumerable.Range(1, 12).Where(IsDue);

    /// <summary>The last month the deadline covers (December for "davomida"), when a one-off task is due.</summary>
    public int DeadlineMonth => Months.LastOrDefault(12);

    private static int Mask(params IEnumerable<int> months) => months.Aggregate(0, (mask, m) => mask | (1 << m));
}
