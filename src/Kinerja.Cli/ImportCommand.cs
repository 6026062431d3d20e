using System.Diagnostics;
using Kinerja.Data;
using Kinerja.Data.Remunerasi;
using Kinerja.Data.Remunerasi.Imports;
using Kinerja.Engine;
using Kinerja.Engine.Json;
using Microsoft.Extensions.Configuration;

namespace Kinerja.Cli;

/// <summary>
/// <c>kinerja import case CASE.json [--hospital CODE]</c>: loads a case as a hospital's period.
/// <c>kinerja import services|quality|added-value|duty FILE.csv|.xlsx --period YYYY-MM [--hospital CODE]</c> and
/// <c>kinerja import staff FILE [--hospital CODE]</c>: the same importers as the web app. Exit 0 when imported, 2 when
/// the file is refused (every bad row on stderr: line, column, reason; nothing imported).
/// </summary>
public static class ImportCommand
{
    public const int Ok = 0;
    public const int Refused = 2;

    public static async Task<int> RunAsync(string[] args, IConfiguration configuration, TextWriter? stdout = null, TextWriter? stderr = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        stdout ??= Console.Out;
        stderr ??= Console.Error;
        var (positional, options, error) = Hospitals.Parse(args, "--hospital", "--period");
        if (error is not null || positional.Count != 2)
            return Usage(stderr, error);
        var (kind, file) = (positional[0], positional[1]);
        if (!File.Exists(file))
        {
            stderr.WriteLine($"kinerja: {file}: berkas tidak ada / no such file");
            return Refused;
        }

        await using var db = CliConfiguration.OpenDatabase(configuration);
        if (kind == "case")
            return await ImportCaseAsync(db, file, options.GetValueOrDefault("--hospital"), stdout, stderr);

        Period? period = null;
        if (options.TryGetValue("--period", out var periodText))
        {
            if (!Period.TryParse(periodText, out var p))
            {
                stderr.WriteLine($"kinerja: --period {periodText}: bukan YYYY-MM atau YYYY-Qn / not YYYY-MM or YYYY-Qn");
                return Refused;
            }

            period = p;
        }
        else if (kind != "staff")
        {
            return Usage(stderr, "--period wajib / is required");
        }

        var hospital = await Hospitals.FindAsync(db, options.GetValueOrDefault("--hospital"), stderr);
        if (hospital is null)
            return Refused;
        var importOptions = new ImportOptions(hospital.Id, "cli", Path.GetFileName(file), period);
        var watch = Stopwatch.StartNew();
        await using var stream = File.OpenRead(file);
        ImportResult result;
        switch (kind)
        {
            case "services":
                result = await new ServiceLineImporter(db).ImportFileAsync(stream, importOptions);
                break;
            case "quality":
                result = await new QualityImporter(db).ImportFileAsync(stream, importOptions);
                break;
            case "added-value":
                result = await new AddedValueImporter(db).ImportFileAsync(stream, importOptions);
                break;
            case "duty":
                result = await new DutyImporter(db).ImportFileAsync(stream, importOptions);
                break;
            case "staff":
                result = await new StaffImporter(db).ImportFileAsync(stream, importOptions);
                break;
            default:
                return Usage(stderr, $"jenis impor tidak dikenal / unknown import kind: {kind}");
        }

        if (!result.Ok)
        {
            foreach (var e in result.Errors)
                stderr.WriteLine($"{file}: baris/line {e.Line}, kolom/column {e.Column}: {e.Message} / {e.English}");
            if (result.ErrorCount > result.Errors.Count)
                stderr.WriteLine($"... dan {result.ErrorCount - result.Errors.Count} kesalahan lain / and {result.ErrorCount - result.Errors.Count} more errors");
            stderr.WriteLine($"kinerja: {result.ErrorCount} baris ditolak; tidak ada yang diimpor / {result.ErrorCount} rows refused; nothing imported.");
            return Refused;
        }

        var b = result.Batch!;
        stdout.WriteLine($"{hospital.Code} {period}: {b.Rows} baris/rows: {b.Added} baru/added, {b.Updated} diubah/updated, {b.Unchanged} sama/unchanged ({watch.Elapsed.TotalSeconds:0.0} s)");
        return Ok;
    }

    static async Task<int> ImportCaseAsync(KinerjaDb db, string file, string? hospitalCode, TextWriter stdout, TextWriter stderr)
    {
        await using var stream = File.OpenRead(file);
        CaseImportResult result;
        try
        {
            result = await CaseImporter.ImportAsync(db, stream, file, hospitalCode, "cli");
        }
        catch (System.Text.Json.JsonException e)
        {
            stderr.WriteLine($"kinerja: {file}: JSON tidak valid / malformed JSON: {e.Message}");
            return Refused;
        }

        if (!result.Ok)
        {
            // The refusal JSON goes to the writer given (the console, or a test's), like every other line.
            using var json = new MemoryStream();
            CaseJson.WriteErrors(json, result.Errors);
            stdout.WriteLine(System.Text.Encoding.UTF8.GetString(json.ToArray()));
            stderr.WriteLine($"kinerja: {file}: kasus ditolak; tidak ada yang dimuat / case refused; nothing loaded.");
            return Refused;
        }

        foreach (var warning in result.Warnings)
            stderr.WriteLine($"kinerja: peringatan / warning: {warning}");
        stdout.WriteLine($"{result.Hospital!.Code} {result.Period}: {result.Staff} pegawai/staff, {result.Lines} baris layanan/service lines dimuat/loaded. " +
                         $"Hitung / calculate: kinerja run --period {result.Period} --hospital {result.Hospital.Code}");
        return Ok;
    }

    static int Usage(TextWriter stderr, string? error)
    {
        if (error is not null)
            stderr.WriteLine($"kinerja: {error}");
        stderr.WriteLine("""
            pemakaian / usage:
              kinerja import case CASE.json [--hospital KODE]
              kinerja import services FILE.csv|FILE.xlsx --period YYYY-MM [--hospital KODE]
              kinerja import quality|added-value|duty FILE --period YYYY-MM [--hospital KODE]
              kinerja import staff FILE [--hospital KODE]
            """);
        return Refused;
    }
}
