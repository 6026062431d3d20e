using System.ComponentModel.DataAnnotations;
using Kinerja.Data;
using Kinerja.Data.Kontrak;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kinerja.Web.Features.Kontrak;

/// <summary>The BOK allocation for contract honoraria per puskesmas and year: the budget renewal needs.</summary>
[Authorize(Roles = KontrakRoles.Dinas)]
public sealed class AnggaranModel(KinerjaDb db, IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed class AllocationInput
    {
        [Required(ErrorMessage = "Puskesmas wajib dipilih")]
        public int? PuskesmasId { get; set; }

        [Range(2000, 2100, ErrorMessage = "Tahun harus 2000 sampai 2100")]
        public int Year { get; set; }

        [Required(ErrorMessage = "Alokasi wajib diisi"), Range(0, 100_000_000_000, ErrorMessage = "Alokasi harus Rupiah bulat 0 atau lebih")]
        public decimal? Amount { get; set; }

        [StringLength(500)]
        public string? Note { get; set; }
    }

    public sealed record Row(BokAllocation Allocation, decimal Used);

    [BindProperty]
    public AllocationInput Input { get; set; } = new();

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public IReadOnlyList<Institution> Puskesmas { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync()
    {
        Input.Year = KontrakClock.Today(db.Clock).Year + 1;
        await LoadAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        if (Input.PuskesmasId is not null && Puskesmas.All(p => p.Id != Input.PuskesmasId))
            ModelState.AddModelError("Input.PuskesmasId", t["Puskesmas tidak ditemukan atau bukan wilayah Anda."]);
        if (Input.Amount is decimal a && a != decimal.Truncate(a))
            ModelState.AddModelError("Input.Amount", t["Alokasi harus Rupiah bulat 0 atau lebih"]);
        if (!ModelState.IsValid)
            return Page();
        var allocation = await db.BokAllocations.SingleOrDefaultAsync(b => b.InstitutionId == Input.PuskesmasId && b.Year == Input.Year);
        if (allocation is null)
        {
            allocation = new BokAllocation { InstitutionId = Input.PuskesmasId!.Value, Year = Input.Year };
            db.BokAllocations.Add(allocation);
        }
        allocation.Amount = Input.Amount!.Value;
        allocation.Note = Input.Note?.Trim();
        await db.SaveChangesAsync();
        Notice = t["Alokasi BOK disimpan."];
        return Redirect("/kontrak/anggaran");
    }

    async Task LoadAsync()
    {
        var visible = db.Actor.VisibleInstitutionIds;
        Puskesmas = await db.Institutions.Where(i => i.Kind == InstitutionKind.Puskesmas && (visible == null || visible.Contains(i.Id)))
            .OrderBy(i => i.Id).ToListAsync();
        var allocations = await db.BokAllocations.Include(b => b.Institution).ToListAsync();
        var rows = new List<Row>();
        foreach (var b in allocations.OrderByDescending(b => b.Year).ThenBy(b => b.InstitutionId))
            rows.Add(new Row(b, await db.CommittedAsync(b.InstitutionId, b.Year, exceptContractId: 0)));
        Rows = rows;
    }
}
