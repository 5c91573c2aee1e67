using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace WorkPlan.Web.Infrastructure;

/// <summary>
/// The reverse proxy in front of the app (TLS ends there). Its X-Forwarded-For/-Proto/-Host headers are believed
/// only when the request comes from an address or network listed in "ReverseProxy:Proxies" (e.g.
/// "10.0.0.2;172.18.0.0/16"); from anywhere else they are ignored. A forwarded host must be one of "AllowedHosts",
/// the same list that the request's own Host header is checked against.
/// </summary>
public static class ReverseProxy
{
    public const string ProxiesSetting = "ReverseProxy:Proxies";

    public static void Configure(ForwardedHeadersOptions options, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(configuration);
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;

        // Only the configured proxies: not even loopback is trusted by default.
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        options.ForwardLimit = 1;
        foreach (var entry in Split(configuration[ProxiesSetting]))
        {
            if (entry.Contains('/', StringComparison.Ordinal))
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(entry));
            }
            else
            {
                options.KnownProxies.Add(IPAddress.Parse(entry));
            }
        }

        options.AllowedHosts = [.. Split(configuration["AllowedHosts"]).Where(h => h != "*")];
    }

    private static string[] Split(string? value) =>
        (value ?? string.Empty).Split([';', ',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
