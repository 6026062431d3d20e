using System.Text;
using Kinerja.Engine;
using Kinerja.Engine.Json;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Data.Remunerasi;

/// <summary>A workflow step refused: why, in Indonesian and English.</summary>
public sealed record RunProblem(string Message, string English);

/// <summary>The outcome of a calculation: the run (new, or the unchanged draft of the same inputs), or why not.</summary>
public sealed record CalculateOutcome(CalculationRun? Run, bool Reused, IReadOnlyList<RunProblem> Problems)
{
    public bool Ok => Run is not null && Problems.Count == 0;
}

/// <summary>
/// The monthly calculation as a record (product.md §1): calculate (draft) → verify (someone other than the
/// calculator) → approve (Direksi) → paid (closes the period). Shared by the web app and the CLI; who may do which
/// step by role is the page's concern, the rest is here and in the data layer's guard.
/// </summary>
public static class RunService
{
    /// <summary>
    /// Calculates the period from the database. The same inputs as the latest draft or verified version give that
    /// version back (a rerun is identical); other inputs give a new version and supersede an open draft. A new
    /// version after an approved or paid one is a correction.
    /// </summary>
    public static async Task<CalculateOutcome> CalculateAsync(KinerjaDb db, int institutionId, Period period, string? note = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var built = await CaseBuilder.BuildAsync(db, institutionId, period, cancellationToken);
        if (!built.Ok)
            return new CalculateOutcome(null, false, built.Problems.Select(p => new RunProblem(p, p)).ToList());
        var @case = built.Case!;
        var errors = CaseValidator.Validate(@case);
        if (errors.Count > 0)
        {
            return new CalculateOutcome(null, false, errors.Take(50)
                .Select(e => new RunProblem($"Data tidak lengkap atau tidak valid: {e.Path}: {e.Message}", $"Incomplete or invalid data: {e.Path}: {e.Message}"))
                .ToList());
        }

        var (gzip, fingerprint) = CaseWriter.Canonical(@case);
        var periodText = period.ToString();
        var versions = await db.CalculationRuns.Where(r => r.InstitutionId == institutionId && r.Period == periodText)
            .OrderByDescending(r => r.Version).ToListAsync(cancellationToken);
        var latest = versions.FirstOrDefault(r => r.Status != RunStatus.Superseded);
        if (latest is not null && latest.InputFingerprint == fingerprint)
        {
            if (latest.Status is RunStatus.Draft or RunStatus.Verified)
                return new CalculateOutcome(latest, true, []);
            return new CalculateOutcome(latest, true,
            [
                new RunProblem(
                    $"Data periode {periodText} tidak berubah sejak versi {latest.Version} ({RunWorkflow.Label(latest.Status)}): tidak ada yang perlu dikoreksi.",
                    $"The data of {periodText} has not changed since version {latest.Version} ({latest.Status.ToString().ToLowerInvariant()}): nothing to correct."),
            ]);
        }

        var result = Calculator.Calculate(@case);
        using var json = new MemoryStream();
        CaseJson.WriteResult(json, result);
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var staff = await db.Staff.AsNoTracking().Where(s => s.InstitutionId == institutionId)
            .Select(s => new { s.Code, s.Name, s.Category, s.Unit }).ToDictionaryAsync(s => s.Code, StringComparer.Ordinal, cancellationToken);
        var run = new CalculationRun
        {
            InstitutionId = institutionId, Period = periodText, Version = versions.Count == 0 ? 1 : versions.Max(r => r.Version) + 1,
            Status = RunStatus.Draft, RuleSetId = built.RuleSet!.Id, RuleVersion = built.RuleSet.Version, InputFingerprint = fingerprint,
            StaffCount = @case.Staff.Count, ServiceLineCount = @case.Services.Count,
            FixedPay = result.Totals.FixedPay, Incentive = result.Totals.Incentive, Duty = result.Totals.Duty, Perikatan = result.Totals.Perikatan,
            Withheld = result.Totals.Withheld, CapReduction = result.Totals.CapReduction, Total = result.Totals.Total,
            PersonnelRatio = result.PersonnelRatio, Flags = string.Join(' ', result.Flags),
            Note = note ?? (latest is { IsFinal: true } ? $"Koreksi atas versi {latest.Version}" : null),
            CalculatedBy = db.Actor.Name, CalculatedAt = now,
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

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (latest is { Status: RunStatus.Draft or RunStatus.Verified })
            latest.Status = RunStatus.Superseded;
        db.CalculationRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        db.RunInputs.Add(new RunInput { RunId = run.Id, InstitutionId = institutionId, CaseJsonGzip = gzip, ResultJson = Encoding.UTF8.GetString(json.ToArray()) });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new CalculateOutcome(run, false, []);
    }

    /// <summary>Draft → verified, by someone other than the one who calculated (four eyes).</summary>
    public static Task<RunProblem?> VerifyAsync(KinerjaDb db, int runId, CancellationToken cancellationToken = default) =>
        StepAsync(db, runId, RunWorkflow.Verify, cancellationToken);

    /// <summary>Verified → approved (the page lets only Direksi do it).</summary>
    public static Task<RunProblem?> ApproveAsync(KinerjaDb db, int runId, CancellationToken cancellationToken = default) =>
        StepAsync(db, runId, RunWorkflow.Approve, cancellationToken);

    /// <summary>Approved → paid: the period is closed from now on.</summary>
    public static Task<RunProblem?> MarkPaidAsync(KinerjaDb db, int runId, CancellationToken cancellationToken = default) =>
        StepAsync(db, runId, RunWorkflow.Pay, cancellationToken);

    static async Task<RunProblem?> StepAsync(KinerjaDb db, int runId, Func<IWorkflowRun, KinerjaDb, RunProblem?> step, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var run = await db.CalculationRuns.FirstOrDefaultAsync(r => r.Id == runId, cancellationToken);
        if (run is null)
            return NotFound;
        if (step(run, db) is { } problem)
            return problem;
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>Deletes a draft (an approved or paid run can never be deleted: the guard refuses).</summary>
    public static async Task<RunProblem?> DiscardAsync(KinerjaDb db, int runId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var run = await db.CalculationRuns.FirstOrDefaultAsync(r => r.Id == runId, cancellationToken);
        if (run is null)
            return NotFound;
        if (run.Status is not (RunStatus.Draft or RunStatus.Superseded))
            return RunWorkflow.WrongState(run, "draf", "draft");
        db.CalculationRuns.Remove(run);
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>The canonical case JSON the run calculated (`kinerja calculate` on it reproduces the run).</summary>
    public static async Task<byte[]?> CaseJsonAsync(KinerjaDb db, int runId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var input = await db.RunInputs.AsNoTracking().FirstOrDefaultAsync(i => i.RunId == runId, cancellationToken);
        return input is null ? null : CaseWriter.Decompress(input.CaseJsonGzip);
    }

    static readonly RunProblem NotFound = new("Perhitungan tidak ditemukan.", "Run not found.");
}
