using System.ComponentModel.DataAnnotations;
using Kinerja.Data;
using Kinerja.Data.Community;
using Kinerja.Data.Identity;
using Kinerja.Web.Features.Community.Alerts;
using Kinerja.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kinerja.Web.Features.Community.Admin;

/// <summary>
/// Opens a new period (numbered, titled, themed, dated, with the moderator's introduction) or edits one.
/// A new period alerts the members, written in the same SaveChanges. It closes by itself after its end date.
/// </summary>
[Authorize(Roles = Roles.Admin + "," + Roles.Moderator)]
public sealed class PeriodeModel(KinerjaDb db, AlertWriter alerts, IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed class PeriodInput
    {
        [Range(1, 10000, ErrorMessage = "Nomor periode harus angka positif")]
        public int Number { get; set; }

        [Required(ErrorMessage = "Judul wajib diisi")]
        [StringLength(200, ErrorMessage = "Judul paling panjang 200 karakter")]
        public string Title { get; set; } = "";

        [StringLength(500, ErrorMessage = "Tema paling panjang 500 karakter")]
        public string? Theme { get; set; }

        [Required(ErrorMessage = "Tanggal mulai wajib diisi")]
        public DateOnly? StartsOn { get; set; }

        [Required(ErrorMessage = "Tanggal selesai wajib diisi")]
        public DateOnly? EndsOn { get; set; }

        [StringLength(100, ErrorMessage = "Keterangan tanggal paling panjang 100 karakter")]
        public string? DateLabel { get; set; }

        [StringLength(200, ErrorMessage = "Nama moderator paling panjang 200 karakter")]
        public string? ModeratorName { get; set; }

        [StringLength(20000, ErrorMessage = "Pengantar terlalu panjang")]
        public string? Introduction { get; set; }
    }

    [BindProperty]
    public PeriodInput Input { get; set; } = new();

    public int? Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id)
    {
        Id = id;
        if (id is null)
        {
            var today = KomunitasClock.Today(db.Clock);
            Input = new PeriodInput
            {
                Number = (await db.DiscussionPeriods.MaxAsync(p => (int?)p.Number) ?? 0) + 1,
                StartsOn = today,
                EndsOn = today.AddMonths(1),
                ModeratorName = User.FullName(),
            };
            return Page();
        }
        var period = await db.DiscussionPeriods.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id);
        if (period is null)
            return NotFound();
        Input = new PeriodInput
        {
            Number = period.Number, Title = period.Title, Theme = period.Theme, StartsOn = period.StartsOn, EndsOn = period.EndsOn,
            DateLabel = period.DateLabel, ModeratorName = period.ModeratorName, Introduction = period.Introduction,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id)
    {
        Id = id;
        if (Input.StartsOn > Input.EndsOn)
            ModelState.AddModelError("Input.EndsOn", t["Tanggal selesai tidak boleh sebelum tanggal mulai."]);
        if (await db.DiscussionPeriods.AnyAsync(p => p.Number == Input.Number && p.Id != id))
            ModelState.AddModelError("Input.Number", t["Nomor periode {0} sudah dipakai.", Input.Number]);
        DiscussionPeriod? period = null;
        if (id is not null && (period = await db.DiscussionPeriods.SingleOrDefaultAsync(p => p.Id == id)) is null)
            return NotFound();
        if (!ModelState.IsValid)
            return Page();

        var isNew = period is null;
        period ??= new DiscussionPeriod { Title = "", CreatedAt = db.Clock.GetUtcNow().UtcDateTime, ModeratorUserId = User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value };
        period.Number = Input.Number;
        period.Title = Input.Title.Trim();
        period.Theme = Blank(Input.Theme);
        period.StartsOn = Input.StartsOn!.Value;
        period.EndsOn = Input.EndsOn!.Value;
        period.DateLabel = Blank(Input.DateLabel);
        period.ModeratorName = Blank(Input.ModeratorName);
        period.Introduction = Blank(Input.Introduction);
        // The period and its alerts commit together. Their keys use the period's id, not its number: a number can
        // be given to another period after a renumbering, an id never.
        await using var transaction = await db.Database.BeginTransactionAsync();
        if (isNew)
            db.DiscussionPeriods.Add(period);
        await db.SaveChangesAsync();
        if (isNew)
        {
            await alerts.NewPeriodAsync(db, period);
            await db.SaveChangesAsync();
        }
        await transaction.CommitAsync();
        TempData["Pesan"] = (isNew ? t["Periode \"{0}\" dibuka; anggota yang memilih pemberitahuan akan diberi tahu.", period.Title] : t["Periode \"{0}\" disimpan.", period.Title]).Value;
        return Redirect($"/komunitas/diskusi/{period.Number}");
    }

    static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
