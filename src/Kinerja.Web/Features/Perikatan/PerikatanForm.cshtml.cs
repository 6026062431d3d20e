using System.Globalization;
using Kinerja.Data;
using Kinerja.Data.Remunerasi;
using Kinerja.Web.Features.MasterData;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kinerja.Web.Features.Perikatan;

/// <summary>
/// One perikatan: /remunerasi/perikatan/baru records a new one, /remunerasi/perikatan/{id} shows and edits it. The Tim
/// Remunerasi records the agreement; the Direksi approves it for the hospital's leadership, and only then does a run pay
/// the excess above the range. Changing the terms of an approved agreement sends it back for approval.
/// </summary>
[Authorize(Roles = RemunerasiAccess.Viewers)]
public sealed class PerikatanFormModel(KinerjaDb db, IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed class AgreementInput
    {
        public string? StaffCode { get; set; }

        public string? Number { get; set; }

        public string? From { get; set; }

        public string? To { get; set; }

        public string? Scope { get; set; }

        public bool NonJknFeeForService { get; set; }

        public string? SignedBy { get; set; }

        public string? SignedOn { get; set; }
    }

    [BindProperty]
    public AgreementInput Input { get; set; } = new();

    public IReadOnlyList<(string Code, string Name, string? Unit)> Doctors { get; private set; } = [];

    public bool IsNew { get; private set; }

    public bool CanEdit { get; private set; }

    public bool Saved { get; private set; }

    public bool CanApprove { get; private set; }

    /// <summary>The stored agreement (null for a new one), for its approval.</summary>
    public PerikatanAgreement? Agreement { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, bool disimpan = false)
    {
        CanEdit = RemunerasiAccess.CanEdit(User);
        CanApprove = RemunerasiAccess.CanApprove(User);
        Saved = disimpan;
        IsNew = id == "baru";
        if (IsNew && !CanEdit)
            return StatusCode(StatusCodes.Status403Forbidden);
        if (!await LoadDoctorsAsync())
            return NotFound();
        if (IsNew)
        {
            Input = new AgreementInput
            {
                Scope = t["Pelayanan di atas nilai maksimal rentang insentif, termasuk pelayanan pasien non JKN (fee for service) di dalam jam kerja"],
                NonJknFeeForService = true,
            };
            return Page();
        }

        var agreement = Agreement = await FindAsync(id);
        if (agreement is null)
            return NotFound();
        Input = new AgreementInput
        {
            StaffCode = agreement.StaffCode, Number = agreement.Number, From = FormReader.Iso(agreement.From), To = FormReader.Iso(agreement.To),
            Scope = agreement.Scope, NonJknFeeForService = agreement.NonJknFeeForService, SignedBy = agreement.SignedBy, SignedOn = FormReader.Iso(agreement.SignedOn),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id)
    {
        CanEdit = RemunerasiAccess.CanEdit(User);
        if (!CanEdit)
            return StatusCode(StatusCodes.Status403Forbidden);
        IsNew = id == "baru";
        var hospital = await RemunerasiAccess.HospitalAsync(db, User, HttpContext.RequestAborted);
        if (hospital is null || !await LoadDoctorsAsync())
            return NotFound();
        var agreement = IsNew ? new PerikatanAgreement { InstitutionId = hospital.Id, StaffCode = "" } : await FindAsync(id);
        if (agreement is null)
            return NotFound();

        ModelState.Clear();
        var read = new FormReader(ModelState, t);
        var code = read.Text("Input.StaffCode", "Dokter", Input.StaffCode, 40, required: true);
        if (code is not null && Doctors.All(d => d.Code != code))
            read.Error("Input.StaffCode", t["Pilih dokter (tenaga medis) yang terdaftar."]);
        var number = read.Text("Input.Number", "Nomor perikatan", Input.Number, 100, required: true);
        var from = read.Date("Input.From", "Berlaku mulai", Input.From, required: true);
        var to = read.Date("Input.To", "Berlaku sampai", Input.To);
        if (from is not null && to is not null && to < from)
            read.Error("Input.To", t["Tanggal akhir tidak boleh sebelum tanggal mulai."]);
        var scope = read.Text("Input.Scope", "Ruang lingkup", Input.Scope, 2000, required: true);
        var signedBy = read.Text("Input.SignedBy", "Ditandatangani oleh", Input.SignedBy, 200, required: true);
        var signedOn = read.Date("Input.SignedOn", "Tanggal tanda tangan", Input.SignedOn, required: true);
        if (!read.Ok)
        {
            Agreement = IsNew ? null : agreement;
            return Page();
        }

        var terms = (code!, number, from!.Value, to, scope, Input.NonJknFeeForService, signedBy, signedOn);
        if (terms != (agreement.StaffCode, agreement.Number, agreement.From, agreement.To, agreement.Scope, agreement.NonJknFeeForService, agreement.SignedBy, agreement.SignedOn))
            (agreement.ApprovedBy, agreement.ApprovedAt) = (null, null);
        (agreement.StaffCode, agreement.Number, agreement.From, agreement.To, agreement.Scope, agreement.NonJknFeeForService, agreement.SignedBy, agreement.SignedOn) = terms;
        if (IsNew)
            db.PerikatanAgreements.Add(agreement);
        await db.SaveChangesAsync(HttpContext.RequestAborted);
        return Redirect($"/remunerasi/perikatan/{agreement.Id.ToString(CultureInfo.InvariantCulture)}?disimpan=true");
    }

    /// <summary>The Direksi approves the agreement as recorded; from then on runs pay the excess above the range under it.</summary>
    public async Task<IActionResult> OnPostTetapkanAsync(string id)
    {
        if (!RemunerasiAccess.CanApprove(User))
            return StatusCode(StatusCodes.Status403Forbidden);
        var agreement = await FindAsync(id);
        if (agreement is null)
            return NotFound();
        if (!agreement.Approved)
        {
            (agreement.ApprovedBy, agreement.ApprovedAt) = (User.Identity?.Name ?? "?", db.Clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(HttpContext.RequestAborted);
        }

        return Redirect($"/remunerasi/perikatan/{agreement.Id.ToString(CultureInfo.InvariantCulture)}");
    }

    async Task<bool> LoadDoctorsAsync()
    {
        var hospital = await RemunerasiAccess.HospitalAsync(db, User, HttpContext.RequestAborted);
        if (hospital is null)
            return false;
        Doctors = (await db.Staff.AsNoTracking().Where(s => s.InstitutionId == hospital.Id && s.Category == Staff.Medis)
                .OrderBy(s => s.Ordinal).ThenBy(s => s.Code)
                .Select(s => new { s.Code, s.Name, s.Unit })
                .ToListAsync(HttpContext.RequestAborted))
            .Select(s => (s.Code, s.Name, s.Unit)).ToList();
        return true;
    }

    async Task<PerikatanAgreement?> FindAsync(string id)
    {
        if (!int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var agreementId))
            return null;
        var hospital = await RemunerasiAccess.HospitalAsync(db, User, HttpContext.RequestAborted);
        return hospital is null ? null
            : await db.PerikatanAgreements.FirstOrDefaultAsync(p => p.Id == agreementId && p.InstitutionId == hospital.Id, HttpContext.RequestAborted);
    }
}
