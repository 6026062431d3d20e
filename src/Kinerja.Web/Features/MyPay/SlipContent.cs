using System.Globalization;
using Kinerja.Data.Remunerasi;
using Kinerja.Data.Remunerasi.ExtraPay;
using Kinerja.Engine;
using Kinerja.Web.Features.ExtraPay;
using Kinerja.Web.Infrastructure;
using Microsoft.Extensions.Localization;
using EngineStaff = Kinerja.Engine.Staff;

namespace Kinerja.Web.Features.MyPay;

/// <summary>A line of a slip: a component and its amount; a subtotal or total is bold, a note is shown muted.</summary>
public sealed record SlipItem(string Label, decimal Amount, SlipItemKind Kind = SlipItemKind.Component);

public enum SlipItemKind
{
    Component,
    Note,
    Subtotal,
    Total,
}

/// <summary>
/// What a slip says, for the page and the PDF alike: the components of one person's row of a run (fixed pay split
/// into gaji and tunjangan from the run's case when known, incentive, duty, perikatan, total) and what was recorded
/// but not paid (withheld above the range, cut by the KMK ceiling).
/// </summary>
public static class SlipContent
{
    public static IReadOnlyList<SlipItem> Paid(RunStaffResult row, EngineStaff? person, int months, IStringLocalizer t)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(t);
        var items = new List<SlipItem>();
        if (person is not null)
        {
            items.Add(new(t["Gaji (rupiah murni / BLU)"], person.Salary * months));
            items.Add(new(t["Tunjangan (jabatan dan lainnya)"], person.Allowances * months));
        }

