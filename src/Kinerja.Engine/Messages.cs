using System.Globalization;

namespace Kinerja.Engine;

/// <summary>
/// Validation messages: Indonesian, the users' language, unless the current UI culture is English
/// (calculation.md §5). Read per call so a web request's culture applies.
/// </summary>
internal static class Messages
{
    private static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    private static string Say(string indonesian, string english) => English ? english : indonesian;

    public static string Required => Say("wajib diisi", "is required");

    public static string NotString => Say("harus berupa teks", "must be a string");

    public static string NotNumber => Say("harus berupa angka", "must be a number");

    public static string NotWhole => Say("harus bilangan bulat", "must be a whole number");

    public static string NotBoolean => Say("harus true atau false", "must be true or false");

    public static string NotObject => Say("harus berupa objek JSON", "must be a JSON object");

    public static string NotArray => Say("harus berupa larik (array) JSON", "must be a JSON array");

    public static string DuplicateProperty => Say("properti ini muncul lebih dari sekali", "this property appears more than once");

    public static string UnknownVersion(string version) => Say(
        $"versi '{version}' tidak dikenal; hanya versi 1 yang didukung",
        $"unknown version '{version}'; only version 1 is supported");

    public static string MalformedPeriod(string? text) => Say(
        $"periode '{text}' tidak valid; gunakan YYYY-MM (bulan) atau YYYY-Qn (triwulan, n = 1..4)",
        $"period '{text}' is malformed; use YYYY-MM (month) or YYYY-Qn (quarter, n = 1..4)");

    public static string MalformedDate(string? text) => Say(
        $"tanggal '{text}' tidak valid; gunakan YYYY-MM-DD",
        $"date '{text}' is malformed; use YYYY-MM-DD");

    public static string DateOutsidePeriod(DateOnly date, Period period) => Say(
        $"tanggal {date:yyyy-MM-dd} di luar periode {period}",
        $"date {date:yyyy-MM-dd} is outside the period {period}");

    public static string Duplicate(string value, string firstPath) => Say(
        $"'{value}' ganda; sudah dipakai di {firstPath}",
        $"duplicate '{value}'; already used at {firstPath}");

    public static string UnknownStaff(string id) => Say(
        $"pegawai '{id}' tidak ada di staff",
        $"staff member '{id}' is not in staff");

    public static string UnknownCode(string code, string list) => Say(
        $"kode '{code}' tidak ada di {list}",
        $"code '{code}' is not in {list}");

    public static string NotMedis(string id) => Say(
        $"pegawai '{id}' bukan tenaga medis (MEDIS); baris ini hanya untuk tenaga medis",
        $"staff member '{id}' is not medical staff (MEDIS); this row is for medical staff only");

    public static string UnknownPayer(string? payer) => Say(
        $"penjamin '{payer}' tidak dikenal; gunakan JKN atau NON_JKN",
        $"unknown payer '{payer}'; use JKN or NON_JKN");

    public static string AtLeastOne => Say("harus minimal 1", "must be at least 1");

    public static string Negative => Say("tidak boleh negatif", "must not be negative");

    public static string NotPositive => Say("harus lebih dari 0", "must be greater than 0");

    public static string NotWholeRupiah => Say("harus Rupiah bulat (tanpa desimal)", "must be whole Rupiah (no decimals)");

    public static string TooManyDecimals(int decimals) => Say(
        $"paling banyak {decimals} angka desimal",
        $"at most {decimals} decimals");

    public static string NumeratorAboveDenominator => Say(
        "pembilang (numerator) tidak boleh melebihi penyebut (denominator)",
        "the numerator must not exceed the denominator");

    public static string ExactlyOneMinScoreZero(int found) => Say(
        $"harus ada tepat satu dengan minScore 0 (ditemukan {found})",
        $"exactly one must have minScore 0 (found {found})");

    public static string DuplicateMinScore(decimal minScore) => Say(
        $"minScore {minScore.ToString(CultureInfo.InvariantCulture)} ganda",
        $"duplicate minScore {minScore.ToString(CultureInfo.InvariantCulture)}");

    public static string DuplicateStar(int star) => Say($"bintang {star} ganda", $"duplicate star {star}");

    public static string PointsExactlyOne => Say(
        "isi tepat satu dari pointValue atau pool",
        "give exactly one of pointValue or pool");

    public static string UnknownCriterion(string code) => Say(
        $"kriteria '{code}' tidak ada di rules.stratification.criteria",
        $"criterion '{code}' is not in rules.stratification.criteria");

    public static string MissingForMedis => Say(
        "wajib diisi untuk tenaga medis (MEDIS)",
        "is required for medical staff (MEDIS)");

    public static string CaseNotObject => Say("kasus harus berupa objek JSON", "the case must be a JSON object");
}
