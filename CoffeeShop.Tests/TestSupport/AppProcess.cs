using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace CoffeeShop.Tests.TestSupport;

/// <summary>
/// The real app as a separate process (`dotnet CoffeeShop.Web.dll`) on a loopback port, in Production with
/// plain HTTP, for what an in-process host cannot show: two instances sharing a database, and a kill.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    public const string AdminEmail = "ops-admin@test.local";
    public const string AdminPassword = "Ops-Admin-Passw0rd!";

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly List<(Func<string, bool> Match, TaskCompletionSource Seen)> _watchers = [];

    private AppProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
        Client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = baseAddress };
    }

    public Uri BaseAddress { get; }

    /// <summary>A client with no cookie container: tests move cookies between instances by hand.</summary>
    public HttpClient Client { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Settings every instance of one test shares: the database and the JWT key.</summary>
    public static Dictionary<string, string> SharedSettings(string databasePath) => new()
    {
        ["ConnectionStrings__CoffeeShop"] = $"Data Source={databasePath}",
        ["Jwt__SigningKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48)),
        ["Security__RequireHttps"] = "false",
        ["RateLimiting__Enabled"] = "false",
        ["Bootstrap__AdminEmail"] = AdminEmail,
        ["Bootstrap__AdminPassword"] = AdminPassword,
        ["Serilog__MinimumLevel__Default"] = "Warning",
        ["WarmUp__Enabled"] = "false", // seconds per start; WarmUpTests turn it on
    };

    public static async Task<AppProcess> StartAsync(IReadOnlyDictionary<string, string> settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var port = FreePort();
        var directory = AppContext.BaseDirectory;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(directory, "CoffeeShop.Web.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";

        // Processes run side by side: none takes the default gRPC port 5081 unless a test gives it a port of its own.
        start.Environment["Grpc__Url"] = string.Empty;
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the app.");
        var app = new AppProcess(process, new Uri($"http://127.0.0.1:{port}"));
        process.OutputDataReceived += (_, e) => app.Append(e.Data);
        process.ErrorDataReceived += (_, e) => app.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await app.WaitUntilReadyAsync(cancellationToken);
        return app;
    }

    /// <summary>Polls /health/ready until it answers 200 (bounded by the token), failing fast if the process exits.</summary>
    public async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with {_process.ExitCode}:\n{Output}");
            }

            try
            {
                using var response = await Client.GetAsync(new Uri("/health/ready", UriKind.Relative), timeout.Token);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100, timeout.Token);
        }
    }

    /// <summary>A bearer token for the bootstrap admin.</summary>
    public async Task<string> AdminTokenAsync()
    {
        using var response = await Client.PostAsJsonAsync("/api/v1/auth/token", new { email = AdminEmail, password = AdminPassword });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    /// <summary>Completes when the app writes a line that matches (already written, or written later).</summary>
    public Task WaitForOutputAsync(Func<string, bool> match, TimeSpan timeout)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_output)
        {
            if (_output.ToString().Split('\n').Any(match))
            {
                return Task.CompletedTask;
            }

            _watchers.Add((match, seen));
        }

        return seen.Task.WaitAsync(timeout);
    }

    /// <summary>SIGTERM, as a service manager or an orchestrator stops an instance: the app shuts down gracefully.</summary>
    public async Task TerminateAsync()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }

    /// <summary>Waits for the process to end by itself and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        await _process.WaitForExitAsync().WaitAsync(timeout);
        return _process.ExitCode;
    }

    /// <summary>SIGKILL: no shutdown, no flush, as in a crash.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
            foreach (var watcher in _watchers.Where(w => w.Match(line)).ToList())
            {
                watcher.Seen.TrySetResult();
                _watchers.Remove(watcher);
            }
        }
    }
}
