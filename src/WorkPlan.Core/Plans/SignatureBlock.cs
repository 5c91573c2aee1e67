namespace WorkPlan.Core.Plans;

/// <summary>
/// One of the plan's two signature blocks (KELISHILDI or TASDIQLAYMAN): the signer's title line, name,
/// and the date written on the line, which stays blank until it is signed.
/// </summary>
/// <remarks>
/// Stored as an owned type: every plan needs its own instances (EF tracks an owned instance by
/// reference), so use <see cref="Blank"/> rather than sharing one.
/// </remarks>
public sealed record SignatureBlock(string? Title, string? Name, DateOnly? Date)
{
    /// <summary>A new, unsigned block.</summary>
    public static SignatureBlock Blank() => new(null, null, null);
}
