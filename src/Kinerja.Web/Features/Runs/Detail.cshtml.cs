using Kinerja.Data;
using Kinerja.Data.Identity;
using Kinerja.Data.Remunerasi;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kinerja.Web.Features.Runs;

/// <summary>
/// /remunerasi/perhitungan/{id}: one run: totals, history, each person's result, and the next workflow step for
/// whoever may take it (verify by another team member, approve by Direksi, mark paid). A refused step says why.
/// </summary>
[Authorize(Roles = RunsAccess.Readers)]
public sealed class DetailModel(KinerjaDb db, IStringLocalizer<SharedResource> t) : PageModel
{
    public CalculationRun Run { get; private set; } = null!;

    public IReadOnlyList<RunStaffResult> Results { get; private set; } = [];

    public IReadOnlyList<CalculationRun> Versions { get; private set; } = [];

    public IReadOnlyList<string> HospitalFlags { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Cari { get; set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var run = await db.CalculationRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id);
        if (run is null)
            return NotFound();
        Run = run;
        HospitalFlags = run.Flags.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var results = await db.RunStaffResults.AsNoTracking().Where(r => r.RunId == id).OrderBy(r => r.Ordinal).ToListAsync();
        if (!string.IsNullOrWhiteSpace(Cari))
        {
            var q = Cari.Trim();
            results = results.Where(r => r.Name.Contains(q, StringComparison.OrdinalIgnoreCase) || r.StaffCode.Contains(q, StringComparison.OrdinalIgnoreCase)
                || (r.Unit?.Contains(q, StringComparison.OrdinalIgnoreCase) ?? false) || r.Flags.Contains(q, StringComparison.OrdinalIgnoreCase)
                || r.Category.Contains(q, StringComparison.OrdinalIgnoreCase)).ToList();
        }

        Results = results;
        Versions = await db.CalculationRuns.AsNoTracking().Where(r => r.InstitutionId == run.InstitutionId && r.Period == run.Period)
            .OrderBy(r => r.Version).ToListAsync();
        return Page();
    }

    public async Task<IActionResult> OnGetKasusAsync(int id)
    {
        var run = await db.CalculationRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id);
        var json = run is null ? null : await RunService.CaseJsonAsync(db, id);
        return json is null ? NotFound() : File(json, "application/json", $"kasus-{run!.Period}-v{run.Version}.case.json");
    }

    public async Task<IActionResult> OnGetHasilAsync(int id)
    {
        var run = await db.CalculationRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id);
        var json = run is null ? null : await db.RunInputs.AsNoTracking().Where(i => i.RunId == id).Select(i => i.ResultJson).FirstOrDefaultAsync();
        return json is null ? NotFound() : File(System.Text.Encoding.UTF8.GetBytes(json + "\n"), "application/json", $"hasil-{run!.Period}-v{run.Version}.json");
    }

    public Task<IActionResult> OnPostVerifikasiAsync(int id) =>
        StepAsync(id, Roles.TimRemunerasi, RunService.VerifyAsync, "Perhitungan diverifikasi. Menunggu persetujuan Direksi.");

    public Task<IActionResult> OnPostSetujuiAsync(int id) =>
        StepAsync(id, Roles.Direksi, RunService.ApproveAsync, "Perhitungan disetujui.");

    public Task<IActionResult> OnPostBayarAsync(int id) =>
        StepAsync(id, Roles.TimRemunerasi, RunService.MarkPaidAsync, "Perhitungan ditandai dibayar. Periode ini sekarang ditutup.");

    public async Task<IActionResult> OnPostBuangAsync(int id)
    {
        if (!User.IsInRole(Roles.TimRemunerasi))
            return Forbid();
        var run = await db.CalculationRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id);
        if (run is null)
            return NotFound();
        var problem = await RunService.DiscardAsync(db, id);
        if (problem is not null)
        {
            TempData["Galat"] = Say(problem);
            return Redirect($"/remunerasi/perhitungan/{id}");
        }

        return Redirect("/remunerasi/perhitungan");
    }

    async Task<IActionResult> StepAsync(int id, string role, Func<KinerjaDb, int, CancellationToken, Task<RunProblem?>> step, string done)
    {
        if (!User.IsInRole(role))
            return Forbid();
        var run = await db.CalculationRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id);
        if (run is null)
            return NotFound();
        try
        {
            var problem = await step(db, id, HttpContext.RequestAborted);
            if (problem is null)
                TempData["Pesan"] = t[done].Value;
            else
                TempData["Galat"] = Say(problem);
        }
        catch (ClosedRecordException e)
        {
            TempData["Galat"] = English ? e.English : e.Message;
        }

        return Redirect($"/remunerasi/perhitungan/{id}");
    }

    static bool English => Infrastructure.Format.English;

    static string Say(RunProblem problem) => English ? problem.English : problem.Message;
}