        items.Add(new(t["Penghasilan tetap"], row.FixedPay, SlipItemKind.Subtotal));
        items.Add(new(t["Insentif kinerja (sebelum rentang dan batas KMK)"], row.PerformanceIncentive, SlipItemKind.Note));
        items.Add(new(t["Insentif"], row.Incentive));
        items.Add(new(t["Uang jaga"], row.Duty));
        items.Add(new(t["Perikatan (di atas rentang)"], row.Perikatan));
        items.Add(new(t["Jumlah diterima"], row.Total, SlipItemKind.Total));
        return items;
    }

    public static IReadOnlyList<SlipItem> Recorded(RunStaffResult row, IStringLocalizer t)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(t);
        return
        [
            new(t["Ditahan: insentif di atas rentang tanpa perikatan"], row.Withheld),
            new(t["Dipotong batas remunerasi KMK"], row.CapReduction),
        ];
    }

    /// <summary>Oktober 2026, or Triwulan IV 2026 (English: October 2026, Quarter 4 2026).</summary>
    public static string PeriodName(Period period, IStringLocalizer t)
    {
        ArgumentNullException.ThrowIfNull(t);
        if (period.IsQuarter)
            return t["Triwulan {0} {1}", Roman((period.FirstMonth + 2) / 3), period.Year];
        return period.Start.ToString("MMMM yyyy", CultureInfo.CurrentUICulture);
    }

    public static string PeriodName(string period, IStringLocalizer t) =>
        Period.TryParse(period, out var p) ? PeriodName(p, t) : period;

    /// <summary>Short month for chart labels: Okt 26.</summary>
    public static string ShortMonth(Period period) =>
        period.IsQuarter ? $"Q{(period.FirstMonth + 2) / 3} {period.Year % 100:D2}" : period.Start.ToString("MMM yy", CultureInfo.CurrentUICulture);

    static string Roman(int quarter) => quarter switch { 1 => "I", 2 => "II", 3 => "III", _ => "IV" };

    /// <summary>"Versi 1 · disetujui oleh dr. Hartono (direktur) pada 5 November 2026 11:00 WIB", or the draft warning.</summary>
    public static string Approval(CalculationRun run, IReadOnlyDictionary<string, string> people, IStringLocalizer t)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(t);
        return Steps(t["Versi perhitungan {0} (aturan versi {1})", run.Version, run.RuleVersion], run, people, t);
    }

    /// <summary>"Perhitungan nomor 7, dihitung 2 Desember 2026 · disetujui oleh …": an extra pay run has one version, its number.</summary>
    public static string Approval(ExtraPayRun run, IReadOnlyDictionary<string, string> people, IStringLocalizer t)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(t);
        return Steps(t["Perhitungan nomor {0}, dihitung {1}", run.Id, Format.Date(run.CalculatedAt)], run, people, t);
    }

    static string Steps(string text, IWorkflowRun run, IReadOnlyDictionary<string, string> people, IStringLocalizer t)
    {
        ArgumentNullException.ThrowIfNull(people);
        string Who(string? user) => user is null ? "?" : people.TryGetValue(user, out var name) ? $"{name} ({user})" : user;
        if (run.ApprovedAt is { } approved && run.Status is RunStatus.Approved or RunStatus.Paid)
            text += " · " + t["disetujui oleh {0} pada {1}", Who(run.ApprovedBy), Format.Instant(approved)];
        if (run.PaidAt is { } paid && run.Status == RunStatus.Paid)
            text += " · " + t["dibayar {0}", Format.Instant(paid)];
        return text;
    }

    /// <summary>
    /// What one extra pay line was computed from, in a sentence: "1,5 × gaji dan tunjangan bulanan Rp 12.000.000",
    /// "100 % × rata-rata insentif 3 bulan Rp 9.000.000", "bobot 1,25 (poin × kinerja) dari dana bonus Rp …", or
    /// what a non-cash item is.
    /// </summary>
    public static string Basis(ExtraPayRun run, ExtraPayLine line, IStringLocalizer t)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(t);
        return run.Kind switch
        {
            ExtraPayKind.Gaji13 => t["{0} × gaji dan tunjangan bulanan {1}", PayStory.Number(run.Multiple ?? 1), Format.Rupiah(line.Basis)],
            ExtraPayKind.ThrInsentif => t["{0} × rata-rata insentif {1} bulan {2}", Format.Percent(run.Percentage ?? 1, 0), line.Months ?? 0, Format.Rupiah(line.Basis)],
            ExtraPayKind.Bonus => t["bobot {0} (poin × kinerja) dari dana bonus {1}", PayStory.Number(line.Basis, 2), Format.Rupiah(run.Pool ?? 0)],
            _ => line.Description ?? "",
        };
    }

    /// <summary>
    /// A person's lines of one extra pay run as slip items: for cash, what was computed, the ceiling's cut and what is
    /// received; for non-cash, each item and their value, recorded and not paid. What it was computed from is
    /// <see cref="Basis"/>.
    /// </summary>
    public static IReadOnlyList<SlipItem> Extra(ExtraPayRun run, IReadOnlyList<ExtraPayLine> lines, IStringLocalizer t)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(t);
        if (!run.IsCash)
            return [.. lines.Select(l => new SlipItem(l.Description ?? t["Pendapatan tambahan non-tunai"], l.Amount)),
                new(t["Nilai dicatat, tidak dibayar"], lines.Sum(l => l.Amount), SlipItemKind.Total)];
        var items = new List<SlipItem>();
        foreach (var line in lines)
        {
            items.Add(new(t[ExtraPayText.Kind(run.Kind)], line.Computed));
            if (line.CapReduction > 0)
                items.Add(new(t["Dipotong batas klaster {0}", run.Cluster ?? ""], -line.CapReduction));
        }

        items.Add(new(t["Jumlah diterima"], lines.Sum(l => l.Amount), SlipItemKind.Total));
        return items;
    }

    /// <summary>Paid, approved and waiting for payment, or (non-cash) recorded and never paid: a localizer key.</summary>
    public static string ExtraStatus(ExtraPayRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return !run.IsCash ? "Dicatat, tidak dibayar" : run.Status == RunStatus.Paid ? "Sudah dibayar" : "Sudah disetujui, belum dibayar";
    }
}
