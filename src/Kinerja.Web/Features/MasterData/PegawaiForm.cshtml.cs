using System.Globalization;
using Kinerja.Data;
using Kinerja.Data.Remunerasi;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kinerja.Web.Features.MasterData;

/// <summary>One staff member: /remunerasi/pegawai/baru creates, /remunerasi/pegawai/{id} shows and edits.</summary>
[Authorize(Roles = RemunerasiAccess.Viewers)]
public sealed class PegawaiFormModel(KinerjaDb db, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public StaffInput Input { get; set; } = new();

    public bool IsNew { get; private set; }

    public bool CanEdit { get; private set; }

    public bool Saved { get; private set; }

    public string? StaffName { get; private set; }

    public bool IsMedis { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, bool disimpan = false)
    {
        CanEdit = RemunerasiAccess.CanEdit(User);
        Saved = disimpan;
        if (id == "baru")
        {
            if (!CanEdit)
                return StatusCode(StatusCodes.Status403Forbidden);
            IsNew = true;
            Input = new StaffInput { SalaryBlu = "0", PositionAllowance = "0", OtherAllowances = "0", Performance = "100", Points = "0" };
            return Page();
        }

        var staff = await FindAsync(id);
        if (staff is null)
            return NotFound();
        Input = StaffInput.From(staff);
        StaffName = staff.Name;
        IsMedis = staff.IsMedis;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id)
    {
        CanEdit = RemunerasiAccess.CanEdit(User);
        if (!CanEdit)
            return StatusCode(StatusCodes.Status403Forbidden);
        IsNew = id == "baru";
        Staff? staff;
        if (IsNew)
        {
            var hospital = await RemunerasiAccess.HospitalAsync(db, User, HttpContext.RequestAborted);
            if (hospital is null)
                return NotFound();
            staff = new Staff { InstitutionId = hospital.Id, Code = "", Name = "", Category = "" };
        }
        else
        {
            staff = await FindAsync(id);
            if (staff is null)
                return NotFound();
            StaffName = staff.Name;
            IsMedis = staff.IsMedis;
            Input.Code = staff.Code;
        }

        ModelState.Clear(); // every field is text: the reader below is the one place that judges them
        var read = new FormReader(ModelState, t);
        if (!await StaffForm.ApplyAsync(db, read, Input, staff, IsNew, HttpContext.RequestAborted))
            return Page();
        if (IsNew)
            db.Staff.Add(staff);
        await db.SaveChangesAsync(HttpContext.RequestAborted);
        return Redirect($"/remunerasi/pegawai/{staff.Id.ToString(CultureInfo.InvariantCulture)}?disimpan=true");
    }

    async Task<Staff?> FindAsync(string id)
    {
        if (!int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var staffId))
            return null;
        var hospital = await RemunerasiAccess.HospitalAsync(db, User, HttpContext.RequestAborted);
        return hospital is null ? null : await db.Staff.FirstOrDefaultAsync(s => s.Id == staffId && s.InstitutionId == hospital.Id, HttpContext.RequestAborted);
    }
}
