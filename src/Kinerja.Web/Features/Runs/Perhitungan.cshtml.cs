using Kinerja.Data;
using Kinerja.Data.Identity;
using Kinerja.Data.Remunerasi;
using Kinerja.Engine;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kinerja.Web.Features.Runs;

/// <summary>/remunerasi/perhitungan: the hospital's runs, newest first; the Tim Remunerasi calculates a period here.</summary>
[Authorize(Roles = RunsAccess.Readers)]
public sealed class PerhitunganModel(KinerjaDb db, IStringLocalizer<SharedResource> t) : PageModel
{
    public string HospitalName { get; private set; } = "";

    public IReadOnlyList<CalculationRun> Runs { get; private set; } = [];

    public string Periode { get; private set; } = "";

    public string? Message { get; private set; }

    public List<string> Problems { get; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        return Page();
    }

    async Task LoadAsync()
    {
        var hospital = await RunsAccess.HospitalAsync(db, User);
        HospitalName = hospital?.Name ?? "";
        if (hospital is null)
            return;
        Runs = (await db.CalculationRuns.AsNoTracking().Where(r => r.InstitutionId == hospital.Id).ToListAsync())
            .OrderByDescending(r => r.Period, StringComparer.Ordinal).ThenByDescending(r => r.Version).ToList();
        if (Periode.Length == 0)
        {
            var today = DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime);
            Periode = Period.Month(today.Year, today.Month).ToString();
        }
    }

    public async Task<IActionResult> OnPostHitungAsync(string? periode, string? catatan)
    {
        if (!User.IsInRole(Roles.TimRemunerasi))
            return Forbid();
        Periode = periode?.Trim() ?? "";
        if (!Period.TryParse(Periode, out var period))
        {
            Problems.Add(t["Periode harus YYYY-MM (bulan) atau YYYY-Qn (triwulan)."]);
            await LoadAsync();
            return Page();
        }

        var hospital = await RunsAccess.HospitalAsync(db, User);
        if (hospital is null)
            return NotFound();
        var outcome = await RunService.CalculateAsync(db, hospital.Id, period, string.IsNullOrWhiteSpace(catatan) ? null : catatan.Trim());
        if (outcome.Ok)
        {
            TempData["Pesan"] = outcome.Reused
                ? t["Data tidak berubah: hasilnya sama dengan versi {0} yang sudah ada.", outcome.Run!.Version].Value
                : t["Perhitungan {0} versi {1} disimpan sebagai draf.", outcome.Run!.Period, outcome.Run.Version].Value;
            return Redirect($"/remunerasi/perhitungan/{outcome.Run.Id}");
        }

        var english = Infrastructure.Format.English;
        Problems.AddRange(outcome.Problems.Select(p => english ? p.English : p.Message));
        await LoadAsync();
        return Page();
    }
}
