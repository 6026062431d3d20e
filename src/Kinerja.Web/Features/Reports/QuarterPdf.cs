using System.Globalization;
using Kinerja.Data.Remunerasi;
using Kinerja.Web.Infrastructure;
using Kinerja.Web.Infrastructure.Pdf;

namespace Kinerja.Web.Features.Reports;

/// <summary>
/// The quarterly report as a PDF for the Ditjen Yankes: in Indonesian whatever the UI language, as an official letter
/// to a Kementerian Kesehatan directorate is.
/// </summary>
public static class QuarterPdf
{
    static readonly CultureInfo Id = Format.Indonesian;

    public static byte[] Write(QuarterReport r, DateTime generatedUtc)
    {
        ArgumentNullException.ThrowIfNull(r);
        var pdf = new PdfWriter(margin: 36);
        pdf.Paragraph("LAPORAN TRIWULAN PELAKSANAAN REMUNERASI", 13, bold: true, align: TextAlign.Center);
        pdf.Paragraph($"{r.HospitalName} · Triwulan {Roman(r.Quarter)} Tahun {r.Year}", 11, align: TextAlign.Center);
        pdf.Paragraph("Kepada: Direktur Jenderal Pelayanan Kesehatan, Kementerian Kesehatan RI", 9.5, align: TextAlign.Center);
        pdf.Paragraph("Dasar: Kepdirjen Yankes No. HK.02.02/D/7373/2023 (monitoring dan evaluasi dilaporkan setiap 3 bulan)", 8.5, align: TextAlign.Center);
        pdf.Rule();

        pdf.Paragraph("1. Perhitungan bulanan yang dilaporkan", 10.5, bold: true);
        pdf.Table(["Bulan", "Versi", "Status", "Dihitung", "Diverifikasi", "Disetujui", "Total"],
            r.Months.Select(m => (IReadOnlyList<string>)(m.Run is { } run
                ? [Month(m.Period), run.Version.ToString(Id), RunWorkflow.Label(run.Status), run.CalculatedBy, run.VerifiedBy ?? "–",
                    $"{run.ApprovedBy} {(run.ApprovedAt is { } a ? Format.Date(a) : "")}", Format.Rupiah(run.Total)]
                : [Month(m.Period), "–", "belum disetujui", "–", "–", "–", "–"])),
            [0.14, 0.07, 0.12, 0.14, 0.14, 0.21, 0.18], 8, new HashSet<int> { 1, 6 });
        if (!r.Complete)
            pdf.Paragraph("Catatan: belum semua bulan triwulan ini disetujui; angka di bawah hanya memuat bulan yang sudah disetujui.", 8.5);
        pdf.Space(6);

        pdf.Need(70);
        pdf.Paragraph("2. Total per komponen remunerasi", 10.5, bold: true);
        var t = r.Totals;
        pdf.Table(["Komponen", "Jumlah"],
        [
            ["Gaji dan tunjangan (fixed pay)", Format.Rupiah(t.FixedPay)], ["Insentif (variable pay)", Format.Rupiah(t.Incentive)],
            ["Uang jaga", Format.Rupiah(t.Duty)], ["Perikatan (di atas rentang)", Format.Rupiah(t.Perikatan)],
            ["Jumlah dibayar", Format.Rupiah(t.Total)], ["Ditahan (di atas rentang, tanpa perikatan; tidak dibayar)", Format.Rupiah(t.Withheld)],
            ["Dipotong batas KMK (tidak dibayar)", Format.Rupiah(t.CapReduction)],
        ], [0.7, 0.3], 8.5, new HashSet<int> { 1 });
        pdf.Space(6);
        pdf.Table(["Kategori", "Pegawai", "Gaji dan tunjangan", "Insentif", "Uang jaga", "Perikatan", "Total"],
            r.ByCategory.Select(g => (IReadOnlyList<string>)[g.Name, g.People.ToString(Id), Format.Rupiah(g.FixedPay), Format.Rupiah(g.Incentive),
                Format.Rupiah(g.Duty), Format.Rupiah(g.Perikatan), Format.Rupiah(g.Total)]),
            [0.19, 0.08, 0.16, 0.15, 0.13, 0.13, 0.16], 8, new HashSet<int> { 1, 2, 3, 4, 5, 6 });
        pdf.Space(6);

        pdf.Need(70);
        pdf.Paragraph("3. Stratifikasi dan porsi JKN", 10.5, bold: true);
        var byStar = r.Doctors.Where(d => d.Star is not null).GroupBy(d => d.Star!.Value).OrderBy(g => g.Key);
        pdf.Table(["Bintang", "Dokter", "Porsi JKN minimum", "Rata-rata porsi JKN", "Di bawah minimum"],
            byStar.Select(g => (IReadOnlyList<string>)[g.Key.ToString(Id), g.Count().ToString(Id), Pct(g.First().JknShareMin),
                Pct(Average(g.Select(d => d.JknShare))), g.Count(d => d.JknShare < d.JknShareMin).ToString(Id)]),
            [0.14, 0.14, 0.24, 0.24, 0.24], 8.5, new HashSet<int> { 1, 2, 3, 4 });
        pdf.Space(6);

        pdf.Need(70);
        pdf.Paragraph("4. Capaian target kinerja, mutu dan insentif per dokter", 10.5, bold: true);
        if (r.IndicatorProblem is not null)
            pdf.Paragraph("Indikator triwulan tidak dapat dihitung: " + r.IndicatorProblem, 8.5);
        // One table per KSM: the header repeats, and a KSM's doctors read together.
        foreach (var ksm in r.Doctors.GroupBy(d => d.Ksm ?? "–"))
        {
            pdf.Need(60);
            pdf.Paragraph($"{ksm.Key} ({ksm.Count().ToString(Id)} dokter)", 8.5, bold: true);
            pdf.Table(["Dokter", "Bln", "Bintang", "Kunjungan / target", "Capaian", "Porsi JKN", "Mutu", "Insentif", "Perikatan", "Ditahan"],
                ksm.Select(d => (IReadOnlyList<string>)[
                    $"{d.Name} ({d.Code})", d.Months.ToString(Id), d.Star?.ToString(Id) ?? "–",
                    $"{d.Visits.Total.ToString("N0", Id)} / {(d.Target is { } tg ? tg.ToString("N0", Id) : "–")}",
                    Pct(d.Achievement), Pct(d.JknShare), Pct(d.QualityScore), Format.Rupiah(d.Incentive),
                    d.PerikatanNumber is null ? "–" : Format.Rupiah(d.Perikatan), Format.Rupiah(d.Withheld)]),
                [0.25, 0.04, 0.06, 0.11, 0.07, 0.07, 0.06, 0.12, 0.11, 0.11], 7, new HashSet<int> { 1, 2, 3, 4, 5, 6, 7, 8, 9 });
            pdf.Space(4);
        }

        pdf.Space(6);

        pdf.Need(70);
        pdf.Paragraph("5. Perikatan yang berlaku", 10.5, bold: true);
        var names = r.Doctors.ToDictionary(d => d.Code, d => d.Name, StringComparer.Ordinal);
        if (r.Perikatan.Count == 0)
            pdf.Paragraph("Tidak ada perikatan yang berlaku pada triwulan ini.", 8.5);
        else
            pdf.Table(["Dokter", "Nomor", "Berlaku", "Ditandatangani"],
                r.Perikatan.Select(p => (IReadOnlyList<string>)[$"{names.GetValueOrDefault(p.StaffCode, p.StaffCode)} ({p.StaffCode})", p.Number ?? "–",
                    $"{Format.Date(p.From)} – {(p.To is { } to ? Format.Date(to) : "…")}", p.SignedBy ?? "–"]),
                [0.3, 0.2, 0.25, 0.25], 8);
        pdf.Space(6);

        pdf.Need(70);
        pdf.Paragraph("6. Mutu pelayanan", 10.5, bold: true);
        var scored = r.Doctors.Where(d => d.QualityScore is not null).ToList();
        pdf.Paragraph(scored.Count == 0
            ? "Tidak ada data mutu."
            : $"Rata-rata skor mutu dokter {Pct(Average(scored.Select(d => d.QualityScore)))}; {scored.Count(d => d.QualityFactor < 1).ToString(Id)} dari {scored.Count.ToString(Id)} dokter dengan faktor mutu di bawah 1; {r.Doctors.Count(d => d.Flags.Contains("NO_QUALITY_DATA")).ToString(Id)} dokter tanpa data mutu pada sebagian bulan.", 8.5);
        pdf.Space(10);
        pdf.Paragraph($"Dibuat oleh Kinerja pada {Format.Instant(generatedUtc)}. Capaian, bintang, porsi JKN dan mutu dihitung atas triwulan (n = 3); jumlah uang adalah jumlah perhitungan bulanan yang disetujui.", 7.5);
        return pdf.ToBytes();
    }

    static string Month(string period) =>
        DateTime.ParseExact(period + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture).ToString("MMMM yyyy", Id);

    static string Pct(decimal? ratio) => ratio is { } v ? (v * 100).ToString("N1", Id) + " %" : "–";

    static decimal? Average(IEnumerable<decimal?> values)
    {
        var list = values.Where(v => v is not null).Select(v => v!.Value).ToList();
        return list.Count == 0 ? null : list.Average();
    }

    static string Roman(int quarter) => quarter switch { 1 => "I", 2 => "II", 3 => "III", _ => "IV" };
}
