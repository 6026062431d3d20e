using System.Globalization;
using Kinerja.Data;
using Kinerja.Data.Remunerasi;
using Kinerja.Web.Features.MasterData;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kinerja.Web.Features.Targets;

/// <summary>The monthly 100 % targets of one KSM's doctors for a year, editable one by one.</summary>
[Authorize(Roles = RemunerasiAccess.Viewers)]
public sealed class TargetDokterModel(KinerjaDb db, IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed class DoctorInput
    {
        public string Code { get; set; } = "";

        public string? Jkn { get; set; }

        public string? NonJkn { get; set; }
    }

    [BindProperty]
    public List<DoctorInput> Doctors { get; set; } = [];

    public KsmPlan? Ksm { get; private set; }

    public int Tahun { get; private set; }

    public bool CanEdit { get; private set; }

    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? tahun, string? ksm, bool disimpan = false)
    {
        if (!await LoadAsync(tahun, ksm))
            return NotFound();
        Saved = disimpan;
        Doctors = Ksm!.Doctors.Select(d => new DoctorInput { Code = d.Code, Jkn = FormReader.Whole(d.MonthlyJkn), NonJkn = FormReader.Whole(d.MonthlyNonJkn) }).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? tahun, string? ksm)
    {
        if (!RemunerasiAccess.CanEdit(User))
            return StatusCode(StatusCodes.Status403Forbidden);
        var hospital = await RemunerasiAccess.HospitalAsync(db, User, HttpContext.RequestAborted);
        if (hospital is null || !await LoadAsync(tahun, ksm))
            return NotFound();
        ModelState.Clear();
        var read = new FormReader(ModelState, t);
        var values = new List<(string Code, decimal Jkn, decimal NonJkn)>();
        for (var i = 0; i < Doctors.Count; i++)
        {
            var doctor = Ksm!.Doctors.FirstOrDefault(d => d.Code == Doctors[i].Code);
            if (doctor is null)
                continue;
            var jkn = read.Count($"Doctors[{i}].Jkn", read.Localize("{0}: target JKN per bulan", doctor.Name), Doctors[i].Jkn);
            var nonJkn = read.Count($"Doctors[{i}].NonJkn", read.Localize("{0}: target non-JKN per bulan", doctor.Name), Doctors[i].NonJkn);
            if (jkn is decimal j && nonJkn is decimal n)
                values.Add((doctor.Code, j, n));
        }

        if (!read.Ok)
            return Page();
        var saved = (await db.StaffTargets.Where(s => s.InstitutionId == hospital.Id && s.Year == Tahun).ToListAsync(HttpContext.RequestAborted))
            .ToDictionary(s => s.StaffCode, StringComparer.Ordinal);
        foreach (var (code, jkn, nonJkn) in values)
        {
            if (!saved.TryGetValue(code, out var target))
            {
                target = new StaffTarget { InstitutionId = hospital.Id, StaffCode = code, Year = Tahun };
                db.StaffTargets.Add(target);
            }

            target.MonthlyJkn = jkn;
            target.MonthlyNonJkn = nonJkn;
        }

        await db.SaveChangesAsync(HttpContext.RequestAborted);
        return Redirect($"/remunerasi/target/dokter?tahun={Tahun.ToString(CultureInfo.InvariantCulture)}&ksm={Uri.EscapeDataString(Ksm!.Ksm)}&disimpan=true");
    }

    async Task<bool> LoadAsync(int? tahun, string? ksm)
    {
        CanEdit = RemunerasiAccess.CanEdit(User);
        var hospital = await RemunerasiAccess.HospitalAsync(db, User, HttpContext.RequestAborted);
        if (hospital is null || string.IsNullOrEmpty(ksm))
            return false;
        Tahun = tahun is >= 2000 and <= 2100 ? tahun.Value : RemunerasiAccess.Today(db.Clock).Year;
        var plan = await TargetYear.LoadAsync(db, hospital.Id, Tahun, HttpContext.RequestAborted);
        Ksm = plan.Ksms.FirstOrDefault(k => k.Ksm == ksm);
        return Ksm is not null;
    }

    public string? Error(string key) => ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;
}
