using Kinerja.Web.Features.Community;

namespace Kinerja.IntegrationTests.Community;

/// <summary>Markdown to safe HTML (Markdig without HTML, then HtmlSanitizer).</summary>
public class ContentRendererTests
{
    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("[klik](javascript:alert(1))")]
    [InlineData("<svg onload=alert(1)>")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>")]
    [InlineData("![gambar](x \"a\" onerror=alert(1))")]
    public void Render_NeverEmitsScriptOrEventHandlers(string input)
    {
        var html = ContentRenderer.Render(input).Value!;
        Assert.Empty(Dangers(html));
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Script-capable markup in a fragment: elements, on* attributes, javascript: addresses.</summary>
    public static IEnumerable<string> Dangers(string html)
    {
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument("<body>" + html + "</body>");
        foreach (var element in document.Body!.QuerySelectorAll("*"))
        {
            if (element.LocalName is "script" or "img" or "svg" or "iframe" or "object" or "embed" or "style")
                yield return element.OuterHtml;
            foreach (var attribute in element.Attributes)
            {
                if (attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)
                    || attribute.Value.TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase))
                    yield return element.OuterHtml;
            }
        }
    }

    [Fact]
    public void Render_NewMembersLinks_AreText()
    {
        var html = ContentRenderer.Render("Lihat [situs obat](https://obat.example) dan https://spam.example", linksAllowed: false).Value!;
        Assert.DoesNotContain("<a", html, StringComparison.Ordinal);
        Assert.Contains("situs obat", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_TrustedLinks_AreNofollowUgc_AndLimited()
    {
        var many = string.Join(" ", Enumerable.Range(1, 8).Select(i => $"[t{i}](https://contoh.id/{i})"));
        var html = ContentRenderer.Render(many).Value!;
        Assert.Equal(ContentRenderer.MaxLinks, html.Split("<a ").Length - 1);
        Assert.Contains("rel=\"nofollow ugc noopener\"", html, StringComparison.Ordinal);
        Assert.Contains("t8", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_PlainTextLineBreaks_AndLists_AreKept()
    {
        var html = ContentRenderer.Render("baris satu\nbaris dua\n\n1. satu\n2. dua").Value!;
        Assert.Contains("baris satu<br>", html, StringComparison.Ordinal);
        Assert.Contains("<ol>", html, StringComparison.Ordinal);
    }
}
