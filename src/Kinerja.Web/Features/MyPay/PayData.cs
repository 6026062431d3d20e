using System.Globalization;
using System.Text.Json;
using Kinerja.Data;
using Kinerja.Data.Remunerasi;
using Kinerja.Data.Remunerasi.ExtraPay;
using Kinerja.Engine;
using Kinerja.Engine.Json;
using Microsoft.EntityFrameworkCore;
using EngineStaff = Kinerja.Engine.Staff;

namespace Kinerja.Web.Features.MyPay;

/// <summary>One person's result in one run: what a slip shows.</summary>
public sealed record PaySlip(CalculationRun Run, RunStaffResult Row)
{
    public Period Period => Period.Parse(Run.Period);
}

/// <summary>One person's line of an extra pay run (gaji ke-13, THR, bonus, non-tunai): what "Pendapatan tambahan" lists.</summary>
public sealed record ExtraPayItem(ExtraPayRun Run, ExtraPayLine Line);

/// <summary>
/// The reads behind "Remunerasi saya" and the slips. An employee sees only their own rows and only of approved or
/// paid runs (UU PDP 27/2022; a draft is not yet pay): for each period the latest such version.
/// </summary>
public static class PayData
{
    /// <summary>The person's slips of final runs, newest period first (one per period: its latest final version).</summary>
    public static async Task<List<PaySlip>> FinalSlipsAsync(KinerjaDb db, int institutionId, string staffCode, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var runs = (await db.CalculationRuns.AsNoTracking()
                .Where(r => r.InstitutionId == institutionId && (r.Status == RunStatus.Approved || r.Status == RunStatus.Paid))
                .ToListAsync(cancellationToken))
            .Where(r => Period.TryParse(r.Period, out _))
            .GroupBy(r => r.Period, StringComparer.Ordinal)
            .Select(g => g.MaxBy(r => r.Version)!)
            .ToList();
        var ids = runs.Select(r => r.Id).ToList();
        var rows = (await db.RunStaffResults.AsNoTracking()
                .Where(r => ids.Contains(r.RunId) && r.StaffCode == staffCode)
                .ToListAsync(cancellationToken))
            .ToDictionary(r => r.RunId);
        return runs.Where(r => rows.ContainsKey(r.Id))
            .Select(r => new PaySlip(r, rows[r.Id]))
            .OrderByDescending(s => s.Period.Start).ThenByDescending(s => s.Period.Months)
            .ToList();
    }

    /// <summary>
    /// The person's lines of approved or paid extra pay runs (a draft is not yet pay), approved since
    /// <paramref name="since"/> when given, of one run when <paramref name="runId"/> is given; newest approval first.
    /// </summary>
    public static async Task<List<ExtraPayItem>> FinalExtraPayAsync(
        KinerjaDb db, int institutionId, string staffCode, DateTime? since, int? runId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var query = db.ExtraPayRuns.AsNoTracking()
            .Where(r => r.InstitutionId == institutionId && (r.Status == RunStatus.Approved || r.Status == RunStatus.Paid));
        if (since is { } from)
            query = query.Where(r => r.ApprovedAt >= from);
        if (runId is { } id)
            query = query.Where(r => r.Id == id);
        var runs = await query.ToDictionaryAsync(r => r.Id, cancellationToken);
        var ids = runs.Keys.ToList();
        var lines = await db.ExtraPayLines.AsNoTracking()
            .Where(l => ids.Contains(l.RunId) && l.StaffCode == staffCode)
            .ToListAsync(cancellationToken);
        return lines.Select(l => new ExtraPayItem(runs[l.RunId], l))
            .OrderByDescending(i => i.Run.ApprovedAt).ThenByDescending(i => i.Run.Id).ThenBy(i => i.Line.Ordinal)
            .ToList();
    }

