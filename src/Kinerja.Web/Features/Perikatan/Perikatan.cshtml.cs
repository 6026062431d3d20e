using Kinerja.Data;
using Kinerja.Data.Remunerasi;
using Kinerja.Web.Features.MasterData;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Web.Features.Perikatan;

/// <summary>
/// The register of perikatan (seed 002): agreements between a doctor and the hospital's leadership for performance
/// above the incentive range. A run pays the excess only to a doctor with an agreement in force during its period
/// (CaseBuilder reads this register).
/// </summary>
[Authorize(Roles = RemunerasiAccess.Viewers)]
public sealed class PerikatanModel(KinerjaDb db) : PageModel
{
    public sealed record Row(PerikatanAgreement Agreement, string DoctorName, string? Ksm, PerikatanState State);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public string Status { get; private set; } = "aktif";

    public string? Dokter { get; private set; }

    public bool CanEdit { get; private set; }

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(string? status, string? dokter)
    {
        CanEdit = RemunerasiAccess.CanEdit(User);
        Status = status is "berakhir" or "semua" or "mendatang" ? status : "aktif";
        Dokter = string.IsNullOrWhiteSpace(dokter) ? null : dokter.Trim();
        var hospital = await RemunerasiAccess.HospitalAsync(db, User, HttpContext.RequestAborted);
        if (hospital is null)
            return;
        Today = RemunerasiAccess.Today(db.Clock);
        var agreements = db.PerikatanAgreements.AsNoTracking().Where(p => p.InstitutionId == hospital.Id);
        if (Dokter is not null)
            agreements = agreements.Where(p => p.StaffCode == Dokter);
        var doctors = await db.Staff.AsNoTracking().Where(s => s.InstitutionId == hospital.Id && s.Category == Staff.Medis)
            .ToDictionaryAsync(s => s.Code, s => (s.Name, s.Unit), HttpContext.RequestAborted);
        Rows = (await agreements.ToListAsync(HttpContext.RequestAborted))
            .Select(a => new Row(a, doctors.TryGetValue(a.StaffCode, out var d) ? d.Name : a.StaffCode, doctors.GetValueOrDefault(a.StaffCode).Unit, PerikatanStates.Of(a, Today)))
            .Where(r => Status == "semua"
                || (Status == "aktif" && r.State == PerikatanState.Active)
                || (Status == "berakhir" && r.State == PerikatanState.Expired)
                || (Status == "mendatang" && r.State == PerikatanState.Upcoming))
            .OrderBy(r => r.Agreement.StaffCode, StringComparer.Ordinal).ThenByDescending(r => r.Agreement.From)
            .ToList();
    }
}

public enum PerikatanState
{
    Upcoming,
    Active,
    Expired,
}

public static class PerikatanStates
{
    public static PerikatanState Of(PerikatanAgreement agreement, DateOnly today) =>
        agreement.From > today ? PerikatanState.Upcoming
        : agreement.To is DateOnly to && to < today ? PerikatanState.Expired
        : PerikatanState.Active;

    public static string Label(PerikatanState state) => state switch
    {
        PerikatanState.Upcoming => "Belum berlaku",
        PerikatanState.Active => "Aktif",
        _ => "Berakhir",
    };

    public static string Badge(PerikatanState state) => state switch
    {
        PerikatanState.Active => "good",
        PerikatanState.Upcoming => "warn",
        _ => "",
    };
}
