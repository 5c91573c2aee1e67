namespace WorkPlan.Core.Catalogue;

/// <summary>The resource keys of what the national catalogue and the mapping to it refuse.</summary>
public static class NationalCatalogueMessages
{
    public const string CodeTaken = "NationalCatalogue.CodeTaken";
    public const string CodeFrozen = "NationalCatalogue.CodeFrozen";
    public const string CodeInUse = "NationalCatalogue.CodeInUse";
    public const string KindInUse = "NationalCatalogue.KindInUse";
    public const string NotEmpty = "NationalCatalogue.NotEmpty";
    public const string NothingToPublish = "NationalCatalogue.NothingToPublish";
    public const string NoTemplate = "NationalCatalogue.NoTemplate";
    public const string UnknownCode = "NationalCatalogue.UnknownCode";
    public const string NotPublished = "NationalCatalogue.NotPublished";
    public const string CodeTwice = "NationalCatalogue.CodeTwice";
    public const string KindMismatch = "NationalCatalogue.KindMismatch";
}
