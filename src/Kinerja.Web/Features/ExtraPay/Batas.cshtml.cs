using Kinerja.Data;
using Kinerja.Data.Identity;
using Kinerja.Data.Remunerasi.ExtraPay;
using Kinerja.Web.Features.Reports;
using Kinerja.Web.Features.Runs;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kinerja.Web.Features.ExtraPay;

/// <summary>/remunerasi/tambahan/batas: the THR insentif ceiling per KMK cluster, a rule parameter set by the Direksi.</summary>
[Authorize(Roles = ReportsAccess.Readers)]
public sealed class BatasModel(KinerjaDb db, IStringLocalizer<SharedResource> t) : PageModel
{
    public IReadOnlyList<ExtraPayCeiling> Ceilings { get; private set; } = [];

    public string? Cluster { get; private set; }

    public string? Problem { get; private set; }

    public bool MaySet => ReportsAccess.MayChange(User, Roles.Direksi) || ReportsAccess.MayChange(User, Roles.Admin);

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(string? klaster, string? batas, string? dasar)
    {
        if (!MaySet)
            return Forbid();
        var hospital = await LoadAsync();
        if (hospital is null)
            return NotFound();
        var amount = ExtraPayText.Rupiah(batas);
        var problem = amount is null
            ? new Kinerja.Data.Remunerasi.RunProblem("Batas harus rupiah utuh, mis. 25.000.000.", "The ceiling must be whole Rupiah, e.g. 25.000.000.")
            : await ExtraPayService.SetCeilingAsync(db, hospital.Id, klaster ?? "", amount.Value, string.IsNullOrWhiteSpace(dasar) ? null : dasar.Trim(), HttpContext.RequestAborted);
        if (problem is not null)
        {
            Problem = ExtraPayText.Say(problem);
            return Page();
        }

        TempData["Pesan"] = t["Batas disimpan."].Value;
        return Redirect("/remunerasi/tambahan/batas");
    }

    async Task<Kinerja.Data.Institution?> LoadAsync()
    {
        var hospital = await RunsAccess.HospitalAsync(db, User, Request.Query["rs"]);
        if (hospital is null)
            return null;
        Cluster = hospital.KmkCluster;
        Ceilings = await db.ExtraPayCeilings.AsNoTracking().Where(c => c.InstitutionId == hospital.Id).OrderBy(c => c.Cluster).ToListAsync();
        return hospital;
    }
}
