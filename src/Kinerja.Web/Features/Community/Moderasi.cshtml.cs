using Kinerja.Data;
using Kinerja.Data.Community;
using Kinerja.Data.Identity;
using Kinerja.Web.Features.Community.Alerts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kinerja.Web.Features.Community;

/// <summary>
/// The moderation queue, in plain sight: new members' comments waiting for approval, and comments
/// readers flagged. Approving a reply writes its alert in the same SaveChanges.
/// </summary>
[Authorize(Roles = Roles.Moderator + "," + Roles.Admin)]
public sealed class ModerasiModel(KinerjaDb db, TimeProvider clock, AlertWriter alerts, IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed record Flagged(Comment Comment, IReadOnlyList<CommentFlag> Flags);

    public IReadOnlyList<Comment> Pending { get; private set; } = [];

    public IReadOnlyList<Flagged> Reported { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Pending = await db.Comments.AsNoTracking().Include(c => c.Period).Include(c => c.Parent)
            .Where(c => c.Status == CommentStatus.Menunggu && c.DeletedAt == null)
            .OrderBy(c => c.PostedAt).ToListAsync();
        var flags = await db.CommentFlags.AsNoTracking().Where(f => f.ResolvedAt == null).OrderBy(f => f.At).ToListAsync();
        var ids = flags.Select(f => f.CommentId).Distinct().ToList();
        var comments = await db.Comments.AsNoTracking().Include(c => c.Period).Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id);
        Reported = flags.GroupBy(f => f.CommentId).Where(g => comments.ContainsKey(g.Key))
            .Select(g => new Flagged(comments[g.Key], g.ToList())).ToList();
    }

    public async Task<IActionResult> OnPostSetujuiAsync(int id)
    {
        var comment = await db.Comments.Include(c => c.Period).Include(c => c.Parent).SingleOrDefaultAsync(c => c.Id == id);
        if (comment is null)
            return NotFound();
        if (comment.Status == CommentStatus.Menunggu)
        {
            comment.Status = CommentStatus.Tayang;
            comment.ModeratedAt = clock.GetUtcNow().UtcDateTime;
            comment.ModeratedBy = User.Identity?.Name;
            if (comment.Parent is { } parent && !comment.IsDeleted)
                await alerts.ReplyAsync(db, comment, parent, comment.Period!);
            await db.SaveChangesAsync();
        }
        TempData["Pesan"] = t["Komentar {0} disetujui dan tayang.", comment.AuthorName].Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostTolakAsync(int id)
    {
        var comment = await db.Comments.SingleOrDefaultAsync(c => c.Id == id);
        if (comment is null)
            return NotFound();
        if (comment.Status == CommentStatus.Menunggu)
        {
            comment.Status = CommentStatus.Ditolak;
            comment.ModeratedAt = clock.GetUtcNow().UtcDateTime;
            comment.ModeratedBy = User.Identity?.Name;
            await db.SaveChangesAsync();
        }
        TempData["Pesan"] = t["Komentar {0} ditolak.", comment.AuthorName].Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostHapusAsync(int id)
    {
        var comment = await db.Comments.SingleOrDefaultAsync(c => c.Id == id);
        if (comment is null)
            return NotFound();
        if (!comment.IsDeleted)
        {
            DiskusiModel.SoftDelete(db, comment, User.Identity?.Name ?? "?", clock);
            await db.SaveChangesAsync();
        }
        TempData["Pesan"] = t["Komentar dihapus. Balasan di bawahnya tetap dapat dibaca."].Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostAbaikanAsync(int id)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var flag in await db.CommentFlags.Where(f => f.CommentId == id && f.ResolvedAt == null).ToListAsync())
        {
            flag.ResolvedAt = now;
            flag.ResolvedBy = User.Identity?.Name;
        }
        await db.SaveChangesAsync();
        TempData["Pesan"] = t["Laporan diabaikan; komentar tetap tayang."].Value;
        return RedirectToPage();
    }
}
