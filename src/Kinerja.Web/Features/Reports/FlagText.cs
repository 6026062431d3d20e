namespace Kinerja.Web.Features.Reports;

/// <summary>What each flag of calculation.md means, in Indonesian (a localizer key: the English is in the resx).</summary>
public static class FlagText
{
    public static string Of(string flag) => flag switch
    {
        "STRATIFICATION_NOT_VALIDATED" => "Stratifikasi belum divalidasi",
        "BELOW_TARGET" => "Di bawah target kunjungan",
        "JKN_SHARE_BELOW_MIN" => "Porsi JKN di bawah minimum bintang",
        "NO_JKN_SERVICE" => "Tidak melayani pasien JKN",
        "NO_QUALITY_DATA" => "Tidak ada data mutu",
        "ABOVE_RANGE_PERIKATAN" => "Di atas rentang, dibayar lewat perikatan",
        "ABOVE_RANGE_WITHHELD" => "Di atas rentang, ditahan",
        "REMUNERATION_CAP" => "Dipotong batas KMK",
        "FIXED_PAY_EXCEEDS_CAP" => "Gaji tetap melebihi batas KMK",
        "OVER_BUDGET" => "Melebihi anggaran belanja pegawai",
        "PERSONNEL_RATIO_EXCEEDED" => "Rasio belanja pegawai melebihi batas",
        _ => flag,
    };

    /// <summary>
    /// "Dipotong batas KMK (REMUNERATION_CAP)": the Indonesian label for a reader of a workbook, the code in brackets
    /// for whoever looks it up in calculation.md or filters on it.
    /// </summary>
    public static string Named(string flag) => $"{Of(flag)} ({flag})";

    /// <summary>A run's or a row's flags (space-separated codes, as stored) as <see cref="Named(string)"/>, joined by "; ".</summary>
    public static string? NamedAll(string? flags) =>
        string.IsNullOrWhiteSpace(flags) ? flags : string.Join("; ", flags.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Named));
}
