using System.ComponentModel.DataAnnotations;
using Kinerja.Data;
using Kinerja.Data.Community;
using Kinerja.Data.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kinerja.Web.Features.Community.Admin;

/// <summary>The admin edits a portal page (mission, members, how to join...). Every change is audited.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed class HalamanModel(KinerjaDb db, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Judul wajib diisi")]
    [StringLength(200, ErrorMessage = "Judul paling panjang 200 karakter")]
    public string Title { get; set; } = "";

    [BindProperty]
    [Required(ErrorMessage = "Isi wajib diisi")]
    [StringLength(20000, ErrorMessage = "Isi terlalu panjang")]
    public string Body { get; set; } = "";

    public string Key { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string key)
    {
        var page = await Find(key);
        if (page is null && !CommunityPage.Keys.Contains(key))
            return NotFound();
        Key = key;
        Title = page?.Title ?? "";
        Body = page?.Body ?? "";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string key)
    {
        var page = await Find(key);
        if (page is null && !CommunityPage.Keys.Contains(key))
            return NotFound();
        Key = key;
        if (!ModelState.IsValid)
            return Page();
        if (page is null)
        {
            page = new CommunityPage { Key = key, Title = "", Body = "" };
            db.CommunityPages.Add(page);
        }
        page.Title = Title.Trim();
        page.Body = Body.Trim();
        page.UpdatedAt = db.Clock.GetUtcNow().UtcDateTime;
        page.UpdatedBy = User.Identity?.Name;
        await db.SaveChangesAsync();
        TempData["Pesan"] = t["Halaman \"{0}\" disimpan.", page.Title].Value;
        return Redirect("/komunitas#" + key);
    }

    Task<CommunityPage?> Find(string key) => db.CommunityPages.SingleOrDefaultAsync(p => p.Key == key);
}
