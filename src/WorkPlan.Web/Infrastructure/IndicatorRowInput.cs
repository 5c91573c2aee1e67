using System.ComponentModel.DataAnnotations;
using WorkPlan.Core.Common;
using WorkPlan.Core.Plans;

namespace WorkPlan.Web.Infrastructure;

/// <summary>What every indicator form shares (a plan's row, a template's, the national set's): number, name, unit, measure and roll-up.</summary>
public abstract class IndicatorBasicsInput
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(FieldLimits.IndicatorNumber, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Plan.Number")]
    public string Number { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(FieldLimits.IndicatorName, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Plan.Name")]
    public string Name { get; set; } = string.Empty;

    [StringLength(FieldLimits.Unit, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Plan.Unit")]
    public string? Unit { get; set; }

    [Display(Name = "Editor.Measure")]
    public Measure Measure { get; set; }

    [Display(Name = "Editor.Rollup")]
    public RollupKind Rollup { get; set; }
}

/// <summary>
/// What a plan's row form and a template's share beyond the basics: the row's steps (one per line) and the deadline picker.
/// </summary>
public abstract class IndicatorRowInput : IndicatorBasicsInput
{
    /// <summary>One step per line.</summary>
    [Display(Name = "Plan.Mechanism")]
    [StringLength(FieldLimits.Mechanism, ErrorMessage = "Validation.TooLong")]
    public string? Mechanism { get; set; }

    [Display(Name = "Plan.Deadline")]
    public ScheduleKind ScheduleKind { get; set; }

    public List<int> Quarters { get; set; } = [];

    public int? FromMonth { get; set; }

    public int? ToMonth { get; set; }

    /// <summary>The steps typed, blank lines dropped.</summary>
    public IReadOnlyList<string> Steps() =>
        [.. (Mechanism ?? string.Empty).Split('\n').Select(s => s.Trim()).Where(s => s.Length > 0)];

    /// <summary>Fills the steps and the picker from what a row says.</summary>
    protected void ShowStepsAndDeadline(IEnumerable<string> steps, DueSchedule schedule)
    {
        var deadline = DeadlineChoices.Of(schedule);
        Mechanism = string.Join('\n', steps);
        ScheduleKind = deadline.Kind;
        Quarters = [.. deadline.Quarters];
        FromMonth = deadline.FromMonth;
        ToMonth = deadline.ToMonth;
    }
}
