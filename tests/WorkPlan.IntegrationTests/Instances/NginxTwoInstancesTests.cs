using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using WorkPlan.Infrastructure.Data.Seed;
using WorkPlan.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace WorkPlan.IntegrationTests.Instances;

/// <summary>
/// Two app processes on one database behind nginx, configured from deploy/nginx/workplan.conf.template as
/// scripts/two-instances.sh does. Runs only where nginx is installed (scripts/test.sh and .ci/run install it).
/// </summary>
[Collection(DatabaseTests.Name)]
public sealed class NginxTwoInstancesTests(DatabaseFixture database, ITestOutputHelper output)
{
    private const string Nginx = "/usr/sbin/nginx";

    [Fact]
    public async Task Through_nginx_a_user_signs_in_exports_and_signs_out_while_requests_alternate_and_a_rolling_restart_loses_none()
    {
        if (!File.Exists(Nginx))
        {
            output.WriteLine("nginx is not installed: nothing to test here");
            return;
        }

        await database.ResetWithDemoDataAsync();
        int planId;
        await using (var db = database.CreateContext())
        {
            planId = await db.Plans.Where(p => p.Organisation!.Code == "xojaobod").Select(p => p.Id).SingleAsync();
        }

        AppProcess? app1 = null, app2 = null;
        var dir = Directory.CreateTempSubdirectory("workplan-nginx-test-");
        Process? nginx = null;
        try
        {
            var common = new Dictionary<string, string>
            {
                ["WorkPlan__MigrateOnStartup"] = "false",
                ["ReverseProxy__Proxies"] = "127.0.0.1",
                ["WorkPlan__ShutdownDrainSeconds"] = "2",
            };
            app1 = await AppProcess.StartAsync(database.ConnectionString, new Dictionary<string, string>(common) { ["WorkPlan__InstanceName"] = "app1" }, output);
            app2 = await AppProcess.StartAsync(database.ConnectionString, new Dictionary<string, string>(common) { ["WorkPlan__InstanceName"] = "app2" }, output);
            var port = FreePort();
            nginx = StartNginx(dir.FullName, port, [app1.Address, app2.Address]);
            using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
            {
                BaseAddress = new Uri($"http://127.0.0.1:{port}"),
            };
            await WaitForAsync(client);

            var seen = new HashSet<string>();
            for (var i = 0; i < 4; i++)
            {
                using var page = await client.GetAsync(new Uri("/Account/Login", UriKind.Relative));
                seen.Add(page.Headers.GetValues("X-WorkPlan-Instance").Single());
            }

            seen.Should().BeEquivalentTo(["app1", "app2"], "nginx sends requests to both instances in turn");

            (await Forms.SignInAsync(client, "xojaobod.fond", DemoUserSeeder.Password)).IsRedirectTo("/").Should().BeTrue(app1.Output);
            var answeredBy = new HashSet<string>();
            foreach (var url in new[] { "/Actuals", $"/Plans/ExportExcel/{planId}", $"/Plans/ExportPdf/{planId}", "/Actuals", $"/Plans/ExportExcel/{planId}" })
            {
                using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
                response.StatusCode.Should().Be(HttpStatusCode.OK, $"{url} answers whichever instance serves it (went to {response.Headers.Location}, by {string.Join(',', response.Headers.GetValues("X-WorkPlan-Instance"))})");
                answeredBy.Add(response.Headers.GetValues("X-WorkPlan-Instance").Single());
            }

            answeredBy.Should().HaveCount(2, "the signed-in session works on both instances");
            var token = await Forms.TokenAsync(client, "/Actuals");
            using (var signOut = await client.PostAsync(new Uri("/Account/Logout", UriKind.Relative),
                new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token })))
            {
                signOut.IsRedirectTo("/Account/Login").Should().BeTrue("the antiforgery token of one instance is good on the other");
            }

            // Rolling restart: app1 gets SIGTERM while requests keep coming through nginx.
            var failures = 0;
            var requests = 0;
            var loop = Task.Run(async () =>
            {
                var watch = Stopwatch.StartNew();
                while (watch.Elapsed < TimeSpan.FromSeconds(8))
                {
                    requests++;
                    try
                    {
                        using var response = await client.GetAsync(new Uri("/Account/Login", UriKind.Relative));
                        if (response.StatusCode != HttpStatusCode.OK)
                        {
                            failures++;
                        }
                    }
                    catch (HttpRequestException)
                    {
                        failures++;
                    }
                }
            });
            await Task.Delay(1000);
            app1.Terminate();
            (await app1.WaitForExitAsync(TimeSpan.FromSeconds(40))).Should().Be(0);
            await loop;
            output.WriteLine($"{requests} requests through nginx during the restart, {failures} failed");
            failures.Should().Be(0, "a rolling restart loses no request");
        }
        finally
        {
            if (nginx is { HasExited: false })
            {
                nginx.Kill();
                nginx.WaitForExit();
            }

            if (app1 is not null)
            {
                await app1.DisposeAsync();
            }

            if (app2 is not null)
            {
                await app2.DisposeAsync();
            }

            dir.Delete(recursive: true);
        }
    }

    private static Process StartNginx(string dir, int port, IEnumerable<Uri> instances)
    {
        var upstreams = string.Concat(instances.Select(u => $"server {u.Host}:{u.Port} max_fails=1 fail_timeout=5s; "));
        var site = File.ReadAllText(Repository.PathOf("deploy", "nginx", "workplan.conf.template"))
            .Replace("${WORKPLAN_LISTEN}", $"127.0.0.1:{port}", StringComparison.Ordinal)
            .Replace("${WORKPLAN_UPSTREAMS}", upstreams, StringComparison.Ordinal);
        Directory.CreateDirectory(Path.Combine(dir, "logs"));
        File.WriteAllText(Path.Combine(dir, "workplan.conf"), site);
        File.WriteAllText(Path.Combine(dir, "nginx.conf"), $$"""
            daemon off;
            worker_processes 1;
            pid {{dir}}/nginx.pid;
            error_log {{dir}}/logs/error.log;
            events { worker_connections 256; }
            http {
                access_log {{dir}}/logs/access.log;
                client_body_temp_path {{dir}}/body;
                proxy_temp_path {{dir}}/proxy;
                fastcgi_temp_path {{dir}}/fastcgi;
                uwsgi_temp_path {{dir}}/uwsgi;
                scgi_temp_path {{dir}}/scgi;
                include {{dir}}/workplan.conf;
            }
            """);
        var start = new ProcessStartInfo(Nginx) { UseShellExecute = false };
        start.ArgumentList.Add("-p");
        start.ArgumentList.Add(dir);
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(Path.Combine(dir, "nginx.conf"));
        return Process.Start(start) ?? throw new InvalidOperationException("nginx did not start.");
    }

    private static async Task WaitForAsync(HttpClient client)
    {
        for (var i = 0; i < 50; i++)
        {
            try
            {
                if ((await client.GetAsync(new Uri("/nginx-health", UriKind.Relative))).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
