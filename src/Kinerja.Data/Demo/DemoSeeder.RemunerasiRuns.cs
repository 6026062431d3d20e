using System.Text;
using Kinerja.Data.Remunerasi;
using Kinerja.Engine;
using Kinerja.Engine.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using ServiceLine = Kinerja.Data.Remunerasi.ServiceLine;

namespace Kinerja.Data.Demo;

public static partial class DemoSeeder
{
    /// <summary>The months before October 2026 that the demo generates data for, each with a paid run.</summary>
    public static readonly IReadOnlyList<Period> DemoPaidMonths =
        [Period.Month(2026, 6), Period.Month(2026, 7), Period.Month(2026, 8), Period.Month(2026, 9)];

    /// <summary>The demo month with an approved (not yet paid) run.</summary>
    public static readonly Period DemoApprovedMonth = Period.Month(2026, 10);

    /// <summary>
    /// Gives the demo a pay history, so that employees find slips in "Remunerasi saya": June to September 2026
    /// (generated the same way as October) with paid runs, and an approved run for October 2026. Runs are calculated
    /// from the database exactly as <see cref="RunService.CalculateAsync"/> does (same case, same fingerprint: a
    /// recalculation of October finds nothing changed) and go through the workflow by the demo team: calculated by
    /// remunerasi, verified by verifikator, approved by direktur, paid by remunerasi. Runs inside the seeding
    /// transaction, after the rest of the demo is saved.
    /// </summary>
    static async Task SeedRemunerasiRunsAsync(KinerjaDb seeding, DemoInstitutions institutions, CancellationToken cancellationToken)
    {
        // Calculating reads through the institution filters, which follow the actor: the web app seeds with nobody
        // signed in, who sees nothing. A system context on the same connection and transaction sees everything.
        await using var db = await SystemContextAsync(seeding, cancellationToken);
        var hospital = institutions.Hospital;
        foreach (var month in DemoPaidMonths)
        {
            var data = DemoRemunerasi.Month(month);
            var key = month.ToString();
            db.PeriodBudgets.Add(new PeriodBudget
            {
                InstitutionId = hospital.Id, Period = key, PersonnelBudget = 9_500_000_000m, Revenue = 24_000_000_000m, MaxPersonnelRatio = 0.45m,
            });
            db.ServiceLines.AddRange(data.Lines.Select(l => new ServiceLine
            {
                InstitutionId = hospital.Id, LineId = l.Id, Date = l.Date, StaffCode = l.StaffId, Service = l.Service, Payer = l.Payer,
                Quantity = l.Quantity, WorkingHours = l.WorkingHours,
            }));
            db.QualityResults.AddRange(data.Quality.Select(q => new QualityResult
            {
                InstitutionId = hospital.Id, Period = key, StaffCode = q.StaffId, Indicator = q.Indicator, Numerator = q.Numerator, Denominator = q.Denominator,
            }));
            db.AddedValueEntries.AddRange(data.AddedValue.Select(a => new AddedValueEntry
            {
                InstitutionId = hospital.Id, Period = key, StaffCode = a.StaffId, Activity = a.Activity, Count = a.Count,
            }));
            db.DutyEntries.AddRange(data.Duty.Select(d => new DutyEntry
            {
                InstitutionId = hospital.Id, Period = key, StaffCode = d.StaffId, Shift = d.Shift, Count = d.Count,
            }));
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();

        foreach (var month in DemoPaidMonths.Append(DemoApprovedMonth))
            await SeedRunAsync(db, hospital.Id, month, paid: month != DemoApprovedMonth, cancellationToken);
    }

    static async Task<KinerjaDb> SystemContextAsync(KinerjaDb db, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        var actor = new SystemActor("demo");
        KinerjaDb system = db is SqliteKinerjaDb
            ? new SqliteKinerjaDb(new DbContextOptionsBuilder<SqliteKinerjaDb>().UseSqlite(connection).Options, actor, db.Clock)
            : new PostgresKinerjaDb(new DbContextOptionsBuilder<PostgresKinerjaDb>().UseNpgsql(connection).Options, actor, db.Clock);
        if (db.Database.CurrentTransaction is { } transaction)
            await system.Database.UseTransactionAsync(transaction.GetDbTransaction(), cancellationToken);
        return system;
    }

    static async Task SeedRunAsync(KinerjaDb db, int institutionId, Period period, bool paid, CancellationToken cancellationToken)
    {
        var built = await CaseBuilder.BuildAsync(db, institutionId, period, cancellationToken);
        if (!built.Ok)
            throw new InvalidOperationException($"Demo {period}: {string.Join("; ", built.Problems)}");
        var @case = built.Case!;
        var (gzip, fingerprint) = CaseWriter.Canonical(@case);
        var result = Calculator.Calculate(@case);
        using var json = new MemoryStream();
        CaseJson.WriteResult(json, result);
        var staff = await db.Staff.AsNoTracking().Where(s => s.InstitutionId == institutionId)
            .Select(s => new { s.Code, s.Name, s.Category, s.Unit }).ToDictionaryAsync(s => s.Code, StringComparer.Ordinal, cancellationToken);

        // The team calculates on the 3rd of the next month, verifies on the 4th, the Direksi approve on the 5th, paid on the 10th.
        var next = period.End.AddDays(1);
        DateTime At(int day, int hour) => new(next.Year, next.Month, day, hour, 0, 0, DateTimeKind.Utc);
        var run = new CalculationRun
        {
            InstitutionId = institutionId, Period = period.ToString(), Version = 1, Status = RunStatus.Draft,
            RuleSetId = built.RuleSet!.Id, RuleVersion = built.RuleSet.Version, InputFingerprint = fingerprint,
            StaffCount = @case.Staff.Count, ServiceLineCount = @case.Services.Count,
            FixedPay = result.Totals.FixedPay, Incentive = result.Totals.Incentive, Duty = result.Totals.Duty, Perikatan = result.Totals.Perikatan,
            Withheld = result.Totals.Withheld, CapReduction = result.Totals.CapReduction, Total = result.Totals.Total,
            PersonnelRatio = result.PersonnelRatio, Flags = string.Join(' ', result.Flags),
            CalculatedBy = "remunerasi", CalculatedAt = At(3, 2),
        };
        run.Results.AddRange(result.Staff.Select((s, i) =>
        {
            var person = staff.GetValueOrDefault(s.Id);
            return new RunStaffResult
            {
                InstitutionId = institutionId, Ordinal = i, StaffCode = s.Id, Name = person?.Name ?? s.Id, Category = person?.Category ?? "",
                Unit = person?.Unit, FixedPay = s.FixedPay,
                StratificationScore = s.Medis?.StratificationScore, Star = s.Medis?.Star,
                UnitsJkn = s.Medis?.Units.Jkn, UnitsNonJkn = s.Medis?.Units.NonJkn, VisitsJkn = s.Medis?.Visits.Jkn, VisitsNonJkn = s.Medis?.Visits.NonJkn,
                Achievement = s.Medis?.Achievement, JknShare = s.Medis?.JknShare, QualityScore = s.Medis?.QualityScore, QualityFactor = s.Medis?.QualityFactor,
                BaseAmount = s.Medis?.BaseAmount, AddedValue = s.Medis?.AddedValue, Points = s.NonMedis?.Points, Performance = s.NonMedis?.Performance,
                PerformanceIncentive = s.PerformanceIncentive, IncentiveMax = s.IncentiveMax, Incentive = s.Incentive, Perikatan = s.Perikatan,
                Withheld = s.Withheld, Duty = s.Duty, CapReduction = s.CapReduction, Total = s.Total, Flags = string.Join(' ', s.Flags),
            };
        }));
        db.CalculationRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        db.RunInputs.Add(new RunInput { RunId = run.Id, InstitutionId = institutionId, CaseJsonGzip = gzip, ResultJson = Encoding.UTF8.GetString(json.ToArray()) });
        await db.SaveChangesAsync(cancellationToken);

        // Through the workflow; the guard lets a draft become final, and nothing after.
        run.Status = paid ? RunStatus.Paid : RunStatus.Approved;
        run.VerifiedBy = "verifikator";
        run.VerifiedAt = At(4, 3);
        run.ApprovedBy = "direktur";
        run.ApprovedAt = At(5, 4);
        if (paid)
        {
            run.PaidBy = "remunerasi";
            run.PaidAt = At(10, 2);
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }
}
