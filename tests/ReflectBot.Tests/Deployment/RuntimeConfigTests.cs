using Newtonsoft.Json.Linq;

namespace ReflectBot.Tests.Deployment;

/// <summary>
/// The runtime settings the benchmarks chose travel in the app's runtimeconfig.json, which every way of running it reads
/// (the Dockerfile's publish, deploy-app.sh, the Release build the benchmarks run), so production runs what was measured.
/// </summary>
public sealed class RuntimeConfigTests
{
    [Fact]
    public void TheBotsRuntimeConfigTurnsDynamicPgoOffThreadPoolSpinningDownAndTheGcToConservingMemory()
    {
        // The bot's build in the configuration these tests were built in (the project reference builds it first).
        var configuration = Path.GetFileName(Path.GetDirectoryName(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar))!);
        var file = RepoPaths.Of("src", "ReflectBot", "bin", configuration, "net10.0", "ReflectBot.runtimeconfig.json");
        var properties = (JObject)JObject.Parse(File.ReadAllText(file))["runtimeOptions"]!["configProperties"]!;

        // Read as tokens: a missing setting must fail, not read as false or 0.
        Assert.Equal(new JValue(false), properties["System.Runtime.TieredPGO"]);
        Assert.Equal(new JValue(0), properties["System.Threading.ThreadPool.UnfairSemaphoreSpinLimit"]);
        Assert.Equal(new JValue(true), properties["System.GC.Server"]);
        Assert.Equal(new JValue(7), properties["System.GC.ConserveMemory"]);
    }
}
