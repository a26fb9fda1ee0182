using PdfSharp.Drawing;
using PdfSharp.Drawing.Layout;
using PdfSharp.Pdf;

namespace ReflectBot.Clinic;

/// <summary>The summary as PDF notes (A4, DejaVu Sans): the same lines as the card, the mood chart as a picture, new pages as needed.</summary>
public static class SummaryPdf
{
    private const double Margin = 50;

    public static byte[] Render(IReadOnlyList<SummaryLine> lines, string intro, byte[]? chartPng, string title)
    {
        ArgumentNullException.ThrowIfNull(lines);
        PdfFonts.EnsureRegistered();
        using var document = new PdfDocument();
        document.Info.Title = title;
        document.Info.Creator = "ReflectBot";
        var writer = new Writer(document);
        foreach (var line in lines)
        {
            switch (line.Kind)
            {
                case SummaryLineKind.Title:
                    writer.Paragraph(line.Text, 18, bold: true);
                    writer.Paragraph(intro, 9);
                    break;
                case SummaryLineKind.Heading:
                    writer.Space(8);
                    writer.Paragraph(line.Text, 13, bold: true);
                    break;
                case SummaryLineKind.Answer:
                    writer.Paragraph(line.Text, 10, bold: true);
                    writer.Paragraph(line.Detail ?? string.Empty, 10);
                    break;
                case SummaryLineKind.Chart when chartPng is not null:
                    writer.Image(chartPng);
                    break;
                case SummaryLineKind.Chart:
                    break;
                default:
                    writer.Paragraph(line.Text, 10);
                    break;
            }
        }

        writer.Dispose();
        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    private sealed class Writer(PdfDocument document) : IDisposable
    {
        private PdfPage? _page;
        private XGraphics? _graphics;
        private double _y;

        public void Paragraph(string text, double size, bool bold = false)
        {
            var font = new XFont(PdfFonts.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular);
            var graphics = Graphics();
            var width = _page!.Width.Point - (2 * Margin);
            var lineHeight = font.GetHeight();
            var height = Math.Max(1, Math.Ceiling(graphics.MeasureString(text, font).Width / width) + text.Count(c => c == '\n')) * lineHeight * 1.15;
            if (_y + height > _page.Height.Point - Margin)
            {
                NewPage();
                graphics = Graphics();
            }

            new XTextFormatter(graphics).DrawString(text, font, XBrushes.Black, new XRect(Margin, _y, width, height), XStringFormats.TopLeft);
            _y += height + 4;
        }

        public void Space(double points) => _y += points;

        public void Image(byte[] png)
        {
            using var stream = new MemoryStream(png);
            using var image = XImage.FromStream(stream);
            var width = _page is null ? 400 : Math.Min(400, _page.Width.Point - (2 * Margin));
            var height = width * image.PixelHeight / image.PixelWidth;
            var graphics = Graphics();
            if (_y + height > _page!.Height.Point - Margin)
            {
                NewPage();
                graphics = Graphics();
            }

            graphics.DrawImage(image, Margin, _y, width, height);
            _y += height + 8;
        }

        public void Dispose() => _graphics?.Dispose();

        private XGraphics Graphics()
        {
            if (_graphics is null)
            {
                NewPage();
            }

            return _graphics!;
        }

        private void NewPage()
        {
            _graphics?.Dispose();
            _page = document.AddPage();
            _page.Size = PdfSharp.PageSize.A4;
            _graphics = XGraphics.FromPdfPage(_page);
            _y = Margin;
        }
    }
}
