using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Kinerja.Data;
using Kinerja.Data.Community;
using Kinerja.Web.Features.Community.Alerts;
using Kinerja.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Kinerja.Web.Features.Community;

/// <summary>
/// One period: the moderator's introduction and the comments with their replies. Anyone reads; a
/// signed-in person comments while the period is open; a new member's comment waits for a moderator.
/// </summary>
[AllowAnonymous]
public sealed class DiskusiModel(
    KinerjaDb db, TimeProvider clock, FormGuard guard, RateLimits limits, AlertWriter alerts,
    IOptions<KomunitasOptions> options, IStringLocalizer<SharedResource> t) : PageModel
{
    public const string FormPurpose = "komentar";

    public sealed class CommentInput
    {
        public int? ParentId { get; set; }

        [Required(ErrorMessage = "Komentar wajib diisi")]
        [StringLength(5000, ErrorMessage = "Komentar paling panjang 5000 karakter")]
        public string Body { get; set; } = "";
    }

    public DiscussionPeriod Period { get; private set; } = null!;

    public PeriodState State { get; private set; }

    public IReadOnlyList<CommentNode> Thread { get; private set; } = [];

    public int CommentCount { get; private set; }

    public FormStamp Stamp { get; private set; } = null!;

    public Comment? ReplyingTo { get; private set; }

    public string? ViewerId => User.FindFirstValue(ClaimTypes.NameIdentifier);

    public bool IsModerator => Discussions.IsModerator(User);

    [BindProperty]
    public CommentInput Input { get; set; } = new();

    public bool CanEdit(Comment c) =>
        ViewerId is not null && c.AuthorUserId == ViewerId && !c.IsDeleted
        && clock.GetUtcNow().UtcDateTime - DateTime.SpecifyKind(c.PostedAt, DateTimeKind.Utc) < TimeSpan.FromMinutes(options.Value.EditMinutes);

    public bool CanDelete(Comment c) => !c.IsDeleted && (IsModerator || (ViewerId is not null && c.AuthorUserId == ViewerId));

    public async Task<IActionResult> OnGetAsync(int number, int? balas)
    {
        if (!await LoadAsync(number))
            return NotFound();
        if (balas is int parentId)
        {
            ReplyingTo = await db.Comments.AsNoTracking()
                .SingleOrDefaultAsync(c => c.Id == parentId && c.PeriodId == Period.Id && c.Status == CommentStatus.Tayang && c.DeletedAt == null);
            Input.ParentId = ReplyingTo?.Id;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostKomentarAsync(int number)
    {
        if (User.Identity?.IsAuthenticated != true || ViewerId is not string userId)
            return Challenge();
        if (!await LoadAsync(number))
            return NotFound();
        if (!RateLimits.TryAcquire((limits.CommentByUser, userId), (limits.CommentByAddress, RateLimits.Address(HttpContext))))
            return TooMany();
        if (State != PeriodState.Berjalan)
            ModelState.AddModelError("", t["Periode ini tidak menerima komentar: hanya periode yang sedang berjalan."]);
        if (guard.Check(Request.Form, FormPurpose, proofOfWork: false) is string spam)
            ModelState.AddModelError("", spam);

        Comment? parent = null;
        if (Input.ParentId is int parentId)
        {
            parent = await db.Comments.SingleOrDefaultAsync(c => c.Id == parentId && c.PeriodId == Period.Id && c.Status == CommentStatus.Tayang && c.DeletedAt == null);
            if (parent is null)
                ModelState.AddModelError("", t["Komentar yang dibalas tidak ditemukan."]);
            ReplyingTo = parent;
        }
        if (!ModelState.IsValid)
            return Page();

        var trusted = await Discussions.IsTrustedAsync(db, User, userId, options.Value.ApprovedCommentsBeforeTrust);
        var comment = new Comment
        {
            PeriodId = Period.Id,
            ParentId = parent?.Id,
            AuthorUserId = userId,
            AuthorName = User.FullName(),
            Body = Input.Body.Trim(),
            PostedAt = clock.GetUtcNow().UtcDateTime,
            Status = trusted ? CommentStatus.Tayang : CommentStatus.Menunggu,
            LinksAllowed = trusted,
            PostedFrom = RateLimits.Address(HttpContext),
        };
        // The comment and its alert commit together (issue 7 §7); the alert's key needs the comment's id.
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            db.Comments.Add(comment);
            await db.SaveChangesAsync();
            if (comment.Status == CommentStatus.Tayang && parent is not null)
            {
                await alerts.ReplyAsync(db, comment, parent, Period);
                await db.SaveChangesAsync();
            }
            await transaction.CommitAsync();
        }
        TempData["Pesan"] = comment.Status == CommentStatus.Menunggu
            ? t["Terima kasih. Komentar Anda menunggu persetujuan moderator karena Anda anggota baru."].Value
            : t["Komentar Anda sudah tayang."].Value;
        return Redirect($"/komunitas/diskusi/{number}#komentar-{comment.Id}");
    }

    public async Task<IActionResult> OnPostHapusAsync(int number, int id)
    {
        if (User.Identity?.IsAuthenticated != true)
            return Challenge();
        var comment = await db.Comments.Include(c => c.Period).SingleOrDefaultAsync(c => c.Id == id && c.Period!.Number == number);
        if (comment is null)
            return NotFound();
        if (!CanDelete(comment))
            return Forbid();
        SoftDelete(db, comment, User.Identity.Name ?? "?", clock);
        await db.SaveChangesAsync();
        TempData["Pesan"] = t["Komentar dihapus. Balasan di bawahnya tetap dapat dibaca."].Value;
        return Redirect($"/komunitas/diskusi/{number}#komentar-{id}");
    }

    public async Task<IActionResult> OnPostLaporkanAsync(int number, int id, string? alasan)
    {
        if (User.Identity?.IsAuthenticated != true || ViewerId is not string userId)
            return Challenge();
        var comment = await db.Comments.Include(c => c.Period).SingleOrDefaultAsync(c => c.Id == id && c.Period!.Number == number);
        if (comment is null)
            return NotFound();
        if (!await db.CommentFlags.AnyAsync(f => f.CommentId == id && f.UserId == userId))
        {
            db.CommentFlags.Add(new CommentFlag
            {
                CommentId = id, UserId = userId, At = clock.GetUtcNow().UtcDateTime,
                Reason = string.IsNullOrWhiteSpace(alasan) ? "Tidak disebutkan" : alasan.Trim()[..Math.Min(alasan.Trim().Length, 500)],
            });
            await db.SaveChangesAsync();
        }
        TempData["Pesan"] = t["Terima kasih, laporan Anda diteruskan ke moderator."].Value;
        return Redirect($"/komunitas/diskusi/{number}#komentar-{id}");
    }

    /// <summary>Deleting keeps the row as a placeholder so the replies under it keep their place.</summary>
    public static void SoftDelete(KinerjaDb db, Comment comment, string by, TimeProvider clock)
    {
        comment.DeletedAt = clock.GetUtcNow().UtcDateTime;
        comment.DeletedBy = by;
        comment.Body = "";
        foreach (var flag in db.CommentFlags.Where(f => f.CommentId == comment.Id && f.ResolvedAt == null))
        {
            flag.ResolvedAt = comment.DeletedAt;
            flag.ResolvedBy = by;
        }
    }

    IActionResult TooMany()
    {
        Response.StatusCode = StatusCodes.Status429TooManyRequests;
        Response.Headers.RetryAfter = "600";
        ModelState.AddModelError("", t["Terlalu banyak komentar dalam waktu singkat. Tunggu beberapa menit lalu coba lagi."]);
        return Page();
    }

    async Task<bool> LoadAsync(int number)
    {
        var period = await db.DiscussionPeriods.AsNoTracking().SingleOrDefaultAsync(p => p.Number == number);
        if (period is null)
            return false;
        Period = period;
        State = period.StateOn(KomunitasClock.Today(clock));
        var comments = await db.Comments.AsNoTracking().Where(c => c.PeriodId == period.Id && c.Status != CommentStatus.Ditolak).ToListAsync();
        Thread = Discussions.Thread(comments, ViewerId, IsModerator);
        CommentCount = comments.Count(c => c.Status == CommentStatus.Tayang && !c.IsDeleted);
        Stamp = guard.Issue(FormPurpose);
        return true;
    }
}
