using System.Text;
using Kinerja.Data;
using Kinerja.Data.Demo;
using Kinerja.Data.Identity;
using Kinerja.Data.Remunerasi;
using Kinerja.Data.Remunerasi.Imports;
using Kinerja.Engine;
using MiniExcelLibs;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kinerja.Web.Features.Runs;

/// <summary>
/// /remunerasi/impor: upload a CSV or .xlsx of service lines, quality results, added value, duty or staff; the same
/// importers as the CLI and the SIMRS API (every row checked, all or nothing, idempotent). Templates per format.
/// </summary>
[Authorize(Roles = Roles.TimRemunerasi)]
[RequestSizeLimit(200_000_000)]
[RequestFormLimits(MultipartBodyLengthLimit = 200_000_000)]
public sealed class ImporModel(KinerjaDb db, IStringLocalizer<SharedResource> t) : PageModel
{
    /// <summary>The month whose demo import files are offered (the demo hospital only).</summary>
    static readonly Period DemoMonth = Period.Month(2026, 11);

    public string HospitalName { get; private set; } = "";

    public string Jenis { get; private set; } = "layanan";

    public string Periode { get; private set; } = "";

    public ImportBatch? Accepted { get; private set; }

    public IReadOnlyList<ImportError> Errors { get; private set; } = [];

    public int ErrorCount { get; private set; }

    public IReadOnlyList<ImportBatch> Batches { get; private set; } = [];

    public Period? DemoPeriod { get; private set; }

    public bool English => Infrastructure.Format.English;

    public async Task OnGetAsync() => await LoadAsync();

    async Task<Institution?> LoadAsync()
    {
        var hospital = await RunsAccess.HospitalAsync(db, User);
        HospitalName = hospital?.Name ?? "";
        if (hospital is null)
            return null;
        if (Periode.Length == 0)
        {
            var today = DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime);
            Periode = Period.Month(today.Year, today.Month).ToString();
        }

        DemoPeriod = hospital.Code == "RSUP-CONTOH" ? DemoMonth : null;
        Batches = (await db.ImportBatches.AsNoTracking().Where(b => b.InstitutionId == hospital.Id).OrderByDescending(b => b.Id).Take(20).ToListAsync());
        return hospital;
    }

    public async Task<IActionResult> OnPostUnggahAsync(string? jenis, string? periode, IFormFile? berkas)
    {
        Jenis = jenis ?? "layanan";
        Periode = periode?.Trim() ?? "";
        var hospital = await LoadAsync();
        if (hospital is null)
            return NotFound();
        var format = ImportFormats.Find(jenis);
        var problems = new List<ImportError>();
        Period? period = null;
        if (format is null)
            problems.Add(new ImportError(0, "jenis", t["Jenis data tidak dikenal."], "Unknown kind of data."));
        if (Periode.Length > 0 && Period.TryParse(Periode, out var p))
            period = p;
        else if (format?.NeedsPeriod == true)
            problems.Add(new ImportError(0, "periode", t["Periode harus YYYY-MM (bulan) atau YYYY-Qn (triwulan)."], "The period must be YYYY-MM or YYYY-Qn."));
        if (berkas is null || berkas.Length == 0)
            problems.Add(new ImportError(0, "berkas", t["Pilih berkas CSV atau Excel."], "Choose a CSV or Excel file."));
        if (problems.Count > 0)
        {
            Errors = problems;
            ErrorCount = problems.Count;
            return Page();
        }

        await using var stream = berkas!.OpenReadStream();
        var result = await format!.Create(db).ImportFileAsync(stream,
            new ImportOptions(hospital.Id, "web", Path.GetFileName(berkas.FileName), format.NeedsPeriod ? period : null), HttpContext.RequestAborted);
        if (result.Ok)
        {
            Accepted = result.Batch;
        }
        else
        {
            Errors = result.Errors;
            ErrorCount = result.ErrorCount;
        }

        await LoadAsync();
        return Page();
    }

    /// <summary>The template of a format: its header and one example row, as CSV or .xlsx.</summary>
    public IActionResult OnGetTemplat(string? jenis, string? format)
    {
        var f = ImportFormats.Find(jenis);
        if (f is null)
            return NotFound();
        return Table(f, [f.Example.ToArray()], $"templat-{f.Key}", format);
    }

    /// <summary>The demo hospital's next month as import files (generated the same way every time).</summary>
    public async Task<IActionResult> OnGetDemoAsync(string? jenis, string? format)
    {
        var hospital = await RunsAccess.HospitalAsync(db, User);
        var f = ImportFormats.Find(jenis);
        if (hospital?.Code != "RSUP-CONTOH" || f is null || !f.NeedsPeriod)
            return NotFound();
        return Table(f, ImportFormats.DemoRows(f, DemoMonth, DemoRemunerasi.Month(DemoMonth)), $"demo-{f.Key}-{DemoMonth}", format);
    }

    FileContentResult Table(ImportFormat f, IEnumerable<string[]> rows, string name, string? format)
    {
        if (format == "xlsx")
        {
            var sheet = rows.Select(r => f.Columns.Select((c, i) => (c, (object)r[i])).ToDictionary(x => x.c, x => x.Item2)).ToList();
            using var xlsx = new MemoryStream();
            xlsx.SaveAs(sheet);
            return File(xlsx.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx");
        }

        var csv = new StringBuilder();
        csv.Append(string.Join(',', f.Columns)).Append('\n');
        foreach (var row in rows)
            csv.Append(string.Join(',', row.Select(Quote))).Append('\n');
        return File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv", name + ".csv");
    }

    static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
