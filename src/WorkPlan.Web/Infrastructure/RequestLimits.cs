using WorkPlan.Core.Common;

namespace WorkPlan.Web.Infrastructure;

/// <summary>
/// How much a request may send, by endpoint, enforced before anything is buffered: every form is small, the plan
/// upload takes its 10 MB file, and the two sheets (monthly entry, catalogue mapping) take a row set of the largest plan.
/// </summary>
public static class RequestLimits
{
    /// <summary>The body of any form (the longest text a form takes is a few thousand characters).</summary>
    public const long FormBytes = 1024 * 1024;

    /// <summary>The body of a sheet form: every field of every row of the largest plan, notes included.</summary>
    public const long SheetBytes = 8 * 1024 * 1024;

    /// <summary>
    /// Values the monthly sheet may post: seven per row of the largest plan (the value, the note, what the page
    /// showed of both, their version, and a conflict's choice and the other value's version), and a few more.
    /// </summary>
    public const int SheetFormValues = (FieldLimits.PlanRows * 7) + 16;

    /// <summary>Values the catalogue mapping may post: four per row of the largest plan, and a few more.</summary>
    public const int MappingFormValues = (FieldLimits.PlanRows * 4) + 16;
}
