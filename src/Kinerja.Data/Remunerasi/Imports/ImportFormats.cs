using Kinerja.Engine;

namespace Kinerja.Data.Remunerasi.Imports;

/// <summary>One import format: its name in URLs and the CLI, its columns, and an example row (the template).</summary>
public sealed record ImportFormat(string Key, ImportKind Kind, string Title, IReadOnlyList<string> Columns, IReadOnlyList<string> Example, bool NeedsPeriod)
{
    public Importer Create(KinerjaDb db) => Kind switch
    {
        ImportKind.ServiceLines => new Importer(new ServiceLineImporter(db).ImportFileAsync),
        ImportKind.Quality => new Importer(new QualityImporter(db).ImportFileAsync),
        ImportKind.AddedValue => new Importer(new AddedValueImporter(db).ImportFileAsync),
        ImportKind.Duty => new Importer(new DutyImporter(db).ImportFileAsync),
        ImportKind.Staff => new Importer(new StaffImporter(db).ImportFileAsync),
        _ => throw new ArgumentOutOfRangeException(nameof(db), Kind, null),
    };

    /// <summary>Imports a file of this format.</summary>
    public sealed record Importer(Func<Stream, ImportOptions, CancellationToken, Task<ImportResult>> ImportFileAsync);
}

/// <summary>The documented import formats (docs/imports.md), shared by the web upload, the templates and the CLI.</summary>
public static class ImportFormats
{
    public static readonly IReadOnlyList<ImportFormat> All =
    [
        new("layanan", ImportKind.ServiceLines, "Baris layanan SIMRS", ServiceLineImporter.Format,
            ["L202611000001", "2026-11-03", "D0001", "RJ-KONSUL", "JKN", "1", "true"], true),
        new("mutu", ImportKind.Quality, "Hasil indikator mutu", QualityImporter.Format, ["2026-11", "D0001", "EMR", "95", "100"], true),
        new("nilai-tambah", ImportKind.AddedValue, "Kegiatan nilai tambah", AddedValueImporter.Format, ["2026-11", "D0001", "MENGAJAR_PPDS", "2"], true),
        new("jaga", ImportKind.Duty, "Jadwal jaga", DutyImporter.Format, ["2026-11", "D0036", "JAGA_IGD", "6"], true),
        new("pegawai", ImportKind.Staff, "Pegawai", StaffImporter.Format,
            ["P0101", "Rina Wulandari, S.Kep., Ns.", "KEPERAWATAN", "Perawat Pelaksana", "7", "Instalasi Rawat Inap", "3950000", "0", "0", "500000",
                "14000000", "", "2310.5", "1", "2026-11-01", ""], false),
    ];

    public static ImportFormat? Find(string? key) => All.FirstOrDefault(f => f.Key == key);

    /// <summary>The rows of a generated demo month in a format's columns (the demo's import files).</summary>
    public static IEnumerable<string[]> DemoRows(ImportFormat format, Period period, Demo.DemoMonthData month)
    {
        ArgumentNullException.ThrowIfNull(format);
        ArgumentNullException.ThrowIfNull(month);
        var p = period.ToString();
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        return format.Kind switch
        {
            ImportKind.ServiceLines => month.Lines.Select(l => new[]
            {
                l.Id, l.Date.ToString("yyyy-MM-dd", inv), l.StaffId, l.Service, CaseWriter.PayerCode(l.Payer), l.Quantity.ToString(inv), l.WorkingHours ? "true" : "false",
            }),
            ImportKind.Quality => month.Quality.Select(q => new[] { p, q.StaffId, q.Indicator, q.Numerator.ToString(inv), q.Denominator.ToString(inv) }),
            ImportKind.AddedValue => month.AddedValue.Select(a => new[] { p, a.StaffId, a.Activity, a.Count.ToString(inv) }),
            ImportKind.Duty => month.Duty.Select(d => new[] { p, d.StaffId, d.Shift, d.Count.ToString(inv) }),
            _ => [],
        };
    }
}
