using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ReflectBot.Channels;
using ReflectBot.Clinic;
using ReflectBot.Hosting;
using ReflectBot.Journal;
using ReflectBot.Kernel;
using ReflectBot.Safety;
using ReflectBot.Storage;
using ReflectBot.Tests.Deployment;
using ReflectBot.Tests.Support;
using ReflectBot.Upgrade;

namespace ReflectBot.Tests.Upgrade;

/// <summary>
/// <c>Security/Fixtures/pre-sealing</c>: a data folder the last released build (68a8039) wrote over HTTP in one
/// session, with user keys of then (<c>{channel}/{id}</c>): a clinician's code, a client linked with full consent
/// ("Marigold Quenby"), a check-in shared with the clinician, a safety plan, a PHQ-9, a crisis message and "inner
/// self" left after its first answer. Its journal and safety plan are sealed with the fixture's key (SHA-256 of
/// "reflectbot-pre-sealing-fixture", a test value, not a secret), the rest is plain JSON. Here: copying it, running
/// <c>upgrade-data</c> on it the way the command does, and checking what the stores then give back.
/// </summary>
public static class PreSealingFixture
{
    public const string ClientId = "fixture-client";
    public const string ClinicianId = "fixture-clinician";
    public const string SharedAnswer = "LEGACY-ONMIND-quillwort";

    public static readonly DateTimeOffset Written = new(2026, 11, 29, 14, 10, 0, TimeSpan.Zero);

    public static readonly string Key = Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData("reflectbot-pre-sealing-fixture"u8));

    public static string Folder => RepoPaths.Of("tests", "ReflectBot.Tests", "Security", "Fixtures", "pre-sealing");

    public static string ClientKey => UserKeys.From("webchat", ClientId);

    public static string ClinicianKey => UserKeys.From("webchat", ClinicianId);

    /// <summary>A fresh copy of the fixture's data folder.</summary>
    public static string Copy()
    {
        var data = TempFolder.Create();
        foreach (var file in Directory.EnumerateFiles(Folder, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(data, Path.GetRelativePath(Folder, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return data;
    }

    /// <summary>What the bot is configured with to read the fixture: its key, and the clinician as the README writes one.</summary>
    public static IEnumerable<(string Key, string? Value)> Settings(string dataPath) =>
    [
        ("Storage:DataPath", dataPath),
        ("Journal:EncryptionKey", Key),
        ("Clinic:ClinicianUserKeys:0", $"webchat/{ClinicianId}"),
    ];

    /// <summary>The app's services built the way the command builds them (not started); dispose after use.</summary>
    public static WebApplication App(IEnumerable<(string Key, string? Value)> settings, Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        builder.Services.AddReflectBot(builder.Configuration);
        services?.Invoke(builder.Services);
        return builder.Build();
    }

    /// <summary><c>upgrade-data</c> in this process, on services built as the command builds them: its exit code and everything it printed.</summary>
    public static async Task<(int Exit, string Output)> UpgradeAsync(IEnumerable<(string Key, string? Value)> settings, Action<IServiceCollection>? services = null)
    {
        await using var app = App(settings, services);
        return await UpgradeAsync(app.Services);
    }

    public static async Task<(int Exit, string Output)> UpgradeAsync(IServiceProvider services)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await DataUpgrade.RunAsync(services, output, error);
        return (exit, output.ToString() + error);
    }

    /// <summary>A command of the built app, as an operator runs it (<c>dotnet ReflectBot.dll NAME</c>) on a data folder with the fixture's key.</summary>
    public static async Task<(int Exit, string Output)> RunCommandAsync(string command, string dataPath)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = AppContext.BaseDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ReflectBot.dll"));
        start.ArgumentList.Add(command);
        start.Environment["Storage__DataPath"] = dataPath;
        start.Environment["Journal__EncryptionKey"] = Key;
        start.Environment["DOTNET_ENVIRONMENT"] = "Development";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary>
    /// That every store gives back the fixture's records under the users' keys of today, read the way the bot
    /// reads them: the journal (3 entries: check-in, safety plan, PHQ-9), the safety plan, the clinician's link
    /// and roster, the shared entry (only over that link), the score, the safety event (by the hash of the new
    /// key) and both references.
    /// </summary>
    public static async Task AssertFoundUnderNewKeysAsync(IServiceProvider services, int entries = 3, int safetyEvents = 1)
    {
        Assert.Equal(entries, (await services.GetRequiredService<IJournalStore>().ListAsync(ClientKey)).Count);
        Assert.Contains("LEGACY-PLAN-g-tamarisk", string.Join(" ", (await services.GetRequiredService<SafetyPlanStore>().GetAsync(ClientKey))!.Answers.Values), StringComparison.Ordinal);
        var reads = services.GetRequiredService<ClinicianReads>();
        var link = Assert.Single(await reads.ClientsAsync(ClinicianKey));
        Assert.Equal((ClientKey, ClinicianKey, "Marigold Quenby"), (link.ClientId, link.ClinicianId, link.ClientName));
        var shared = Assert.Single((await reads.SharedEntriesAsync(ClinicianKey, ClientKey))!);
        Assert.Equal(SharedAnswer, shared.Answers["on-mind"]);
        Assert.Equal(ClientKey, shared.UserId);
        Assert.Equal(2, Assert.Single((await services.GetRequiredService<ClinicStore>().ListValuesAsync<MeasureScore>(ClinicKeys.ScoresOf(ClientKey)))).Score);
        Assert.Equal(safetyEvents, await services.GetRequiredService<SafetyEventStore>().CountOfUserAsync(ClientKey, DateTimeOffset.MinValue));
        var references = services.GetRequiredService<ConversationReferences>();
        Assert.Equal("conv-fixture-client", (await references.GetAsync(ClientKey))?.Conversation.Id);
        Assert.Equal("conv-fixture-clinician", (await references.GetAsync(ClinicianKey))?.Conversation.Id);
    }

    /// <summary>That no store holds a record under a user key of an earlier build: none at a place of then, none naming a user in clear.</summary>
    public static async Task AssertNothingLeftInTheOldLayoutAsync(IServiceProvider services)
    {
        foreach (var name in ItemStoreNames.All)
        {
            var store = services.GetRequiredKeyedService<IItemStore>(name);
            await foreach (var key in store.ListAsync(string.Empty))
            {
                Assert.True(LegacyLayout.Find(name, key) is null, $"{name} still holds {key} in the old layout");
                var text = System.Text.Encoding.UTF8.GetString((await store.ReadAsync(key))!.Content.Span);
                Assert.False(text.Contains("\"webchat/", StringComparison.Ordinal), $"{name} {key} still names a user by an earlier key: {text}");
            }
        }
    }
}
