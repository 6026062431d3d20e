using System.Globalization;
using System.Text.Json;
using Kinerja.Data.Audit;
using Kinerja.Engine;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Data.Remunerasi.Imports;

/// <summary>
/// How an import runs. <see cref="Period"/>: every row must belong to it. <see cref="ReplacePeriod"/>: rows of the
/// period that the import does not hold are removed (loading a whole case as the period's data).
/// </summary>
public sealed record ImportOptions(int InstitutionId, string Source, string? FileName = null, Period? Period = null, bool ReplacePeriod = false);

/// <summary>The outcome: the accepted batch, or the rejected rows (the first <see cref="MaxErrors"/>; <see cref="ErrorCount"/> counts all).</summary>
public sealed record ImportResult(ImportBatch? Batch, IReadOnlyList<ImportError> Errors, int ErrorCount)
{
    public const int MaxErrors = 500;

    public bool Ok => ErrorCount == 0 && Batch is not null;
}

/// <summary>Collects the errors of rows, with parsers that name the column and say why in both languages.</summary>
public sealed class RowErrors
{
    readonly List<ImportError> errors = [];

    public int Count { get; private set; }

    public IReadOnlyList<ImportError> List => errors;

    public void Add(int line, string column, string indonesian, string english)
    {
        Count++;
        if (errors.Count < ImportResult.MaxErrors)
            errors.Add(new ImportError(line, column, indonesian, english));
    }

    public void Add(ImportError error)
    {
        Count++;
        if (errors.Count < ImportResult.MaxErrors)
            errors.Add(error);
    }

    public string? Required(TabularRow row, string column, int maxLength = 40)
    {
        var value = row[column];
        if (value is null)
            Add(row.Line, column, "wajib diisi", "is required");
        else if (value.Length > maxLength)
            Add(row.Line, column, $"terlalu panjang (paling banyak {maxLength} karakter)", $"too long (at most {maxLength} characters)");
        else
            return value;
        return null;
    }

    public DateOnly? Date(TabularRow row, string column, bool required = true)
    {
        var value = row[column];
        if (value is null)
        {
            if (required)
                Add(row.Line, column, "wajib diisi (format YYYY-MM-DD)", "is required (format YYYY-MM-DD)");
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return date;
        Add(row.Line, column, $"'{value}' bukan tanggal YYYY-MM-DD", $"'{value}' is not a YYYY-MM-DD date");
        return null;
    }

    public long? Count1(TabularRow row, string column, bool required = true, long? fallback = null)
    {
        var value = row[column];
        if (value is null)
        {
            if (required)
                Add(row.Line, column, "wajib diisi", "is required");
            return fallback;
        }

        if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1)
            return number;
        Add(row.Line, column, $"'{value}' harus bilangan bulat paling sedikit 1", $"'{value}' must be a whole number of at least 1");
        return null;
    }

    /// <summary>A non-negative decimal; "0,95" is read as 0.95 (files saved by Indonesian spreadsheets).</summary>
    public decimal? Amount(TabularRow row, string column, bool required = true, bool whole = false)
    {
        var value = row[column];
        if (value is null)
        {
            if (required)
                Add(row.Line, column, "wajib diisi", "is required");
            return null;
        }

        var text = value.Contains(',', StringComparison.Ordinal) && !value.Contains('.', StringComparison.Ordinal) ? value.Replace(',', '.') : value;
        if (decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            if (whole && number != decimal.Truncate(number))
                Add(row.Line, column, $"'{value}' harus rupiah utuh", $"'{value}' must be whole Rupiah");
            else
                return number;
            return null;
        }

        Add(row.Line, column, $"'{value}' harus angka tidak negatif", $"'{value}' must be a non-negative number");
        return null;
    }

    public bool? Boolean(TabularRow row, string column, bool fallback)
    {
        var value = row[column];
        if (value is null)
            return fallback;
        switch (value.ToUpperInvariant())
        {
            case "TRUE" or "1" or "YA" or "Y" or "YES":
                return true;
            case "FALSE" or "0" or "TIDAK" or "T" or "NO" or "N":
                return false;
            default:
                Add(row.Line, column, $"'{value}' harus true atau false", $"'{value}' must be true or false");
                return null;
        }
    }

