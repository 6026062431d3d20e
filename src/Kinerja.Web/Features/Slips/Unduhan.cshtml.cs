using Kinerja.Data;
using Kinerja.Data.Remunerasi;
using Kinerja.Web.Features.MyPay;
using Kinerja.Web.Features.Runs;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Web.Features.Slips;

/// <summary>A KSM or unit of a run and how many people it has.</summary>
public sealed record UnitCount(string Unit, int People, decimal Total);

/// <summary>
/// /remunerasi/perhitungan/{id}/unduhan: a run's slips (per unit, per person) and its Excel. The Excel is for
/// everyone who may read runs; the slips for the Tim Remunerasi (and, of approved runs, the admin).
/// </summary>
[Authorize(Roles = RunsAccess.Readers)]
public sealed class UnduhanModel(KinerjaDb db) : PageModel
{
    public CalculationRun Run { get; private set; } = null!;

    public IReadOnlyList<UnitCount> Units { get; private set; } = [];

    public IReadOnlyList<RunStaffResult> Found { get; private set; } = [];

    public bool CanSlips { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? Cari { get; set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var run = await db.CalculationRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id);
        if (run is null)
            return NotFound();
        Run = run;
        CanSlips = MyPayEndpoints.CanReadSlips(User, run);
        var rows = await db.RunStaffResults.AsNoTracking().Where(r => r.RunId == id).OrderBy(r => r.Ordinal).ToListAsync();
        Units = rows.GroupBy(r => r.Unit ?? "")
            .Where(g => g.Key.Length > 0)
            .Select(g => new UnitCount(g.Key, g.Count(), g.Sum(r => r.Total)))
            .OrderBy(u => u.Unit, StringComparer.CurrentCulture)
            .ToList();
        if (!string.IsNullOrWhiteSpace(Cari))
        {
            var q = Cari.Trim();
            Found = rows.Where(r => r.Name.Contains(q, StringComparison.OrdinalIgnoreCase) || r.StaffCode.Contains(q, StringComparison.OrdinalIgnoreCase))
                .Take(50).ToList();
        }

        return Page();
    }
}
