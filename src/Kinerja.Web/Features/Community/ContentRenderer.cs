using Ganss.Xss;
using Markdig;
using Microsoft.AspNetCore.Html;

namespace Kinerja.Web.Features.Community;

/// <summary>
/// Markdown or plain text to safe HTML: Markdig with raw HTML disabled (so typed tags show as text),
/// then HtmlSanitizer as the second wall. Links of new members are rendered as their text only;
/// other links get rel="nofollow ugc noopener" and at most <see cref="MaxLinks"/> stay links.
/// </summary>
public static class ContentRenderer
{
    public const int MaxLinks = 5;

    static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseSoftlineBreakAsHardlineBreak()
        .UseAutoLinks()
        .Build();

    static readonly string[] Tags =
        ["p", "br", "strong", "em", "ul", "ol", "li", "blockquote", "code", "pre", "h3", "h4", "hr", "a"];

    public static HtmlString Render(string? markdown, bool linksAllowed = true)
    {
        if (string.IsNullOrWhiteSpace(markdown))
            return HtmlString.Empty;
        var html = Markdown.ToHtml(markdown, Pipeline);
        return new HtmlString(Sanitizer(linksAllowed).Sanitize(html));
    }

    static HtmlSanitizer Sanitizer(bool linksAllowed)
    {
        var sanitizer = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(linksAllowed ? Tags : Tags.Where(t => t != "a"), StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(["href", "title"], StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(["http", "https", "mailto"], StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(["href"], StringComparer.OrdinalIgnoreCase),
        })
        {
            // A removed <a> keeps its text: a new member's link reads as plain words.
            KeepChildNodes = true,
        };
        var links = 0;
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Html.Dom.IHtmlAnchorElement a)
            {
                if (++links > MaxLinks)
                {
                    a.Replace(a.Owner!.CreateTextNode(a.TextContent));
                    return;
                }
                a.SetAttribute("rel", "nofollow ugc noopener");
            }
        };
        return sanitizer;
    }
}
