using Kinerja.Data;
using Kinerja.Data.Remunerasi;
using Kinerja.Web.Features.Runs;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Web.Features.Reports;

/// <summary>/remunerasi/laporan/triwulan?tahun=2026&amp;triwulan=4: the quarterly report to the Ditjen Yankes; PDF and Excel.</summary>
[Authorize(Roles = ReportsAccess.Readers)]
public sealed class TriwulanModel(KinerjaDb db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Tahun { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Triwulan { get; set; }

    public QuarterReport Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnGetPdfAsync()
    {
        if (!await LoadAsync())
            return NotFound();
        return File(QuarterPdf.Write(Report, db.Clock.GetUtcNow().UtcDateTime), "application/pdf", $"laporan-triwulan-{Report.Year}-Q{Report.Quarter}.pdf");
    }

    public async Task<IActionResult> OnGetExcelAsync()
    {
        if (!await LoadAsync())
            return NotFound();
        var r = Report;
        var bytes = ReportFormat.Workbook(
        [
            ("Bulan", r.Months.Select(m => new Dictionary<string, object?>
            {
                ["Periode"] = m.Period, ["Versi"] = m.Run?.Version, ["Status"] = m.Run is null ? "belum disetujui" : RunWorkflow.Label(m.Run.Status),
                ["Dihitung oleh"] = m.Run?.CalculatedBy, ["Diverifikasi oleh"] = m.Run?.VerifiedBy, ["Disetujui oleh"] = m.Run?.ApprovedBy,
                ["Gaji dan tunjangan"] = m.Run?.FixedPay, ["Insentif"] = m.Run?.Incentive, ["Uang jaga"] = m.Run?.Duty, ["Perikatan"] = m.Run?.Perikatan,
                ["Ditahan"] = m.Run?.Withheld, ["Potongan KMK"] = m.Run?.CapReduction, ["Total"] = m.Run?.Total,
            })),
            ("Per kategori", r.ByCategory.Select(g => new Dictionary<string, object?>
            {
                ["Kategori"] = g.Name, ["Pegawai"] = g.People, ["Gaji dan tunjangan"] = g.FixedPay, ["Insentif"] = g.Incentive, ["Uang jaga"] = g.Duty,
                ["Perikatan"] = g.Perikatan, ["Ditahan"] = g.Withheld, ["Potongan KMK"] = g.CapReduction, ["Total"] = g.Total,
            })),
            ("Per dokter", r.Doctors.Select(d => new Dictionary<string, object?>
            {
                ["Kode"] = d.Code, ["Nama"] = d.Name, ["KSM"] = d.Ksm, ["Bulan"] = d.Months, ["Bintang"] = d.Star, ["Skor stratifikasi"] = d.StratificationScore,
                ["Kunjungan JKN"] = d.Visits.Jkn, ["Kunjungan non-JKN"] = d.Visits.NonJkn, ["Target kunjungan"] = d.Target, ["Capaian"] = Round(d.Achievement),
                ["Unit JKN"] = d.Units.Jkn, ["Unit non-JKN"] = d.Units.NonJkn, ["Porsi JKN"] = Round(d.JknShare), ["Porsi JKN minimum"] = d.JknShareMin,
                ["Skor mutu"] = Round(d.QualityScore), ["Faktor mutu"] = d.QualityFactor, ["Perikatan (nomor)"] = d.PerikatanNumber,
                ["Jasa pelayanan"] = d.BaseAmount, ["Nilai tambah"] = d.AddedValue, ["Insentif"] = d.Incentive, ["Perikatan"] = d.Perikatan,
                ["Ditahan"] = d.Withheld, ["Potongan KMK"] = d.CapReduction, ["Total"] = d.Total, ["Tanda"] = string.Join("; ", d.Flags.Select(FlagText.Named)),
            })),
            ("Perikatan", r.Perikatan.Select(p => new Dictionary<string, object?>
            {
                ["Dokter"] = p.StaffCode, ["Nomor"] = p.Number, ["Mulai"] = p.From.ToString("yyyy-MM-dd"), ["Sampai"] = p.To?.ToString("yyyy-MM-dd"),
                ["Lingkup"] = p.Scope, ["Ditandatangani oleh"] = p.SignedBy,
            })),
        ]);
        return File(bytes, ReportFormat.XlsxType, $"laporan-triwulan-{r.Year}-Q{r.Quarter}.xlsx");
    }

    static decimal? Round(decimal? ratio) => ratio is { } v ? Kinerja.Engine.Money.RoundRatio(v) : null;

    async Task<bool> LoadAsync()
    {
        var hospital = await RunsAccess.HospitalAsync(db, User, Request.Query["rs"]);
        if (hospital is null)
            return false;
        if (Tahun is null || Triwulan is not (>= 1 and <= 4))
        {
            // The latest quarter with an approved or paid month; else the current quarter.
            var latest = (await db.CalculationRuns.AsNoTracking()
                    .Where(r => r.InstitutionId == hospital.Id && (r.Status == RunStatus.Approved || r.Status == RunStatus.Paid))
                    .Select(r => r.Period).ToListAsync())
                .Where(p => Kinerja.Engine.Period.TryParse(p, out var x) && !x.IsQuarter)
                .Max(StringComparer.Ordinal);
            var today = DateOnly.FromDateTime(db.Clock.GetLocalNow().DateTime);
            var month = latest is null ? today : DateOnly.ParseExact(latest + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            Tahun ??= month.Year;
            Triwulan = Triwulan is >= 1 and <= 4 ? Triwulan : ((month.Month - 1) / 3) + 1;
        }

        if (Tahun is < 2000 or > 2100)
            return false;
        Report = await QuarterReport.BuildAsync(db, hospital, Tahun.Value, Triwulan!.Value, HttpContext.RequestAborted);
        return true;
    }
}
