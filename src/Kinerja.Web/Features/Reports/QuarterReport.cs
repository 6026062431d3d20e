using Kinerja.Data;
using Kinerja.Data.Remunerasi;
using Kinerja.Engine;
using Kinerja.Engine.Json;
using Microsoft.EntityFrameworkCore;
using EngineStaff = Kinerja.Engine.Staff;

namespace Kinerja.Web.Features.Reports;

/// <summary>One doctor's quarter: performance from the quarter case, money from the monthly runs.</summary>
public sealed record DoctorQuarter(
    string Code, string Name, string? Ksm, int Months,
    int? Star, decimal? StratificationScore, decimal? JknShareMin,
    PayerCounts Visits, decimal? Target, decimal? Achievement,
    PayerCounts Units, decimal? JknShare, decimal? QualityScore, decimal? QualityFactor,
    string? PerikatanNumber,
    decimal BaseAmount, decimal AddedValue, decimal Incentive, decimal Perikatan, decimal Withheld, decimal CapReduction, decimal Total,
    IReadOnlyList<string> Flags);

/// <summary>
/// The quarterly report to the Ditjen Yankes (seed 002: "dilaporkan secara berkala ke Direktur Jenderal Pelayanan
/// Kesehatan setiap 3 bulan"). Money is the sum of the quarter's approved or paid monthly runs, what was paid; the
/// performance indicators (target achievement, star, JKN share, quality) come from the engine on the quarter case
/// put together from the same runs' stored inputs (docs/decisions/laporan-triwulan.md).
/// </summary>
public sealed class QuarterReport
{
    public int Year { get; private init; }

    public int Quarter { get; private init; }

    public string HospitalName { get; private init; } = "";

    public string? Cluster { get; private init; }

    /// <summary>The three months and their approved or paid run (null: none yet).</summary>
    public IReadOnlyList<(string Period, CalculationRun? Run)> Months { get; private init; } = [];

    public bool Complete => Months.All(m => m.Run is not null);

    /// <summary>Sum of the monthly runs' totals per component.</summary>
    public GroupTotals Totals { get; private init; } = new("", 0, 0, 0, 0, 0, 0, 0, 0);

    public IReadOnlyList<GroupTotals> ByCategory { get; private init; } = [];

    public IReadOnlyList<DoctorQuarter> Doctors { get; private init; } = [];

    /// <summary>Why the indicators could not be computed for the quarter (e.g. a service removed from the rules).</summary>
    public string? IndicatorProblem { get; private init; }

    public IReadOnlyList<PerikatanAgreement> Perikatan { get; private init; } = [];

