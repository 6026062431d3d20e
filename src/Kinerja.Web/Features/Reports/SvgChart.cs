using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace Kinerja.Web.Features.Reports;

/// <summary>One series of a chart: its name, CSS colour class and a value per category (null: no data).</summary>
public sealed record ChartSeries(string Name, string CssClass, IReadOnlyList<decimal?> Values);

/// <summary>
/// Small charts as inline SVG: no JavaScript, no library, readable on a phone (the viewBox scales) and printable.
/// Each chart has a title for screen readers; the numbers are also in a table beside it.
/// </summary>
public static class SvgChart
{
    const double Width = 720;
    const double Height = 260;
    const double Left = 64;
    const double Right = 12;
    const double Top = 14;
    const double Bottom = 44;

    /// <summary>
    /// Stacked bars per category (months), with an optional reference per category drawn as a dashed mark
    /// (the personnel budget). Values are formatted with <paramref name="axis"/> on the y axis.
    /// </summary>
    public static IHtmlContent StackedBars(string title, IReadOnlyList<string> categories, IReadOnlyList<ChartSeries> series,
        IReadOnlyList<decimal?>? reference, string? referenceName, Func<decimal, string> axis)
    {
        var totals = categories.Select((_, i) => series.Sum(s => s.Values[i] ?? 0)).ToList();
        var max = Math.Max(totals.DefaultIfEmpty(0).Max(), reference?.Max(r => r ?? 0) ?? 0);
        var scale = NiceMax(max);
        var svg = Start(title);
        Grid(svg, scale, axis);
        var slot = (Width - Left - Right) / Math.Max(1, categories.Count);
        var barWidth = Math.Min(44, slot * 0.6);
        for (var i = 0; i < categories.Count; i++)
        {
            var x = Left + (slot * i) + ((slot - barWidth) / 2);
            var y = Height - Bottom;
            foreach (var s in series)
            {
                var value = s.Values[i] ?? 0;
                if (value <= 0)
                    continue;
                var h = (double)(value / scale) * (Height - Top - Bottom);
                y -= h;
                svg.Append(CultureInfo.InvariantCulture,
                    $"<rect class=\"{s.CssClass}\" x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(barWidth)}\" height=\"{N(h)}\"><title>{E(categories[i])} · {E(s.Name)}: {E(axis(value))}</title></rect>");
            }

            if (reference?[i] is { } r && r > 0)
            {
                var ry = Height - Bottom - ((double)(r / scale) * (Height - Top - Bottom));
                svg.Append(CultureInfo.InvariantCulture,
                    $"<line class=\"chart-ref\" x1=\"{N(x - 6)}\" x2=\"{N(x + barWidth + 6)}\" y1=\"{N(ry)}\" y2=\"{N(ry)}\"><title>{E(categories[i])} · {E(referenceName ?? "")}: {E(axis(r))}</title></line>");
            }

            Label(svg, Left + (slot * i) + (slot / 2), categories[i]);
        }

        return End(svg);
    }

    /// <summary>Bars of one ratio per category against a limit line (the 45 % personnel-to-revenue ratio).</summary>
    public static IHtmlContent RatioBars(string title, IReadOnlyList<string> categories, IReadOnlyList<decimal?> values, decimal? limit, Func<decimal, string> axis)
    {
        var max = Math.Max(values.Max(v => v ?? 0), limit ?? 0);
        var scale = NiceMax(max * 1.1m);
        var svg = Start(title);
        Grid(svg, scale, axis);
        var slot = (Width - Left - Right) / Math.Max(1, categories.Count);
        var barWidth = Math.Min(44, slot * 0.6);
        for (var i = 0; i < categories.Count; i++)
        {
            var x = Left + (slot * i) + ((slot - barWidth) / 2);
            if (values[i] is { } v)
            {
                var h = (double)(v / scale) * (Height - Top - Bottom);
                var over = limit is { } l && v > l;
                svg.Append(CultureInfo.InvariantCulture,
                    $"<rect class=\"{(over ? "chart-bad" : "chart-ratio")}\" x=\"{N(x)}\" y=\"{N(Height - Bottom - h)}\" width=\"{N(barWidth)}\" height=\"{N(h)}\"><title>{E(categories[i])}: {E(axis(v))}</title></rect>");
            }

            Label(svg, Left + (slot * i) + (slot / 2), categories[i]);
        }

        if (limit is { } limitValue)
        {
            var y = Height - Bottom - ((double)(limitValue / scale) * (Height - Top - Bottom));
            svg.Append(CultureInfo.InvariantCulture,
                $"<line class=\"chart-limit\" x1=\"{N(Left)}\" x2=\"{N(Width - Right)}\" y1=\"{N(y)}\" y2=\"{N(y)}\" />");
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"chart-limit-label\" x=\"{N(Width - Right - 4)}\" y=\"{N(y - 5)}\" text-anchor=\"end\">{E(axis(limitValue))}</text>");
        }

        return End(svg);
    }

    static StringBuilder Start(string title)
    {
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg class=\"chart\" viewBox=\"0 0 {N(Width)} {N(Height)}\" role=\"img\" aria-label=\"{E(title)}\" preserveAspectRatio=\"xMidYMid meet\"><title>{E(title)}</title>");
        return svg;
    }

    static HtmlString End(StringBuilder svg) => new(svg.Append("</svg>").ToString());

    static void Grid(StringBuilder svg, decimal scale, Func<decimal, string> axis)
    {
        for (var k = 0; k <= 4; k++)
        {
            var value = scale * k / 4;
            var y = Height - Bottom - ((Height - Top - Bottom) * k / 4);
            svg.Append(CultureInfo.InvariantCulture,
                $"<line class=\"chart-grid\" x1=\"{N(Left)}\" x2=\"{N(Width - Right)}\" y1=\"{N(y)}\" y2=\"{N(y)}\" />");
            svg.Append(CultureInfo.InvariantCulture,
                $"<text class=\"chart-axis\" x=\"{N(Left - 6)}\" y=\"{N(y + 4)}\" text-anchor=\"end\">{E(axis(value))}</text>");
        }
    }

    static void Label(StringBuilder svg, double x, string text) =>
        svg.Append(CultureInfo.InvariantCulture,
            $"<text class=\"chart-axis\" x=\"{N(x)}\" y=\"{N(Height - Bottom + 18)}\" text-anchor=\"middle\">{E(text)}</text>");

    /// <summary>1, 2, 2.5 or 5 times a power of ten at or above <paramref name="max"/>: round grid lines.</summary>
    static decimal NiceMax(decimal max)
    {
        if (max <= 0)
            return 1;
        var power = (decimal)Math.Pow(10, Math.Floor(Math.Log10((double)max)));
        foreach (var step in new[] { 1m, 2m, 2.5m, 5m, 10m })
        {
            if (step * power >= max)
                return step * power;
        }

        return 10 * power;
    }

    static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    static string E(string text) => WebUtility.HtmlEncode(text);
}