    /// <summary>One person's row of a run (any status: the caller decides who may see which).</summary>
    public static async Task<PaySlip?> SlipAsync(KinerjaDb db, int runId, string staffCode, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var run = await db.CalculationRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId, cancellationToken);
        if (run is null)
            return null;
        var row = await db.RunStaffResults.AsNoTracking().FirstOrDefaultAsync(r => r.RunId == runId && r.StaffCode == staffCode, cancellationToken);
        return row is null ? null : new PaySlip(run, row);
    }

    /// <summary>The full names of the users who took the run's steps (monthly or extra pay), by user name (the run records user names).</summary>
    public static async Task<Dictionary<string, string>> PeopleAsync(KinerjaDb db, IWorkflowRun run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(run);
        var names = new[] { run.CalculatedBy, run.VerifiedBy, run.ApprovedBy, run.PaidBy }.OfType<string>().Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => u.UserName != null && names.Contains(u.UserName))
            .Select(u => new { u.UserName, u.FullName }).ToListAsync(cancellationToken);
        return users.Where(u => !string.IsNullOrEmpty(u.FullName)).ToDictionary(u => u.UserName!, u => u.FullName!, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The hospital's name.</summary>
    public static async Task<string> HospitalNameAsync(KinerjaDb db, int institutionId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.Institutions.AsNoTracking().Where(i => i.Id == institutionId).Select(i => i.Name).FirstOrDefaultAsync(cancellationToken) ?? "";
    }
}

/// <summary>A service line of the run's stored case, with the rate it was paid at.</summary>
public sealed record PayLine(string Id, DateOnly Date, string Service, string ServiceName, Payer Payer, long Quantity, bool WorkingHours, decimal Rate)
{
    public decimal Amount => Quantity * Rate;
}

/// <summary>A quality indicator of a doctor: the period's rows added up (calculation.md §6.6).</summary>
public sealed record PayIndicator(string Code, string Name, decimal Weight, decimal Numerator, decimal Denominator)
{
    /// <summary>min(1, numerator / denominator); null without a denominator above 0 (the indicator does not count).</summary>
    public decimal? Compliance => Denominator > 0 ? Math.Min(1m, Numerator / Denominator) : null;
}

/// <summary>A counted activity or shift: count × rate.</summary>
public sealed record PayCount(string Code, string Name, long Count, decimal Rate)
{
    public decimal Amount => Count * Rate;
}

/// <summary>A stratification criterion: weight × score.</summary>
public sealed record PayCriterion(string Code, string Name, decimal Weight, decimal Score)
{
    public decimal Points => Weight * Score;
}

/// <summary>
/// Everything "why this amount" needs, taken from the run's stored case (what was calculated, not today's data) and
/// the engine's result of it: the engine is pure, so calculating the stored case again gives the run's numbers, and
/// the steps between them.
/// </summary>
public sealed class PayDetail
{
    public required PaySlip Slip { get; init; }

    public required EngineStaff Person { get; init; }

    public required StaffResult Result { get; init; }

    public required Rules Rules { get; init; }

    public required int Months { get; init; }

    /// <summary>The person's service lines, in the order of the case.</summary>
    public required IReadOnlyList<PayLine> Lines { get; init; }

    public required IReadOnlyList<PayIndicator> Indicators { get; init; }

    public required IReadOnlyList<PayCount> Activities { get; init; }

    public required IReadOnlyList<PayCount> Duty { get; init; }

    public required IReadOnlyList<PayCriterion> Criteria { get; init; }

    /// <summary>Σ weight of the non-medical staff when the incentive is a pool; null with a point value.</summary>
    public decimal? PoolWeight { get; init; }

    /// <summary>The recalculation equals the stored row (it always should: the case and the engine are the same).</summary>
    public bool MatchesRun =>
        Result.Total == Slip.Row.Total && Result.Incentive == Slip.Row.Incentive && Result.Duty == Slip.Row.Duty
        && Result.FixedPay == Slip.Row.FixedPay && Result.Perikatan == Slip.Row.Perikatan && Result.CapReduction == Slip.Row.CapReduction;

