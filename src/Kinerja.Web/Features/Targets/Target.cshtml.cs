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

/// <summary>
/// The year's RBA targets and their cascade: the KSMs' shares (summing to exactly 100 %), what each KSM gets per year
/// and per month, and whether its doctors' monthly targets add up to it; "Bagi rata" splits them equally.
/// </summary>
[Authorize(Roles = RemunerasiAccess.Viewers)]
public sealed class TargetModel(KinerjaDb db, IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed class ShareInput
    {
        public string Ksm { get; set; } = "";

        public string? Percent { get; set; }
    }

    public sealed class RbaInput
    {
        public string? JknVisits { get; set; }

        public string? NonJknVisits { get; set; }

        public string? Revenue { get; set; }
    }

    [BindProperty]
    public RbaInput Rba { get; set; } = new();

    [BindProperty]
    public List<ShareInput> Shares { get; set; } = [];

    public TargetYear Plan { get; private set; } = null!;

    public int Tahun { get; private set; }

    public bool CanEdit { get; private set; }

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? tahun, string? pesan)
    {
        if (!await LoadAsync(tahun))
            return NotFound();
        Rba = new RbaInput
        {
            JknVisits = FormReader.Whole(Plan.Rba?.JknVisits), NonJknVisits = FormReader.Whole(Plan.Rba?.NonJknVisits), Revenue = FormReader.Whole(Plan.Rba?.Revenue),
        };
        Shares = Plan.Ksms.Select(k => new ShareInput { Ksm = k.Ksm, Percent = FormReader.Show(k.Share * 100) }).ToList();
        Message = pesan switch
        {
            "disimpan" => t["Target RBA dan porsi KSM disimpan."].Value,
            "dibagi" => t["Target bulanan dokter dibagi rata dari target KSM."].Value,
            _ => null,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostSimpanAsync(int? tahun)
    {
        if (!RemunerasiAccess.CanEdit(User))
            return StatusCode(StatusCodes.Status403Forbidden);
        var hospital = await RemunerasiAccess.HospitalAsync(db, User, HttpContext.RequestAborted);
        if (hospital is null || !await LoadAsync(tahun))
            return NotFound();
        ModelState.Clear();
        var read = new FormReader(ModelState, t);
        var jkn = read.Count("Rba.JknVisits", "Target kunjungan JKN setahun", Rba.JknVisits);
        var nonJkn = read.Count("Rba.NonJknVisits", "Target kunjungan non-JKN setahun", Rba.NonJknVisits);
        var revenue = read.Rupiah("Rba.Revenue", "Target pendapatan setahun", Rba.Revenue);
        var shares = new List<(string Ksm, decimal Share)>();
        for (var i = 0; i < Shares.Count; i++)
        {
            var ksm = read.Text($"Shares[{i}].Ksm", "KSM", Shares[i].Ksm, 200, required: true);
            var percent = read.Number($"Shares[{i}].Percent", read.Localize("Porsi {0} (%)", ksm ?? ""), Shares[i].Percent, 2, 0, 100, required: false) ?? 0;
            if (ksm is not null)
                shares.Add((ksm, percent / 100));
        }

        var total = shares.Sum(s => s.Share);
        if (read.Ok && total != 1)
            read.Error("Shares", read.Localize("Jumlah porsi KSM harus tepat 100 %, sekarang {0} %.", FormReader.Show(total * 100)));
        if (!read.Ok)
            return Page();

        var rba = Plan.Rba;
        if (rba is null)
        {
            rba = new RbaTarget { InstitutionId = hospital.Id, Year = Tahun };
            db.RbaTargets.Add(rba);
        }

        rba.JknVisits = jkn!.Value;
        rba.NonJknVisits = nonJkn!.Value;
        rba.Revenue = revenue!.Value;
        var saved = await db.KsmTargets.Where(k => k.InstitutionId == hospital.Id && k.Year == Tahun).ToListAsync(HttpContext.RequestAborted);
        foreach (var (ksm, share) in shares)
        {
            var row = saved.FirstOrDefault(k => k.Ksm == ksm);
            if (row is null)
                db.KsmTargets.Add(new KsmTarget { InstitutionId = hospital.Id, Year = Tahun, Ksm = ksm, Share = share });
            else
                row.Share = share;
        }

        await db.SaveChangesAsync(HttpContext.RequestAborted);
        return Redirect($"/remunerasi/target?tahun={Tahun.ToString(CultureInfo.InvariantCulture)}&pesan=disimpan");
    }

    public async Task<IActionResult> OnPostBagiAsync(int? tahun)
    {
        if (!RemunerasiAccess.CanEdit(User))
            return StatusCode(StatusCodes.Status403Forbidden);
        var hospital = await RemunerasiAccess.HospitalAsync(db, User, HttpContext.RequestAborted);
        if (hospital is null || !await LoadAsync(tahun))
            return NotFound();
        if (Plan.Rba is null || Plan.ShareTotal != 1)
        {
            ModelState.AddModelError("", t["Simpan dulu target RBA dan porsi KSM yang berjumlah 100 %."]);
            Shares = Plan.Ksms.Select(k => new ShareInput { Ksm = k.Ksm, Percent = FormReader.Show(k.Share * 100) }).ToList();
            return Page();
        }

        await Plan.SplitEquallyAsync(db, hospital.Id, HttpContext.RequestAborted);
        await db.SaveChangesAsync(HttpContext.RequestAborted);
        return Redirect($"/remunerasi/target?tahun={Tahun.ToString(CultureInfo.InvariantCulture)}&pesan=dibagi");
    }

    async Task<bool> LoadAsync(int? tahun)
    {
        CanEdit = RemunerasiAccess.CanEdit(User);
        var hospital = await RemunerasiAccess.HospitalAsync(db, User, HttpContext.RequestAborted);
        if (hospital is null)
            return false;
        Tahun = tahun is >= 2000 and <= 2100 ? tahun.Value : RemunerasiAccess.Today(db.Clock).Year;
        Plan = await TargetYear.LoadAsync(db, hospital.Id, Tahun, HttpContext.RequestAborted);
        return true;
    }
}
