using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sylvan.Data.Csv;

namespace Kinerja.Data.Kontrak;

/// <summary>A problem with one row (1 = the header) and field of an imported file, in both languages.</summary>
public sealed record ImportError(int Row, string Field, string MessageId, string MessageEn)
{
    public string Message(bool english) => english ? MessageEn : MessageId;
}

/// <summary>
/// The UMK table's CSV: provinsi,kabupaten_kota,tahun,umk_rupiah,sumber (the shape of shared/data/umk-diy-2026.csv).
/// An import runs in one transaction: a file with any bad row changes nothing.
/// </summary>
public static class UmkImport
{
    public static readonly string[] Columns = ["provinsi", "kabupaten_kota", "tahun", "umk_rupiah", "sumber"];

    /// <summary>One parsed row; <paramref name="Line"/> is its row in the file (1 = the header).</summary>
    public sealed record Row(int Line, string Provinsi, string KabupatenKota, int Year, decimal Amount, string Source);

    public static async Task<(IReadOnlyList<Row> Rows, IReadOnlyList<ImportError> Errors)> ParseAsync(Stream csv, CancellationToken ct = default)
    {
        var rows = new List<Row>();
        var errors = new List<ImportError>();
        using var text = new StreamReader(csv, detectEncodingFromByteOrderMarks: true);
        await using var reader = await CsvDataReader.CreateAsync(text, new CsvDataReaderOptions { HasHeaders = true }, ct);
        var ordinals = Columns.ToDictionary(c => c, c => Enumerable.Range(0, reader.FieldCount)
            .FirstOrDefault(i => string.Equals(reader.GetName(i).Trim(), c, StringComparison.OrdinalIgnoreCase), -1));
        var missing = ordinals.Where(o => o.Value < 0).Select(o => o.Key).ToList();
        if (missing.Count > 0)
        {
            errors.Add(new ImportError(1, string.Join(", ", missing),
                $"Kolom wajib tidak ada: {string.Join(", ", missing)}. Baris pertama harus: {string.Join(",", Columns)}.",
                $"Required columns missing: {string.Join(", ", missing)}. The first row must be: {string.Join(",", Columns)}."));
            return (rows, errors);
        }
        var seen = new Dictionary<(string, int), int>();
        var line = 1;
        while (await reader.ReadAsync(ct))
        {
            line++;
            string Get(string column) => reader.GetString(ordinals[column]).Trim();
            var before = errors.Count;
            var provinsi = Get("provinsi");
            var kabupaten = Get("kabupaten_kota");
            var source = Get("sumber");
            if (kabupaten.Length == 0)
                errors.Add(new(line, "kabupaten_kota", "Kabupaten/kota kosong.", "The kabupaten/kota is empty."));
            if (provinsi.Length == 0)
                errors.Add(new(line, "provinsi", "Provinsi kosong.", "The province is empty."));
            if (!int.TryParse(Get("tahun"), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 2000 or > 2100)
                errors.Add(new(line, "tahun", $"Tahun \"{Get("tahun")}\" bukan tahun yang sah (2000-2100).", $"Year \"{Get("tahun")}\" is not a valid year (2000-2100)."));
            // Whole Rupiah; thousands may be written with dots (2.624.387) as people do.
            var amountText = Get("umk_rupiah").Replace(".", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
            if (!decimal.TryParse(amountText, NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount <= 0)
                errors.Add(new(line, "umk_rupiah", $"UMK \"{Get("umk_rupiah")}\" harus bilangan Rupiah bulat lebih dari nol.", $"UMK \"{Get("umk_rupiah")}\" must be a whole number of Rupiah above zero."));
            if (source.Length == 0)
                errors.Add(new(line, "sumber", "Sumber kosong: setiap UMK harus menyebut dasar penetapannya.", "The source is empty: every UMK must name what set it."));
            if (errors.Count > before)
                continue;
            if (seen.TryGetValue((kabupaten.ToUpperInvariant(), year), out var firstLine))
            {
                errors.Add(new(line, "kabupaten_kota", $"{kabupaten} {year} sudah ada di baris {firstLine}.", $"{kabupaten} {year} is already on row {firstLine}."));
                continue;
            }
            seen[(kabupaten.ToUpperInvariant(), year)] = line;
            rows.Add(new Row(line, provinsi, kabupaten, year, amount, source));
        }
        if (rows.Count == 0 && errors.Count == 0)
            errors.Add(new(1, "", "Berkas tidak berisi baris UMK.", "The file holds no UMK rows."));
        return (rows, errors);
    }

    /// <summary>
    /// Adds or updates every row, all or nothing. Returns the errors (nothing changed) or the number of rows saved.
    /// A row the user may not change (<see cref="UmkRights"/>: another province's) refuses the whole file like a bad row.
    /// </summary>
    public static async Task<(int Saved, IReadOnlyList<ImportError> Errors)> ImportAsync(KinerjaDb db, Stream csv, UmkRights rights, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(rights);
        var (rows, parseErrors) = await ParseAsync(csv, ct);
        var errors = parseErrors.Concat(rows.Select(r => rights.Refusal(r.Line, r.Provinsi, r.KabupatenKota)).OfType<ImportError>())
            .OrderBy(e => e.Row).ToList();
        if (errors.Count > 0)
            return (0, errors);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var existing = await db.UmkRates.ToListAsync(ct);
        foreach (var row in rows)
        {
            var rate = existing.FirstOrDefault(u => u.Year == row.Year && string.Equals(u.KabupatenKota, row.KabupatenKota, StringComparison.OrdinalIgnoreCase));
            if (rate is null)
                db.UmkRates.Add(new UmkRate { Provinsi = row.Provinsi, KabupatenKota = row.KabupatenKota, Year = row.Year, Amount = row.Amount, Source = row.Source });
            else
                (rate.Provinsi, rate.Amount, rate.Source) = (row.Provinsi, row.Amount, row.Source);
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return (rows.Count, []);
    }

    /// <summary>The UMK DIY 2026 shipped with the demo (shared/data/umk-diy-2026.csv, sources in its sumber column).</summary>
    public static Stream DiyDemo() =>
        typeof(UmkImport).Assembly.GetManifestResourceStream("Kinerja.Data.Kontrak.umk-diy-2026.csv")
        ?? throw new InvalidOperationException("umk-diy-2026.csv is not embedded.");
}
