namespace WorkPlan.Core.Plans;

/// <summary>
/// One of the plan's two signature blocks (KELISHILDI or TASDIQLAYMAN): the signer's title line, name,
/// and the date written on the line, which stays blank until it is signed.
/// </summary>
public sealed record SignatureBlock(string? Title, string? Name, DateOnly? Date)
{
    public static SignatureBlock Empty { get; } = new(null, null, null);
}
