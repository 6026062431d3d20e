using Kinerja.Data;
using Kinerja.Data.Remunerasi;
using Kinerja.Engine;
using Kinerja.Web.Features.MasterData;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Web.Features.Targets;

/// <summary>
/// The quarterly evaluation of the targets (seed 002: "dievaluasi setiap 3 bulan"): the quarter's case is built by
/// CaseBuilder (which supports quarters: n = 3, the quarter's lines and rows) and calculated by the engine, so the
/// achievement, the JKN share and the flags are exactly those of calculation.md §6.3-§6.4.
/// </summary>
[Authorize(Roles = RemunerasiAccess.Viewers)]
public sealed class EvaluasiModel(KinerjaDb db) : PageModel
{
    public sealed record Row(
        string Code, string Name, string? Ksm, int Star, decimal? TargetJkn, decimal? TargetNonJkn, PayerCounts Visits, PayerCounts Units,
        decimal? Achievement, decimal? JknShare, decimal JknShareMin, IReadOnlyList<string> Flags);

    public static readonly string[] TargetFlags = [Flags.BelowTarget, Flags.JknShareBelowMin, Flags.NoJknService, Flags.StratificationNotValidated];

    public int Tahun { get; private set; }

    public int Triwulan { get; private set; }

    public Period Quarter { get; private set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public IReadOnlyList<string> Problems { get; private set; } = [];

    public int? RuleVersion { get; private set; }

    public async Task OnGetAsync(int? tahun, int? triwulan)
    {
        var today = RemunerasiAccess.Today(db.Clock);
        Tahun = tahun is >= 2000 and <= 2100 ? tahun.Value : today.Year;
        Triwulan = triwulan is >= 1 and <= 4 ? triwulan.Value : ((today.Month - 1) / 3) + 1;
        Quarter = Period.Quarter(Tahun, Triwulan);
        var hospital = await RemunerasiAccess.HospitalAsync(db, User, HttpContext.RequestAborted);
        if (hospital is null)
            return;
        var built = await CaseBuilder.BuildAsync(db, hospital.Id, Quarter, HttpContext.RequestAborted);
        if (!built.Ok)
        {
            Problems = built.Problems;
            return;
        }

        RuleVersion = built.RuleSet!.Version;
        CalculationResult result;
        try
        {
            result = Calculator.Calculate(built.Case!);
        }
        catch (InvalidCaseException invalid)
        {
            Problems = invalid.Errors.Select(e => $"{e.Path}: {e.Message}").ToList();
            return;
        }

        var units = await db.Staff.AsNoTracking().Where(s => s.InstitutionId == hospital.Id && s.Category == Kinerja.Data.Remunerasi.Staff.Medis)
            .Select(s => new { s.Code, s.Unit }).ToDictionaryAsync(s => s.Code, s => s.Unit, HttpContext.RequestAborted);
        var staff = built.Case!.Staff.ToDictionary(s => s.Id, StringComparer.Ordinal);
        var stars = built.Case.Rules.Stratification.Stars.ToDictionary(s => s.Star);
        Rows = result.Staff.Where(r => r.Medis is not null).Select(r =>
            {
                var s = staff[r.Id];
                var m = r.Medis!;
                return new Row(r.Id, s.Name, units.GetValueOrDefault(r.Id), m.Star,
                    s.Target?.Jkn * Quarter.Months, s.Target?.NonJkn * Quarter.Months, m.Visits, m.Units, m.Achievement, m.JknShare,
                    stars.TryGetValue(m.Star, out var star) ? star.JknShareMin : 0,
                    r.Flags.Where(f => TargetFlags.Contains(f)).ToList());
            })
            .OrderBy(r => r.Ksm, StringComparer.Ordinal)
            .ToList();
    }

    public static string FlagLabel(string flag) => flag switch
    {
        Flags.BelowTarget => "Di bawah target",
        Flags.JknShareBelowMin => "Porsi JKN di bawah minimal",
        Flags.NoJknService => "Tidak melayani JKN",
        Flags.StratificationNotValidated => "Stratifikasi belum divalidasi",
        _ => flag,
    };
}