    public Period? PeriodOf(TabularRow row, string column, Period? expected)
    {
        var value = row[column];
        if (value is null)
        {
            if (expected is null)
                Add(row.Line, column, "wajib diisi (YYYY-MM)", "is required (YYYY-MM)");
            return expected;
        }

        if (!Period.TryParse(value, out var period))
        {
            Add(row.Line, column, $"'{value}' bukan periode YYYY-MM atau YYYY-Qn", $"'{value}' is not a YYYY-MM or YYYY-Qn period");
            return null;
        }

        if (expected is { } p && period != p)
        {
            Add(row.Line, column, $"periode {period} bukan periode impor ini ({p})", $"period {period} is not this import's period ({p})");
            return null;
        }

        return period;
    }
}

/// <summary>
/// The one way data comes in (file upload, CLI, SIMRS API, a loaded case): every row validated, errors reported
/// with line, column and reason; all or nothing in one transaction; inserts in batches; idempotent by key (the same
/// key with the same values changes nothing, with other values updates the row in an unpaid period and is an
/// error in a paid one).
/// </summary>
public abstract class Importer<TEntity, TKey>(KinerjaDb db)
    where TEntity : class
    where TKey : notnull
{
    const int ChunkSize = 2000;

    List<(int InstitutionId, Period Period)> paid = [];

    protected KinerjaDb Db { get; } = db;

    protected ImportOptions Options { get; private set; } = null!;

    public abstract ImportKind Kind { get; }

    /// <summary>The columns a file must have.</summary>
    public abstract IReadOnlyList<string> Columns { get; }

    /// <summary>Audited entities write their own audit entries; others get one per updated row from here.</summary>
    protected virtual bool AuditsItself => false;

    protected virtual Task PrepareAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The row as a new entity, or null after adding its errors.</summary>
    protected abstract TEntity? Parse(TabularRow row, RowErrors errors);

    protected abstract TKey KeyOf(TEntity entity);

    /// <summary>The column that names the key, for duplicate errors.</summary>
    protected abstract string KeyColumn { get; }

    /// <summary>The stored rows with the keys of <paramref name="chunk"/>, tracked.</summary>
    protected abstract Task<List<TEntity>> ExistingAsync(IReadOnlyList<TEntity> chunk, CancellationToken cancellationToken);

    protected abstract bool SameValues(TEntity stored, TEntity incoming, TabularRow row);

    protected abstract void CopyValues(TEntity incoming, TEntity stored, TabularRow row);

    protected abstract void Own(TEntity entity, long batchId);

    /// <summary>The dates the row covers, for the closed-period check; null: not period data.</summary>
    protected virtual (DateOnly Start, DateOnly End)? RangeOf(TEntity entity) => null;

    /// <summary>For <see cref="ImportOptions.ReplacePeriod"/>: removes the period's rows whose keys were not imported; returns how many.</summary>
    protected virtual Task<int> RemoveOthersAsync(HashSet<TKey> imported, CancellationToken cancellationToken) => Task.FromResult(0);

    protected virtual object Values(TEntity entity) => entity;

    /// <summary>Imports a CSV or .xlsx file (by <see cref="ImportOptions.FileName"/>'s extension), streamed.</summary>
    public Task<ImportResult> ImportFileAsync(Stream stream, ImportOptions options, CancellationToken cancellationToken = default)
    {
        Options = options ?? throw new ArgumentNullException(nameof(options));
        IEnumerable<TabularRow> rows;
        try
        {
            rows = TabularReader.Read(stream, options.FileName, Columns);
        }
        catch (ImportFileException e)
        {
            return Task.FromResult(new ImportResult(null, [e.Error], 1));
        }

        return ImportAsync(rows, options, cancellationToken);
    }

    public async Task<ImportResult> ImportAsync(IEnumerable<TabularRow> rows, ImportOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        Options = options ?? throw new ArgumentNullException(nameof(options));
        var errors = new RowErrors();
        // Inside a caller's transaction (loading a whole case) the caller commits or rolls back.
        await using var transaction = Db.Database.CurrentTransaction is null ? await Db.Database.BeginTransactionAsync(cancellationToken) : null;
        paid = (await Db.CalculationRuns.IgnoreQueryFilters().AsNoTracking()
                .Where(r => r.InstitutionId == options.InstitutionId && r.Status == RunStatus.Paid)
                .Select(r => r.Period).Distinct().ToListAsync(cancellationToken))
            .Select(p => (options.InstitutionId, Period.Parse(p))).ToList();
        await PrepareAsync(cancellationToken);

        var batch = new ImportBatch
        {
            InstitutionId = options.InstitutionId, Kind = Kind, Source = options.Source, FileName = options.FileName,
            Period = options.Period?.ToString(), ImportedBy = Db.Actor.Name, ImportedAt = Db.Clock.GetUtcNow().UtcDateTime,
        };
        Db.ImportBatches.Add(batch);
        await Db.SaveChangesAsync(cancellationToken);
        Db.ChangeTracker.Clear();

        var seen = new Dictionary<TKey, int>();
        var chunk = new List<(TabularRow Row, TEntity Entity)>(ChunkSize);
        var audits = new List<AuditEntry>();
        try
        {
            foreach (var row in rows)
            {
                batch.Rows++;
                var entity = Parse(row, errors);
                if (entity is null)
                    continue;
                var key = KeyOf(entity);
                if (!seen.TryAdd(key, row.Line))
                {
                    errors.Add(row.Line, KeyColumn, $"duplikat: kunci yang sama sudah ada di baris {seen[key]}", $"duplicate: the same key is already on line {seen[key]}");
                    continue;
                }

                chunk.Add((row, entity));
                if (chunk.Count == ChunkSize)
                    await FlushAsync(chunk, batch, errors, audits, cancellationToken);
            }
        }
        catch (ImportFileException e)
        {
            errors.Add(e.Error);
        }

        await FlushAsync(chunk, batch, errors, audits, cancellationToken);
        if (errors.Count == 0 && options.ReplacePeriod)
            batch.Removed = await RemoveOthersAsync(seen.Keys.ToHashSet(), cancellationToken);

        if (errors.Count > 0)
        {
            // Nothing of a rejected file stays: the transaction is rolled back when disposed uncommitted.
            Db.ChangeTracker.Clear();
            return new ImportResult(null, errors.List, errors.Count);
        }

        Db.ImportBatches.Attach(batch);
        Db.Entry(batch).Property(b => b.Rows).IsModified = true;
        Db.Entry(batch).Property(b => b.Added).IsModified = true;
        Db.Entry(batch).Property(b => b.Updated).IsModified = true;
        Db.Entry(batch).Property(b => b.Unchanged).IsModified = true;
        Db.Entry(batch).Property(b => b.Removed).IsModified = true;
        Db.AuditEntries.AddRange(audits);
        await Db.SaveChangesAsync(cancellationToken);
        if (transaction is not null)
            await transaction.CommitAsync(cancellationToken);
        Db.ChangeTracker.Clear();
        return new ImportResult(batch, [], 0);
    }

    async Task FlushAsync(List<(TabularRow Row, TEntity Entity)> chunk, ImportBatch batch, RowErrors errors, List<AuditEntry> audits, CancellationToken cancellationToken)
    {
        if (chunk.Count == 0)
            return;
        var stored = (await ExistingAsync(chunk.Select(c => c.Entity).ToList(), cancellationToken)).ToDictionary(KeyOf);
        var added = new List<TEntity>();
        foreach (var (row, entity) in chunk)
        {
            if (stored.TryGetValue(KeyOf(entity), out var existing))
            {
                if (SameValues(existing, entity, row))
                {
                    batch.Unchanged++;
                    continue;
                }

                if ((Closed(existing) ?? Closed(entity)) is { } closedPeriod)
                {
                    errors.Add(row.Line, KeyColumn,
                        $"periode {closedPeriod} sudah dibayar dan ditutup: baris yang sudah ada tidak dapat diubah",
                        $"period {closedPeriod} is paid and closed: the stored row cannot be changed");
                    continue;
                }

                var before = JsonSerializer.Serialize(Values(existing));
                CopyValues(entity, existing, row);
                batch.Updated++;
                if (!AuditsItself)
                {
                    audits.Add(new AuditEntry
                    {
                        At = Db.Clock.GetUtcNow().UtcDateTime, Actor = Db.Actor.Name, InstitutionId = Options.InstitutionId,
                        Entity = typeof(TEntity).Name, EntityKey = KeyOf(entity).ToString() ?? "", Action = "Modified",
                        Before = before, After = JsonSerializer.Serialize(Values(existing)),
                    });
                }
            }
            else
            {
                if (Closed(entity) is { } closedPeriod)
                {
                    errors.Add(row.Line, KeyColumn,
                        $"periode {closedPeriod} sudah dibayar dan ditutup: tidak dapat menambah data",
                        $"period {closedPeriod} is paid and closed: no data can be added");
                    continue;
                }

                Own(entity, batch.Id);
                added.Add(entity);
                batch.Added++;
            }
        }

        chunk.Clear();
        if (errors.Count == 0)
        {
            Db.AddRange(added);
            await Db.SaveChangesAsync(cancellationToken);
        }

        Db.ChangeTracker.Clear();
    }

    Period? Closed(TEntity entity)
    {
        if (RangeOf(entity) is not { } range)
            return null;
        foreach (var (_, period) in paid)
        {
            if (period.Start <= range.End && period.End >= range.Start)
                return period;
        }

        return null;
    }

    /// <summary>The codes of every approved rule set, to check a row's codes against the rules in force on its date.</summary>
    protected async Task<RuleBook> LoadRuleBookAsync(CancellationToken cancellationToken)
    {
        var sets = await Db.RuleSets.AsNoTracking().AsSplitQuery()
            .Where(r => r.InstitutionId == Options.InstitutionId && r.Status == RuleSetStatus.Approved)
            .Include(r => r.Services).Include(r => r.QualityIndicators).Include(r => r.Activities).Include(r => r.DutyShifts)
            .ToListAsync(cancellationToken);
        return new RuleBook(sets);
    }
}

