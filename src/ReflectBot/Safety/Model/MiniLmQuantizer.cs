using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace ReflectBot.Safety.Model;

/// <summary>
/// all-MiniLM-L6-v2 with int8 weight matrices, derived in memory from the fp32 graph beside the app: the same
/// bytes every time (no clock, no randomness, no hash-ordered collections; the float arithmetic is IEEE
/// division and rounding only), checked against the SHA-256 the manifest pins (<c>int8Sha256</c>).
/// <para>Every MatMul whose second input is a constant 2-D float matrix (the 36 Linear layers: query, key,
/// value, attention output and the two feed-forward matrices of each of the 6 layers) becomes
/// <c>MatMulIntegerToFloat</c> (ONNX Runtime's contrib op, integer GEMM with the int8 kernels that use
/// AVX512-VNNI / AVX-VNNI / AVX2 here) over:</para>
/// <list type="bullet">
/// <item>the weights in int8, symmetric (zero point 0: the kernel skips the zero-point correction of the
/// other side) with one scale per output column: BERT's columns differ in range by an order of magnitude,
/// so one scale for the matrix would leave the quiet columns a few levels; per column costs nothing at run
/// time (the scales are applied once per output element, as a per-tensor scale would be);</item>
/// <item>the activation quantised per row (per token), symmetric around 128 in uint8, with its own scale
/// max|x|/127, by plain ONNX ops (Abs, ReduceMax, Max, Div, Round, Add, Cast) shared by the MatMuls reading
/// the same tensor (query, key and value). Per row, not per tensor as DynamicQuantizeLinear does: a
/// tensor-wide scale would depend on the other texts padded into the same run, so a reading would change
/// with the company it is run in; per row, each token's product is exact integer arithmetic from its own
/// values only, and coalesced runs stay bit-identical to lone ones (CoalescingEncoder's guarantee). It is
/// also the closer reading: one outlier token no longer coarsens every other token's levels.</item>
/// </list>
/// The row scale multiplies the product after the kernel (a Mul), then the graph's own bias Add follows.
/// Everything else (embeddings, attention's score products, LayerNorm, GELU) stays float; those tensors keep
/// pointing into model.onnx.data, which ONNX Runtime maps from the model's folder.
/// </summary>
public static class MiniLmQuantizer
{
    private const string MicrosoftDomain = "com.microsoft";
    private const int FloatType = 1;
    private const int Uint8Type = 2;
    private const int Int8Type = 3;
    private const string Prefix = "q8_";

    /// <summary>Reads <paramref name="into"/>.Length bytes of the file <paramref name="location"/> names, from <paramref name="offset"/>.</summary>
    public delegate void ExternalReader(string location, long offset, Span<byte> into);

    /// <summary>The int8 graph (about 11 MB: int8 matrices inline, other tensors still in model.onnx.data).</summary>
    public static byte[] Quantize(MiniLmModelFiles files)
    {
        ArgumentNullException.ThrowIfNull(files);
        // Opened only when a tensor points into it: Arctic's graph (the second encoder) keeps its weights inline.
        Microsoft.Win32.SafeHandles.SafeFileHandle? data = null;
        try
        {
            return Quantize(File.ReadAllBytes(files.Model), (location, offset, into) =>
            {
                if (!string.Equals(location, Path.GetFileName(files.Data), StringComparison.Ordinal))
                {
                    throw new InvalidDataException($"A tensor of {files.Model} points into '{location}', not {Path.GetFileName(files.Data)}.");
                }

                data ??= File.OpenHandle(files.Data, FileMode.Open, FileAccess.Read, FileShare.Read);
                if (RandomAccess.Read(data, into, offset) != into.Length)
                {
                    throw new InvalidDataException($"{files.Data} ends before byte {offset + into.Length}.");
                }
            });
        }
        finally
        {
            data?.Dispose();
        }
    }

    /// <summary>SHA-256 of a graph, lower-case hex, as the manifest writes it.</summary>
    public static string Sha256(byte[] graph) => Convert.ToHexStringLower(SHA256.HashData(graph));

