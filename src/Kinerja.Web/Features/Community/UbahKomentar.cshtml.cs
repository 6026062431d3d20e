using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Kinerja.Data;
using Kinerja.Data.Community;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Kinerja.Web.Features.Community;

/// <summary>The author corrects a comment within a short window after posting it (Komunitas:EditMinutes).</summary>
[Authorize]
public sealed class UbahKomentarModel(KinerjaDb db, TimeProvider clock, IOptions<KomunitasOptions> options, IStringLocalizer<SharedResource> t)
    : PageModel
{
    public Comment Comment { get; private set; } = null!;

    public int PeriodNumber { get; private set; }

    [BindProperty]
    [Required(ErrorMessage = "Komentar wajib diisi")]
    [StringLength(5000, ErrorMessage = "Komentar paling panjang 5000 karakter")]
    public string Body { get; set; } = "";

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await LoadAsync(id) is { } refused)
            return refused;
        Body = Comment.Body;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (await LoadAsync(id) is { } refused)
            return refused;
        if (!ModelState.IsValid)
            return Page();
        Comment.Body = Body.Trim();
        Comment.EditedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync();
        TempData["Pesan"] = t["Komentar diperbarui."].Value;
        return Redirect($"/komunitas/diskusi/{PeriodNumber}#komentar-{id}");
    }

    async Task<IActionResult?> LoadAsync(int id)
    {
        var comment = await db.Comments.Include(c => c.Period).SingleOrDefaultAsync(c => c.Id == id);
        if (comment is null || comment.IsDeleted)
            return NotFound();
        Comment = comment;
        PeriodNumber = comment.Period!.Number;
        if (comment.AuthorUserId != User.FindFirstValue(ClaimTypes.NameIdentifier))
            return Forbid();
        var age = clock.GetUtcNow().UtcDateTime - DateTime.SpecifyKind(comment.PostedAt, DateTimeKind.Utc);
        if (age > TimeSpan.FromMinutes(options.Value.EditMinutes))
        {
            TempData["Pesan"] = t["Komentar hanya dapat diubah dalam {0} menit setelah dikirim.", options.Value.EditMinutes].Value;
            return Redirect($"/komunitas/diskusi/{PeriodNumber}#komentar-{id}");
        }
        return null;
    }
}
