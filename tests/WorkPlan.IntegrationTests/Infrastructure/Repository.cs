namespace WorkPlan.IntegrationTests.Infrastructure;

/// <summary>The repository the tests run from (the folder above the test's output that holds WorkPlan.sln).</summary>
public static class Repository
{
    public static string Root { get; } = Find();

    /// <summary>A path inside the repository, e.g. <c>Repository.PathOf("bench", "pages.tsv")</c>.</summary>
    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "WorkPlan.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No WorkPlan.sln above {AppContext.BaseDirectory}.");
    }
}
