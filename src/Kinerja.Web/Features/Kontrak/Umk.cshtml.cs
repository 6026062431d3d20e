using System.ComponentModel.DataAnnotations;
using Kinerja.Data;
using Kinerja.Data.Identity;
using Kinerja.Data.Kontrak;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kinerja.Web.Features.Kontrak;

/// <summary>
/// The UMK table per kabupaten/kota and year: edited row by row or imported from CSV (all or nothing). Every row is
/// readable; a Dinas changes only its own province's rows, the Admin all (<see cref="UmkRights"/>).
/// </summary>
[Authorize(Roles = KontrakRoles.Dinas)]
public sealed class UmkModel(KinerjaDb db, IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed class RateInput
    {
        [Required(ErrorMessage = "Provinsi wajib diisi"), StringLength(100)]
        public string Provinsi { get; set; } = "Daerah Istimewa Yogyakarta";

        [Required(ErrorMessage = "Kabupaten/kota wajib diisi"), StringLength(100)]
        public string KabupatenKota { get; set; } = "";

        [Range(2000, 2100, ErrorMessage = "Tahun harus 2000 sampai 2100")]
        public int Year { get; set; }

        [Required(ErrorMessage = "UMK wajib diisi"), Range(1, 1_000_000_000, ErrorMessage = "UMK harus Rupiah bulat lebih dari nol")]
        public decimal? Amount { get; set; }

        [Required(ErrorMessage = "Sumber wajib diisi"), StringLength(500)]
        public string Source { get; set; } = "";
    }

    [BindProperty]
    public RateInput Input { get; set; } = new();

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public IReadOnlyList<UmkRate> Rates { get; private set; } = [];

    public IReadOnlyList<ImportError> ImportErrors { get; private set; } = [];

    public UmkRights Rights { get; private set; } = UmkRights.All;

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(int? ubah)
    {
        Input.Year = KontrakClock.Today(db.Clock).Year;
        Input.Provinsi = await OwnProvinceAsync() ?? Input.Provinsi;
        if (ubah is int id && await db.UmkRates.SingleOrDefaultAsync(u => u.Id == id) is { } rate)
            Input = new RateInput { Provinsi = rate.Provinsi, KabupatenKota = rate.KabupatenKota, Year = rate.Year, Amount = rate.Amount, Source = rate.Source };
        await LoadAsync();
    }

    public async Task<IActionResult> OnPostSaveAsync()
    {
        ModelState.KeepOnly("Input");
        if (Input.Amount is decimal a && a != decimal.Truncate(a))
            ModelState.AddModelError("Input.Amount", t["UMK harus Rupiah bulat lebih dari nol"]);
        await LoadAsync();
        // A row of another province, or a kabupaten/kota of another province under this one's name, is refused.
        if (ModelState.IsValid && Rights.Refusal(0, Input.Provinsi, Input.KabupatenKota) is { } refused)
            ModelState.AddModelError(refused.Field == "provinsi" ? "Input.Provinsi" : "Input.KabupatenKota", refused.Message(KontrakLabels.English));
        if (!ModelState.IsValid)
            return Page();
        var name = Input.KabupatenKota.Trim();
        var rate = (await db.UmkRates.Where(u => u.Year == Input.Year).ToListAsync())
            .FirstOrDefault(u => string.Equals(u.KabupatenKota, name, StringComparison.OrdinalIgnoreCase));
        if (rate is null)
        {
            rate = new UmkRate { Provinsi = "", KabupatenKota = name, Source = "" };
            db.UmkRates.Add(rate);
        }
        (rate.Provinsi, rate.Year, rate.Amount, rate.Source) = (Input.Provinsi.Trim(), Input.Year, Input.Amount!.Value, Input.Source.Trim());
        await db.SaveChangesAsync();
        Notice = t["UMK {0} {1} disimpan.", name, Input.Year];
        return Redirect("/kontrak/umk");
    }

    /// <summary>
    /// Deletes a UMK row entered by mistake. A row a draft or active contract is checked against stays (correct its
    /// value instead): without it the contract's honorarium would have no UMK to be held to.
    /// </summary>
    public async Task<IActionResult> OnPostDeleteAsync(int umkId)
    {
        var rate = await db.UmkRates.SingleOrDefaultAsync(u => u.Id == umkId);
        if (rate is null)
            return NotFound();
        await LoadAsync();
        if (!Rights.MayChange(rate))
            return Forbid();
        var first = new DateOnly(rate.Year, 1, 1);
        var last = new DateOnly(rate.Year, 12, 31);
        var used = await (from c in db.Contracts.IgnoreQueryFilters()
                          join p in db.Institutions.IgnoreQueryFilters() on c.InstitutionId equals p.Id
                          where (c.Status == ContractStatus.Draft || c.Status == ContractStatus.Active) && c.Start <= last && c.End >= first
                                && p.KabupatenKota == rate.KabupatenKota
                          select c.ContractorName).FirstOrDefaultAsync();
        if (used is not null)
        {
            ModelState.Clear();
            ModelState.AddModelError("", t["UMK {0} {1} dipakai untuk memeriksa kontrak {2}: perbaiki nilainya bila salah, jangan dihapus.", rate.KabupatenKota, rate.Year, used]);
            return Page();
        }

        db.UmkRates.Remove(rate);
        await db.SaveChangesAsync();
        Notice = t["UMK {0} {1} dihapus.", rate.KabupatenKota, rate.Year];
        return Redirect("/kontrak/umk");
    }

    public async Task<IActionResult> OnPostImportAsync()
    {
        await LoadAsync();
        if (Upload is null || Upload.Length == 0)
        {
            ImportErrors = [new ImportError(0, "", "Pilih berkas CSV untuk diimpor.", "Choose a CSV file to import.")];
            return Page();
        }
        if (Upload.Length > 1024 * 1024)
        {
            ImportErrors = [new ImportError(0, "", "Berkas CSV lebih dari 1 MB.", "The CSV file is larger than 1 MB.")];
            return Page();
        }
        await using var stream = Upload.OpenReadStream();
        var (saved, errors) = await UmkImport.ImportAsync(db, stream, Rights);
        if (errors.Count > 0)
        {
            ImportErrors = errors;
            return Page();
        }
        Notice = t["{0} baris UMK diimpor.", saved];
        return Redirect("/kontrak/umk");
    }

    async Task LoadAsync()
    {
        Rates = (await db.UmkRates.ToListAsync()).OrderByDescending(u => u.Year).ThenBy(u => u.Provinsi).ThenBy(u => u.KabupatenKota).ToList();
        Rights = User.IsInRole(Roles.Admin) ? UmkRights.All : await UmkRights.OfProvinceAsync(db, await OwnProvinceAsync() ?? "");
    }

    /// <summary>The province of the signed-in Dinas (null for the Admin, or when its institution records none).</summary>
    async Task<string?> OwnProvinceAsync() => User.IsInRole(Roles.Admin) ? null
        : await db.Institutions.Where(i => i.Id == db.Actor.InstitutionId).Select(i => i.Provinsi).SingleOrDefaultAsync();
}
