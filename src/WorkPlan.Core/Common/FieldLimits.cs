namespace WorkPlan.Core.Common;

/// <summary>
/// The one home of every length and count limit of what users type, post or upload: the database columns
/// (the EF configurations read their HasMaxLength from here), the forms' attributes and the services' checks
/// all use these, so a value too long gets a message before the database ever sees it.
/// </summary>
public static class FieldLimits
{
    /// <summary>A reason or comment: returning a plan or report, reopening a month, asking for it, declining.</summary>
    public const int Reason = 2000;

    public const int PlanTitle = 500;

    /// <summary>The position line of a signature block (KELISHILDI / TASDIQLAYMAN), an organisation's director title.</summary>
    public const int SignatureTitle = 300;

    /// <summary>The name line of a signature block, an organisation's director.</summary>
    public const int SignatureName = 120;

    public const int SectionLabel = 16;

    public const int SectionTitle = 300;

    public const int IndicatorNumber = 16;

    public const int IndicatorName = 2000;

    public const int Unit = 64;

    public const int Deadline = 200;

    /// <summary>The implementation mechanism as typed (all its steps, one per line).</summary>
    public const int Mechanism = 8000;

    /// <summary>A number as typed into a form field ("11 340", "1 234,50").</summary>
    public const int NumberText = 32;

    /// <summary>A catalogue code (K010.2).</summary>
    public const int CatalogueCode = 20;

    /// <summary>A note beside a monthly value.</summary>
    public const int Note = 1000;

    /// <summary>A code of an organisation or service.</summary>
    public const int Code = 64;

    /// <summary>The full name of an organisation or service.</summary>
    public const int Name = 300;

    /// <summary>The short name of an organisation or service.</summary>
    public const int ShortName = 120;

    public const int DocumentLanguage = 8;

    public const int PersonName = 200;

    public const int Position = 300;

    public const int UserName = 256;

    /// <summary>
    /// A user name as an administrator types it for a new account (letters, digits and . _ @ -): shorter than the
    /// column, which holds any name the identity store accepts.
    /// </summary>
    public const int NewUserName = 64;

    /// <summary>A password as typed to sign in or to prove it is the owner: room beyond the longest one allowed, so that a longer one is simply wrong.</summary>
    public const int TypedPassword = 512;

    /// <summary>A second-factor code as typed: an authenticator's six digits (perhaps with a space) or a recovery code.</summary>
    public const int SecondFactorCode = 32;

    /// <summary>A protected token a page posts back (a new authenticator key, until it is proven).</summary>
    public const int ProtectedToken = 2048;

    public const int UserId = 450;

    public const int Email = 256;

    public const int Role = 32;

    /// <summary>An enumeration stored as its name.</summary>
    public const int EnumName = 32;

    /// <summary>An enumeration of short names stored as its name (a reopen request's status).</summary>
    public const int ShortEnumName = 16;

    public const int AuditName = 64;

    /// <summary>Most rows a plan may have (an import, a monthly sheet, a catalogue mapping).</summary>
    public const int PlanRows = 5_000;

    public static class Messages
    {
        /// <summary>"The text is too long: at most {0} characters."</summary>
        public const string TooLong = "Validation.TooLongAtMost";

        /// <summary>"The same row was sent twice."</summary>
        public const string Twice = "Validation.Twice";

        /// <summary>"The value is not one of the choices."</summary>
        public const string NotAChoice = "Validation.NotAChoice";
    }

    /// <summary>
    /// The error for a text longer than <paramref name="max"/>, or holding a character it may not hold as a
    /// <paramref name="kind"/> (<see cref="VisibleText"/>), or none.
    /// </summary>
    public static IEnumerable<ValidationError> Check(string? value, int max, string field, TextKind kind)
    {
        if (value is { Length: var length } && length > max)
        {
            return [new ValidationError(field, Messages.TooLong, max)];
        }

        return VisibleText.Check(value, kind, field);
    }

    /// <summary>The error for a value that is not a named member of its enumeration (99, -2147483648), or none.</summary>
    public static IEnumerable<ValidationError> CheckChoice<T>(T value, string field)
        where T : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            yield return new ValidationError(field, Messages.NotAChoice);
        }
    }
}
