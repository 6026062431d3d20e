using Kinerja.Engine;
using Microsoft.EntityFrameworkCore;
using EnginePay = Kinerja.Engine.ExtraPay;

namespace Kinerja.Data.Remunerasi.ExtraPay;

/// <summary>What to calculate: the kind and its parameters (the ones the kind does not use are ignored).</summary>
public sealed record ExtraPayRequest(ExtraPayKind Kind, int Year, string Title)
{
    public decimal Multiple { get; init; } = 1;

    public decimal Percentage { get; init; } = 1;

    public int LookbackMonths { get; init; } = 3;

    /// <summary>THR: the last month to look at; null: the latest approved or paid month.</summary>
    public Period? Until { get; init; }

    public decimal Pool { get; init; }

    /// <summary>Bonus: null takes the maxPerformance of the rules in force at the end of the year.</summary>
    public decimal? MaxPerformance { get; init; }

    public string? Note { get; init; }
}

/// <summary>The outcome of a calculation: the new draft run, or why not.</summary>
public sealed record ExtraPayOutcome(ExtraPayRun? Run, IReadOnlyList<RunProblem> Problems)
{
    public bool Ok => Run is not null && Problems.Count == 0;
}

/// <summary>
/// Extra pay runs (pendapatan tambahan, seed 002): calculated with the engine's <see cref="EnginePay"/> from the
/// database, then the same four-eyes workflow as the monthly runs (<see cref="RunService"/>).
/// </summary>
public static class ExtraPayService
{
    public static async Task<ExtraPayOutcome> CalculateAsync(KinerjaDb db, int institutionId, ExtraPayRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(request);
        var problems = new List<RunProblem>();
        if (string.IsNullOrWhiteSpace(request.Title))
            problems.Add(new("Judul wajib diisi.", "A title is required."));
        if (request.Year is < 2000 or > 2100)
            problems.Add(new("Tahun tidak valid.", "The year is not valid."));
        if (request.Multiple < 0 || request.Percentage < 0 || request.Pool < 0 || request.MaxPerformance < 0)
            problems.Add(new("Angka tidak boleh negatif.", "Numbers must not be negative."));
        if (request.Kind == ExtraPayKind.Bonus && request.Pool != decimal.Truncate(request.Pool))
            problems.Add(new("Dana bonus harus dalam rupiah utuh.", "The bonus pool must be whole Rupiah."));
        if (request.Kind == ExtraPayKind.ThrInsentif && request.LookbackMonths is < 1 or > 12)
            problems.Add(new("Jumlah bulan THR harus 1 sampai 12.", "The THR months must be 1 to 12."));
        var institution = await db.Institutions.AsNoTracking().FirstOrDefaultAsync(i => i.Id == institutionId, cancellationToken);
        if (institution is null)
            problems.Add(new("Rumah sakit tidak ditemukan.", "Hospital not found."));
        if (problems.Count > 0)
            return new ExtraPayOutcome(null, problems);

        var run = new ExtraPayRun
        {
            InstitutionId = institutionId, Kind = request.Kind, Year = request.Year, Title = request.Title.Trim(), Status = RunStatus.Draft,
            Note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim(),
            CalculatedBy = db.Actor.Name, CalculatedAt = db.Clock.GetUtcNow().UtcDateTime,
        };
        var yearStart = new DateOnly(request.Year, 1, 1);
        var yearEnd = new DateOnly(request.Year, 12, 31);
        var staff = (await db.Staff.AsNoTracking().Where(s => s.InstitutionId == institutionId).ToListAsync(cancellationToken))
            .Where(s => s.EmployedDuring(yearStart, yearEnd))
            .OrderBy(s => s.Ordinal).ThenBy(s => s.Code, StringComparer.Ordinal)
            .ToList();

        switch (request.Kind)
        {
            case ExtraPayKind.Gaji13:
                run.Multiple = request.Multiple;
                AddLines(run, staff, EnginePay.ThirteenthSalary(staff.Select(s => new FixedPayInput(s.Code, s.Salary, s.Allowances)).ToList(), request.Multiple));
                break;

            case ExtraPayKind.Bonus:
                var maxPerformance = request.MaxPerformance
                    ?? (await CaseBuilder.RuleSetInForceAsync(db, institutionId, yearEnd, cancellationToken))?.MaxPerformance ?? 1;
                run.Pool = request.Pool;
                run.MaxPerformance = maxPerformance;
                AddLines(run, staff, EnginePay.Bonus(staff.Select(s => new BonusInput(s.Code, s.Points, s.Performance)).ToList(), request.Pool, maxPerformance));
                break;

            case ExtraPayKind.ThrInsentif:
                var thr = await ThrAsync(db, institution!, run, request, cancellationToken);
                if (thr.Count > 0)
                    return new ExtraPayOutcome(null, thr);
                break;

            case ExtraPayKind.NonTunai:
                break; // lines are recorded one by one (AddNonCashAsync)

            default:
                throw new ArgumentOutOfRangeException(nameof(request), request.Kind, "Unknown kind.");
        }

        Summarise(run);
        db.ExtraPayRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        return new ExtraPayOutcome(run, []);
    }

