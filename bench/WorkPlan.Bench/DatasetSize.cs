namespace WorkPlan.Bench;

/// <summary>The size of a generated national dataset.</summary>
internal sealed record DatasetSize(int Districts, int Years)
{
    /// <summary>The last plan year; the app's clock is set to 20 December of it, so December is open for entry.</summary>
    public const int LastYear = 2024;

    public const int Regions = 14;

    public const int IndicatorsPerPlan = 60;

    /// <summary>The districts of the measured region, in every dataset that has room for them (33 districts and up).</summary>
    public const int MeasuredRegionDistricts = 20;

    public string Label => $"{Districts}x{Years}";

    public int FirstYear => LastYear - Years + 1;
}

/// <summary>What the measuring step needs to know about a generated dataset.</summary>
internal sealed record DatasetManifest(
    string Label,
    int Districts,
    int Years,
    int Year,
    int RegionId,
    int TargetPlanId,
    string Password,
    string DirectorUser,
    string InspectorUser,
    string ServiceHeadUser,
    string RegionalUser,
    string NationalUser,
    IReadOnlyList<SaveWorker> SaveWorkers,
    long MonthlyActuals,
    double SecondsToGenerate);

/// <summary>A district whose service head saves monthly entries in the measured save loop.</summary>
internal sealed record SaveWorker(string UserName, int PlanId);
