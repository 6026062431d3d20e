using System.Security.Claims;
using Kinerja.Data;
using Kinerja.Data.Identity;
using Kinerja.Data.Remunerasi;
using Kinerja.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Web.Features.Runs;

/// <summary>Who may do what with the hospital's runs and imports (product.md §1; Pegawai never see others' pay).</summary>
public static class RunsAccess
{
    /// <summary>May read the hospital's runs: everyone of the remuneration but the Pegawai.</summary>
    public const string Readers = Roles.TimRemunerasi + "," + Roles.Direksi + "," + Roles.Admin + "," + Roles.DewanPengawas;

    /// <summary>May read the audit trail.</summary>
    public const string AuditReaders = Roles.Admin + "," + Roles.DewanPengawas + "," + Roles.Direksi;

    /// <summary>May manage the SIMRS API tokens.</summary>
    public const string TokenManagers = Roles.Admin + "," + Roles.TimRemunerasi;

    public static bool CanCalculate(ClaimsPrincipal user) => user.IsInRole(Roles.TimRemunerasi);

    public static bool CanVerify(ClaimsPrincipal user, CalculationRun run) =>
        user.IsInRole(Roles.TimRemunerasi) && run.Status == RunStatus.Draft
        && !string.Equals(run.CalculatedBy, user.Identity?.Name, StringComparison.OrdinalIgnoreCase);

    public static bool CanApprove(ClaimsPrincipal user, CalculationRun run) => user.IsInRole(Roles.Direksi) && run.Status == RunStatus.Verified;

    public static bool CanMarkPaid(ClaimsPrincipal user, CalculationRun run) => user.IsInRole(Roles.TimRemunerasi) && run.Status == RunStatus.Approved;

    /// <summary>
    /// The hospital the page works on: the user's own; an installation-wide admin picks one with <paramref name="requested"/>
    /// (its code), else the first hospital.
    /// </summary>
    public static async Task<Institution?> HospitalAsync(KinerjaDb db, ClaimsPrincipal user, string? requested = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (user.InstitutionId() is int id)
            return await db.Institutions.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id && i.Kind == InstitutionKind.RumahSakit);
        var hospitals = db.Institutions.AsNoTracking().Where(i => i.Kind == InstitutionKind.RumahSakit).OrderBy(i => i.Code);
        return (requested is null ? null : await hospitals.FirstOrDefaultAsync(i => i.Code == requested)) ?? await hospitals.FirstOrDefaultAsync();
    }

    public static string StatusBadge(RunStatus status) => status switch
    {
        RunStatus.Draft => "badge",
        RunStatus.Verified => "badge warn",
        RunStatus.Approved => "badge good",
        RunStatus.Paid => "badge good",
        _ => "badge",
    };

    /// <summary>The status as users read it (a localizer key).</summary>
    public static string StatusLabel(RunStatus status) => status switch
    {
        RunStatus.Draft => "Draf",
        RunStatus.Verified => "Terverifikasi",
        RunStatus.Approved => "Disetujui",
        RunStatus.Paid => "Dibayar",
        RunStatus.Superseded => "Diganti versi baru",
        _ => status.ToString(),
    };

    /// <summary>What a flag of calculation.md §6 to §9 means (a localizer key).</summary>
    public static string FlagLabel(string flag) => flag switch
    {
        "STRATIFICATION_NOT_VALIDATED" => "Stratifikasi belum divalidasi manajemen: dihitung sebagai bintang terendah",
        "BELOW_TARGET" => "Kunjungan di bawah target 100 %",
        "JKN_SHARE_BELOW_MIN" => "Porsi JKN di bawah minimum bintangnya",
        "NO_JKN_SERVICE" => "Tidak melayani pasien JKN",
        "NO_QUALITY_DATA" => "Tidak ada data indikator mutu",
        "ABOVE_RANGE_PERIKATAN" => "Di atas rentang insentif: kelebihan dibayar lewat perikatan",
        "ABOVE_RANGE_WITHHELD" => "Di atas rentang insentif tanpa perikatan: kelebihan ditahan",
        "REMUNERATION_CAP" => "Dipotong batas remunerasi KMK",
        "FIXED_PAY_EXCEEDS_CAP" => "Gaji dan tunjangan saja sudah melebihi batas KMK",
        "OVER_BUDGET" => "Total melebihi anggaran belanja pegawai",
        "PERSONNEL_RATIO_EXCEEDED" => "Rasio belanja pegawai melebihi batas",
        _ => flag,
    };

    /// <summary>An audit action as users read it (a localizer key).</summary>
    public static string ActionLabel(string action) => action switch
    {
        "Added" => "Ditambah",
        "Modified" => "Diubah",
        "Deleted" => "Dihapus",
        _ => action,
    };
}