    static async Task<List<RunProblem>> ThrAsync(KinerjaDb db, Institution institution, ExtraPayRun run, ExtraPayRequest request, CancellationToken cancellationToken)
    {
        var cluster = institution.KmkCluster;
        var ceiling = cluster is null ? null
            : await db.ExtraPayCeilings.AsNoTracking().FirstOrDefaultAsync(c => c.InstitutionId == institution.Id && c.Cluster == cluster, cancellationToken);
        if (ceiling is null)
            return
            [
                new(cluster is null
                        ? "Klaster KMK rumah sakit belum diisi: batas THR insentif tidak dapat ditentukan."
                        : $"Batas THR insentif untuk klaster {cluster} belum ditetapkan. Tetapkan dulu di halaman batas per klaster.",
                    cluster is null
                        ? "The hospital's KMK cluster is not set: the THR ceiling cannot be found."
                        : $"No THR ceiling is set for cluster {cluster}. Set it first on the cluster ceilings page."),
            ];

        // The latest approved or paid version of each month, the latest months first.
        var finals = (await db.CalculationRuns.AsNoTracking()
                .Where(r => r.InstitutionId == institution.Id && (r.Status == RunStatus.Approved || r.Status == RunStatus.Paid))
                .Select(r => new { r.Id, r.Period, r.Version })
                .ToListAsync(cancellationToken))
            .Where(r => Period.TryParse(r.Period, out var p) && !p.IsQuarter && (request.Until is null || p.Start <= request.Until.Value.Start))
            .GroupBy(r => r.Period)
            .Select(g => g.OrderByDescending(r => r.Version).First())
            .OrderByDescending(r => r.Period, StringComparer.Ordinal)
            .Take(request.LookbackMonths)
            .OrderBy(r => r.Period, StringComparer.Ordinal)
            .ToList();
        if (finals.Count == 0)
            return [new("Belum ada perhitungan bulanan yang disetujui atau dibayar untuk dasar THR insentif.", "No approved or paid monthly run to base the THR on.")];

        var ids = finals.Select(r => r.Id).ToList();
        var rows = await db.RunStaffResults.AsNoTracking().Where(r => ids.Contains(r.RunId)).ToListAsync(cancellationToken);
        var order = ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        // People in the order of the latest month they were paid in, then by code.
        var people = rows.GroupBy(r => r.StaffCode, StringComparer.Ordinal)
            .Select(g => (Latest: g.OrderByDescending(r => order[r.RunId]).First(), Months: g.OrderBy(r => order[r.RunId]).Select(r => r.Incentive).ToList()))
            .OrderBy(p => p.Latest.Ordinal).ThenBy(p => p.Latest.StaffCode, StringComparer.Ordinal)
            .ToList();
        var shares = EnginePay.ThrInsentif(people.Select(p => new ThrInput(p.Latest.StaffCode, p.Months)).ToList(), request.Percentage, ceiling.ThrCeiling);

        run.Percentage = request.Percentage;
        run.LookbackMonths = request.LookbackMonths;
        run.UntilPeriod = finals[^1].Period;
        run.SourceRuns = string.Join(", ", finals.Select(r => $"{r.Period} v{r.Version}"));
        run.Cluster = cluster;
        run.Ceiling = ceiling.ThrCeiling;
        for (var i = 0; i < people.Count; i++)
        {
            var person = people[i].Latest;
            var share = shares[i];
            run.Lines.Add(new ExtraPayLine
            {
                InstitutionId = run.InstitutionId, Ordinal = i, StaffCode = person.StaffCode, Name = person.Name, Category = person.Category, Unit = person.Unit,
                Basis = share.Basis, Months = people[i].Months.Count, Computed = share.Computed, CapReduction = share.CapReduction, Amount = share.Amount,
            });
        }

        return [];
    }

    static void AddLines(ExtraPayRun run, List<Staff> staff, IReadOnlyList<ExtraPayShare> shares)
    {
        for (var i = 0; i < staff.Count; i++)
        {
            var s = staff[i];
            var share = shares[i];
            run.Lines.Add(new ExtraPayLine
            {
                InstitutionId = run.InstitutionId, Ordinal = i, StaffCode = s.Code, Name = s.Name, Category = s.Category, Unit = s.Unit,
                Basis = share.Basis, Computed = share.Computed, CapReduction = share.CapReduction, Amount = share.Amount,
            });
        }
    }

    static void Summarise(ExtraPayRun run)
    {
        run.StaffCount = run.Lines.Select(l => l.StaffCode).Distinct(StringComparer.Ordinal).Count();
        run.Total = run.Lines.Sum(l => l.Amount);
        run.CapReduction = run.Lines.Sum(l => l.CapReduction);
    }