    public Kinerja.Engine.StarLevel? Star => Result.Medis is { } m ? Rules.Stratification.Stars.FirstOrDefault(s => s.Star == m.Star) : null;

    /// <summary>The quality band the engine chose (it decides on the exact score; the band is the one of the factor it gave).</summary>
    public QualityFactor? Band => Result.Medis is { } m
        ? Rules.Quality.Factors.Where(f => f.Factor == m.QualityFactor).OrderByDescending(f => f.MinScore).FirstOrDefault(f => f.MinScore <= m.QualityScore)
            ?? Rules.Quality.Factors.Where(f => f.Factor == m.QualityFactor).MinBy(f => f.MinScore)
        : null;

    /// <summary>The band above the one reached, if any: what a higher score would have given.</summary>
    public QualityFactor? NextBand => Band is { } band ? Rules.Quality.Factors.Where(f => f.MinScore > band.MinScore).MinBy(f => f.MinScore) : null;

    /// <summary>The incentive before the KMK ceiling: min(performance incentive, range).</summary>
    public decimal IncentiveBeforeCap => Result.PerformanceIncentive - Result.Perikatan - Result.Withheld;

    public decimal DutyBeforeCap => Duty.Sum(d => d.Amount);

    public decimal CapFromIncentive => IncentiveBeforeCap - Result.Incentive;

    public decimal CapFromDuty => Result.CapReduction - CapFromIncentive;

    /// <summary>Σ quantity × rate over the lines: the base amount (§6.5).</summary>
    public decimal LinesTotal => Lines.Sum(l => l.Amount);

    public long Units => Lines.Sum(l => l.Quantity);

