using System.Globalization;
using System.Text;

namespace Kinerja.Web.Infrastructure.Pdf;

/// <summary>
/// A minimal PDF writer: A4 pages of text (Helvetica and Helvetica-Bold, WinAnsi encoding), lines and simple
/// tables, laid out top to bottom with automatic page breaks. Enough for letters and slips; no images, no fonts
/// to embed (the standard 14 fonts are in every reader), no licence trap.
/// </summary>
public sealed class PdfWriter
{
    public const double PageWidth = 595.28;
    public const double PageHeight = 841.89;

    readonly List<StringBuilder> pages = [];
    StringBuilder page = null!;
    readonly double margin;

    public PdfWriter(double margin = 56)
    {
        this.margin = margin;
        NewPage();
    }

    /// <summary>Distance from the bottom of the page of the next line's baseline.</summary>
    public double Y { get; private set; }

    public double Left => margin;

    public double ContentWidth => PageWidth - 2 * margin;

    public void NewPage()
    {
        page = new StringBuilder();
        pages.Add(page);
        Y = PageHeight - margin;
    }

    /// <summary>Makes room for <paramref name="height"/> points, starting a new page if needed.</summary>
    public void Need(double height)
    {
        if (Y - height < margin)
            NewPage();
    }

    public void Space(double points) => Y -= points;

    /// <summary>A paragraph wrapped to the content width (or <paramref name="width"/>), left, centred or right aligned.</summary>
    public void Paragraph(string text, double size = 10.5, bool bold = false, TextAlign align = TextAlign.Left, double indent = 0, double? width = null)
    {
        var leading = size * 1.35;
        var available = (width ?? ContentWidth) - indent;
        foreach (var line in Wrap(text, size, bold, available))
        {
            Need(leading);
            Y -= leading;
            var x = align switch
            {
                TextAlign.Center => Left + indent + (available - TextWidth(line, size, bold)) / 2,
                TextAlign.Right => Left + indent + available - TextWidth(line, size, bold),
                _ => Left + indent,
            };
            Text(x, Y + size * 0.3, line, size, bold);
        }
    }

    /// <summary>Text at an absolute position (baseline), no wrapping.</summary>
    public void Text(double x, double y, string text, double size, bool bold = false) =>
        page.Append(CultureInfo.InvariantCulture, $"BT /{(bold ? "F2" : "F1")} {N(size)} Tf {N(x)} {N(y)} Td ({Escape(text)}) Tj ET\n");

    /// <summary>Sets the colour (0 to 1 each) of the text and fills that follow on this page; Color(0, 0, 0) is black again.</summary>
    public void Color(double red, double green, double blue) =>
        page.Append(CultureInfo.InvariantCulture, $"{N(red)} {N(green)} {N(blue)} rg\n");

    /// <summary>A filled rectangle in the current colour; (x, y) is its lower left corner.</summary>
    public void FillRectangle(double x, double y, double width, double height) =>
        page.Append(CultureInfo.InvariantCulture, $"{N(x)} {N(y)} {N(width)} {N(height)} re f\n");

    public void Line(double x1, double y1, double x2, double y2, double width = 0.6) =>
        page.Append(CultureInfo.InvariantCulture, $"{N(width)} w {N(x1)} {N(y1)} m {N(x2)} {N(y2)} l S\n");

    /// <summary>A horizontal rule across the content width.</summary>
    public void Rule(double width = 0.6)
    {
        Need(6);
        Y -= 4;
        Line(Left, Y, Left + ContentWidth, Y, width);
        Y -= 2;
    }

