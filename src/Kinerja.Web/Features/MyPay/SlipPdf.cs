using System.Globalization;
using Kinerja.Data.Remunerasi;
using Kinerja.Data.Remunerasi.ExtraPay;
using Kinerja.Engine;
using Kinerja.Web.Features.Runs;
using Kinerja.Web.Infrastructure;
using Kinerja.Web.Infrastructure.Pdf;
using Microsoft.Extensions.Localization;
using EngineStaff = Kinerja.Engine.Staff;

namespace Kinerja.Web.Features.MyPay;

/// <summary>One person on a slip: their row of the run, their case record (for gaji and tunjangan), their position.</summary>
public sealed record SlipPerson(RunStaffResult Row, EngineStaff? Person, string? Position);

/// <summary>The run a slip belongs to, and who took its steps (user name → full name).</summary>
public sealed record SlipRun(string Hospital, CalculationRun Run, IReadOnlyDictionary<string, string> People, DateTime GeneratedAt);

/// <summary>One person's lines of an extra pay run, for their slip: the hospital, the run and who took its steps.</summary>
public sealed record ExtraSlip(string Hospital, ExtraPayRun Run, IReadOnlyList<ExtraPayLine> Lines, string? Position,
    IReadOnlyDictionary<string, string> People, DateTime GeneratedAt);

/// <summary>
/// Slips as PDF (product.md §1, "per-employee slip (PDF)"): one page per person with the hospital, the period, the
/// run version and its approval, the components and the totals. A run that is not approved yet carries
/// "DRAF — belum disetujui" on every slip. An extra pay run (gaji ke-13, THR, bonus, non-tunai) has a slip of the
/// same look.
/// </summary>
public static class SlipPdf
{
    const double Size = 10;

    public static byte[] One(SlipRun run, SlipPerson person, IStringLocalizer t)
    {
        ArgumentNullException.ThrowIfNull(run);
        var pdf = new PdfWriter(48);
        Slip(pdf, run, person, t);
        return pdf.ToBytes();
    }

    /// <summary>A unit's slips in one file: a summary page, then one page per person.</summary>
    public static byte[] Unit(SlipRun run, string unit, IReadOnlyList<SlipPerson> people, IStringLocalizer t)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(people);
        ArgumentNullException.ThrowIfNull(t);
        var pdf = new PdfWriter(48);
        Heading(pdf, run, t);
        pdf.Paragraph(t["Slip remunerasi unit {0}: {1} pegawai", unit, people.Count], 11, bold: true);
        pdf.Space(6);
        var rows = people.Select(p => (IReadOnlyList<string>)
        [
            $"{p.Row.Name}\n{p.Row.StaffCode}", Money(p.Row.FixedPay), Money(p.Row.Incentive), Money(p.Row.Duty), Money(p.Row.Perikatan), Money(p.Row.Total),
        ]).ToList();
        rows.Add(
        [
            t["Jumlah"], Money(people.Sum(p => p.Row.FixedPay)), Money(people.Sum(p => p.Row.Incentive)), Money(people.Sum(p => p.Row.Duty)),
            Money(people.Sum(p => p.Row.Perikatan)), Money(people.Sum(p => p.Row.Total)),
        ]);
        pdf.Table(
            [t["Pegawai"], t["Penghasilan tetap"], t["Insentif"], t["Uang jaga"], t["Perikatan"], t["Jumlah diterima"]],
            rows, [0.26, 0.14, 0.15, 0.14, 0.14, 0.17], 8.5, new HashSet<int> { 1, 2, 3, 4, 5 });
        Footer(pdf, run, t);
        foreach (var person in people)
        {
            pdf.NewPage();
            Slip(pdf, run, person, t);
        }

