using Microsoft.Extensions.Configuration;

namespace WorkPlan.Infrastructure.Data;

/// <summary>
/// How brief database faults are retried by EF's retrying execution strategy (section "Database"; environment
/// Database__MaxRetryCount, Database__MaxRetryDelay). The pauses grow between attempts up to the longest delay.
/// </summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary>How many times a failed command or transaction is tried again.</summary>
    public int MaxRetryCount { get; set; } = 4;

    /// <summary>The longest pause between two attempts.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The configured settings, or the defaults; a negative value stops the start-up with a message.</summary>
    public static DatabaseOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (options.MaxRetryCount < 0 || options.MaxRetryDelay < TimeSpan.Zero)
        {
            throw new InvalidOperationException($"{SectionName}:{nameof(MaxRetryCount)} and {SectionName}:{nameof(MaxRetryDelay)} may not be negative.");
        }

        return options;
    }
}
