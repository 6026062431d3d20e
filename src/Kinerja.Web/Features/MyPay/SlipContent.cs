using System.Globalization;
using Kinerja.Data.Remunerasi;
using Kinerja.Engine;
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
        ArgumentNullException.ThrowIfNull(people);
        ArgumentNullException.ThrowIfNull(t);
        string Who(string? user) => user is null ? "?" : people.TryGetValue(user, out var name) ? $"{name} ({user})" : user;
        var text = t["Versi perhitungan {0} (aturan versi {1})", run.Version, run.RuleVersion].Value;
        if (run.ApprovedAt is { } approved && run.IsFinal)
            text += " · " + t["disetujui oleh {0} pada {1}", Who(run.ApprovedBy), Format.Instant(approved)];
        if (run.PaidAt is { } paid && run.Status == RunStatus.Paid)
            text += " · " + t["dibayar {0}", Format.Instant(paid)];
        return text;
    }
}
