using System.Text.RegularExpressions;
using WorkPlan.IntegrationTests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace WorkPlan.IntegrationTests.Operations;

/// <summary>
/// docker-compose.yml read as Compose would read it (no Docker engine here): the app's environment after
/// Compose's variable interpolation, for a given shell environment.
/// </summary>
public sealed partial class DockerComposeTests
{
    [Fact]
    public void StartsInProductionMode_WhenNoDemoIsAskedFor()
    {
        var environment = AppEnvironment(new Dictionary<string, string>());

        bool.Parse(environment["WorkPlan__DemoMode"]).Should().BeFalse("the demo has a published password and no second factor");
        environment.Should().NotContainKey("WorkPlan__Today");
    }

    [Fact]
    public void StartsTheDemo_OnlyWhenWorkPlanDemoIsTrue()
    {
        var environment = AppEnvironment(new Dictionary<string, string> { ["WORKPLAN_DEMO"] = "true" });

        bool.Parse(environment["WorkPlan__DemoMode"]).Should().BeTrue();
    }

    [Fact]
    public void TakesTheFirstAdministratorFromTheEnvironment_WhenInProductionMode()
    {
        var environment = AppEnvironment(new Dictionary<string, string>
        {
            ["WORKPLAN_ADMIN_USER"] = "bosh.admin",
            ["WORKPLAN_ADMIN_PASSWORD"] = "Birinchi-kirish-paroli-1",
        });

        environment["WorkPlan__Bootstrap__AdminUserName"].Should().Be("bosh.admin");
        environment["WorkPlan__Bootstrap__AdminPassword"].Should().Be("Birinchi-kirish-paroli-1");
        File.ReadAllText(ComposeFile()).Should().NotContain("Birinchi", "no secret is written into the file");
    }

    /// <summary>The app service's environment, interpolated as Compose does (${X}, ${X:-default}, ${X-default}, ${X:?error}).</summary>
    private static Dictionary<string, string> AppEnvironment(IReadOnlyDictionary<string, string> shell)
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(ComposeFile()))
        {
            yaml.Load(reader);
        }

        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var app = (YamlMappingNode)((YamlMappingNode)root["services"])["app"];
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        switch (app["environment"])
        {
            case YamlMappingNode map:
                foreach (var (key, value) in map.Children)
                {
                    result[((YamlScalarNode)key).Value!] = Interpolate(((YamlScalarNode)value).Value ?? string.Empty, shell);
                }

                break;
            case YamlSequenceNode list:
                foreach (var item in list.Children.Cast<YamlScalarNode>())
                {
                    var parts = item.Value!.Split('=', 2);
                    result[parts[0]] = Interpolate(parts.Length > 1 ? parts[1] : string.Empty, shell);
                }

                break;
        }

        return result;
    }

    private static string Interpolate(string value, IReadOnlyDictionary<string, string> shell) =>
        Variable().Replace(value, m =>
        {
            var name = m.Groups["name"].Value;
            var op = m.Groups["op"].Value;
            var argument = m.Groups["arg"].Value;
            var set = shell.TryGetValue(name, out var v);
            var nonEmpty = set && v!.Length > 0;
            return op switch
            {
                ":-" => nonEmpty ? v! : argument,
                "-" => set ? v! : argument,
                ":?" or "?" => set ? v! : "<required>",
                _ => set ? v! : string.Empty,
            };
        });

    private static string ComposeFile() => Repository.PathOf("docker-compose.yml");

    [GeneratedRegex(@"\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)(?:(?<op>:-|-|:\?|\?)(?<arg>[^}]*))?\}")]
    private static partial Regex Variable();
}
