using Kinerja.Data;
using Kinerja.Data.Remunerasi;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Web.Features.Runs;

/// <summary>/remunerasi: the feature's front page, its tiles following the user's roles.</summary>
[Authorize(Roles = RunsAccess.Readers)]
public sealed class BerandaRemunerasiModel(KinerjaDb db) : PageModel
{
    public string HospitalName { get; private set; } = "";

    public CalculationRun? Latest { get; private set; }

    public async Task OnGetAsync()
    {
        var hospital = await RunsAccess.HospitalAsync(db, User);
        HospitalName = hospital?.Name ?? "";
        if (hospital is not null)
        {
            Latest = await db.CalculationRuns.AsNoTracking().Where(r => r.InstitutionId == hospital.Id && r.Status != RunStatus.Superseded)
                .OrderByDescending(r => r.CalculatedAt).ThenByDescending(r => r.Id).FirstOrDefaultAsync();
        }
    }
}
