using Kinerja.Engine;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Data.Remunerasi.Imports;

/// <summary>Rows keyed by period, staff and a code (quality, added value, duty).</summary>
public abstract class PeriodRowImporter<TEntity>(KinerjaDb db) : Importer<TEntity, (string Period, string Staff, string Code)>(db)
    where TEntity : class, IPeriodRow
{
    protected StaffBook StaffBook { get; private set; } = null!;

    protected RuleBook Rules { get; private set; } = null!;

    /// <summary>The column of the code (indicator, activity, shift).</summary>
    protected abstract string CodeColumn { get; }

    /// <summary>Only medical staff may have these rows (calculation.md §5).</summary>
    protected abstract bool MedisOnly { get; }

    protected abstract bool KnownCode(DateOnly periodStart, string code);

    protected abstract TEntity? Make(TabularRow row, RowErrors errors, string period, string staff, string code);

    protected abstract string PeriodOf(TEntity entity);

    protected abstract string StaffOf(TEntity entity);

    protected abstract string CodeOf(TEntity entity);

    /// <summary><c>period</c> may be left out when the import names its period.</summary>
    public override IReadOnlyList<string> Columns => Options?.Period is null ? ["period", "staffId", CodeColumn] : ["staffId", CodeColumn];

    protected override string KeyColumn => CodeColumn;

    protected override async Task PrepareAsync(CancellationToken cancellationToken)
    {
        StaffBook = await StaffBook.LoadAsync(Db, Options.InstitutionId, cancellationToken);
        Rules = await LoadRuleBookAsync(cancellationToken);
    }

    protected override TEntity? Parse(TabularRow row, RowErrors errors)
    {
        var before = errors.Count;
        var period = errors.PeriodOf(row, "period", Options.Period);
        var staff = StaffBook.Check(row, "staffId", errors, MedisOnly);
        var code = errors.Required(row, CodeColumn);
        if (code is not null && period is { } p)
        {
            if (Rules.InForce(p.Start) is null)
                errors.Add(row.Line, "period", $"belum ada aturan yang berlaku pada {p}", $"no rules in force in {p}");
            else if (!KnownCode(p.Start, code))
                errors.Add(row.Line, CodeColumn, $"kode '{code}' tidak ada di aturan yang berlaku", $"code '{code}' is not in the rules in force");
        }

        var entity = Make(row, errors, period?.ToString() ?? "", staff ?? "", code ?? "");
        return errors.Count > before ? null : entity;
    }

    protected override (string Period, string Staff, string Code) KeyOf(TEntity entity) => (PeriodOf(entity), StaffOf(entity), CodeOf(entity));

    protected override async Task<List<TEntity>> ExistingAsync(IReadOnlyList<TEntity> chunk, CancellationToken cancellationToken)
    {
        var periods = chunk.Select(PeriodOf).Distinct().ToList();
        var keys = chunk.Select(KeyOf).ToHashSet();
        var rows = await Query().Where(e => e.InstitutionId == Options.InstitutionId).ToListAsync(cancellationToken);
        return rows.Where(r => periods.Contains(PeriodOf(r)) && keys.Contains(KeyOf(r))).ToList();
    }

    /// <summary>The stored rows (filtered by period in <see cref="ExistingAsync"/>; a hospital has few of these per period).</summary>
    protected abstract IQueryable<TEntity> Query();

    protected override (DateOnly Start, DateOnly End)? RangeOf(TEntity entity) =>
        Period.TryParse(PeriodOf(entity), out var p) ? (p.Start, p.End) : null;

    protected override async Task<int> RemoveOthersAsync(HashSet<(string Period, string Staff, string Code)> imported, CancellationToken cancellationToken)
    {
        var period = (Options.Period ?? throw new InvalidOperationException("ReplacePeriod needs a period.")).ToString();
        var stored = (await Query().Where(e => e.InstitutionId == Options.InstitutionId).ToListAsync(cancellationToken))
            .Where(e => PeriodOf(e) == period && !imported.Contains(KeyOf(e)))
            .ToList();
        Db.RemoveRange(stored);
        await Db.SaveChangesAsync(cancellationToken);
        Db.ChangeTracker.Clear();
        return stored.Count;
    }
}

/// <summary>Quality indicator results: <c>period,staffId,indicator,numerator,denominator</c>.</summary>
public sealed class QualityImporter(KinerjaDb db) : PeriodRowImporter<QualityResult>(db)
{
    public static readonly IReadOnlyList<string> Format = ["period", "staffId", "indicator", "numerator", "denominator"];

    public override ImportKind Kind => ImportKind.Quality;

    public override IReadOnlyList<string> Columns => [.. base.Columns, "numerator", "denominator"];

    protected override string CodeColumn => "indicator";

    protected override bool MedisOnly => true;

    protected override bool KnownCode(DateOnly periodStart, string code) => Rules.HasIndicator(periodStart, code);