/// <summary>The approved rule sets of a hospital, to find the one in force on a day without a query per row.</summary>
public sealed class RuleBook(IReadOnlyList<RuleSet> sets)
{
    readonly List<RuleSet> ordered = sets.OrderByDescending(s => s.EffectiveFrom).ThenByDescending(s => s.Version).ToList();
    readonly Dictionary<int, (HashSet<string> Services, HashSet<string> Indicators, HashSet<string> Activities, HashSet<string> Shifts)> codes =
        sets.ToDictionary(s => s.Id, s => (
            s.Services.Select(x => x.Code).ToHashSet(StringComparer.Ordinal),
            s.QualityIndicators.Select(x => x.Code).ToHashSet(StringComparer.Ordinal),
            s.Activities.Select(x => x.Code).ToHashSet(StringComparer.Ordinal),
            s.DutyShifts.Select(x => x.Code).ToHashSet(StringComparer.Ordinal)));

    /// <summary>The rule set a period starting on <paramref name="periodStart"/> is calculated with.</summary>
    public RuleSet? InForce(DateOnly periodStart) => ordered.FirstOrDefault(s => s.EffectiveFrom <= periodStart);

    public bool HasService(DateOnly periodStart, string code) => InForce(periodStart) is { } s && codes[s.Id].Services.Contains(code);

    public bool HasIndicator(DateOnly periodStart, string code) => InForce(periodStart) is { } s && codes[s.Id].Indicators.Contains(code);

    public bool HasActivity(DateOnly periodStart, string code) => InForce(periodStart) is { } s && codes[s.Id].Activities.Contains(code);

    public bool HasShift(DateOnly periodStart, string code) => InForce(periodStart) is { } s && codes[s.Id].Shifts.Contains(code);
}