    /// <param name="model">The fp32 ModelProto.</param>
    /// <param name="external">Reads an external tensor's bytes (location, offset) into the span, which is as long as the tensor.</param>
    public static byte[] Quantize(byte[] model, ExternalReader external)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(external);
        var modelFields = Fields(model, 0, model.Length);
        var graphField = modelFields.Single(f => f.Number == 7);
        var graphFields = Fields(model, graphField.ValueStart, graphField.ValueLength);

        var initializers = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        foreach (var field in graphFields.Where(f => f.Number == 5))
        {
            var tensor = Tensor.Read(model, field);
            initializers[tensor.Name] = tensor;
        }

        var nodes = graphFields.Where(f => f.Number == 1).Select(f => Node.Read(model, f)).ToList();
        var uses = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var input in nodes.SelectMany(n => n.Inputs))
        {
            uses[input] = uses.GetValueOrDefault(input) + 1;
        }

        var added = new List<byte[]>
        {
            Tensor.Write(Prefix + "eps", FloatType, [], Floats([1e-30f])),
            Tensor.Write(Prefix + "127", FloatType, [], Floats([127f])),
            Tensor.Write(Prefix + "128", FloatType, [], Floats([128f])),
            Tensor.Write(Prefix + "one", FloatType, [], Floats([1f])),
            Tensor.Write(Prefix + "zero_point", Uint8Type, [], [128]),
        };
        // One buffer for the largest matrix's bytes and one for its floats, reused: the 36 matrices are 85 MB of
        // fp32 between them, which would otherwise all pass through the large-object heap at load.
        var largest = nodes.Where(n => n.OpType == "MatMul" && n.Inputs.Count == 2 && initializers.ContainsKey(n.Inputs[1]))
            .Select(n => initializers[n.Inputs[1]]).Where(t => t.DataType == FloatType && t.Dims.Length == 2).Select(t => t.Count).DefaultIfEmpty(0).Max();
        var bytesBuffer = new byte[largest * 4];
        var floatsBuffer = new float[largest];
        var replacements = new Dictionary<int, List<byte[]>>();
        var rows = new Dictionary<string, (string Quantized, string Scale)>(StringComparer.Ordinal);
        var dropped = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            if (node.OpType != "MatMul" || node.Domain.Length != 0 || node.Inputs.Count != 2
                || !initializers.TryGetValue(node.Inputs[1], out var weight) || weight.DataType != FloatType || weight.Dims.Length != 2)
            {
                continue;
            }

            var emitted = new List<byte[]>();
            var x = node.Inputs[0];
            if (!rows.TryGetValue(x, out var row))
            {
                var p = Prefix + x + "_";
                row = (p + "u8", p + "scale");
                emitted.Add(Node.Write(p + "abs", "Abs", [x], [p + "abs"]));
                emitted.Add(Node.Write(p + "max", "ReduceMax", [p + "abs"], [p + "max"], Attribute.Ints("axes", [-1]), Attribute.Int("keepdims", 1)));
                emitted.Add(Node.Write(p + "floor", "Max", [p + "max", Prefix + "eps"], [p + "floor"]));
                emitted.Add(Node.Write(p + "scale", "Div", [p + "floor", Prefix + "127"], [row.Scale]));
                emitted.Add(Node.Write(p + "div", "Div", [x, row.Scale], [p + "div"]));
                emitted.Add(Node.Write(p + "round", "Round", [p + "div"], [p + "round"]));
                emitted.Add(Node.Write(p + "shift", "Add", [p + "round", Prefix + "128"], [p + "shift"]));
                emitted.Add(Node.Write(p + "u8", "Cast", [p + "shift"], [row.Quantized], Attribute.Int("to", Uint8Type)));
                rows[x] = row;
            }

            var (quantized, scales) = QuantizeColumns(weight.Floats(model, external, bytesBuffer, floatsBuffer), (int)weight.Dims[0], (int)weight.Dims[1]);
            var w = Prefix + weight.Name;
            added.Add(Tensor.Write(w + "_int8", Int8Type, weight.Dims, quantized));
            added.Add(Tensor.Write(w + "_scale", FloatType, [weight.Dims[1]], Floats(scales)));
            var result = node.Outputs[0];
            var product = Prefix + result + "_product";
            emitted.Add(Node.Write(Prefix + node.Name, "MatMulIntegerToFloat", [row.Quantized, w + "_int8", Prefix + "one", w + "_scale", Prefix + "zero_point"], [product], domain: MicrosoftDomain));
            emitted.Add(Node.Write(Prefix + node.Name + "_rows", "Mul", [product, row.Scale], [result]));
            replacements[node.Field.Start] = emitted;
            if (--uses[weight.Name] == 0)
            {
                dropped.Add(weight.Name);
            }
        }

        if (replacements.Count == 0)
        {
            throw new InvalidDataException("The model has no MatMul with a constant float matrix: nothing to quantise.");
        }

        using var graph = new MemoryStream(model.Length + added.Sum(t => t.Length + 16));
        var lastInitializer = graphFields.FindLastIndex(f => f.Number == 5);
        for (var i = 0; i < graphFields.Count; i++)
        {
            var field = graphFields[i];
            if (field.Number == 1 && replacements.TryGetValue(field.Start, out var emitted))
            {
                emitted.ForEach(n => WriteBytes(graph, 1, n));
            }
            else if (!(field.Number == 5 && dropped.Contains(Tensor.Read(model, field).Name))
                && !(field.Number == 11 && dropped.Contains(ValueInfoName(model, field))))
            {
                graph.Write(model, field.Start, field.End - field.Start);
            }

            if (i == lastInitializer)
            {
                added.ForEach(t => WriteBytes(graph, 5, t));
            }
        }

        using var output = new MemoryStream(model.Length + (int)graph.Length);
        var lastOpset = modelFields.FindLastIndex(f => f.Number == 8);
        for (var i = 0; i < modelFields.Count; i++)
        {
            var field = modelFields[i];
            if (field.Number == 7)
            {
                WriteBytes(output, 7, graph.ToArray());
            }
            else
            {
                output.Write(model, field.Start, field.End - field.Start);
            }

            if (i == lastOpset)
            {
                using var opset = new MemoryStream();
                WriteBytes(opset, 1, Encoding.UTF8.GetBytes(MicrosoftDomain));
                WriteVarintField(opset, 2, 1);
                WriteBytes(output, 8, opset.ToArray());
            }
        }

        return output.ToArray();
    }

    /// <summary>Symmetric int8 per column of a K×N row-major matrix: scale = max|w|/127, q = round-half-even(w/scale).</summary>
    private static (byte[] Quantized, float[] Scales) QuantizeColumns(ReadOnlySpan<float> weights, int k, int n)
    {
        var scales = new float[n];
        for (var r = 0; r < k; r++)
        {
            for (var c = 0; c < n; c++)
            {
                scales[c] = MathF.Max(scales[c], MathF.Abs(weights[(r * n) + c]));
            }
        }

        for (var c = 0; c < n; c++)
        {
            scales[c] = scales[c] > 0 ? scales[c] / 127f : 1f;
        }

        var quantized = new byte[k * n];
        for (var r = 0; r < k; r++)
        {
            for (var c = 0; c < n; c++)
            {
                var q = Math.Clamp(MathF.Round(weights[(r * n) + c] / scales[c], MidpointRounding.ToEven), -127f, 127f);
                quantized[(r * n) + c] = unchecked((byte)(sbyte)q);
            }
        }

        return (quantized, scales);
    }

    private static byte[] Floats(float[] values)
    {
        var bytes = new byte[values.Length * 4];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * 4), values[i]);
        }

        return bytes;
    }

    private static string ValueInfoName(byte[] bytes, Field field)
        => Fields(bytes, field.ValueStart, field.ValueLength).Where(f => f.Number == 1).Select(f => Text(bytes, f)).FirstOrDefault() ?? string.Empty;

    private static string Text(byte[] bytes, Field field) => Encoding.UTF8.GetString(bytes, field.ValueStart, field.ValueLength);

    /// <summary>The fields of one protobuf message, in order, each with where its bytes (key included) and its value are.</summary>
    private static List<Field> Fields(byte[] bytes, int start, int length)
    {
        var fields = new List<Field>();
        var position = start;
        while (position < start + length)
        {
            var fieldStart = position;
            var key = ReadVarint(bytes, ref position);
            var wire = (int)(key & 7);
            int valueStart;
            int valueLength;
            switch (wire)
            {
                case 0:
                    valueStart = position;
                    ReadVarint(bytes, ref position);
                    valueLength = position - valueStart;
                    break;
                case 1:
                    valueStart = position;
                    valueLength = 8;
                    break;
                case 2:
                    valueLength = (int)ReadVarint(bytes, ref position);
                    valueStart = position;
                    break;
                case 5:
                    valueStart = position;
                    valueLength = 4;
                    break;
                default:
                    throw new InvalidDataException($"Unsupported protobuf wire type {wire} at byte {fieldStart}.");
            }

            position = valueStart + valueLength;
            fields.Add(new Field((int)(key >> 3), wire, fieldStart, position, valueStart, valueLength));
        }

        return fields;
    }

    private static ulong ReadVarint(byte[] bytes, ref int position)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = bytes[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }
    }

    private static ulong Varint(byte[] bytes, Field field)
    {
        var position = field.ValueStart;
        return ReadVarint(bytes, ref position);
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

    private static void WriteVarintField(Stream output, int number, long value)
    {
        WriteVarint(output, (ulong)number << 3);
        WriteVarint(output, unchecked((ulong)value));
    }

    private static void WriteBytes(Stream output, int number, byte[] value)
    {
        WriteVarint(output, ((ulong)number << 3) | 2);
        WriteVarint(output, (ulong)value.Length);
        output.Write(value);
    }

    private readonly record struct Field(int Number, int Wire, int Start, int End, int ValueStart, int ValueLength);

    /// <summary>TensorProto: dims 1, data_type 2, float_data 4, name 8, raw_data 9, external_data 13.</summary>
    private sealed record Tensor(string Name, int DataType, long[] Dims, Field? Raw, Field? Packed, string? Location, long Offset, int Length)
    {
        public static Tensor Read(byte[] bytes, Field tensor)
        {
            string name = string.Empty;
            var type = 0;
            var dims = new List<long>();
            Field? raw = null;
            Field? packed = null;
            string? location = null;
            long offset = 0;
            var length = 0;
            foreach (var f in Fields(bytes, tensor.ValueStart, tensor.ValueLength))
            {
                switch (f.Number)
                {
                    case 1 when f.Wire == 0:
                        dims.Add((long)Varint(bytes, f));
                        break;
                    case 1:
                        for (var position = f.ValueStart; position < f.ValueStart + f.ValueLength;)
                        {
                            dims.Add((long)ReadVarint(bytes, ref position));
                        }

                        break;
                    case 2:
                        type = (int)Varint(bytes, f);
                        break;
                    case 4:
                        packed = f;
                        break;
                    case 8:
                        name = Text(bytes, f);
                        break;
                    case 9:
                        raw = f;
                        break;
                    case 13:
                        var entry = Fields(bytes, f.ValueStart, f.ValueLength);
                        var key = Text(bytes, entry.Single(e => e.Number == 1));
                        var value = Text(bytes, entry.Single(e => e.Number == 2));
                        if (key == "location")
                        {
                            location = value;
                        }
                        else if (key == "offset")
                        {
                            offset = long.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
                        }
                        else if (key == "length")
                        {
                            length = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
                        }

                        break;
                }
            }

            return new Tensor(name, type, [.. dims], raw, packed, location, offset, length);
        }

        public int Count => checked((int)Dims.Aggregate(1L, (a, d) => a * d));

        /// <summary>The tensor's floats, in <paramref name="values"/> (read through <paramref name="buffer"/> when external).</summary>
        public ReadOnlySpan<float> Floats(byte[] bytes, ExternalReader external, byte[] buffer, float[] values)
        {
            var count = Count;
            ReadOnlySpan<byte> data;
            if (Location is not null)
            {
                if (Length != count * 4)
                {
                    throw new InvalidDataException($"Tensor {Name} has {Length} external bytes for {count} floats.");
                }

                external(Location, Offset, buffer.AsSpan(0, Length));
                data = buffer.AsSpan(0, Length);
            }
            else
            {
                data = Raw is { } raw ? bytes.AsSpan(raw.ValueStart, raw.ValueLength)
                    : Packed is { } packed ? bytes.AsSpan(packed.ValueStart, packed.ValueLength)
                    : [];
            }

            if (data.Length != count * 4)
            {
                throw new InvalidDataException($"Tensor {Name} has {data.Length} bytes for {count} floats.");
            }

            for (var i = 0; i < count; i++)
            {
                values[i] = BinaryPrimitives.ReadSingleLittleEndian(data[(i * 4)..]);
            }

            return values.AsSpan(0, count);
        }

        public static byte[] Write(string name, int type, long[] dims, byte[] raw)
        {
            using var output = new MemoryStream(raw.Length + name.Length + 32);
            foreach (var d in dims)
            {
                WriteVarintField(output, 1, d);
            }

            WriteVarintField(output, 2, type);
            WriteBytes(output, 8, Encoding.UTF8.GetBytes(name));
            WriteBytes(output, 9, raw);
            return output.ToArray();
        }
    }

    /// <summary>NodeProto: input 1, output 2, name 3, op_type 4, attribute 5, domain 7.</summary>
    private sealed record Node(Field Field, List<string> Inputs, List<string> Outputs, string Name, string OpType, string Domain)
    {
        public static Node Read(byte[] bytes, Field node)
        {
            var inputs = new List<string>();
            var outputs = new List<string>();
            string name = string.Empty, op = string.Empty, domain = string.Empty;
            foreach (var f in Fields(bytes, node.ValueStart, node.ValueLength))
            {
                switch (f.Number)
                {
                    case 1:
                        inputs.Add(Text(bytes, f));
                        break;
                    case 2:
                        outputs.Add(Text(bytes, f));
                        break;
                    case 3:
                        name = Text(bytes, f);
                        break;
                    case 4:
                        op = Text(bytes, f);
                        break;
                    case 7:
                        domain = Text(bytes, f);
                        break;
                }
            }

            return new Node(node, inputs, outputs, name, op, domain);
        }

        public static byte[] Write(string name, string op, string[] inputs, string[] outputs, params byte[][] attributes)
            => Write(name, op, inputs, outputs, string.Empty, attributes);

        public static byte[] Write(string name, string op, string[] inputs, string[] outputs, string domain, params byte[][] attributes)
        {
            using var output = new MemoryStream();
            foreach (var input in inputs)
            {
                WriteBytes(output, 1, Encoding.UTF8.GetBytes(input));
            }

            foreach (var o in outputs)
            {
                WriteBytes(output, 2, Encoding.UTF8.GetBytes(o));
            }

            WriteBytes(output, 3, Encoding.UTF8.GetBytes(name));
            WriteBytes(output, 4, Encoding.UTF8.GetBytes(op));
            foreach (var attribute in attributes)
            {
                WriteBytes(output, 5, attribute);
            }

            if (domain.Length > 0)
            {
                WriteBytes(output, 7, Encoding.UTF8.GetBytes(domain));
            }

            return output.ToArray();
        }
    }

    /// <summary>AttributeProto: name 1, i 3, ints 8, type 20 (INT 2, INTS 7).</summary>
    private static class Attribute
    {
        public static byte[] Int(string name, long value)
        {
            using var output = new MemoryStream();
            WriteBytes(output, 1, Encoding.UTF8.GetBytes(name));
            WriteVarintField(output, 3, value);
            WriteVarintField(output, 20, 2);
            return output.ToArray();
        }

        public static byte[] Ints(string name, long[] values)
        {
            using var output = new MemoryStream();
            WriteBytes(output, 1, Encoding.UTF8.GetBytes(name));
            foreach (var value in values)
            {
                WriteVarintField(output, 8, value);
            }

            WriteVarintField(output, 20, 7);
            return output.ToArray();
        }
    }
}
