using Kinerja.Data;
using Kinerja.Data.Identity;
using Kinerja.Data.Remunerasi;
using Kinerja.Data.Remunerasi.ExtraPay;
using Kinerja.Web.Features.Reports;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kinerja.Web.Features.ExtraPay;

/// <summary>/remunerasi/tambahan/{id}: one extra pay run: its parameters, lines, workflow and Excel.</summary>
[Authorize(Roles = ReportsAccess.Readers)]
public sealed class DetailModel(KinerjaDb db, IStringLocalizer<SharedResource> t) : PageModel
{
    public ExtraPayRun Run { get; private set; } = null!;

    public bool CanVerify => ReportsAccess.MayChange(User, Roles.TimRemunerasi) && Run.Status == RunStatus.Draft
        && !string.Equals(Run.CalculatedBy, User.Identity?.Name, StringComparison.OrdinalIgnoreCase);

    public bool CanApprove => ReportsAccess.MayChange(User, Roles.Direksi) && Run.Status == RunStatus.Verified;

    public bool CanMarkPaid => ReportsAccess.MayChange(User, Roles.TimRemunerasi) && Run.Status == RunStatus.Approved && Run.IsCash;

    public bool CanEdit => ReportsAccess.MayChange(User, Roles.TimRemunerasi) && !Run.IsFinal;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var run = await db.ExtraPayRuns.AsNoTracking().Include(r => r.Lines).FirstOrDefaultAsync(r => r.Id == id);
        if (run is null)
            return NotFound();
        run.Lines = run.Lines.OrderBy(l => l.Ordinal).ToList();
        Run = run;
        return Page();
    }

    public async Task<IActionResult> OnGetExcelAsync(int id)
    {
        var run = await db.ExtraPayRuns.AsNoTracking().Include(r => r.Lines).FirstOrDefaultAsync(r => r.Id == id);
        if (run is null)
            return NotFound();
        var bytes = ReportFormat.Workbook(
        [
            ("Rincian", run.Lines.OrderBy(l => l.Ordinal).Select(l => new Dictionary<string, object?>
            {
                ["Kode"] = l.StaffCode, ["Nama"] = l.Name, ["Kategori"] = l.Category, ["Unit"] = l.Unit, ["Dasar"] = l.Basis, ["Bulan"] = l.Months,
                ["Dihitung"] = l.Computed, ["Dipotong batas"] = l.CapReduction, ["Jumlah"] = l.Amount, ["Uraian"] = l.Description,
            })),
        ]);
        return File(bytes, ReportFormat.XlsxType, $"tambahan-{run.Id}-{run.Year}.xlsx");
    }

    public Task<IActionResult> OnPostVerifikasiAsync(int id) =>
        StepAsync(id, Roles.TimRemunerasi, ExtraPayService.VerifyAsync, "Diverifikasi. Menunggu persetujuan Direksi.");

    public Task<IActionResult> OnPostSetujuiAsync(int id) =>
        StepAsync(id, Roles.Direksi, ExtraPayService.ApproveAsync, "Disetujui. Tidak dapat diubah lagi.");

    public Task<IActionResult> OnPostBayarAsync(int id) =>
        StepAsync(id, Roles.TimRemunerasi, ExtraPayService.MarkPaidAsync, "Ditandai dibayar.");

    public async Task<IActionResult> OnPostBuangAsync(int id)
    {
        if (!ReportsAccess.MayChange(User, Roles.TimRemunerasi))
            return Forbid();
        var problem = await ExtraPayService.DiscardAsync(db, id, HttpContext.RequestAborted);
        if (problem is null)
            return Redirect("/remunerasi/tambahan");
        TempData["Galat"] = ExtraPayText.Say(problem);
        return Redirect($"/remunerasi/tambahan/{id}");
    }

    public async Task<IActionResult> OnPostTambahAsync(int id, string? pegawai, string? uraian, string? nilai)
    {
        if (!ReportsAccess.MayChange(User, Roles.TimRemunerasi))
            return Forbid();
        var value = ExtraPayText.Rupiah(nilai);
        var problem = value is null
            ? new RunProblem("Nilai harus rupiah utuh, mis. 7.500.000.", "The value must be whole Rupiah, e.g. 7.500.000.")
            : await ExtraPayService.AddNonCashAsync(db, id, pegawai ?? "", uraian ?? "", value.Value, HttpContext.RequestAborted);
        if (problem is not null)
            TempData["Galat"] = ExtraPayText.Say(problem);
        else
            TempData["Pesan"] = t["Dicatat."].Value;
        return Redirect($"/remunerasi/tambahan/{id}");
    }

    async Task<IActionResult> StepAsync(int id, string role, Func<KinerjaDb, int, CancellationToken, Task<RunProblem?>> step, string done)
    {
        if (!ReportsAccess.MayChange(User, role))
            return Forbid();
        try
        {
            var problem = await step(db, id, HttpContext.RequestAborted);
            if (problem is null)
                TempData["Pesan"] = t[done].Value;
            else
                TempData["Galat"] = ExtraPayText.Say(problem);
        }
        catch (ClosedRecordException e)
        {
            TempData["Galat"] = Infrastructure.Format.English ? e.English : e.Message;
        }

        return Redirect($"/remunerasi/tambahan/{id}");
    }
}
