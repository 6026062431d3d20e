using Kinerja.Engine;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Data.Remunerasi.Imports;

/// <summary>The hospital's staff codes and whether each is medical staff, for checking rows without a query each.</summary>
public sealed class StaffBook(Dictionary<string, bool> medisByCode)
{
    public static async Task<StaffBook> LoadAsync(KinerjaDb db, int institutionId, CancellationToken cancellationToken) =>
        new(await db.Staff.AsNoTracking().Where(s => s.InstitutionId == institutionId)
            .ToDictionaryAsync(s => s.Code, s => s.Category == Staff.Medis, StringComparer.Ordinal, cancellationToken));

    /// <summary>Checks the staff column: required, known, and medical staff when <paramref name="medisOnly"/> (calculation.md §5).</summary>
    public string? Check(TabularRow row, string column, RowErrors errors, bool medisOnly)
    {
        var code = errors.Required(row, column);
        if (code is null)
            return null;
        if (!medisByCode.TryGetValue(code, out var medis))
        {
            errors.Add(row.Line, column, $"pegawai '{code}' tidak dikenal", $"unknown staff '{code}'");
            return null;
        }

        if (medisOnly && !medis)
        {
            errors.Add(row.Line, column, $"pegawai '{code}' bukan tenaga medis (MEDIS)", $"staff '{code}' is not medical staff (MEDIS)");
            return null;
        }

        return code;
    }
}

/// <summary>
/// Service lines from the SIMRS (calculation.md §2): <c>id,date,staffId,service,payer,quantity,workingHours</c>.
/// The hospital and the SIMRS line id are the key.
/// </summary>
public sealed class ServiceLineImporter(KinerjaDb db) : Importer<ServiceLine, string>(db)
{
    public static readonly IReadOnlyList<string> Format = ["id", "date", "staffId", "service", "payer", "quantity", "workingHours"];

    StaffBook staff = null!;
    RuleBook rules = null!;

    public override ImportKind Kind => ImportKind.ServiceLines;

    public override IReadOnlyList<string> Columns => ["id", "date", "staffId", "service", "payer", "quantity"];

    protected override string KeyColumn => "id";

    protected override async Task PrepareAsync(CancellationToken cancellationToken)
    {
        staff = await StaffBook.LoadAsync(Db, Options.InstitutionId, cancellationToken);
        rules = await LoadRuleBookAsync(cancellationToken);
    }

    protected override ServiceLine? Parse(TabularRow row, RowErrors errors)
    {
        var before = errors.Count;
        var id = errors.Required(row, "id", 64);
        var date = errors.Date(row, "date");
        if (date is { } d && Options.Period is { } period && !period.Contains(d))
        {
            errors.Add(row.Line, "date", $"tanggal {d:yyyy-MM-dd} di luar periode {period}", $"date {d:yyyy-MM-dd} is outside period {period}");
            date = null;
        }

        var staffCode = staff.Check(row, "staffId", errors, medisOnly: true);
        var service = errors.Required(row, "service");
        if (service is not null && date is { } day)
        {
            var month = new DateOnly(day.Year, day.Month, 1);
            if (rules.InForce(month) is null)
                errors.Add(row.Line, "date", $"belum ada aturan yang berlaku pada {month:yyyy-MM}", $"no rules in force in {month:yyyy-MM}");
            else if (!rules.HasService(month, service))
                errors.Add(row.Line, "service", $"layanan '{service}' tidak ada di katalog yang berlaku", $"service '{service}' is not in the catalogue in force");
        }

        var payer = ParsePayer(row, errors);
        var quantity = errors.Count1(row, "quantity");
        var workingHours = errors.Boolean(row, "workingHours", fallback: true);
        if (errors.Count > before)
            return null;
        return new ServiceLine
        {
            LineId = id!, Date = date!.Value, StaffCode = staffCode!, Service = service!, Payer = payer!.Value, Quantity = quantity!.Value,
            WorkingHours = workingHours!.Value,
        };
    }

    static Payer? ParsePayer(TabularRow row, RowErrors errors)
    {
        var value = errors.Required(row, "payer");
        switch (value?.ToUpperInvariant())
        {
            case null:
                return null;
            case "JKN":
                return Payer.Jkn;
            case "NON_JKN" or "NON-JKN" or "NONJKN":
                return Payer.NonJkn;
            default:
                errors.Add(row.Line, "payer", $"'{value}' harus JKN atau NON_JKN", $"'{value}' must be JKN or NON_JKN");
                return null;
        }
    }

    protected override string KeyOf(ServiceLine entity) => entity.LineId;

    protected override Task<List<ServiceLine>> ExistingAsync(IReadOnlyList<ServiceLine> chunk, CancellationToken cancellationToken)
    {
        var ids = chunk.Select(l => l.LineId).ToList();
        return Db.ServiceLines.Where(l => l.InstitutionId == Options.InstitutionId && ids.Contains(l.LineId)).ToListAsync(cancellationToken);
    }

    protected override bool SameValues(ServiceLine stored, ServiceLine incoming, TabularRow row) =>
        stored.Date == incoming.Date && stored.StaffCode == incoming.StaffCode && stored.Service == incoming.Service
        && stored.Payer == incoming.Payer && stored.Quantity == incoming.Quantity && stored.WorkingHours == incoming.WorkingHours;

    protected override void CopyValues(ServiceLine incoming, ServiceLine stored, TabularRow row)
    {
        stored.Date = incoming.Date;
        stored.StaffCode = incoming.StaffCode;
        stored.Service = incoming.Service;
        stored.Payer = incoming.Payer;
        stored.Quantity = incoming.Quantity;
        stored.WorkingHours = incoming.WorkingHours;
    }

    protected override void Own(ServiceLine entity, long batchId)
    {
        entity.InstitutionId = Options.InstitutionId;
        entity.ImportBatchId = batchId;
    }

    protected override (DateOnly Start, DateOnly End)? RangeOf(ServiceLine entity) => (entity.Date, entity.Date);

    protected override object Values(ServiceLine l) => new
    {
        l.LineId, Date = l.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), l.StaffCode, l.Service,
        Payer = l.Payer == Payer.Jkn ? "JKN" : "NON_JKN", l.Quantity, l.WorkingHours,
    };

    protected override async Task<int> RemoveOthersAsync(HashSet<string> imported, CancellationToken cancellationToken)
    {
        var period = Options.Period ?? throw new InvalidOperationException("ReplacePeriod needs a period.");
        var (start, end) = (period.Start, period.End);
        var stored = await Db.ServiceLines.AsNoTracking()
            .Where(l => l.InstitutionId == Options.InstitutionId && l.Date >= start && l.Date <= end)
            .Select(l => l.LineId).ToListAsync(cancellationToken);
        var removed = stored.Where(id => !imported.Contains(id)).ToList();
        foreach (var part in removed.Chunk(1000))
        {
            await Db.ServiceLines.Where(l => l.InstitutionId == Options.InstitutionId && part.Contains(l.LineId))
                .ExecuteDeleteAsync(cancellationToken);
        }

        return removed.Count;
    }
}
