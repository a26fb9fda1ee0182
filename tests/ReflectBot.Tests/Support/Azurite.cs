using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ReflectBot.Tests.Support;

/// <summary>
/// A real Azurite (the Azure Storage emulator, blob service only) from the repository's node_modules,
/// on a free 127.0.0.1 port, stopped by its PID. Installs the npm packages when they are missing.
/// With a <c>location</c> it persists to that folder, so it can be stopped and started again on the
/// same port with its data (the outage tests); without one it keeps everything in memory.
/// Start-up failures throw with Azurite's output: a test that needs Azurite never passes without it.
/// </summary>
public sealed class Azurite : IAsyncDisposable
{
    public const string AccountName = "devstoreaccount1";

    // Azurite's well-known development key (public, documented, only valid against the emulator).
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly SemaphoreSlim InstallGate = new(1, 1);
    private readonly StringBuilder _output = new();
    private readonly string? _location;
    private Process? _process;

    private Azurite(int port, string? location)
    {
        Port = port;
        _location = location;
    }

    public int Port { get; }

    public int? ProcessId => _process is { HasExited: false } p ? p.Id : null;

    public string ConnectionString
        => $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};BlobEndpoint=http://127.0.0.1:{Port}/{AccountName};";

    public static async Task<Azurite> LaunchAsync(string? location = null)
    {
        var azurite = new Azurite(FreePort(), location);
        await azurite.StartAsync().ConfigureAwait(false);
        return azurite;
    }

    /// <summary>Starts the process (again, after <see cref="StopAsync"/>) on the same port and location.</summary>
    public async Task StartAsync()
    {
        if (ProcessId is not null)
        {
            return;
        }

        var root = RepositoryRoot();
        var main = await EnsureInstalledAsync(root).ConfigureAwait(false);
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { main, "--blobHost", "127.0.0.1", "--blobPort", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--skipApiVersionCheck", "--disableTelemetry", "--silent" })
        {
            start.ArgumentList.Add(arg);
        }

        if (_location is null)
        {
            start.ArgumentList.Add("--inMemoryPersistence");
        }
        else
        {
            Directory.CreateDirectory(_location);
            start.ArgumentList.Add("--location");
            start.ArgumentList.Add(_location);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node for Azurite.");
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"Azurite exited with code {process.ExitCode} on port {Port}:\n{Output}");
            }

            if (await AcceptsConnectionsAsync().ConfigureAwait(false))
            {
                return;
            }

            await Task.Delay(100).ConfigureAwait(false);
        }

        await StopAsync().ConfigureAwait(false);
        throw new TimeoutException($"Azurite did not listen on 127.0.0.1:{Port} within 60 s:\n{Output}");
    }

    /// <summary>
    /// Stops the process by its PID: SIGTERM first, so Azurite flushes its metadata to the location (it
    /// saves it on a timer, and a kill would lose the last seconds of writes), then a kill if it lingers.
    /// </summary>
    public async Task StopAsync()
    {
        if (_process is not { } process)
        {
            return;
        }

        _process = null;
        if (!process.HasExited)
        {
            if (OperatingSystem.IsWindows() || NativeMethods.kill(process.Id, NativeMethods.SIGTERM) != 0)
            {
                process.Kill(entireProcessTree: true);
            }

            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await process.WaitForExitAsync(grace.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        await process.WaitForExitAsync().ConfigureAwait(false);
        process.Dispose();
    }

    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

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

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ReflectBot.sln")) && File.Exists(Path.Combine(dir.FullName, "package.json")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No repository root (ReflectBot.sln with package.json) above {AppContext.BaseDirectory}.");
    }

    private static async Task<string> EnsureInstalledAsync(string root)
    {
        var main = Path.Combine(root, "node_modules", "azurite", "dist", "src", "blob", "main.js");
        if (File.Exists(main))
        {
            return main;
        }

        await InstallGate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (!File.Exists(main))
            {
                var command = File.Exists(Path.Combine(root, "package-lock.json")) ? "ci" : "install";
                var npm = new ProcessStartInfo("npm") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
                foreach (var arg in new[] { command, "--no-audit", "--no-fund", "--loglevel=error" })
                {
                    npm.ArgumentList.Add(arg);
                }

                using var install = Process.Start(npm) ?? throw new InvalidOperationException("Could not start npm to install Azurite.");
                var stdout = install.StandardOutput.ReadToEndAsync();
                var stderr = install.StandardError.ReadToEndAsync();
                await install.WaitForExitAsync().ConfigureAwait(false);
                if (install.ExitCode != 0 || !File.Exists(main))
                {
                    throw new InvalidOperationException($"npm {command} failed ({install.ExitCode}); Azurite is needed for the blob storage tests:\n{await stdout}\n{await stderr}");
                }
            }
        }
        finally
        {
            InstallGate.Release();
        }

        return main;
    }

    private async Task<bool> AcceptsConnectionsAsync()
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, Port).ConfigureAwait(false);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            if (_output.Length < 64_000)
            {
                _output.AppendLine(line);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static class NativeMethods
    {
        public const int SIGTERM = 15;

        [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)]
        [System.Runtime.InteropServices.DefaultDllImportSearchPaths(System.Runtime.InteropServices.DllImportSearchPath.SafeDirectories)]
        public static extern int kill(int pid, int sig);
    }
}
