using Kinerja.Data;
using Kinerja.Data.Identity;
using Kinerja.Data.Remunerasi.ExtraPay;
using Kinerja.Engine;
using Kinerja.Web.Features.Reports;
using Kinerja.Web.Features.Runs;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kinerja.Web.Features.ExtraPay;

/// <summary>/remunerasi/tambahan: the extra pay runs (gaji ke-13, THR insentif, bonus, non-tunai) and a form to calculate one.</summary>
[Authorize(Roles = ReportsAccess.Readers)]
public sealed class IndexModel(KinerjaDb db, IStringLocalizer<SharedResource> t) : PageModel
{
    public IReadOnlyList<ExtraPayRun> Runs { get; private set; } = [];

    public ExtraPayCeiling? Ceiling { get; private set; }

    public string? Cluster { get; private set; }

    public IReadOnlyList<string> Problems { get; private set; } = [];

    [BindProperty]
    public ExtraPayKind Jenis { get; set; } = ExtraPayKind.Gaji13;

    [BindProperty]
    public int Tahun { get; set; }

    [BindProperty]
    public string? Judul { get; set; }

    [BindProperty]
    public string? Kelipatan { get; set; } = "1";

    [BindProperty]
    public string? Persen { get; set; } = "100";

    [BindProperty]
    public int Bulan { get; set; } = 3;

    [BindProperty]
    public string? Sampai { get; set; }

    [BindProperty]
    public string? Dana { get; set; }

    [BindProperty]
    public string? KinerjaMaks { get; set; }

    [BindProperty]
    public string? Catatan { get; set; }

    public bool MayCalculate => ReportsAccess.MayChange(User, Roles.TimRemunerasi);

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
            return NotFound();
        Tahun = db.Clock.GetLocalNow().Year;
        return Page();
    }

    public async Task<IActionResult> OnPostHitungAsync()
    {
        if (!MayCalculate)
            return Forbid();
        var hospital = await RunsAccess.HospitalAsync(db, User, Request.Query["rs"]);
        if (hospital is null)
            return NotFound();
        var problems = new List<string>();
        var multiple = ExtraPayText.Number(Kelipatan);
        var percent = ExtraPayText.Number(Persen);
        var pool = ExtraPayText.Rupiah(Dana);
        var maxPerformance = ExtraPayText.Number(KinerjaMaks);
        Period? until = null;
        if (Jenis == ExtraPayKind.Gaji13 && multiple is null)
            problems.Add(t["Kelipatan gaji harus berupa angka, mis. 1 atau 0,5."]);
        if (Jenis == ExtraPayKind.ThrInsentif && percent is null)
            problems.Add(t["Persentase THR harus berupa angka, mis. 100."]);
        if (Jenis == ExtraPayKind.ThrInsentif && !string.IsNullOrWhiteSpace(Sampai))
        {
            if (Period.TryParse(Sampai.Trim(), out var p) && !p.IsQuarter)
                until = p;
            else
                problems.Add(t["Bulan terakhir harus berbentuk YYYY-MM."]);
        }

        if (Jenis == ExtraPayKind.Bonus && pool is null)
            problems.Add(t["Dana bonus harus berupa rupiah utuh, mis. 1.500.000.000."]);
        if (!string.IsNullOrWhiteSpace(KinerjaMaks) && maxPerformance is null)
            problems.Add(t["Kinerja maksimum harus berupa angka, mis. 1,2."]);
        if (problems.Count == 0)
        {
            var title = string.IsNullOrWhiteSpace(Judul) ? $"{ExtraPayText.Kind(Jenis)} {Tahun}" : Judul;
            var outcome = await ExtraPayService.CalculateAsync(db, hospital.Id, new ExtraPayRequest(Jenis, Tahun, title)
            {
                Multiple = multiple ?? 1, Percentage = (percent ?? 100) / 100, LookbackMonths = Bulan, Until = until, Pool = pool ?? 0,
                MaxPerformance = maxPerformance, Note = Catatan,
            }, HttpContext.RequestAborted);
            if (outcome.Ok)
            {
                TempData["Pesan"] = t["Pendapatan tambahan dihitung sebagai draf. Verifikasi oleh anggota Tim Remunerasi lain."].Value;
                return Redirect($"/remunerasi/tambahan/{outcome.Run!.Id}");
            }

            problems.AddRange(outcome.Problems.Select(ExtraPayText.Say));
        }

        Problems = problems;
        await LoadAsync();
        return Page();
    }

    async Task<bool> LoadAsync()
    {
        var hospital = await RunsAccess.HospitalAsync(db, User, Request.Query["rs"]);
        if (hospital is null)
            return false;
        Cluster = hospital.KmkCluster;
        Ceiling = await db.ExtraPayCeilings.AsNoTracking().FirstOrDefaultAsync(c => c.InstitutionId == hospital.Id && c.Cluster == hospital.KmkCluster);
        Runs = (await db.ExtraPayRuns.AsNoTracking().Where(r => r.InstitutionId == hospital.Id).ToListAsync())
            .OrderByDescending(r => r.CalculatedAt).ThenByDescending(r => r.Id).ToList();
        return true;
    }
}
