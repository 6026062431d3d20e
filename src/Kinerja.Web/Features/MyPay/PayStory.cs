using System.Globalization;
using Kinerja.Engine;
using Kinerja.Web.Infrastructure;
using Microsoft.Extensions.Localization;

namespace Kinerja.Web.Features.MyPay;

/// <summary>One step of "why this amount": a heading, a sentence with the numbers, and where its detail is on the page.</summary>
public sealed record PayStep(string Heading, string Sentence, string? Anchor = null);

/// <summary>
/// Tells how one person's amount was made, step by step, in plain Indonesian (English when the UI is English)
/// (product.md §1, "explainable pay"). Every amount comes from the engine's result of the run's stored case; only
/// the sums shown beside them (count × rate) are added up here, and they are what the engine added up too.
/// </summary>
public static class PayStory
{
    public static IReadOnlyList<PayStep> Tell(PayDetail d, IStringLocalizer t)
    {
        ArgumentNullException.ThrowIfNull(d);
        ArgumentNullException.ThrowIfNull(t);
        var steps = new List<PayStep>();
        var r = d.Result;
        var n = d.Months;

        if (r.Medis is { } m)
        {
            var units = m.Units;
            steps.Add(new(t["Jasa pelayanan"], t["Jasa pelayanan Anda: {0} layanan ({1} JKN, {2} non-JKN) dari {3} baris layanan, masing-masing dikalikan tarif jasa pelayanannya = {4}.",
                Count(units.Total), Count(units.Jkn), Count(units.NonJkn), Count(d.Lines.Count), Format.Rupiah(m.BaseAmount)], "layanan"));

            var quality = r.PerformanceIncentive - m.AddedValue;
            var band = d.Band;
            string qualitySentence;
            if (r.Flags.Contains(Flags.NoQualityData))
                qualitySentence = t["Tidak ada data indikator mutu periode ini, jadi skor mutu 0 dan faktor mutu {0}: {1} × {0} = {2}.",
                    Number(m.QualityFactor), Format.Rupiah(m.BaseAmount), Format.Rupiah(quality)];
            else if (band is not null && band.MinScore > 0)
                qualitySentence = t["Dikalikan faktor mutu {0} (skor mutu {1} ≥ {2}) = {3}.",
                    Number(m.QualityFactor), Format.Percent(m.QualityScore), Format.Percent(band.MinScore, 0), Format.Rupiah(quality)];
            else if (d.NextBand is { } next)
                qualitySentence = t["Dikalikan faktor mutu {0} (skor mutu {1}, di bawah {2}) = {3}.",
                    Number(m.QualityFactor), Format.Percent(m.QualityScore), Format.Percent(next.MinScore, 0), Format.Rupiah(quality)];
            else
                qualitySentence = t["Dikalikan faktor mutu {0} (skor mutu {1}) = {2}.", Number(m.QualityFactor), Format.Percent(m.QualityScore), Format.Rupiah(quality)];
            steps.Add(new(t["Mutu"], qualitySentence, "mutu"));

            if (d.Activities.Count == 0)
            {
                steps.Add(new(t["Nilai tambah"], t["Tidak ada kegiatan nilai tambah periode ini: insentif kinerja Anda {0}.", Format.Rupiah(r.PerformanceIncentive)], "nilai-tambah"));
            }
            else
            {
                var listed = string.Join(", ", d.Activities.Select(a => $"{Count(a.Count)} × {a.Name} {Format.Rupiah(a.Rate)}"));
                var sum = d.Activities.Sum(a => a.Amount);
                var sentence = sum > m.AddedValue && d.Rules.AddedValue?.MonthlyCap is { } cap
                    ? t["Ditambah nilai tambah: {0} = {1}, dibatasi paling banyak {2} per bulan, jadi {3}. Insentif kinerja Anda {4}.",
                        listed, Format.Rupiah(sum), Format.Rupiah(cap), Format.Rupiah(m.AddedValue), Format.Rupiah(r.PerformanceIncentive)]
                    : t["Ditambah nilai tambah: {0} = {1}. Insentif kinerja Anda {2}.", listed, Format.Rupiah(m.AddedValue), Format.Rupiah(r.PerformanceIncentive)];
                steps.Add(new(t["Nilai tambah"], sentence, "nilai-tambah"));
            }

            var star = d.Star;
            var validated = !r.Flags.Contains(Flags.StratificationNotValidated);
            string strat = validated
                ? t["Skor stratifikasi Anda {0} (jumlah bobot × skor setiap kriteria) memberi bintang {1}.", Number(m.StratificationScore, 2), m.Star]
                : t["Data stratifikasi Anda (skor {0}) belum divalidasi manajemen, jadi Anda dihitung sebagai bintang {1}.", Number(m.StratificationScore, 2), m.Star];
            if (d.Person.IncentiveMax is not null && r.IncentiveMax is { } ownMax)
                strat += " " + t["Rentang insentif Anda ditetapkan sendiri: paling tinggi {0}.", Format.Rupiah(ownMax)];
            else if (r.IncentiveMax is { } starMax)
                strat += " " + t["Rentang insentif bintang {0}: paling tinggi {1}.", m.Star, Format.Rupiah(starMax)];
            else
                strat += " " + t["Bintang {0} tidak punya batas rentang insentif.", m.Star];
            if (star is not null && m.JknShare is { } share)
                strat += " " + t["Porsi pasien JKN Anda {0}; bintang {1} harus melayani paling sedikit {2}.", Format.Percent(share), m.Star, Format.Percent(star.JknShareMin, 0)];
            steps.Add(new(t["Stratifikasi dan rentang"], strat, "stratifikasi"));

            steps.Add(new(t["Rentang insentif"], Range(d, t)));
        }
        else if (r.NonMedis is { } p)
        {
            var points = Number(p.Points, 2);
            var capped = d.Person.Performance > p.Performance;
            var performance = capped
                ? t["capaian kinerja {0} (dibatasi paling tinggi {1})", Format.Percent(d.Person.Performance), Format.Percent(p.Performance)]
                : t["capaian kinerja {0}", Format.Percent(p.Performance)];
            string sentence;
            if (d.Rules.Points.PointValue is { } pointValue)
            {
                sentence = n > 1
                    ? t["Poin jabatan Anda {0} × {1} × nilai poin {2} × {3} bulan = insentif kinerja {4}.", points, performance.Value, PointValueText(pointValue), n, Format.Rupiah(r.PerformanceIncentive)]
                    : t["Poin jabatan Anda {0} × {1} × nilai poin {2} = insentif kinerja {3}.", points, performance.Value, PointValueText(pointValue), Format.Rupiah(r.PerformanceIncentive)];
            }
            else
            {
                sentence = t["Bobot Anda {0} × {1} = {2} dari jumlah bobot {3}; bagian Anda dari pool insentif {4} = insentif kinerja {5}.",
                    points, performance.Value, Number(p.Points * p.Performance, 2), Number(d.PoolWeight ?? 0, 2), Format.Rupiah(d.Rules.Points.Pool ?? 0), Format.Rupiah(r.PerformanceIncentive)];
            }

            steps.Add(new(t["Insentif kinerja"], sentence));
            if (r.IncentiveMax is not null)
                steps.Add(new(t["Rentang insentif"], Range(d, t)));
        }

        if (d.Duty.Count > 0)
        {
            var listed = string.Join(", ", d.Duty.Select(x => $"{Count(x.Count)} × {x.Name} {Format.Rupiah(x.Rate)}"));
            steps.Add(new(t["Uang jaga"], t["Uang jaga: {0} = {1}.", listed, Format.Rupiah(d.DutyBeforeCap)], "jaga"));
        }

        var fixedSentence = n > 1
            ? t["Gaji dan tunjangan: (gaji {0} + tunjangan {1}) × {2} bulan = {3}.", Format.Rupiah(d.Person.Salary), Format.Rupiah(d.Person.Allowances), n, Format.Rupiah(r.FixedPay)]
            : t["Gaji dan tunjangan: gaji {0} + tunjangan {1} = {2}.", Format.Rupiah(d.Person.Salary), Format.Rupiah(d.Person.Allowances), Format.Rupiah(r.FixedPay)];
        steps.Add(new(t["Gaji dan tunjangan"], fixedSentence));

        steps.Add(new(t["Batas remunerasi KMK"], Ceiling(d, t)));

        steps.Add(new(t["Jumlah diterima"], t["Jumlah yang Anda terima: gaji dan tunjangan {0} + insentif {1} + uang jaga {2} + perikatan {3} = {4}.",
            Format.Rupiah(r.FixedPay), Format.Rupiah(r.Incentive), Format.Rupiah(r.Duty), Format.Rupiah(r.Perikatan), Format.Rupiah(r.Total)]));
        return steps;
    }

