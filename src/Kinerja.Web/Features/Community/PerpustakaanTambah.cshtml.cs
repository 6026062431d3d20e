using System.ComponentModel.DataAnnotations;
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

/// <summary>Adds a document, a policy brief or a meeting record with its files. A policy brief alerts the members.</summary>
[Authorize(Roles = Roles.Moderator + "," + Roles.Admin)]
[RequestSizeLimit(110 * 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = 110 * 1024 * 1024)]
public sealed class PerpustakaanTambahModel(KinerjaDb db, FileStore store, AlertWriter alerts, IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed class ItemInput
    {
        public LibraryKind Kind { get; set; } = LibraryKind.Referensi;

        [Required(ErrorMessage = "Judul wajib diisi")]
        [StringLength(300, ErrorMessage = "Judul paling panjang 300 karakter")]
        public string Title { get; set; } = "";

        [StringLength(4000, ErrorMessage = "Ringkasan paling panjang 4000 karakter")]
        public string? Summary { get; set; }

        public int? PeriodId { get; set; }

        public DateOnly? MeetingDate { get; set; }

        [StringLength(300, ErrorMessage = "Tempat paling panjang 300 karakter")]
        public string? Place { get; set; }

        [StringLength(4000, ErrorMessage = "Peserta paling panjang 4000 karakter")]
        public string? Participants { get; set; }

        public string? Minutes { get; set; }
    }

    [BindProperty]
    public ItemInput Input { get; set; } = new();

    [BindProperty]
    public List<IFormFile> Files { get; set; } = [];

    public IReadOnlyList<DiscussionPeriod> Periods { get; private set; } = [];

    public long MaxBytes => store.MaxBytes;

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        if (Input.Kind == LibraryKind.PolicyBrief && Input.PeriodId is null)
            ModelState.AddModelError("Input.PeriodId", t["Policy brief harus dikaitkan dengan periode diskusi yang menghasilkannya."]);
        if (Input.Kind == LibraryKind.Pertemuan && (Input.MeetingDate is null || string.IsNullOrWhiteSpace(Input.Place)))
            ModelState.AddModelError("Input.MeetingDate", t["Catatan pertemuan memerlukan tanggal dan tempat."]);
        if (Input.PeriodId is int periodId && Periods.All(p => p.Id != periodId))
            ModelState.AddModelError("Input.PeriodId", t["Periode tidak ditemukan."]);
        if (!ModelState.IsValid)
            return Page();

        var item = new LibraryItem
        {
            Kind = Input.Kind,
            Title = Input.Title.Trim(),
            Summary = Input.Summary?.Trim(),
            PeriodId = Input.PeriodId,
            MeetingDate = Input.Kind == LibraryKind.Pertemuan ? Input.MeetingDate : null,
            Place = Input.Place?.Trim(),
            Participants = Input.Participants?.Trim(),
            Minutes = Input.Minutes?.Trim(),
            AddedAt = db.Clock.GetUtcNow().UtcDateTime,
            AddedBy = User.Identity?.Name,
        };
        var stored = new List<string>();
        foreach (var upload in Files.Where(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName)))
        {
            var (file, error) = await store.SaveAsync(upload, HttpContext.RequestAborted);
            if (file is null)
            {
                ModelState.AddModelError("Files", $"{upload.FileName}: {error}");
                continue;
            }
            stored.Add(file.StoredName);
            item.Files.Add(new LibraryFile
            {
                FileName = file.FileName, ContentType = file.ContentType, Size = file.Size, StoredName = file.StoredName,
                UploadedAt = item.AddedAt,
            });
        }
        if (!ModelState.IsValid)
        {
            // One refused file refuses the entry: nothing is kept half-added.
            foreach (var name in stored)
                System.IO.File.Delete(store.PathOf(name));
            return Page();
        }

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            db.LibraryItems.Add(item);
            await db.SaveChangesAsync();
            if (item.Kind == LibraryKind.PolicyBrief)
            {
                await alerts.PolicyBriefAsync(db, item, Periods.SingleOrDefault(p => p.Id == item.PeriodId));
                await db.SaveChangesAsync();
            }
            await transaction.CommitAsync();
        }
        TempData["Pesan"] = t["Ditambahkan ke perpustakaan: {0}", item.Title].Value;
        return Redirect($"/komunitas/perpustakaan#item-{item.Id}");
    }

    async Task LoadAsync() => Periods = await db.DiscussionPeriods.AsNoTracking().OrderByDescending(p => p.Number).ToListAsync();
}
