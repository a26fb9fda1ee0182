using System.Buffers.Binary;
using System.IO.Compression;

namespace ReflectBot.Tests.Deployment;

/// <summary>A minimal PNG reader (8-bit RGBA, non-interlaced) for checking the Teams icons' size and pixels.</summary>
public sealed class Png
{
    private Png(int width, int height, byte[] rgba)
    {
        Width = width;
        Height = height;
        Rgba = rgba;
    }

    public int Width { get; }

    public int Height { get; }

    public byte[] Rgba { get; }

    public static Png Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.True(bytes.AsSpan(0, 8).SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }), $"{path} is not a PNG");
        int width = 0, height = 0;
        using var idat = new MemoryStream();
        for (var i = 8; i < bytes.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(i));
            var type = System.Text.Encoding.ASCII.GetString(bytes, i + 4, 4);
            var data = bytes.AsSpan(i + 8, length);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                Assert.True(data[8] == 8 && data[9] == 6 && data[12] == 0, $"{path}: expected 8-bit RGBA, non-interlaced");
            }
            else if (type == "IDAT")
            {
                idat.Write(data);
            }

            i += 12 + length;
        }

        idat.Position = 0;
        using var inflate = new ZLibStream(idat, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        inflate.CopyTo(raw);
        return new Png(width, height, Unfilter(raw.ToArray(), width, height));
    }

    public (byte R, byte G, byte B, byte A) Pixel(int x, int y)
    {
        var at = ((y * Width) + x) * 4;
        return (Rgba[at], Rgba[at + 1], Rgba[at + 2], Rgba[at + 3]);
    }

    private static byte[] Unfilter(byte[] raw, int width, int height)
    {
        const int bpp = 4;
        var stride = width * bpp;
        var output = new byte[stride * height];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            for (var x = 0; x < stride; x++)
            {
                var value = raw[(y * (stride + 1)) + 1 + x];
                int a = x >= bpp ? output[(y * stride) + x - bpp] : 0;
                int b = y > 0 ? output[((y - 1) * stride) + x] : 0;
                int c = x >= bpp && y > 0 ? output[((y - 1) * stride) + x - bpp] : 0;
                var predictor = filter switch
                {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => (a + b) / 2,
                    4 => Paeth(a, b, c),
                    _ => throw new InvalidDataException($"PNG filter {filter}"),
                };
                output[(y * stride) + x] = (byte)(value + predictor);
            }
        }

        return output;
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        var pa = Math.Abs(p - a);
        var pb = Math.Abs(p - b);
        var pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