    static string Range(PayDetail d, IStringLocalizer t)
    {
        var r = d.Result;
        if (r.IncentiveMax is not { } max)
            return t["Tidak ada batas rentang: insentif Anda sebelum batas KMK {0}.", Format.Rupiah(r.PerformanceIncentive)];
        var excess = r.PerformanceIncentive - d.IncentiveBeforeCap;
        if (r.Perikatan > 0)
            return t["Insentif kinerja {0} melebihi batas rentang {1}: kelebihan {2} dibayar sebagai perikatan, sesuai perjanjian Anda dengan pimpinan rumah sakit.",
                Format.Rupiah(r.PerformanceIncentive), Format.Rupiah(max), Format.Rupiah(r.Perikatan)];
        if (excess > 0)
            return t["Insentif kinerja {0} melebihi batas rentang {1}: kelebihan {2} ditahan (dicatat, tidak dibayar) karena tidak ada perikatan.",
                Format.Rupiah(r.PerformanceIncentive), Format.Rupiah(max), Format.Rupiah(r.Withheld)];
        return t["Insentif kinerja {0} tidak melebihi batas rentang {1}: semuanya dihitung sebagai insentif.", Format.Rupiah(r.PerformanceIncentive), Format.Rupiah(max)];
    }

    static string Ceiling(PayDetail d, IStringLocalizer t)
    {
        var r = d.Result;
        if (d.Person.MaxRemuneration is not { } monthly)
            return t["Jabatan Anda tidak punya batas remunerasi KMK: tidak ada potongan."];
        var ceiling = monthly * d.Months;
        var before = r.FixedPay + d.IncentiveBeforeCap + d.DutyBeforeCap;
        if (r.CapReduction <= 0)
            return t["Batas remunerasi KMK jabatan Anda {0}; gaji dan tunjangan + insentif + uang jaga = {1}, tidak melebihi batas: tidak ada potongan.",
                Format.Rupiah(ceiling), Format.Rupiah(before)];
        var sentence = d.CapFromDuty > 0
            ? t["Batas remunerasi KMK jabatan Anda {0}; gaji dan tunjangan + insentif + uang jaga = {1}, melebihi batas {2}: insentif dipotong {3} dan uang jaga dipotong {4}. Perikatan tidak termasuk batas ini.",
                Format.Rupiah(ceiling), Format.Rupiah(before), Format.Rupiah(r.CapReduction), Format.Rupiah(d.CapFromIncentive), Format.Rupiah(d.CapFromDuty)].Value
            : t["Batas remunerasi KMK jabatan Anda {0}; gaji dan tunjangan + insentif + uang jaga = {1}, melebihi batas {2}: insentif dipotong {2}. Perikatan tidak termasuk batas ini.",
                Format.Rupiah(ceiling), Format.Rupiah(before), Format.Rupiah(r.CapReduction)].Value;
        if (r.Flags.Contains(Flags.FixedPayExceedsCap))
            sentence += " " + t["Gaji dan tunjangan sendiri sudah melebihi batas; gaji tidak pernah dipotong."];
        return sentence;
    }

    static string Count(long value) => value.ToString("N0", CultureInfo.CurrentUICulture);

    /// <summary>A ratio or factor: 0,9 (or 0.9), no trailing zeros.</summary>
    public static string Number(decimal value, int decimals = 4) =>
        Math.Round(value, decimals, MidpointRounding.AwayFromZero).ToString("#,0.####", CultureInfo.CurrentUICulture);

    /// <summary>The point value may carry 2 decimals (calculation.md §1): Rp 1.750,50.</summary>
    public static string PointValueText(decimal pointValue) =>
        decimal.Truncate(pointValue) == pointValue ? Format.Rupiah(pointValue) : "Rp " + pointValue.ToString("#,0.00", Format.Indonesian);
}