    /// <summary>Records one non-cash item (training, education support, ...) on a draft non-tunai run.</summary>
    public static async Task<RunProblem?> AddNonCashAsync(KinerjaDb db, int runId, string staffCode, string description, decimal value, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var run = await db.ExtraPayRuns.Include(r => r.Lines).FirstOrDefaultAsync(r => r.Id == runId, cancellationToken);
        if (run is null)
            return NotFound;
        if (run.Kind != ExtraPayKind.NonTunai)
            return new("Hanya pendapatan tambahan non-tunai yang dicatat per butir.", "Only non-cash extra pay is recorded item by item.");
        if (run.Status != RunStatus.Draft)
            return RunWorkflow.WrongState(run, "draf", "draft");
        if (string.IsNullOrWhiteSpace(description))
            return new("Uraian wajib diisi.", "A description is required.");
        if (value < 0 || value != decimal.Truncate(value))
            return new("Nilai harus rupiah utuh, tidak negatif.", "The value must be whole Rupiah, not negative.");
        var code = staffCode.Trim();
        var person = await db.Staff.AsNoTracking().FirstOrDefaultAsync(s => s.InstitutionId == run.InstitutionId && s.Code == code, cancellationToken);
        if (person is null)
            return new($"Pegawai dengan kode {code} tidak ditemukan.", $"No staff member with code {code}.");
        run.Lines.Add(new ExtraPayLine
        {
            InstitutionId = run.InstitutionId, Ordinal = run.Lines.Count == 0 ? 0 : run.Lines.Max(l => l.Ordinal) + 1,
            StaffCode = person.Code, Name = person.Name, Category = person.Category, Unit = person.Unit,
            Basis = value, Computed = value, Amount = value, Description = description.Trim(),
        });
        Summarise(run);
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>Draft → verified, by someone other than the one who calculated (four eyes), and only with lines to verify.</summary>
    public static Task<RunProblem?> VerifyAsync(KinerjaDb db, int runId, CancellationToken cancellationToken = default) =>
        StepAsync(db, runId, (run, context) => run.StaffCount == 0 && run.Status == RunStatus.Draft
            ? new("Belum ada rincian: tidak ada yang diverifikasi.", "There are no lines to verify.")
            : RunWorkflow.Verify(run, context), cancellationToken);

    /// <summary>Verified → approved (the page lets only Direksi do it).</summary>
    public static Task<RunProblem?> ApproveAsync(KinerjaDb db, int runId, CancellationToken cancellationToken = default) =>
        StepAsync(db, runId, RunWorkflow.Approve, cancellationToken);

    /// <summary>Approved → paid. Non-cash extra pay is recorded, never paid (seed 002: "tidak dapat diuangkan").</summary>
    public static Task<RunProblem?> MarkPaidAsync(KinerjaDb db, int runId, CancellationToken cancellationToken = default) =>
        StepAsync(db, runId, (run, context) => run.IsCash
            ? RunWorkflow.Pay(run, context)
            : new("Pendapatan tambahan non-tunai dicatat, tidak dibayar.", "Non-cash extra pay is recorded, not paid."), cancellationToken);

    static async Task<RunProblem?> StepAsync(KinerjaDb db, int runId, Func<ExtraPayRun, KinerjaDb, RunProblem?> step, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var run = await db.ExtraPayRuns.FirstOrDefaultAsync(r => r.Id == runId, cancellationToken);
        if (run is null)
            return NotFound;
        if (step(run, db) is { } problem)
            return problem;
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>Deletes a draft or verified run (an approved or paid one never: the guard refuses).</summary>
    public static async Task<RunProblem?> DiscardAsync(KinerjaDb db, int runId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var run = await db.ExtraPayRuns.FirstOrDefaultAsync(r => r.Id == runId, cancellationToken);
        if (run is null)
            return NotFound;
        if (run.IsFinal)
            return RunWorkflow.WrongState(run, "draf", "draft");
        db.ExtraPayRuns.Remove(run);
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>Sets the THR ceiling of a KMK cluster (audited; a new value does not touch runs already calculated).</summary>
    public static async Task<RunProblem?> SetCeilingAsync(KinerjaDb db, int institutionId, string cluster, decimal ceiling, string? note, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var code = (cluster ?? "").Trim().ToUpperInvariant();
        if (code.Length is 0 or > 5)
            return new("Klaster wajib diisi (mis. A, B, C).", "The cluster is required (e.g. A, B, C).");
        if (ceiling < 0 || ceiling != decimal.Truncate(ceiling))
            return new("Batas harus rupiah utuh, tidak negatif.", "The ceiling must be whole Rupiah, not negative.");
        var row = await db.ExtraPayCeilings.FirstOrDefaultAsync(c => c.InstitutionId == institutionId && c.Cluster == code, cancellationToken);
        if (row is null)
            db.ExtraPayCeilings.Add(new ExtraPayCeiling { InstitutionId = institutionId, Cluster = code, ThrCeiling = ceiling, Note = note });
        else
        {
            row.ThrCeiling = ceiling;
            row.Note = note;
        }

        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    static readonly RunProblem NotFound = new("Pendapatan tambahan tidak ditemukan.", "Extra pay run not found.");
}
