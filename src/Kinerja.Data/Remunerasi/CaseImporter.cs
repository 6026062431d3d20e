using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Kinerja.Data.Remunerasi.Imports;
using Kinerja.Engine;
using Kinerja.Engine.Json;
using Microsoft.EntityFrameworkCore;
using EngineStaff = Kinerja.Engine.Staff;

namespace Kinerja.Data.Remunerasi;

/// <summary>The outcome of loading a case: the hospital and period it became, or its errors (path and message).</summary>
public sealed record CaseImportResult(
    Institution? Hospital,
    Period Period,
    IReadOnlyList<CaseError> Errors,
    IReadOnlyList<string> Warnings,
    int Staff,
    int Lines)
{
    public bool Ok => Errors.Count == 0 && Hospital is not null;
}

/// <summary>
/// <c>kinerja import case</c>: loads the rules, staff and data of a case (calculation.md §2) as a hospital's period,
/// so that `kinerja run` on that period calculates exactly that case. The rules become a new approved rule version
/// effective from the period's first day (unless the rules in force are already the same); staff are added or
/// updated in the case's order; the period's service lines, quality, added value and duty become the case's
/// (rows of the period that the case does not hold are removed). All of it in one transaction.
/// </summary>
public static class CaseImporter
{
    sealed record LineDto(
        [property: JsonPropertyName("id")] string? Id,
        [property: JsonPropertyName("date")] string? Date,
        [property: JsonPropertyName("staffId")] string? StaffId,
        [property: JsonPropertyName("service")] string? Service,
        [property: JsonPropertyName("payer")] string? Payer,
        [property: JsonPropertyName("quantity")] long Quantity,
        [property: JsonPropertyName("workingHours")] bool? WorkingHours);

    sealed record LinesDto([property: JsonPropertyName("services")] List<LineDto>? Services);

    /// <param name="caseJson">A seekable stream: it is read twice (the engine's validation, then the lines).</param>
    public static async Task<CaseImportResult> ImportAsync(
        KinerjaDb db, Stream caseJson, string fileName, string? hospitalCode, string source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(caseJson);
        var read = CaseJson.Read(caseJson);
        if (!read.IsValid)
            return new CaseImportResult(null, default, read.Errors, [], 0, 0);
        var @case = read.Document!.Case;
        var period = @case.Period;
        caseJson.Position = 0;
        var lines = (await JsonSerializer.DeserializeAsync<LinesDto>(caseJson, cancellationToken: cancellationToken))?.Services ?? [];

        var code = hospitalCode ?? @case.Hospital?.Code;
        if (string.IsNullOrWhiteSpace(code))
            return Fail(period, "hospital", "Kasus tidak menyebut rumah sakit: pakai --hospital KODE / the case names no hospital: use --hospital CODE.");

        var warnings = new List<string>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var hospital = await db.Institutions.FirstOrDefaultAsync(i => i.Code == code, cancellationToken);
        if (hospital is null)
        {
            hospital = new Institution
            {
                Code = code, Name = @case.Hospital?.Name ?? code, Kind = InstitutionKind.RumahSakit, KmkCluster = @case.Hospital?.Cluster,
            };
            db.Institutions.Add(hospital);
            await db.SaveChangesAsync(cancellationToken);
        }
        else if (hospital.Kind != InstitutionKind.RumahSakit)
        {
            return Fail(period, "hospital", $"{code} bukan rumah sakit / is not a hospital.");
        }

        var paid = (await db.CalculationRuns.Where(r => r.InstitutionId == hospital.Id && r.Status == RunStatus.Paid)
                .Select(r => r.Period).ToListAsync(cancellationToken))
            .Select(Period.Parse)
            .FirstOrDefault(p => p.Start <= period.End && p.End >= period.Start);
        if (paid != default)
            return Fail(period, "period", $"Periode {paid} sudah dibayar dan ditutup / period {paid} is paid and closed.");

        await LoadRulesAsync(db, hospital.Id, @case, fileName, cancellationToken);
        try
        {
            await LoadBudgetAsync(db, hospital.Id, @case, cancellationToken);
        }
        catch (ClosedRecordException closed)
        {
            return Fail(period, "rules.budget", $"{closed.Message} / {closed.English}");
        }

        await LoadStaffAsync(db, hospital.Id, @case, warnings, cancellationToken);
        db.ChangeTracker.Clear();

        var options = new ImportOptions(hospital.Id, source, fileName, period, ReplacePeriod: true);
        var results = new List<ImportResult>
        {
            await new ServiceLineImporter(db).ImportAsync(lines.Select((l, i) => LineRow(l, i)), options, cancellationToken),
            await new QualityImporter(db).ImportAsync(
                Merge(@case.Quality.Select(q => (q.StaffId, q.Indicator, q.Numerator, q.Denominator)))
                    .Select((q, i) => Row(i, ("staffId", q.StaffId), ("indicator", q.Code), ("numerator", Number(q.A)), ("denominator", Number(q.B)))),
                options, cancellationToken),
            await new AddedValueImporter(db).ImportAsync(
                Merge(@case.AddedValue.Select(a => (a.StaffId, a.Activity, (decimal)a.Count, 0m)))
                    .Select((a, i) => Row(i, ("staffId", a.StaffId), ("activity", a.Code), ("count", Number(a.A)))),
                options, cancellationToken),
            await new DutyImporter(db).ImportAsync(
                Merge(@case.Duty.Select(d => (d.StaffId, d.Shift, (decimal)d.Count, 0m)))
                    .Select((d, i) => Row(i, ("staffId", d.StaffId), ("shift", d.Code), ("count", Number(d.A)))),
                options, cancellationToken),
        };
        var errors = results.SelectMany(r => r.Errors).Select(e => new CaseError($"line {e.Line}, {e.Column}", e.Message)).ToList();
        if (errors.Count > 0)
            return new CaseImportResult(null, period, errors, warnings, 0, 0);

        await transaction.CommitAsync(cancellationToken);
        return new CaseImportResult(hospital, period, [], warnings, @case.Staff.Count, lines.Count);
    }

