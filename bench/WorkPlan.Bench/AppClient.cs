using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace WorkPlan.Bench;

/// <summary>
/// A signed-in browser session against the running app: signs in through the real login form (antiforgery
/// token and cookie), keeps the cookies, and reads the forms of pages the way a browser would post them.
/// </summary>
internal sealed partial class AppClient : IDisposable
{
    private readonly CookieContainer _cookies = new();
    private readonly HttpClient _http;
    private readonly Uri _baseAddress;

    public AppClient(Uri baseAddress)
    {
        _baseAddress = baseAddress;
        _http = new HttpClient(new HttpClientHandler { CookieContainer = _cookies, AllowAutoRedirect = false, UseCookies = true })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };
    }

    public string UserName { get; private set; } = string.Empty;

    /// <summary>The Cookie header a load tool sends to act as this user (session and antiforgery cookies).</summary>
    public string CookieHeader => _cookies.GetCookieHeader(_baseAddress);

    public static async Task<AppClient> SignInAsync(Uri baseAddress, string userName, string password)
    {
        var client = new AppClient(baseAddress);
        var page = await client.GetStringAsync("/Account/Login");
        var token = FormToken(page) ?? throw new InvalidOperationException("The login page carries no antiforgery token.");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = userName,
            ["Password"] = password,
            ["__RequestVerificationToken"] = token,
        });
        using var response = await client._http.PostAsync(new Uri("/Account/Login", UriKind.Relative), form);
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.ToString().Contains("/Account", StringComparison.OrdinalIgnoreCase) == true)
        {
            throw new InvalidOperationException($"Sign-in of {userName} failed: {(int)response.StatusCode} {response.Headers.Location}");
        }

        client.UserName = userName;
        return client;
    }

    public async Task<string> GetStringAsync(string path)
    {
        using var response = await _http.GetAsync(new Uri(path, UriKind.Relative));
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new HttpRequestException($"GET {path} answered {(int)response.StatusCode}", null, response.StatusCode);
        }

        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The status code and body size of a GET (to find pages that are not there yet).</summary>
    public async Task<(HttpStatusCode Status, long Bytes, string? Location)> ProbeAsync(string method, string path, HttpContent? body = null)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative)) { Content = body };
        using var response = await _http.SendAsync(request);
        var bytes = (await response.Content.ReadAsByteArrayAsync()).LongLength;
        return (response.StatusCode, bytes, response.Headers.Location?.ToString());
    }

    public async Task<byte[]> GetBytesAsync(string path)
    {
        using var response = await _http.GetAsync(new Uri(path, UriKind.Relative));
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>Posts a form as a browser does and returns the status (a save answers 302 to the sheet).</summary>
    public async Task<HttpStatusCode> PostFormAsync(string path, IEnumerable<KeyValuePair<string, string>> fields)
    {
        using var form = new FormUrlEncodedContent(fields);
        using var response = await _http.PostAsync(new Uri(path, UriKind.Relative), form);
        await response.Content.ReadAsByteArrayAsync();
        return response.StatusCode;
    }

    public void Dispose() => _http.Dispose();

    /// <summary>The antiforgery token of the first form of a page.</summary>
    public static string? FormToken(string html)
    {
        var match = TokenPattern().Match(html);
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;
    }

    /// <summary>The monthly entry form: its action and its cells (indicator, version, value, note) as the page shows them.</summary>
    public static EntryForm? ParseEntryForm(string html)
    {
        var start = html.IndexOf("data-entry-grid", StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        var formStart = html.LastIndexOf("<form", start, StringComparison.Ordinal);
        var formEnd = html.IndexOf("</form>", start, StringComparison.Ordinal);
        var form = html[formStart..formEnd];
        var action = WebUtility.HtmlDecode(ActionPattern().Match(form).Groups[1].Value);
        var token = FormToken(form) ?? FormToken(html) ?? string.Empty;
        var cells = new SortedDictionary<int, EntryCell>();
        foreach (Match field in FieldPattern().Matches(form))
        {
            var tag = field.Value;
            var index = int.Parse(field.Groups[1].Value, CultureInfo.InvariantCulture);
            var value = ValuePattern().Match(tag) is { Success: true } v ? WebUtility.HtmlDecode(v.Groups[1].Value) : string.Empty;
            var cell = cells.GetValueOrDefault(index) ?? new EntryCell(0, null, string.Empty, string.Empty);
            cells[index] = field.Groups[2].Value switch
            {
                "IndicatorId" => cell with { IndicatorId = int.Parse(value, CultureInfo.InvariantCulture) },
                "Version" => cell with { Version = value.Length == 0 ? null : value },
                "Value" => cell with { Value = value },
                _ => cell with { Note = value },
            };
        }

        return new EntryForm(action, token, [.. cells.Values]);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("<form[^>]*action=\"([^\"]+)\"")]
    private static partial Regex ActionPattern();

    [GeneratedRegex("<input[^>]*name=\"cells\\[(\\d+)\\]\\.(IndicatorId|Version|Value|Note)\"[^>]*>")]
    private static partial Regex FieldPattern();

    [GeneratedRegex("\\svalue=\"([^\"]*)\"")]
    private static partial Regex ValuePattern();
}

/// <summary>The monthly entry form as the page shows it.</summary>
internal sealed record EntryForm(string Action, string Token, IReadOnlyList<EntryCell> Cells)
{
    /// <summary>The fields a browser posts; <paramref name="change"/> turns a cell's shown value into the value to post.</summary>
    public List<KeyValuePair<string, string>> Fields(Func<string, string> change)
    {
        var fields = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", Token) };
        for (var i = 0; i < Cells.Count; i++)
        {
            var cell = Cells[i];
            fields.Add(new($"cells[{i}].IndicatorId", cell.IndicatorId.ToString(CultureInfo.InvariantCulture)));
            fields.Add(new($"cells[{i}].Version", cell.Version ?? string.Empty));
            fields.Add(new($"cells[{i}].Value", change(cell.Value)));
            fields.Add(new($"cells[{i}].Note", cell.Note));
        }

        return fields;
    }
}

internal sealed record EntryCell(int IndicatorId, string? Version, string Value, string Note);
