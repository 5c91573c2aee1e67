using WorkPlan.Core.Plans;

namespace WorkPlan.Web.Features.Plans;

/// <summary>One signature block of the document: its heading word, the block, and its formatted date line.</summary>
public sealed record SignatureBlockViewModel(string Heading, SignatureBlock Block, string DateLine, string CssClass);
