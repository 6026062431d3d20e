using Kinerja.Data;
using Kinerja.Data.Remunerasi;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Web.Features.Runs;

/// <summary>/remunerasi/perhitungan/{id}/selisih?dengan={other}: who gets how much more or less in one version than in another.</summary>
[Authorize(Roles = RunsAccess.Readers)]
public sealed class SelisihModel(KinerjaDb db) : PageModel
{
    /// <summary>Differences of one person; components are the differences (this version minus the other).</summary>
    public sealed record Row(string Code, string Name, decimal Incentive, decimal Perikatan, decimal Duty, decimal Before, decimal After);

    public CalculationRun Run { get; private set; } = null!;

    public CalculationRun Other { get; private set; } = null!;

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, int dengan)
    {
        var runs = await db.CalculationRuns.AsNoTracking().Where(r => r.Id == id || r.Id == dengan).ToListAsync();
        if (runs.Count != 2 || runs[0].InstitutionId != runs[1].InstitutionId)
            return NotFound();
        Run = runs.Single(r => r.Id == id);
        Other = runs.Single(r => r.Id == dengan);
        var results = await db.RunStaffResults.AsNoTracking().Where(r => r.RunId == id || r.RunId == dengan).ToListAsync();
        var mine = results.Where(r => r.RunId == id).ToDictionary(r => r.StaffCode);
        var theirs = results.Where(r => r.RunId == dengan).ToDictionary(r => r.StaffCode);
        Rows = mine.Keys.Union(theirs.Keys)
            .Select(code =>
            {
                var a = mine.GetValueOrDefault(code);
                var b = theirs.GetValueOrDefault(code);
                return new Row(code, (a ?? b)!.Name, (a?.Incentive ?? 0) - (b?.Incentive ?? 0), (a?.Perikatan ?? 0) - (b?.Perikatan ?? 0),
                    (a?.Duty ?? 0) - (b?.Duty ?? 0), b?.Total ?? 0, a?.Total ?? 0);
            })
            .Where(r => r.Before != r.After || r.Incentive != 0 || r.Perikatan != 0 || r.Duty != 0)
            .OrderByDescending(r => Math.Abs(r.After - r.Before))
            .ToList();
        return Page();
    }
}
