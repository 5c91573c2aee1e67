using System.Text.Json;
using System.Text.Json.Serialization;

namespace WorkPlan.Core.Common;

/// <summary>
/// A stored document (a signed plan version, a submitted report) that this build cannot read: an unknown
/// schema version, or a body that does not match its version's shape. Never read as an empty document.
/// </summary>
public sealed class UnreadableDocumentException : Exception
{
    public UnreadableDocumentException()
    {
        Kind = string.Empty;
    }

    public UnreadableDocumentException(string message)
        : base(message)
    {
        Kind = string.Empty;
    }

    public UnreadableDocumentException(string message, Exception innerException)
        : base(message, innerException)
    {
        Kind = string.Empty;
    }

    public UnreadableDocumentException(string kind, int schemaVersion, string reason, Exception? innerException = null)
        : base($"A stored {kind} of schema version {schemaVersion} cannot be read: {reason}", innerException)
    {
        Kind = kind;
        SchemaVersion = schemaVersion;
    }

    /// <summary>What the document is ("signed plan version", "submitted report").</summary>
    public string Kind { get; }

    public int SchemaVersion { get; }
}

/// <summary>
/// How stored documents are written and read: strictly, so that a stored name the snapshot type does not
/// know, or a name it requires and the row lacks, fails the read instead of leaving a part of the document empty.
/// </summary>
internal static class StoredDocuments
{
    private static readonly JsonSerializerOptions Strict = new()
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,
    };

    public static string Write<T>(T snapshot) => JsonSerializer.Serialize(snapshot, Strict);

    /// <summary>Reads a row written as schema <paramref name="expected"/>; any other version, or a body of another shape, throws.</summary>
    public static T Read<T>(string kind, int schemaVersion, int expected, string json)
        where T : class
    {
        if (schemaVersion != expected)
        {
            throw new UnreadableDocumentException(kind, schemaVersion, $"this build reads schema version {expected} only");
        }

        try
        {
            return JsonSerializer.Deserialize<T>(json, Strict) ?? throw new UnreadableDocumentException(kind, schemaVersion, "the stored body is empty");
        }
        catch (JsonException e)
        {
            throw new UnreadableDocumentException(kind, schemaVersion, e.Message, e);
        }
    }

    /// <summary>An enum value of a snapshot that its version does not define.</summary>
    public static UnreadableDocumentException Undefined<TEnum>(string kind, int schemaVersion, TEnum value)
        where TEnum : struct, Enum =>
        new(kind, schemaVersion, $"{typeof(TEnum).Name} {value} is not defined");
}
