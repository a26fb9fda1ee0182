using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ReflectBot.Benchmarks;

/// <summary>The bot host as its own process (Release build, Kestrel on 127.0.0.1), on blob storage; stopped by PID.</summary>
public sealed class BotProcess : IAsyncDisposable
{
    private readonly Process _process;

    private BotProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public TimeSpan Cpu
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public (long WorkingSet, long Private) Memory
    {
        get
        {
            _process.Refresh();
            return (_process.WorkingSet64, _process.PrivateMemorySize64);
        }
    }

    /// <summary>
    /// The private memory the process holds (RssAnon of /proc/pid/status, in bytes; -1 off Linux). On Linux
    /// PrivateMemorySize64 is VmData: writable private mappings, resident or not, which counts the model's
    /// memory-mapped weights file although its clean pages are shared and evictable.
    /// </summary>
    public long ResidentAnonymous
    {
        get
        {
            var status = $"/proc/{_process.Id}/status";
            if (!File.Exists(status))
            {
                return -1;
            }

            var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("RssAnon:", StringComparison.Ordinal));
            return line is null ? -1 : long.Parse(line["RssAnon:".Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024;
        }
    }

    public static async Task<BotProcess> StartAsync(string root, string connectionString, string containerPrefix)
    {
        // REFLECTBOT_BENCH_BOT_DIR: another publish of the bot to compare (a self-contained one runs by its own apphost).
        var bin = Environment.GetEnvironmentVariable("REFLECTBOT_BENCH_BOT_DIR") is { Length: > 0 } other ? other : Path.Combine(root, "src", "ReflectBot", "bin", "Release", "net10.0");
        var dll = Path.Combine(bin, "ReflectBot.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException("Build the bot in Release first: dotnet build src/ReflectBot -c Release", dll);
        }

        var port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port}");
        var selfContained = File.Exists(Path.Combine(bin, "libcoreclr.so"));
        var start = new ProcessStartInfo(selfContained ? Path.Combine(bin, "ReflectBot") : "dotnet") { WorkingDirectory = bin, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        if (!selfContained)
        {
            start.ArgumentList.Add(dll);
        }

        start.Environment["Urls"] = address.ToString();
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Storage__Kind"] = "Blob";
        start.Environment["Storage__Blob__ConnectionString"] = connectionString;
        start.Environment["Storage__Blob__ContainerPrefix"] = containerPrefix;
        start.Environment["Journal__EncryptionKey"] = CountingHost.JournalKey;
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the bot.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine($"[bot] {e.Data}");
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = address };
        for (var i = 0; i < 300; i++)
        {
            try
            {
                if ((await http.GetAsync(new Uri("/health", UriKind.Relative)).ConfigureAwait(false)).IsSuccessStatusCode)
                {
                    return new BotProcess(process, address);
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(100).ConfigureAwait(false);
        }

        process.Kill(entireProcessTree: true);
        throw new TimeoutException("The bot did not answer /health within 30 s.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync().ConfigureAwait(false);
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
