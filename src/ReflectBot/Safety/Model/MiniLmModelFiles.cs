using System.Security.Cryptography;
using System.Text.Json;

namespace ReflectBot.Safety.Model;

/// <summary>
/// Where a sentence encoder's files are at run time: all-MiniLM-L6-v2's in <c>models/all-MiniLM-L6-v2/</c>
/// (build/MiniLmModel.targets puts them there) and snowflake-arctic-embed-xs's in
/// <c>models/snowflake-arctic-embed-xs/</c> (build/ArcticXsModel.targets), under the app's base directory, which is
/// bin/ when run from a build (tests and benchmarks included: the files flow to projects that reference the app) and
/// the publish folder in a container. The manifest lists the files; Arctic's graph keeps its weights inline (no
/// model.onnx.data).
/// </summary>
public sealed class MiniLmModelFiles
{
    public const string Folder = "models/all-MiniLM-L6-v2";

    /// <summary>The second encoder's folder (evaluation README, round eleven).</summary>
    public const string ArcticFolder = "models/snowflake-arctic-embed-xs";

    private static readonly string[] Required = ["model.onnx", "vocab.txt"];

    private readonly Dictionary<string, string> _fileSha256;

    private MiniLmModelFiles(string directory, string package, string sourceSha256, string? int8Sha256, Dictionary<string, string> fileSha256)
    {
        Directory = directory;
        Package = package;
        SourceSha256 = sourceSha256;
        Int8Sha256 = int8Sha256;
        _fileSha256 = fileSha256;
    }

    /// <summary>The package the files came out of, as the manifest names it.</summary>
    public string Package { get; }

    public string Directory { get; }

    /// <summary>The graph; its weights are in model.onnx.data beside it, which ONNX Runtime maps.</summary>
    public string Model => Path.Combine(Directory, "model.onnx");

    /// <summary>The fp32 weights the graph points into (and the int8 graph, for every tensor it leaves in float).</summary>
    public string Data => Path.Combine(Directory, "model.onnx.data");

    public string Vocabulary => Path.Combine(Directory, "vocab.txt");

    /// <summary>SHA-256 of the ONNX model inside the package, which the build checked: what the classifier weights name.</summary>
    public string SourceSha256 { get; }

    /// <summary>
    /// SHA-256 of the int8 graph <see cref="MiniLmQuantizer"/> derives from these files (build/MiniLmModel.targets
    /// pins it, as it pins the source's); null in a manifest written before it existed.
    /// </summary>
    public string? Int8Sha256 { get; }

    /// <summary>
    /// What classifier weights trained on this precision's vectors name as their modelSha256: the package's model
    /// for Float32, the int8 graph for Int8 (a different encoder: vectors close to, not equal to, Float32's).
    /// </summary>
    public string? EncoderSha256(ModelPrecision precision) => precision == ModelPrecision.Int8 ? Int8Sha256 : SourceSha256;

    /// <summary>The int8 graph, quantised now and checked against <see cref="Int8Sha256"/>: the bytes measured are the bytes run.</summary>
    public byte[] Int8Graph()
    {
        var graph = MiniLmQuantizer.Quantize(this);
        var sha = MiniLmQuantizer.Sha256(graph);
        if (!string.Equals(sha, Int8Sha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidDataException($"The int8 graph quantised from {Model} has SHA-256 {sha}, but the manifest names {Int8Sha256 ?? "none"} (MiniLmInt8Sha256 or ArcticXsInt8Sha256 in build/): the quantiser or the model changed; a changed int8 graph needs its SHA-256 updated there and weights retrained on it.");
        }

        return graph;
    }

    /// <summary>The files under <paramref name="baseDirectory"/> (default: the app's), with their manifest read.</summary>
    public static MiniLmModelFiles Find(string? baseDirectory = null) => Find(baseDirectory, Folder);

    /// <summary>The files of the encoder in <paramref name="folder"/> (<see cref="Folder"/> or <see cref="ArcticFolder"/>) under <paramref name="baseDirectory"/>.</summary>
    public static MiniLmModelFiles Find(string? baseDirectory, string folder)
    {
        var directory = Path.Combine(baseDirectory ?? AppContext.BaseDirectory, folder);
        var manifestPath = Path.Combine(directory, "manifest.json");
        if (!File.Exists(manifestPath))
        {
            throw new FileNotFoundException($"The embedding model is missing: {manifestPath} was not found (build/MiniLmModel.targets writes it at build and publish).", manifestPath);
        }

        using var manifest = JsonDocument.Parse(File.ReadAllBytes(manifestPath));
        var root = manifest.RootElement;
        var files = root.GetProperty("files").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? string.Empty, StringComparer.Ordinal);
        foreach (var name in Required.Concat(files.Keys).Distinct(StringComparer.Ordinal))
        {
            if (!files.ContainsKey(name) || !File.Exists(Path.Combine(directory, name)))
            {
                throw new FileNotFoundException($"The embedding model is incomplete: {Path.Combine(directory, name)} is missing.", name);
            }
        }

        var int8 = root.TryGetProperty("int8Sha256", out var pinned) ? pinned.GetString() : null;
        var package = root.TryGetProperty("package", out var named) ? named.GetString() ?? string.Empty : string.Empty;
        return new MiniLmModelFiles(directory, package, root.GetProperty("sourceSha256").GetString() ?? string.Empty, int8, files);
    }

    /// <summary>
    /// Hashes the files against the manifest (about 90 MB each encoder: some 60 ms of CPU, once, in the background load),
    /// so a damaged or swapped file is refused rather than read with weights trained on another.
    /// </summary>
    public void Verify(CancellationToken cancellationToken = default)
    {
        foreach (var name in _fileSha256.Keys.Order(StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var stream = new FileStream(Path.Combine(Directory, name), FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            var actual = Convert.ToHexStringLower(SHA256.HashData(stream));
            if (!string.Equals(actual, _fileSha256[name], StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidDataException($"{Path.Combine(Directory, name)} does not match its manifest (SHA-256 {actual[..12]}…).");
            }
        }
    }
}