    protected override QualityResult? Make(TabularRow row, RowErrors errors, string period, string staff, string code)
    {
        var numerator = errors.Amount(row, "numerator");
        var denominator = errors.Amount(row, "denominator");
        if (numerator > denominator)
        {
            errors.Add(row.Line, "numerator", "pembilang lebih besar dari penyebut", "the numerator is above the denominator");
            return null;
        }

        return numerator is null || denominator is null ? null
            : new QualityResult { Period = period, StaffCode = staff, Indicator = code, Numerator = numerator.Value, Denominator = denominator.Value };
    }

    protected override string PeriodOf(QualityResult entity) => entity.Period;

    protected override string StaffOf(QualityResult entity) => entity.StaffCode;

    protected override string CodeOf(QualityResult entity) => entity.Indicator;

    protected override IQueryable<QualityResult> Query() => Db.QualityResults;

    protected override bool SameValues(QualityResult stored, QualityResult incoming, TabularRow row) =>
        stored.Numerator == incoming.Numerator && stored.Denominator == incoming.Denominator;

    protected override void CopyValues(QualityResult incoming, QualityResult stored, TabularRow row)
    {
        stored.Numerator = incoming.Numerator;
        stored.Denominator = incoming.Denominator;
    }

    protected override void Own(QualityResult entity, long batchId)
    {
        entity.InstitutionId = Options.InstitutionId;
        entity.ImportBatchId = batchId;
    }

    protected override object Values(QualityResult q) => new { q.Period, q.StaffCode, q.Indicator, q.Numerator, q.Denominator };
}

/// <summary>Added-value activities: <c>period,staffId,activity,count</c>.</summary>
public sealed class AddedValueImporter(KinerjaDb db) : PeriodRowImporter<AddedValueEntry>(db)
{
    public static readonly IReadOnlyList<string> Format = ["period", "staffId", "activity", "count"];

    public override ImportKind Kind => ImportKind.AddedValue;

    public override IReadOnlyList<string> Columns => [.. base.Columns, "count"];

    protected override string CodeColumn => "activity";

    protected override bool MedisOnly => true;

    protected override bool KnownCode(DateOnly periodStart, string code) => Rules.HasActivity(periodStart, code);

    protected override AddedValueEntry? Make(TabularRow row, RowErrors errors, string period, string staff, string code) =>
        errors.Count1(row, "count") is { } count ? new AddedValueEntry { Period = period, StaffCode = staff, Activity = code, Count = count } : null;

    protected override string PeriodOf(AddedValueEntry entity) => entity.Period;

    protected override string StaffOf(AddedValueEntry entity) => entity.StaffCode;

    protected override string CodeOf(AddedValueEntry entity) => entity.Activity;

    protected override IQueryable<AddedValueEntry> Query() => Db.AddedValueEntries;

    protected override bool SameValues(AddedValueEntry stored, AddedValueEntry incoming, TabularRow row) => stored.Count == incoming.Count;

    protected override void CopyValues(AddedValueEntry incoming, AddedValueEntry stored, TabularRow row) => stored.Count = incoming.Count;

    protected override void Own(AddedValueEntry entity, long batchId)
    {
        entity.InstitutionId = Options.InstitutionId;
        entity.ImportBatchId = batchId;
    }

    protected override object Values(AddedValueEntry a) => new { a.Period, a.StaffCode, a.Activity, a.Count };
}

/// <summary>Duty rosters, summed per person and shift: <c>period,staffId,shift,count</c>.</summary>
public sealed class DutyImporter(KinerjaDb db) : PeriodRowImporter<DutyEntry>(db)
{
    public static readonly IReadOnlyList<string> Format = ["period", "staffId", "shift", "count"];

    public override ImportKind Kind => ImportKind.Duty;

    public override IReadOnlyList<string> Columns => [.. base.Columns, "count"];

    protected override string CodeColumn => "shift";

    protected override bool MedisOnly => false;

    protected override bool KnownCode(DateOnly periodStart, string code) => Rules.HasShift(periodStart, code);

    protected override DutyEntry? Make(TabularRow row, RowErrors errors, string period, string staff, string code) =>
        errors.Count1(row, "count") is { } count ? new DutyEntry { Period = period, StaffCode = staff, Shift = code, Count = count } : null;

    protected override string PeriodOf(DutyEntry entity) => entity.Period;

    protected override string StaffOf(DutyEntry entity) => entity.StaffCode;

    protected override string CodeOf(DutyEntry entity) => entity.Shift;

    protected override IQueryable<DutyEntry> Query() => Db.DutyEntries;

    protected override bool SameValues(DutyEntry stored, DutyEntry incoming, TabularRow row) => stored.Count == incoming.Count;

    protected override void CopyValues(DutyEntry incoming, DutyEntry stored, TabularRow row) => stored.Count = incoming.Count;

    protected override void Own(DutyEntry entity, long batchId)
    {
        entity.InstitutionId = Options.InstitutionId;
        entity.ImportBatchId = batchId;
    }

    protected override object Values(DutyEntry d) => new { d.Period, d.StaffCode, d.Shift, d.Count };
}
