using Kinerja.Data.Identity;
using Kinerja.Data.Kontrak;
using Kinerja.Engine.Kontrak;

namespace Kinerja.Web.Features.Kontrak;

/// <summary>Who does what in Kontrak: the Dinas issues contracts, the Kepala Puskesmas sets targets and verifies.</summary>
public static class KontrakRoles
{
    /// <summary>Issues contracts, keeps the rules, UMK, budget and applicants.</summary>
    public const string Dinas = Roles.Admin + "," + Roles.DinasKesehatan;

    /// <summary>Sees contracts and reports (each only their institutions', by the institution filter).</summary>
    public const string Viewers = Roles.Admin + "," + Roles.DinasKesehatan + "," + Roles.KepalaPuskesmas;

    /// <summary>Writes monthly targets and verifies achievement.</summary>
    public const string Kapus = Roles.KepalaPuskesmas;

    public static bool IsDinas(System.Security.Claims.ClaimsPrincipal user) =>
        user.IsInRole(Roles.Admin) || user.IsInRole(Roles.DinasKesehatan);
}

/// <summary>Indonesian labels (keys of SharedResource) for the Kontrak enums.</summary>
public static class KontrakLabels
{
    public static string Status(ContractStatus status) => status switch
    {
        ContractStatus.Draft => "Draf",
        ContractStatus.Active => "Aktif",
        ContractStatus.Ended => "Berakhir",
        ContractStatus.Renewed => "Diperpanjang",
        ContractStatus.Terminated => "Diputus",
        _ => status.ToString(),
    };

    public static string Badge(ContractStatus status) => status switch
    {
        ContractStatus.Active => "good",
        ContractStatus.Draft => "warn",
        ContractStatus.Terminated => "bad",
        _ => "",
    };

    public static string Kind(ContractorKind kind) => kind switch
    {
        ContractorKind.Person => "Perorangan",
        ContractorKind.Team => "Tim",
        ContractorKind.Institution => "Lembaga",
        _ => kind.ToString(),
    };

    public static string Target(TargetStatus status) => status switch
    {
        TargetStatus.Set => "Belum dilaporkan",
        TargetStatus.Reported => "Menunggu verifikasi",
        TargetStatus.Verified => "Terverifikasi",
        TargetStatus.Returned => "Dikembalikan",
        _ => status.ToString(),
    };

    public static string TargetBadge(TargetStatus status) => status switch
    {
        TargetStatus.Verified => "good",
        TargetStatus.Reported => "warn",
        TargetStatus.Returned => "bad",
        _ => "",
    };

    public static string Education(EducationLevel level) => ContractRules.Label(level);

    public static string Month(DateOnly month) => month.ToString("MMMM yyyy", System.Globalization.CultureInfo.CurrentUICulture);

    public static string Quantity(decimal? value) => value is decimal v ? v.ToString("0.##", System.Globalization.CultureInfo.CurrentUICulture) : "–";

    public static bool English => Infrastructure.Format.English;
}

public static class KontrakClock
{
    /// <summary>Today's business date in Western Indonesian Time (UTC+7), where the demo Dinas is.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddHours(7));

    public const int ExpiryAlertDays = 60;
}

public static class KontrakModelState
{
    /// <summary>
    /// A page with several forms binds every form's model on every post; keeps only the errors of the form that
    /// was posted. A form not posted at all is bound without its prefix ("Activity", not "Line.Activity"),
    /// so everything outside the posted form's prefix goes.
    /// </summary>
    public static void KeepOnly(this Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary state, string prefix)
    {
        foreach (var key in state.Keys.Where(k => !k.StartsWith(prefix + ".", StringComparison.Ordinal)).ToList())
            state.Remove(key);
    }
}