    /// <summary>
    /// A table with a bold header row; <paramref name="widths"/> are fractions of the content width.
    /// Cells wrap; columns listed in <paramref name="rightAligned"/> are right aligned (numbers).
    /// </summary>
    public void Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows, IReadOnlyList<double> widths, double size = 9.5, IReadOnlySet<int>? rightAligned = null)
    {
        var columnWidths = widths.Select(w => w * ContentWidth).ToArray();
        Row(header, bold: true);
        foreach (var row in rows)
            Row(row, bold: false);

        void Row(IReadOnlyList<string> cells, bool bold)
        {
            const double pad = 3;
            var leading = size * 1.3;
            var wrapped = cells.Select((c, i) => Wrap(c, size, bold, columnWidths[i] - 2 * pad)).ToList();
            var height = wrapped.Max(w => w.Count) * leading + 2 * pad;
            Need(height);
            var top = Y;
            var x = Left;
            for (var i = 0; i < cells.Count; i++)
            {
                var lineY = top - pad;
                foreach (var line in wrapped[i])
                {
                    lineY -= leading;
                    var tx = rightAligned?.Contains(i) == true ? x + columnWidths[i] - pad - TextWidth(line, size, bold) : x + pad;
                    Text(tx, lineY + size * 0.3, line, size, bold);
                }
                x += columnWidths[i];
            }
            Y = top - height;
            Line(Left, top, Left + ContentWidth, top, bold ? 0.8 : 0.3);
            Line(Left, Y, Left + ContentWidth, Y, bold ? 0.8 : 0.3);
        }
    }

    public byte[] ToBytes()
    {
        using var output = new MemoryStream();
        var offsets = new List<long>();
        void Write(string s) => output.Write(Encode(s));
        void Object(string body)
        {
            offsets.Add(output.Position);
            Write($"{offsets.Count} 0 obj\n{body}\nendobj\n");
        }

        Write("%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n");
        var kids = string.Join(" ", Enumerable.Range(0, pages.Count).Select(i => $"{5 + 2 * i} 0 R"));
        Object("<< /Type /Catalog /Pages 2 0 R >>");
        Object($"<< /Type /Pages /Kids [{kids}] /Count {pages.Count} >>");
        Object("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
        Object("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>");
        foreach (var content in pages)
        {
            var stream = Encode(content.ToString());
            Object($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {N(PageWidth)} {N(PageHeight)}] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents {offsets.Count + 2} 0 R >>");
            offsets.Add(output.Position);
            Write($"{offsets.Count} 0 obj\n<< /Length {stream.Length} >>\nstream\n");
            output.Write(stream);
            Write("\nendstream\nendobj\n");
        }
        var xref = output.Position;
        var table = new StringBuilder();
        table.Append(CultureInfo.InvariantCulture, $"xref\n0 {offsets.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
            table.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        table.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {offsets.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        Write(table.ToString());
        return output.ToArray();
    }

    public List<string> Wrap(string text, double size, bool bold, double width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Replace("\r", "", StringComparison.Ordinal).Split('\n'))
        {
            var current = new StringBuilder();
            foreach (var word in paragraph.Split(' '))
            {
                var candidate = current.Length == 0 ? word : current + " " + word;
                if (current.Length > 0 && TextWidth(candidate, size, bold) > width)
                {
                    lines.Add(current.ToString());
                    current.Clear().Append(word);
                }
                else
                    current.Clear().Append(candidate);
            }
            lines.Add(current.ToString());
        }
        return lines;
    }

    public static double TextWidth(string text, double size, bool bold)
    {
        var widths = bold ? HelveticaBold : Helvetica;
        double total = 0;
        foreach (var b in Encode(text))
            total += b is >= 32 and <= 126 ? widths[b - 32] : 556;
        return total * size / 1000;
    }

    static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("(", "\\(", StringComparison.Ordinal).Replace(")", "\\)", StringComparison.Ordinal);

    /// <summary>WinAnsi (cp1252) bytes: Latin-1 plus the typographic marks people type; anything else becomes '?'.</summary>
    static byte[] Encode(string text)
    {
        var bytes = new byte[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            bytes[i] = c switch
            {
                < (char)0x80 => (byte)c,
                >= (char)0xA0 and <= (char)0xFF => (byte)c,
                '€' => 0x80, '…' => 0x85, '‘' => 0x91, '’' => 0x92, '“' => 0x93, '”' => 0x94, '•' => 0x95, '–' => 0x96, '—' => 0x97,
                _ => (byte)'?',
            };
        }
        return bytes;
    }

    // Advance widths (1/1000 em) of characters 32-126 from the Adobe AFM files of the standard fonts.
    static readonly short[] Helvetica =
    [
        278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
        1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
        667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
        333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
        556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
    ];

    static readonly short[] HelveticaBold =
    [
        278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
        975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
        667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
        333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,
        611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
    ];
}

public enum TextAlign
{
    Left,
    Center,
    Right,
}