    static CaseImportResult Fail(Period period, string path, string message) => new(null, period, [new CaseError(path, message)], [], 0, 0);

    // Rows of a case for the same person and code add up (calculation.md §2): one stored row holds their sums.
    static IEnumerable<(string StaffId, string Code, decimal A, decimal B)> Merge(IEnumerable<(string StaffId, string Code, decimal A, decimal B)> rows) =>
        rows.GroupBy(r => (r.StaffId, r.Code))
            .Select(g => (g.Key.StaffId, g.Key.Code, g.Sum(r => r.A), g.Sum(r => r.B)));

    static string Number(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);

    static TabularRow Row(int index, params (string Column, string? Value)[] cells) =>
        new(index + 1, cells.ToDictionary(c => c.Column, c => c.Value, StringComparer.OrdinalIgnoreCase));

    static TabularRow LineRow(LineDto l, int index) => Row(index,
        ("id", l.Id), ("date", l.Date), ("staffId", l.StaffId), ("service", l.Service), ("payer", l.Payer),
        ("quantity", l.Quantity.ToString(CultureInfo.InvariantCulture)), ("workingHours", l.WorkingHours is false ? "false" : "true"));

    static async Task LoadRulesAsync(KinerjaDb db, int hospitalId, Case @case, string fileName, CancellationToken cancellationToken)
    {
        var inForce = await CaseBuilder.RuleSetInForceAsync(db, hospitalId, @case.Period.Start, cancellationToken);
        if (inForce is not null && CaseWriter.RulesJson(CaseBuilder.ToRules(inForce, null)) == CaseWriter.RulesJson(@case.Rules))
            return;
        var versions = await db.RuleSets.Where(r => r.InstitutionId == hospitalId).Select(r => r.Version).ToListAsync(cancellationToken);
        var rules = @case.Rules;
        var set = new RuleSet
        {
            InstitutionId = hospitalId, Version = versions.Count == 0 ? 1 : versions.Max() + 1, EffectiveFrom = @case.Period.Start,
            Status = RuleSetStatus.Approved, Note = $"Dimuat dari kasus {Path.GetFileName(fileName)}",
            ApprovedBy = db.Actor.Name, ApprovedAt = db.Clock.GetUtcNow().UtcDateTime,
            PointValue = rules.Points.PointValue, PointsPool = rules.Points.Pool, MaxPerformance = rules.Points.MaxPerformance,
            AddedValueMonthlyCap = rules.AddedValue?.MonthlyCap,
        };
        set.Services.AddRange(rules.Services.Select((s, i) => new ServiceRate
        {
            InstitutionId = hospitalId, Code = s.Code, Name = s.Name, Visit = s.Visit, RateJkn = s.Rates.Jkn, RateNonJkn = s.Rates.NonJkn, Ordinal = i,
        }));
        set.Criteria.AddRange(rules.Stratification.Criteria.Select((c, i) => new StratificationCriterion
        {
            InstitutionId = hospitalId, Code = c.Code, Weight = c.Weight, Ordinal = i,
        }));
        set.Stars.AddRange(rules.Stratification.Stars.Select(s => new StarLevel
        {
            InstitutionId = hospitalId, Star = s.Star, MinScore = s.MinScore, JknShareMin = s.JknShareMin, IncentiveMax = s.IncentiveMax,
        }));
        set.QualityIndicators.AddRange(rules.Quality.Indicators.Select((q, i) => new QualityIndicator
        {
            InstitutionId = hospitalId, Code = q.Code, Weight = q.Weight, Ordinal = i,
        }));
        set.QualityBands.AddRange(rules.Quality.Factors.Select(f => new QualityBand { InstitutionId = hospitalId, MinScore = f.MinScore, Factor = f.Factor }));
        set.Activities.AddRange((rules.AddedValue?.Activities ?? []).Select((a, i) => new AddedValueActivity
        {
            InstitutionId = hospitalId, Code = a.Code, Rate = a.Rate, Ordinal = i,
        }));
        set.DutyShifts.AddRange(rules.Duty.Select((d, i) => new DutyShift { InstitutionId = hospitalId, Code = d.Code, Rate = d.Rate, Ordinal = i }));
        db.RuleSets.Add(set);
        await db.SaveChangesAsync(cancellationToken);
    }

