using Kinerja.Data;
using Kinerja.Data.Remunerasi;
using Kinerja.Web.Features.Runs;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kinerja.Web.Features.Reports;

/// <summary>/remunerasi/laporan/dewas: the Dewan Pengawas report (read-only for everyone; the Dewan Pengawas change nothing).</summary>
[Authorize(Roles = ReportsAccess.Readers)]
public sealed class DewasModel(KinerjaDb db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Tahun { get; set; }

    public string HospitalName { get; private set; } = "";

    public DewasReport Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    /// <summary>The same report as a workbook, one sheet per section.</summary>
    public async Task<IActionResult> OnGetExcelAsync()
    {
        if (!await LoadAsync())
            return NotFound();
        var r = Report;
        var runs = r.Runs.Select(run => new Dictionary<string, object?>
        {
            ["Periode"] = run.Period, ["Versi"] = run.Version, ["Status"] = RunWorkflow.Label(run.Status), ["Total"] = run.Total,
            ["Dihitung oleh"] = run.CalculatedBy, ["Dihitung"] = run.CalculatedAt, ["Diverifikasi oleh"] = run.VerifiedBy, ["Diverifikasi"] = run.VerifiedAt,
            ["Disetujui oleh"] = run.ApprovedBy, ["Disetujui"] = run.ApprovedAt, ["Dibayar oleh"] = run.PaidBy, ["Dibayar"] = run.PaidAt, ["Catatan"] = run.Note,
        });
        var exceptions = r.Exceptions.Select(e => new Dictionary<string, object?>
        {
            ["Periode"] = e.Run.Period, ["Versi"] = e.Run.Version, ["Pegawai bertanda"] = e.FlaggedPeople, ["Pegawai ditahan"] = e.WithheldPeople,
            ["Ditahan"] = e.Withheld, ["Pegawai terpotong batas KMK"] = e.CappedPeople, ["Potongan KMK"] = e.CapReduction,
            ["Gaji tetap di atas batas"] = e.FixedPayAboveCeiling, ["Tanda"] = string.Join("; ", e.Flags.Select(f => $"{FlagText.Named(f.Key)}: {f.Value} pegawai")),
        });
        var extra = r.ExtraPay.Select(x => new Dictionary<string, object?>
        {
            ["Judul"] = x.Title, ["Tahun"] = x.Year, ["Status"] = RunWorkflow.Label(x.Status), ["Pegawai"] = x.StaffCount, ["Total"] = x.Total,
            ["Potongan batas"] = x.CapReduction, ["Dihitung oleh"] = x.CalculatedBy,
        });
        var ceilings = r.Ceilings.Select(c => new Dictionary<string, object?>
        {
            ["Kategori"] = c.Category, ["Jabatan"] = string.Join(", ", c.Positions), ["Batas KMK per bulan"] = c.Ceiling, ["Pegawai"] = c.People,
        });
        var audit = r.Audit.Select(a => new Dictionary<string, object?>
        {
            ["Waktu (UTC)"] = a.At, ["Oleh"] = a.Actor, ["Data"] = a.Entity, ["Kunci"] = a.EntityKey, ["Tindakan"] = a.Action,
            ["Sebelum"] = Summary(a.Before), ["Sesudah"] = Summary(a.After),
        });
        var bytes = ReportFormat.Workbook(
        [
            ("Perhitungan", runs), ("Pengecualian", exceptions), ("Remunerasi tambahan", extra), ("Batas KMK", ceilings), ("Perubahan aturan", audit),
        ]);
        return File(bytes, ReportFormat.XlsxType, $"laporan-dewan-pengawas-{r.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)}.xlsx");
    }

    async Task<bool> LoadAsync()
    {
        var hospital = await RunsAccess.HospitalAsync(db, User, Request.Query["rs"]);
        if (hospital is null)
            return false;
        HospitalName = hospital.Name;
        var year = Tahun is >= 2000 and <= 2100 ? Tahun.Value : db.Clock.GetLocalNow().Year;
        Tahun = year;
        Report = await DewasReport.BuildAsync(db, hospital.Id, year, HttpContext.RequestAborted);
        return true;
    }

    /// <summary>The changed values of an audit entry, shortened for the table.</summary>
    public static string Summary(string? json)
    {
        if (string.IsNullOrEmpty(json))
            return "–";
        // Keys and owners say nothing to a reader; the values changed do.
        using var document = System.Text.Json.JsonDocument.Parse(json);
        var parts = document.RootElement.EnumerateObject()
            .Where(p => p.Name is not ("Id" or "InstitutionId" or "RuleSetId"))
            .Select(p => $"{p.Name}: {(p.Value.ValueKind == System.Text.Json.JsonValueKind.String ? p.Value.GetString() : p.Value.GetRawText())}");
        var text = string.Join(", ", parts);
        return text.Length > 200 ? text[..200] + "…" : text;
    }
}
