using PdfSharp.Fonts;

namespace ReflectBot.Clinic;

/// <summary>
/// PDFsharp finds no fonts by itself off Windows: this resolver hands it DejaVu Sans (Debian's
/// fonts-dejavu-core, which the container and scripts/test.sh install), looked for where Linux keeps fonts.
/// Registered once per process, since PDFsharp keeps one resolver for good.
/// </summary>
public sealed class PdfFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";

    private static readonly string[] Folders =
    [
        "/usr/share/fonts/truetype/dejavu",
        "/usr/share/fonts/dejavu",
        "/usr/local/share/fonts",
        Path.Combine(AppContext.BaseDirectory, "fonts"),
    ];

    private static readonly Lock Gate = new();

    public static void EnsureRegistered()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is not PdfFonts)
            {
                GlobalFontSettings.FontResolver = new PdfFonts();
            }
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic)
        => new(bold ? "DejaVuSans-Bold" : "DejaVuSans");

    public byte[]? GetFont(string faceName)
    {
        foreach (var folder in Folders)
        {
            var path = Path.Combine(folder, faceName + ".ttf");
            if (File.Exists(path))
            {
                return File.ReadAllBytes(path);
            }
        }

        throw new FileNotFoundException($"The PDF notes need the font {faceName}.ttf (Debian: fonts-dejavu-core); it was not found in {string.Join(", ", Folders)}.");
    }
}