    static async Task LoadBudgetAsync(KinerjaDb db, int hospitalId, Case @case, CancellationToken cancellationToken)
    {
        var period = @case.Period.ToString();
        var budget = await db.PeriodBudgets.FirstOrDefaultAsync(b => b.InstitutionId == hospitalId && b.Period == period, cancellationToken);
        if (@case.Rules.Budget is not { } rules)
        {
            if (budget is not null)
                db.PeriodBudgets.Remove(budget);
        }
        else
        {
            if (budget is null)
                db.PeriodBudgets.Add(budget = new PeriodBudget { InstitutionId = hospitalId, Period = period });
            budget.PersonnelBudget = rules.PersonnelBudget;
            budget.Revenue = rules.Revenue;
            budget.MaxPersonnelRatio = rules.MaxPersonnelRatio;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    static async Task LoadStaffAsync(KinerjaDb db, int hospitalId, Case @case, List<string> warnings, CancellationToken cancellationToken)
    {
        var period = @case.Period;
        var stored = await db.Staff.Include(s => s.StratificationScores).Where(s => s.InstitutionId == hospitalId)
            .ToDictionaryAsync(s => s.Code, StringComparer.Ordinal, cancellationToken);
        var targets = await db.StaffTargets.Where(t => t.InstitutionId == hospitalId && t.Year == period.Year)
            .ToDictionaryAsync(t => t.StaffCode, StringComparer.Ordinal, cancellationToken);
        var agreements = (await db.PerikatanAgreements.Where(p => p.InstitutionId == hospitalId).ToListAsync(cancellationToken))
            .Where(p => p.InForceDuring(period.Start, period.End))
            .ToLookup(p => p.StaffCode, StringComparer.Ordinal);
        var now = db.Clock.GetUtcNow().UtcDateTime;

        for (var i = 0; i < @case.Staff.Count; i++)
        {
            var person = @case.Staff[i];
            if (!stored.TryGetValue(person.Id, out var staff))
            {
                staff = new Staff { InstitutionId = hospitalId, Code = person.Id, Name = person.Name, Category = person.Category };
                db.Staff.Add(staff);
                stored[person.Id] = staff;
            }

            Apply(staff, person, i, db.Actor.Name, now);
            if (person.IsMedis)
            {
                if (person.Target is { } target)
                {
                    if (!targets.TryGetValue(person.Id, out var t))
                        db.StaffTargets.Add(t = new StaffTarget { InstitutionId = hospitalId, StaffCode = person.Id, Year = period.Year });
                    t.MonthlyJkn = target.Jkn;
                    t.MonthlyNonJkn = target.NonJkn;
                }
                else if (targets.TryGetValue(person.Id, out var t))
                {
                    db.StaffTargets.Remove(t);
                }

                // Only an approved agreement counts in a run; the case's own is taken as approved by who loads it.
                var hasAgreement = agreements[person.Id].Any(a => a.Approved);
                if (person.Perikatan && !hasAgreement)
                {
                    db.PerikatanAgreements.Add(new PerikatanAgreement
                    {
                        InstitutionId = hospitalId, StaffCode = person.Id, From = period.Start, To = period.End,
                        Scope = "Dimuat dari kasus / loaded from a case",
                        ApprovedBy = db.Actor.Name, ApprovedAt = db.Clock.GetUtcNow().UtcDateTime,
                    });
                }
                else if (!person.Perikatan && hasAgreement)
                {
                    warnings.Add($"{person.Id}: perikatan tercatat di register untuk periode ini, padahal kasus menyebut tidak ada / the register holds a perikatan for this period, the case says none.");
                }
            }
        }

        var inCase = @case.Staff.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var other in stored.Values.Where(s => !inCase.Contains(s.Code) && s.EmployedDuring(period.Start, period.End)))
            warnings.Add($"{other.Code}: pegawai tercatat tetapi tidak ada di kasus; ikut dihitung / on record but not in the case; it will be calculated too.");

        await db.SaveChangesAsync(cancellationToken);
    }

    static void Apply(Staff staff, EngineStaff person, int ordinal, string actor, DateTime now)
    {
        staff.Name = person.Name;
        staff.Category = person.Category;
        staff.Ordinal = ordinal;
        staff.SalaryRm = person.Salary;
        staff.SalaryBlu = 0;
        staff.PositionAllowance = person.Allowances;
        staff.OtherAllowances = 0;
        staff.MaxRemuneration = person.MaxRemuneration;
        staff.IncentiveMax = person.IncentiveMax;
        staff.Points = person.Points;
        staff.Performance = person.Performance;
        if (!person.IsMedis)
            return;
        var validated = person.Stratification?.Validated == true;
        if (validated && staff.StratificationStatus != StratificationStatus.Validated)
        {
            staff.StratificationValidatedBy = actor;
            staff.StratificationValidatedAt = now;
        }

        staff.StratificationStatus = validated ? StratificationStatus.Validated : StratificationStatus.Submitted;
        var scores = person.Stratification?.Scores ?? new Dictionary<string, decimal>();
        staff.StratificationScores.RemoveAll(s => !scores.ContainsKey(s.Criterion));
        foreach (var (criterion, score) in scores)
        {
            var row = staff.StratificationScores.FirstOrDefault(s => s.Criterion == criterion);
            if (row is null)
                staff.StratificationScores.Add(row = new StratificationScore { InstitutionId = staff.InstitutionId, Criterion = criterion });
            row.Score = score;
        }
    }
}
