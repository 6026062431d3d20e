using Kinerja.Data;
using Kinerja.Data.Remunerasi;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Web.Features.Targets;

/// <summary>A doctor of a KSM in a year, with their saved monthly target (null: none yet).</summary>
public sealed record TargetDoctor(string Code, string Name, decimal? MonthlyJkn, decimal? MonthlyNonJkn);

/// <summary>
/// One KSM's part of the year's targets: its share, what the cascade gives it (visits and the RBA revenue), and what its
/// doctors have.
/// </summary>
public sealed record KsmPlan(string Ksm, decimal Share, long AnnualJkn, long AnnualNonJkn, long AnnualRevenue, IReadOnlyList<TargetDoctor> Doctors)
{
    public long MonthlyJkn => TargetCascade.Monthly(AnnualJkn);

    public long MonthlyNonJkn => TargetCascade.Monthly(AnnualNonJkn);

    public long MonthlyRevenue => TargetCascade.Monthly(AnnualRevenue);

    /// <summary>
    /// Each doctor's part of the KSM's monthly revenue target, in whole Rupiah summing to it exactly: in proportion to
    /// their monthly visit targets (JKN and non-JKN together), equal while none is set.
    /// </summary>
    public IReadOnlyList<long> DoctorsRevenue()
    {
        var visits = Doctors.Select(d => (d.MonthlyJkn ?? 0) + (d.MonthlyNonJkn ?? 0)).ToList();
        return TargetCascade.Apportion(MonthlyRevenue, visits.Sum() > 0 ? visits : Doctors.Select(_ => 1m).ToList());
    }

    public decimal DoctorsJkn => Doctors.Sum(d => d.MonthlyJkn ?? 0);

    public decimal DoctorsNonJkn => Doctors.Sum(d => d.MonthlyNonJkn ?? 0);

    public bool DoctorsMatch => DoctorsJkn == MonthlyJkn && DoctorsNonJkn == MonthlyNonJkn;
}

/// <summary>The targets of one hospital and year, read as rows and put together in memory (decimals are text on SQLite).</summary>
public sealed record TargetYear(int Year, RbaTarget? Rba, IReadOnlyList<KsmPlan> Ksms)
{
    public decimal ShareTotal => Ksms.Sum(k => k.Share);

    public static async Task<TargetYear> LoadAsync(KinerjaDb db, int institutionId, int year, CancellationToken cancellationToken)
    {
        var rba = await db.RbaTargets.FirstOrDefaultAsync(r => r.InstitutionId == institutionId && r.Year == year, cancellationToken);
        var shares = await db.KsmTargets.AsNoTracking().Where(k => k.InstitutionId == institutionId && k.Year == year).ToListAsync(cancellationToken);
        var targets = (await db.StaffTargets.AsNoTracking().Where(s => s.InstitutionId == institutionId && s.Year == year).ToListAsync(cancellationToken))
            .ToDictionary(s => s.StaffCode, StringComparer.Ordinal);
        var doctors = await Doctors(db, institutionId, year, cancellationToken);
        var names = doctors.Select(d => d.Unit!).Concat(shares.Select(s => s.Ksm)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var shareOf = shares.ToDictionary(s => s.Ksm, s => s.Share, StringComparer.Ordinal);
        var weights = names.Select(n => shareOf.GetValueOrDefault(n)).ToList();
        var jkn = TargetCascade.Apportion((long)(rba?.JknVisits ?? 0), weights);
        var nonJkn = TargetCascade.Apportion((long)(rba?.NonJknVisits ?? 0), weights);
        var revenue = TargetCascade.Apportion((long)(rba?.Revenue ?? 0), weights);
        var plans = names.Select((name, i) => new KsmPlan(name, weights[i], jkn[i], nonJkn[i], revenue[i],
            doctors.Where(d => d.Unit == name).Select(d => new TargetDoctor(d.Code, d.Name,
                targets.GetValueOrDefault(d.Code)?.MonthlyJkn, targets.GetValueOrDefault(d.Code)?.MonthlyNonJkn)).ToList())).ToList();
        return new TargetYear(year, rba, plans);
    }

    /// <summary>The doctors (MEDIS staff with a KSM) employed during <paramref name="year"/>, in case order.</summary>
    public static async Task<List<Staff>> Doctors(KinerjaDb db, int institutionId, int year, CancellationToken cancellationToken) =>
        (await db.Staff.AsNoTracking()
            .Where(s => s.InstitutionId == institutionId && s.Category == Staff.Medis && s.Unit != null)
            .ToListAsync(cancellationToken))
        .Where(s => s.EmployedDuring(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31)))
        .OrderBy(s => s.Ordinal).ThenBy(s => s.Code, StringComparer.Ordinal)
        .ToList();

    /// <summary>
    /// Writes every doctor's monthly target of the year as the equal split of their KSM's monthly target (replacing
    /// edited ones), and returns how many were written.
    /// </summary>
    public async Task<int> SplitEquallyAsync(KinerjaDb db, int institutionId, CancellationToken cancellationToken)
    {
        var saved = (await db.StaffTargets.Where(s => s.InstitutionId == institutionId && s.Year == Year).ToListAsync(cancellationToken))
            .ToDictionary(s => s.StaffCode, StringComparer.Ordinal);
        var written = 0;
        foreach (var ksm in Ksms.Where(k => k.Doctors.Count > 0))
        {
            var jkn = TargetCascade.SplitEqually(ksm.MonthlyJkn, ksm.Doctors.Count);
            var nonJkn = TargetCascade.SplitEqually(ksm.MonthlyNonJkn, ksm.Doctors.Count);
            for (var i = 0; i < ksm.Doctors.Count; i++)
            {
                var code = ksm.Doctors[i].Code;
                if (!saved.TryGetValue(code, out var target))
                {
                    target = new StaffTarget { InstitutionId = institutionId, StaffCode = code, Year = Year };
                    db.StaffTargets.Add(target);
                }

                target.MonthlyJkn = jkn[i];
                target.MonthlyNonJkn = nonJkn[i];
                written++;
            }
        }

        return written;
    }
}
