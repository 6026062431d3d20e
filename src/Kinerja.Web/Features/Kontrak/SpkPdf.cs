using System.Globalization;
using Kinerja.Data;
using Kinerja.Data.Kontrak;
using Kinerja.Engine.Kontrak;
using Kinerja.Web.Infrastructure.Pdf;

namespace Kinerja.Web.Features.Kontrak;

/// <summary>
/// The Surat Perjanjian Kerja generated from the contract's data. Always in Indonesian: it is the legal document.
/// Its clauses follow the 2016 BOK guidance (seed 000): output-based monthly targets written by the Kepala
/// Puskesmas, honorarium at least the UMK, JKN and benefits equal to puskesmas staff, at most one year.
/// </summary>
public static class SpkPdf
{
    static readonly CultureInfo Id = CultureInfo.GetCultureInfo("id-ID");

    public sealed record Data(
        Contract Contract, Institution Puskesmas, Institution? Dinas, ContractRuleSet RuleSet, Umk? Umk,
        IReadOnlyList<MonthlyTarget> Targets, DateOnly? TargetMonth);

    public static byte[] Render(Data data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var c = data.Contract;
        var pdf = new PdfWriter();
        var region = (data.Dinas?.KabupatenKota ?? data.Puskesmas.KabupatenKota ?? "").ToUpper(Id);
        pdf.Paragraph("PEMERINTAH " + region, 12, bold: true, align: TextAlign.Center);
        pdf.Paragraph((data.Dinas?.Name ?? "DINAS KESEHATAN").ToUpper(Id), 13, bold: true, align: TextAlign.Center);
        pdf.Paragraph(data.Puskesmas.Name.ToUpper(Id), 11, bold: true, align: TextAlign.Center);
        pdf.Rule(1.4);
        pdf.Space(8);
        pdf.Paragraph("SURAT PERJANJIAN KERJA", 13, bold: true, align: TextAlign.Center);
        pdf.Paragraph(c.Position.ToUpper(Id), 11, bold: true, align: TextAlign.Center);
        pdf.Paragraph("Nomor: " + (c.Number ?? "........................"), 10.5, align: TextAlign.Center);
        if (c.Status == ContractStatus.Draft)
            pdf.Paragraph("DRAF, belum berlaku", 10.5, bold: true, align: TextAlign.Center);
        pdf.Space(8);

        var signed = c.SkDate ?? c.Start;
        pdf.Paragraph($"Pada hari ini, {signed.ToString("dddd, d MMMM yyyy", Id)}, yang bertanda tangan di bawah ini:");
        pdf.Space(4);
        pdf.Paragraph($"1. Kepala {data.Puskesmas.Name}, bertindak untuk dan atas nama {data.Dinas?.Name ?? "Dinas Kesehatan"} berdasarkan "
                      + $"Surat Keputusan Kepala Dinas Kesehatan Nomor {c.SkNumber ?? "...."} tanggal {(c.SkDate is DateOnly d ? d.ToString("d MMMM yyyy", Id) : "....")}, "
                      + "selanjutnya disebut PIHAK PERTAMA.", indent: 12);
        var who = c.ContractorKind switch
        {
            ContractorKind.Team => $"{c.ContractorName}, sebuah tim yang anggotanya tercantum dalam Pasal 5",
            ContractorKind.Institution => $"{c.ContractorName}, sebuah lembaga",
            _ => c.ContractorName,
        };
        var address = string.IsNullOrWhiteSpace(c.ContractorAddress) ? "" : $", beralamat di {c.ContractorAddress}";
        var education = c.Education is EducationLevel e ? $", berpendidikan {ContractRules.Label(e)} {c.Major}{(c.Specialisation is null ? "" : " peminatan " + c.Specialisation)}" : "";
        pdf.Paragraph($"2. {who}{address}{education}, selanjutnya disebut PIHAK KEDUA.", indent: 12);
        pdf.Space(4);
        pdf.Paragraph("Kedua belah pihak sepakat mengadakan perjanjian kerja berbasis keluaran (output based performance) dengan ketentuan sebagai berikut.");

        Article(pdf, 1, "Lingkup Pekerjaan",
            $"PIHAK KEDUA melaksanakan pekerjaan sebagai {c.Position} di {data.Puskesmas.Name}. Target kinerja bulanan ditetapkan secara tertulis "
            + "oleh Kepala Puskesmas; PIHAK KEDUA melaporkan capaiannya setiap bulan disertai bukti, dan Kepala Puskesmas memverifikasinya.");
        Article(pdf, 2, "Jangka Waktu",
            $"Perjanjian berlaku sejak {c.Start.ToString("d MMMM yyyy", Id)} sampai dengan {c.End.ToString("d MMMM yyyy", Id)} "
            + $"({ContractMath.LengthInMonths(c.Start, c.End)} bulan), paling lama {data.RuleSet.MaxLengthMonths} bulan. Perjanjian dapat diperpanjang sesuai "
            + $"ketersediaan anggaran dan bila capaian target kinerja selama kontrak paling sedikit {(data.RuleSet.RenewalThreshold * 100).ToString("0.#", Id)} %.");
        var umk = data.Umk is { } u ? $" Honor tersebut tidak kurang dari UMK {u.KabupatenKota} tahun {u.Year} sebesar {Rupiah(u.Amount)} ({u.Source})." : "";
        Article(pdf, 3, "Honor dan Hak",
            $"PIHAK KEDUA menerima honor sebesar {Rupiah(c.MonthlyHonorarium)} ({Terbilang(c.MonthlyHonorarium)} rupiah) per bulan, "
            + $"dibebankan pada sumber dana {c.FundingSource ?? "...."}, mata anggaran {c.BudgetLine ?? "...."}.{umk} "
            + (c.JknEnrolled ? "PIHAK KEDUA didaftarkan sebagai peserta Jaminan Kesehatan Nasional (JKN). " : "PIHAK KEDUA wajib didaftarkan sebagai peserta Jaminan Kesehatan Nasional (JKN). ")
            + "PIHAK KEDUA memperoleh hak dan fasilitas yang setara dengan staf puskesmas lainnya"
            + (string.IsNullOrWhiteSpace(c.OtherBenefits) ? "." : $": {c.OtherBenefits}."));

        pdf.Space(6);
        pdf.Paragraph("Pasal 4. Target Kinerja", bold: true);
        if (data.Targets.Count == 0)
            pdf.Paragraph("Target kinerja bulanan ditetapkan tertulis oleh Kepala Puskesmas pada awal setiap bulan dan menjadi lampiran perjanjian ini.");
        else
        {
            pdf.Paragraph($"Target bulan {data.TargetMonth!.Value.ToString("MMMM yyyy", Id)} (target bulan berikutnya ditetapkan tertulis oleh Kepala Puskesmas):");
            pdf.Space(3);
            pdf.Table(["No.", "Kegiatan", "Satuan", "Target"],
                data.Targets.Select((t, i) => (IReadOnlyList<string>)[(i + 1).ToString(Id), t.Activity, t.Unit, t.Quantity.ToString("0.##", Id)]),
                [0.07, 0.61, 0.17, 0.15], rightAligned: new HashSet<int> { 0, 3 });
        }

        var next = 5;
        if (c.ContractorKind == ContractorKind.Team)
        {
            pdf.Space(6);
            pdf.Paragraph($"Pasal {next++}. Anggota Tim", bold: true);
            pdf.Table(["No.", "Nama", "Profesi", "Status"],
                c.Members.OrderBy(m => m.Id).Select((m, i) => (IReadOnlyList<string>)[(i + 1).ToString(Id), m.Name, m.Profession ?? "", m.IsPns ? "PNS" + (m.Nip is null ? "" : ", NIP " + m.Nip) : "Bukan PNS"]),
                [0.07, 0.43, 0.25, 0.25], rightAligned: new HashSet<int> { 0 });
            if (c.Members.Any(m => m.IsPns))
                pdf.Paragraph("Anggota berstatus PNS tidak menerima honor dari perjanjian ini yang tumpang tindih dengan penghasilannya sebagai PNS.", 9.5);
        }
        Article(pdf, next++, "Pemutusan",
            "Perjanjian dapat diputus sebelum berakhir bila PIHAK KEDUA tidak memenuhi kewajibannya atau atas permintaan salah satu pihak, "
            + "dengan pemberitahuan tertulis. Honor dibayar sampai dengan bulan terakhir PIHAK KEDUA bekerja.");
        Article(pdf, next, "Penutup",
            "Perjanjian ini dibuat rangkap dua bermeterai cukup dan mempunyai kekuatan hukum yang sama bagi kedua belah pihak.");

        pdf.Space(16);
        pdf.Need(110);
        var place = (data.Puskesmas.KabupatenKota ?? "").Replace("Kabupaten ", "", StringComparison.Ordinal).Replace("Kota ", "", StringComparison.Ordinal);
        var half = pdf.ContentWidth / 2;
        pdf.Paragraph($"{place}, {signed.ToString("d MMMM yyyy", Id)}", align: TextAlign.Right);
        pdf.Space(4);
        var top = pdf.Y;
        pdf.Text(pdf.Left, top - 12, "PIHAK KEDUA", 10.5, bold: true);
        pdf.Text(pdf.Left + half, top - 12, "PIHAK PERTAMA", 10.5, bold: true);
        pdf.Text(pdf.Left + half, top - 26, "Kepala " + data.Puskesmas.Name, 10.5);
        pdf.Text(pdf.Left, top - 90, c.ContractorName, 10.5, bold: true);
        pdf.Text(pdf.Left + half, top - 90, "(....................................)", 10.5);
        pdf.Space(100);
        pdf.Paragraph($"Dasar: {data.RuleSet.Source}. Dibuat dengan Kinerja dari data kontrak.", 8);
        return pdf.ToBytes();
    }

    static void Article(PdfWriter pdf, int number, string title, string text)
    {
        pdf.Space(6);
        pdf.Need(40);
        pdf.Paragraph($"Pasal {number}. {title}", bold: true);
        pdf.Paragraph(text);
    }

    static string Rupiah(decimal amount) => "Rp " + amount.ToString("#,0", Id);

    /// <summary>The amount in Indonesian words, as contracts write it: 2.650.000 → "dua juta enam ratus lima puluh ribu".</summary>
    public static string Terbilang(decimal amount)
    {
        var n = (long)decimal.Truncate(Math.Abs(amount));
        return n == 0 ? "nol" : Words(n).Trim();
    }

    static readonly string[] Units = ["", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan", "sepuluh", "sebelas"];

    static string Words(long n) => n switch
    {
        0 => "",
        < 12 => " " + Units[n],
        < 20 => Words(n - 10) + " belas",
        < 100 => Words(n / 10) + " puluh" + Words(n % 10),
        < 200 => " seratus" + Words(n - 100),
        < 1000 => Words(n / 100) + " ratus" + Words(n % 100),
        < 2000 => " seribu" + Words(n - 1000),
        < 1_000_000 => Words(n / 1000) + " ribu" + Words(n % 1000),
        < 1_000_000_000 => Words(n / 1_000_000) + " juta" + Words(n % 1_000_000),
        < 1_000_000_000_000 => Words(n / 1_000_000_000) + " miliar" + Words(n % 1_000_000_000),
        _ => Words(n / 1_000_000_000_000) + " triliun" + Words(n % 1_000_000_000_000),
    };
}
