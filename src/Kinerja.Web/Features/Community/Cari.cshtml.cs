using Kinerja.Data;
using Kinerja.Data.Community;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Web.Features.Community;

/// <summary>
/// Search across periods, published comments and the library. Portable on SQLite and PostgreSQL:
/// lower(column) contains the lower-cased term, for every word of the query (all must match).
/// </summary>
[AllowAnonymous]
public sealed class CariModel(KinerjaDb db) : PageModel
{
    public const int Limit = 50;

    public sealed record CommentHit(Comment Comment, DiscussionPeriod Period);

    public string Query { get; private set; } = "";

    public IReadOnlyList<DiscussionPeriod> Periods { get; private set; } = [];

    public IReadOnlyList<CommentHit> Comments { get; private set; } = [];

    public IReadOnlyList<LibraryItem> Library { get; private set; } = [];

    public bool Searched => Query.Length > 0;

    public async Task OnGetAsync(string? q)
    {
        Query = (q ?? "").Trim();
        if (Query.Length > 200)
            Query = Query[..200];
        var terms = Query.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(w => w.Length >= 2).Distinct().Take(6).ToArray();
        if (terms.Length == 0)
            return;

        IQueryable<DiscussionPeriod> periods = db.DiscussionPeriods.AsNoTracking();
        IQueryable<Comment> comments = db.Comments.AsNoTracking().Include(c => c.Period)
            .Where(c => c.Status == CommentStatus.Tayang && c.DeletedAt == null);
        IQueryable<LibraryItem> library = db.LibraryItems.AsNoTracking().Include(i => i.Period);
        foreach (var term in terms)
        {
            periods = periods.Where(p => p.Title.ToLower().Contains(term) || (p.Theme != null && p.Theme.ToLower().Contains(term))
                                         || (p.Introduction != null && p.Introduction.ToLower().Contains(term))
                                         || (p.ModeratorName != null && p.ModeratorName.ToLower().Contains(term)));
            comments = comments.Where(c => c.Body.ToLower().Contains(term) || c.AuthorName.ToLower().Contains(term));
            library = library.Where(i => i.Title.ToLower().Contains(term) || (i.Summary != null && i.Summary.ToLower().Contains(term))
                                         || (i.Minutes != null && i.Minutes.ToLower().Contains(term))
                                         || (i.Participants != null && i.Participants.ToLower().Contains(term))
                                         || (i.Place != null && i.Place.ToLower().Contains(term)));
        }
        Periods = await periods.OrderByDescending(p => p.Number).Take(Limit).ToListAsync();
        Comments = (await comments.OrderByDescending(c => c.PostedAt).Take(Limit).ToListAsync()).Select(c => new CommentHit(c, c.Period!)).ToList();
        Library = await library.OrderByDescending(i => i.Id).Take(Limit).ToListAsync();
    }

    /// <summary>A piece of the text around the first term found, for the result list.</summary>
    public string Snippet(string? text, int length = 220)
    {
        if (string.IsNullOrEmpty(text))
            return "";
        var first = Query.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(term => text.IndexOf(term, StringComparison.OrdinalIgnoreCase)).Where(i => i >= 0).DefaultIfEmpty(0).Min();
        var start = Math.Max(0, first - 60);
        var piece = text.Substring(start, Math.Min(length, text.Length - start));
        return (start > 0 ? "…" : "") + piece + (start + piece.Length < text.Length ? "…" : "");
    }
}