    /// <summary>Loads the detail of <paramref name="slip"/> from its run's stored inputs; null when they are missing.</summary>
    public static async Task<PayDetail?> LoadAsync(KinerjaDb db, PaySlip slip, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(slip);
        var gzip = await db.RunInputs.AsNoTracking().Where(i => i.RunId == slip.Run.Id).Select(i => i.CaseJsonGzip).FirstOrDefaultAsync(cancellationToken);
        if (gzip is null)
            return null;
        var json = CaseWriter.Decompress(gzip);
        var read = CaseJson.Read(new MemoryStream(json, writable: false));
        if (!read.IsValid)
            return null;
        var document = read.Document!;
        var @case = document.Case;
        var index = @case.Staff.Select((s, i) => (s, i)).FirstOrDefault(x => x.s.Id == slip.Row.StaffCode);
        if (index.s is null)
            return null;
        var result = document.Calculate().Staff[index.i];
        var person = index.s;
        var rules = @case.Rules;

        // Names of rule codes: the case holds service names; the others come from the run's rule set, which never
        // changes once approved.
        var ruleSet = await db.RuleSets.AsNoTracking().AsSplitQuery()
            .Include(r => r.Criteria).Include(r => r.QualityIndicators).Include(r => r.Activities).Include(r => r.DutyShifts)
            .FirstOrDefaultAsync(r => r.Id == slip.Run.RuleSetId, cancellationToken);
        var criterionNames = ruleSet?.Criteria.ToDictionary(c => c.Code, c => c.Name ?? c.Code, StringComparer.Ordinal) ?? [];
        var indicatorNames = ruleSet?.QualityIndicators.ToDictionary(c => c.Code, c => c.Name ?? c.Code, StringComparer.Ordinal) ?? [];
        var activityNames = ruleSet?.Activities.ToDictionary(c => c.Code, c => c.Name ?? c.Code, StringComparer.Ordinal) ?? [];
        var dutyNames = ruleSet?.DutyShifts.ToDictionary(c => c.Code, c => c.Name ?? c.Code, StringComparer.Ordinal) ?? [];

        var services = rules.Services.ToDictionary(s => s.Code, StringComparer.Ordinal);
        var lines = person.IsMedis
            ? CaseLines.Of(json, person.Id).Select(l =>
            {
                var rule = services[l.Service];
                return new PayLine(l.Id, l.Date, l.Service, rule.Name, l.Payer, l.Quantity, l.WorkingHours, rule.Rates.For(l.Payer));
            }).ToList()
            : [];

        var indicators = rules.Quality.Indicators
            .Select(q =>
            {
                var rows = @case.Quality.Where(r => r.StaffId == person.Id && r.Indicator == q.Code && r.Denominator > 0).ToList();
                return new PayIndicator(q.Code, indicatorNames.GetValueOrDefault(q.Code, q.Code), q.Weight, rows.Sum(r => r.Numerator), rows.Sum(r => r.Denominator));
            })
            .Where(q => person.IsMedis && q.Denominator > 0)
            .ToList();
        var activities = (rules.AddedValue?.Activities ?? [])
            .Select(a => new PayCount(a.Code, activityNames.GetValueOrDefault(a.Code, a.Code),
                @case.AddedValue.Where(r => r.StaffId == person.Id && r.Activity == a.Code).Sum(r => r.Count), a.Rate))
            .Where(a => a.Count > 0)
            .ToList();
        var duty = rules.Duty
            .Select(d => new PayCount(d.Code, dutyNames.GetValueOrDefault(d.Code, d.Code),
                @case.Duty.Where(r => r.StaffId == person.Id && r.Shift == d.Code).Sum(r => r.Count), d.Rate))
            .Where(d => d.Count > 0)
            .ToList();
        var criteria = person.IsMedis
            ? rules.Stratification.Criteria.Select(c => new PayCriterion(c.Code, criterionNames.GetValueOrDefault(c.Code, c.Code), c.Weight,
                person.Stratification?.Scores.GetValueOrDefault(c.Code) ?? 0)).ToList()
            : [];
        decimal? poolWeight = rules.Points.Pool is null
            ? null
            : @case.Staff.Where(s => !s.IsMedis).Sum(s => s.Points * Math.Min(s.Performance, rules.Points.MaxPerformance));

        return new PayDetail
        {
            Slip = slip, Person = person, Result = result, Rules = rules, Months = @case.Period.Months, Lines = lines,
            Indicators = indicators, Activities = activities, Duty = duty, Criteria = criteria, PoolWeight = poolWeight,
        };
    }
}

/// <summary>Reads one person's service lines out of a case JSON in one forward pass, skipping everything else.</summary>
static class CaseLines
{
    public sealed record Line(string Id, DateOnly Date, string Service, Payer Payer, long Quantity, bool WorkingHours);

    public static List<Line> Of(byte[] utf8Json, string staffId)
    {
        var lines = new List<Line>();
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        reader.Read(); // {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isServices = reader.ValueTextEquals("services"u8);
            reader.Read();
            if (!isServices || reader.TokenType != JsonTokenType.StartArray)
            {
                reader.Skip();
                continue;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
            {
                string? id = null, staff = null, service = null, payer = null;
                DateOnly date = default;
                long quantity = 1;
                var workingHours = true;
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var name = reader.GetString();
                    reader.Read();
                    switch (name)
                    {
                        case "id": id = reader.GetString(); break;
                        case "staffId": staff = reader.GetString(); break;
                        case "service": service = reader.GetString(); break;
                        case "payer": payer = reader.GetString(); break;
                        case "date": date = DateOnly.ParseExact(reader.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture); break;
                        case "quantity": quantity = reader.GetInt64(); break;
                        case "workingHours": workingHours = reader.GetBoolean(); break;
                        default: reader.Skip(); break;
                    }
                }

                if (staff == staffId && id is not null && service is not null)
                    lines.Add(new Line(id, date, service, payer == "JKN" ? Payer.Jkn : Payer.NonJkn, quantity, workingHours));
            }

            break;
        }

        return lines;
    }
}