        return pdf.ToBytes();
    }

    /// <summary>One person's extra pay of one run: what it was computed from, the amounts, paid or (non-cash) recorded.</summary>
    public static byte[] Extra(ExtraSlip slip, IStringLocalizer t)
    {
        ArgumentNullException.ThrowIfNull(slip);
        ArgumentNullException.ThrowIfNull(t);
        var run = slip.Run;
        var line = slip.Lines[0];
        var pdf = new PdfWriter(48);
        Heading(pdf, slip.Hospital, t["Slip pendapatan tambahan: {0}", run.Title], SlipContent.Approval(run, slip.People, t), run.IsFinal, t);

        Fact(pdf, t["Nama"], line.Name, bold: true);
        Fact(pdf, t["Kode pegawai"], line.StaffCode);
        Fact(pdf, t["Jabatan"], slip.Position ?? line.Category);
        Fact(pdf, line.Category == Kinerja.Data.Remunerasi.Staff.Medis ? t["KSM"] : t["Unit"], line.Unit ?? "–");
        Fact(pdf, t["Jenis"], $"{t[Kinerja.Web.Features.ExtraPay.ExtraPayText.Kind(run.Kind)]} {run.Year}");
        if (run.IsCash)
            Fact(pdf, t["Dasar perhitungan"], SlipContent.Basis(run, line, t));
        Fact(pdf, t["Status"], t[SlipContent.ExtraStatus(run)]);
        pdf.Space(8);

        Section(pdf, t["Komponen"], t["Jumlah"]);
        foreach (var item in SlipContent.Extra(run, slip.Lines, t))
            Item(pdf, item);
        if (!run.IsCash)
        {
            pdf.Space(8);
            pdf.Paragraph(t["Non-tunai: dicatat sebagai penghargaan, tidak dapat diuangkan dan tidak dibayar."], 9);
        }

        Footer(pdf, t["Dibuat oleh Kinerja pada {0}. Data pribadi: hanya untuk pegawai yang bersangkutan (UU 27/2022).", Format.Instant(slip.GeneratedAt)]);
        return pdf.ToBytes();
    }

    static void Slip(PdfWriter pdf, SlipRun run, SlipPerson person, IStringLocalizer t)
    {
        var row = person.Row;
        var months = Period.TryParse(run.Run.Period, out var period) ? period.Months : 1;
        Heading(pdf, run, t);

        Fact(pdf, t["Nama"], row.Name, bold: true);
        Fact(pdf, t["Kode pegawai"], row.StaffCode);
        Fact(pdf, t["Jabatan"], person.Position ?? row.Category);
        Fact(pdf, row.Category == Kinerja.Data.Remunerasi.Staff.Medis ? t["KSM"] : t["Unit"], row.Unit ?? "–");
        pdf.Space(8);

        Section(pdf, t["Komponen"], t["Jumlah"]);
        foreach (var item in SlipContent.Paid(row, person.Person, months, t))
            Item(pdf, item);
        pdf.Space(10);
        Section(pdf, t["Dicatat, tidak dibayar"], "");
        foreach (var item in SlipContent.Recorded(row, t))
            Item(pdf, item);

        if (row.Star is not null)
        {
            pdf.Space(10);
            Section(pdf, t["Kinerja"], "");
            Fact(pdf, t["Bintang"], row.Star.Value.ToString(CultureInfo.InvariantCulture));
            if (row.QualityScore is { } score && row.QualityFactor is { } factor)
                Fact(pdf, t["Skor mutu / faktor mutu"], $"{Format.Percent(score)} / {PayStory.Number(factor)}");
            Fact(pdf, t["Unit layanan JKN / non-JKN"], $"{row.UnitsJkn ?? 0:N0} / {row.UnitsNonJkn ?? 0:N0}");
            if (row.JknShare is { } share)
                Fact(pdf, t["Porsi JKN"], Format.Percent(share));
            if (row.Achievement is { } achievement)
                Fact(pdf, t["Capaian target kunjungan"], Format.Percent(achievement));
            if (row.BaseAmount is { } baseAmount)
                Fact(pdf, t["Jasa pelayanan"], Money(baseAmount));
            if (row.AddedValue is { } added)
                Fact(pdf, t["Nilai tambah"], Money(added));
        }
        else if (row.Points is { } points)
        {
            pdf.Space(10);
            Section(pdf, t["Kinerja"], "");
            Fact(pdf, t["Poin jabatan"], PayStory.Number(points, 2));
            if (row.Performance is { } performance)
                Fact(pdf, t["Capaian kinerja (dipakai)"], Format.Percent(performance));
        }

        // Each flag by what it means (the code in brackets, as the Tim Remunerasi's pages and workbooks name it).
        var flags = row.Flags.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (flags.Length > 0)
        {
            pdf.Space(6);
            pdf.Paragraph(t["Tanda"], 9, bold: true);
            foreach (var flag in flags)
                pdf.Paragraph($"• {t[RunsAccess.FlagLabel(flag)]} ({flag})", 8.5, indent: 8);
        }

        Footer(pdf, run, t);
    }

    static void Heading(PdfWriter pdf, SlipRun run, IStringLocalizer t) => Heading(pdf, run.Hospital,
        t["Slip remunerasi {0}", SlipContent.PeriodName(run.Run.Period, t)], SlipContent.Approval(run.Run, run.People, t), run.Run.IsFinal, t);

    static void Heading(PdfWriter pdf, string hospital, string title, string approval, bool final, IStringLocalizer t)
    {
        if (!final)
        {
            pdf.Color(0.75, 0.1, 0.1);
            pdf.Paragraph(t["DRAF — belum disetujui"], 16, bold: true, align: TextAlign.Center);
            pdf.Color(0, 0, 0);
            pdf.Space(4);
        }

        pdf.Paragraph(hospital, 15, bold: true);
        pdf.Paragraph(title, 12, bold: true);
        pdf.Color(0.3, 0.3, 0.3);
        pdf.Paragraph(approval, 8.5);
        pdf.Color(0, 0, 0);
        pdf.Rule(1);
        pdf.Space(4);
    }

    static void Footer(PdfWriter pdf, SlipRun run, IStringLocalizer t) => Footer(pdf,
        t["Dibuat oleh Kinerja pada {0}. Rincian perhitungan ada di Remunerasi saya, \"Mengapa sebesar ini\". Data pribadi: hanya untuk pegawai yang bersangkutan (UU 27/2022).",
            Format.Instant(run.GeneratedAt)]);

    static void Footer(PdfWriter pdf, string text)
    {
        pdf.Space(14);
        pdf.Color(0.35, 0.35, 0.35);
        pdf.Paragraph(text, 8);
        pdf.Color(0, 0, 0);
    }

    static void Fact(PdfWriter pdf, string label, string value, bool bold = false)
    {
        var lines = pdf.Wrap(value, Size, bold, pdf.ContentWidth - 150);
        pdf.Need(lines.Count * 14);
        pdf.Space(14);
        pdf.Text(pdf.Left, pdf.Y + 3, label, Size);
        for (var i = 0; i < lines.Count; i++)
        {
            if (i > 0)
                pdf.Space(13);
            pdf.Text(pdf.Left + 150, pdf.Y + 3, lines[i], Size, bold);
        }
    }

    static void Section(PdfWriter pdf, string left, string right)
    {
        pdf.Need(40);
        pdf.Space(16);
        pdf.Text(pdf.Left, pdf.Y + 4, left, 11, bold: true);
        if (right.Length > 0)
            pdf.Text(pdf.Left + pdf.ContentWidth - PdfWriter.TextWidth(right, 11, true), pdf.Y + 4, right, 11, bold: true);
        pdf.Line(pdf.Left, pdf.Y, pdf.Left + pdf.ContentWidth, pdf.Y, 0.8);
    }

    static void Item(PdfWriter pdf, SlipItem item)
    {
        var bold = item.Kind is SlipItemKind.Subtotal or SlipItemKind.Total;
        var size = item.Kind == SlipItemKind.Total ? 11.5 : item.Kind == SlipItemKind.Note ? 9 : Size;
        var height = item.Kind == SlipItemKind.Total ? 20 : 16;
        pdf.Need(height);
        pdf.Space(height);
        if (item.Kind == SlipItemKind.Total)
        {
            pdf.Color(0.92, 0.95, 0.93);
            pdf.FillRectangle(pdf.Left, pdf.Y, pdf.ContentWidth, height);
            pdf.Color(0, 0, 0);
        }

        if (item.Kind == SlipItemKind.Note)
            pdf.Color(0.4, 0.4, 0.4);
        var indent = item.Kind == SlipItemKind.Note ? 12 : 0;
        var amount = Money(item.Amount);
        pdf.Text(pdf.Left + 4 + indent, pdf.Y + 5, item.Label, size, bold);
        pdf.Text(pdf.Left + pdf.ContentWidth - 4 - PdfWriter.TextWidth(amount, size, bold), pdf.Y + 5, amount, size, bold);
        if (item.Kind == SlipItemKind.Note)
            pdf.Color(0, 0, 0);
        pdf.Line(pdf.Left, pdf.Y, pdf.Left + pdf.ContentWidth, pdf.Y, item.Kind == SlipItemKind.Component || item.Kind == SlipItemKind.Note ? 0.3 : 0.8);
    }

    static string Money(decimal amount) => Format.Rupiah(amount);
}