    public static async Task<QuarterReport> BuildAsync(KinerjaDb db, Institution hospital, int year, int quarter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(hospital);
        var period = Period.Quarter(year, quarter);
        var periods = Enumerable.Range(0, 3).Select(m => Period.Month(year, period.FirstMonth + m).ToString()).ToList();
        var finals = await RunSelection.FinalMonthsAsync(db, hospital.Id, periods, cancellationToken);
        var months = periods.Select(p => (p, finals.GetValueOrDefault(p))).ToList();
        var runs = months.Where(m => m.Item2 is not null).Select(m => m.Item2!).ToList();
        var perikatan = (await db.PerikatanAgreements.AsNoTracking().Where(p => p.InstitutionId == hospital.Id && p.ApprovedAt != null).ToListAsync(cancellationToken))
            .Where(p => p.InForceDuring(period.Start, period.End)).OrderBy(p => p.StaffCode, StringComparer.Ordinal).ToList();
        var report = new QuarterReport
        {
            Year = year, Quarter = quarter, HospitalName = hospital.Name, Cluster = hospital.KmkCluster, Months = months, Perikatan = perikatan,
        };
        if (runs.Count == 0)
            return report;

        var ids = runs.Select(r => r.Id).ToList();
        var rows = await db.RunStaffResults.AsNoTracking().Where(r => ids.Contains(r.RunId)).ToListAsync(cancellationToken);
        var runOrder = ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        var totals = new GroupTotals("", rows.Select(r => r.StaffCode).Distinct().Count(), runs.Sum(r => r.FixedPay), runs.Sum(r => r.Incentive),
            runs.Sum(r => r.Duty), runs.Sum(r => r.Perikatan), runs.Sum(r => r.Withheld), runs.Sum(r => r.CapReduction), runs.Sum(r => r.Total));

        var (quarterCase, result, problem) = await QuarterCaseAsync(db, period, ids, cancellationToken);
        var medis = result?.Staff.Where(s => s.Medis is not null).ToDictionary(s => s.Id, StringComparer.Ordinal) ?? [];
        var caseStaff = quarterCase?.Staff.ToDictionary(s => s.Id, StringComparer.Ordinal) ?? [];
        var stars = quarterCase?.Rules.Stratification.Stars.ToDictionary(s => s.Star) ?? [];
        var agreements = perikatan.GroupBy(p => p.StaffCode).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        var doctors = rows.Where(r => r.Category == Kinerja.Data.Remunerasi.Staff.Medis)
            .GroupBy(r => r.StaffCode, StringComparer.Ordinal)
            .Select(g =>
            {
                var latest = g.OrderByDescending(r => runOrder[r.RunId]).First();
                var m = medis.GetValueOrDefault(g.Key)?.Medis;
                var target = caseStaff.GetValueOrDefault(g.Key)?.Target is { } t ? (t.Jkn + t.NonJkn) * period.Months : (decimal?)null;
                var visits = m?.Visits ?? new PayerCounts(g.Sum(r => r.VisitsJkn ?? 0), g.Sum(r => r.VisitsNonJkn ?? 0));
                var units = m?.Units ?? new PayerCounts(g.Sum(r => r.UnitsJkn ?? 0), g.Sum(r => r.UnitsNonJkn ?? 0));
                return new DoctorQuarter(
                    g.Key, latest.Name, latest.Unit, g.Count(),
                    m?.Star, m?.StratificationScore, m is null ? null : stars.GetValueOrDefault(m.Star)?.JknShareMin,
                    visits, target, m?.Achievement, units, m?.JknShare, m?.QualityScore, m?.QualityFactor,
                    agreements.GetValueOrDefault(g.Key)?.Number ?? (agreements.ContainsKey(g.Key) ? "✓" : null),
                    g.Sum(r => r.BaseAmount ?? 0), g.Sum(r => r.AddedValue ?? 0), g.Sum(r => r.Incentive), g.Sum(r => r.Perikatan),
                    g.Sum(r => r.Withheld), g.Sum(r => r.CapReduction), g.Sum(r => r.Total),
                    g.SelectMany(r => r.Flags.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Distinct().Order(StringComparer.Ordinal).ToList());
            })
            .OrderBy(d => d.Ksm, StringComparer.Ordinal).ThenBy(d => d.Code, StringComparer.Ordinal)
            .ToList();

        return new QuarterReport
        {
            Year = year, Quarter = quarter, HospitalName = hospital.Name, Cluster = hospital.KmkCluster, Months = months, Perikatan = perikatan,
            Totals = totals,
            ByCategory = rows.GroupBy(r => r.Category).Select(g => GroupTotals.Of(g.Key, g.ToList()) with { People = g.Select(r => r.StaffCode).Distinct().Count() })
                .OrderByDescending(g => g.Total).ToList(),
            Doctors = doctors,
            IndicatorProblem = problem,
        };
    }

    /// <summary>
    /// The quarter as one case (calculation.md §1: a YYYY-Qn period, n = 3) from the stored inputs of the monthly runs:
    /// their service totals and quality, added-value and duty rows together (rows add up, §2), the staff and rules of
    /// the latest month. Only its indicators are used: the money stays that of the monthly runs.
    /// </summary>
    static async Task<(Case? Case, CalculationResult? Result, string? Problem)> QuarterCaseAsync(KinerjaDb db, Period quarter, List<int> runIds, CancellationToken cancellationToken)
    {
        var inputs = await db.RunInputs.AsNoTracking().Where(i => runIds.Contains(i.RunId)).ToListAsync(cancellationToken);
        var documents = new List<CaseDocument>();
        foreach (var id in runIds)
        {
            var input = inputs.FirstOrDefault(i => i.RunId == id);
            if (input is null)
                return (null, null, "Data masukan perhitungan tidak tersimpan.");
            using var json = new MemoryStream(CaseWriter.Decompress(input.CaseJsonGzip));
            var read = CaseJson.Read(json);
            if (!read.IsValid)
                return (null, null, "Data masukan perhitungan tidak dapat dibaca.");
            documents.Add(read.Document!);
        }

        var latest = documents[^1].Case;
        var staff = new Dictionary<string, EngineStaff>(StringComparer.Ordinal);
        foreach (var document in Enumerable.Reverse(documents))
        {
            foreach (var person in document.Case.Staff)
                staff.TryAdd(person.Id, person);
        }

        var @case = latest with
        {
            Period = quarter,
            Rules = latest.Rules with { Budget = null },
            Staff = staff.Values.ToList(),
            Services = [],
            Quality = documents.SelectMany(d => d.Case.Quality).ToList(),
            AddedValue = documents.SelectMany(d => d.Case.AddedValue).ToList(),
            Duty = documents.SelectMany(d => d.Case.Duty).ToList(),
        };
        try
        {
            return (@case, Calculator.Calculate(@case, documents.SelectMany(d => d.ServiceTotals).ToList()), null);
        }
        catch (InvalidCaseException e)
        {
            return (@case, null, string.Join("; ", e.Errors.Take(3).Select(x => $"{x.Path}: {x.Message}")));
        }
    }
}
