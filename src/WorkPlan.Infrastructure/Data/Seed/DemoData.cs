using System.Text.Json;
using System.Text.Json.Serialization;
using WorkPlan.Core.Organisations;
using WorkPlan.Core.Plans;

namespace WorkPlan.Infrastructure.Data.Seed;

/// <summary>The shape of a demo data file (Data/Seed/demo-*.json): organisations, services and plans.</summary>
internal sealed record DemoData(
    IReadOnlyList<DemoOrganisation>? Organisations,
    IReadOnlyList<DemoService>? Services,
    IReadOnlyList<DemoPlan>? Plans,
    IReadOnlyList<DemoUser>? Users)
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>Reads every demo file embedded in this assembly, in name order.</summary>
    public static IReadOnlyList<DemoData> LoadEmbedded()
    {
        var assembly = typeof(DemoData).Assembly;
        return
        [
            .. assembly.GetManifestResourceNames()
                .Where(n => n.StartsWith("WorkPlan.Seed.demo-", StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal)
                .Select(n =>
                {
                    using var stream = assembly.GetManifestResourceStream(n)!;
                    return JsonSerializer.Deserialize<DemoData>(stream, Options)
                        ?? throw new InvalidDataException($"Demo data file {n} is empty.");
                }),
        ];
    }
}

internal sealed record DemoOrganisation(
    string Code, OrganisationKind Kind, string? Parent, string Name, string ShortName, string? DirectorTitle, string? DirectorName);

/// <summary>A demo account; every demo account signs in with <see cref="DemoUserSeeder.Password"/>.</summary>
internal sealed record DemoUser(string UserName, string FullName, string Organisation, string Role, string? Service, string? Position = null);

internal sealed record DemoService(string Code, string Organisation, string Name, string? ShortName);

internal sealed record DemoSignature(string? Title, string? Name, DateOnly? Date)
{
    public SignatureBlock ToBlock() => new(Title, Name, Date);
}

internal sealed record DemoPlan(
    string Organisation,
    int Year,
    string Title,
    PlanStatus Status,
    DemoSignature Agreement,
    DemoSignature Approval,
    IReadOnlyList<DemoSection> Sections);

internal sealed record DemoSection(string Label, string Title, IReadOnlyList<DemoIndicator> Indicators);

internal sealed record DemoSchedule(ScheduleKind Kind, IReadOnlyList<int>? Quarters, int? FromMonth, int? ToMonth)
{
    public DueSchedule ToSchedule() => Kind switch
    {
        ScheduleKind.DuringYear => DueSchedule.DuringYear(),
        ScheduleKind.Monthly => DueSchedule.Monthly(),
        ScheduleKind.EveryQuarter => DueSchedule.EveryQuarter(),
        ScheduleKind.Quarters => DueSchedule.Quarters(Quarters ?? throw new InvalidDataException("A quarters schedule lists its quarters.")),
        ScheduleKind.MonthRange => DueSchedule.MonthRange(
            FromMonth ?? throw new InvalidDataException("A month range has fromMonth."),
            ToMonth ?? throw new InvalidDataException("A month range has toMonth.")),
        _ => throw new InvalidDataException($"Unknown schedule kind {Kind}."),
    };
}

internal sealed record DemoIndicator(
    string Number,
    string Name,
    string? Unit,
    Measure Measure,
    decimal? Fact,
    decimal? Target,
    IReadOnlyList<string> Mechanism,
    string? Deadline,
    DemoSchedule Schedule,
    IReadOnlyList<string> Services,
    RollupKind Rollup,
    bool ChildrenPartition,
    string? Note,
    IReadOnlyList<DemoIndicator>? Children)
{
    /// <summary>"*" in the services list stands for every service of the centre ("Barcha xizmatlar").</summary>
    public const string AllServices = "*";

    public IndicatorDefinition ToDefinition() =>
        new(Number, Name, Unit, Measure, Fact, Target, Mechanism, Deadline, Schedule.ToSchedule(), Rollup, ChildrenPartition);
}
