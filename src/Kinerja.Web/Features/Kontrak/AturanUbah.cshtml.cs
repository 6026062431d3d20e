using System.ComponentModel.DataAnnotations;
using Kinerja.Data;
using Kinerja.Data.Kontrak;
using Kinerja.Engine.Kontrak;
using Kinerja.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kinerja.Web.Features.Kontrak;

/// <summary>Creates or edits a rule set of the Dinas and its own criteria (e.g. Sleman's circular letter).</summary>
[Authorize(Roles = KontrakRoles.Dinas)]
public sealed class AturanUbahModel(KinerjaDb db, IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed class RuleInput
    {
        [Required(ErrorMessage = "Nama program wajib diisi"), StringLength(100)]
        public string Programme { get; set; } = "";

        [StringLength(100)]
        public string FundingSource { get; set; } = "BOK";

        public EducationLevel MinEducation { get; set; } = EducationLevel.D3;

        public bool RequireHealthEducation { get; set; } = true;

        [StringLength(2000)]
        public string? AllowedMajors { get; set; }

        [StringLength(2000)]
        public string? PreferredMajors { get; set; }

        [Range(0, 240, ErrorMessage = "Pengalaman minimal harus 0 sampai 240 bulan")]
        public int MinExperienceMonths { get; set; } = 12;

        [Range(1, 60, ErrorMessage = "Lama kontrak maksimal harus 1 sampai 60 bulan")]
        public int MaxLengthMonths { get; set; } = 12;

        [Range(0, 100, ErrorMessage = "Ambang perpanjangan harus 0 sampai 100 %")]
        public decimal RenewalThresholdPercent { get; set; } = 80;

        public bool OnePerPuskesmas { get; set; } = true;

        public bool RequireJkn { get; set; } = true;

        public bool HonorariumAtLeastUmk { get; set; } = true;

        [Required(ErrorMessage = "Sumber aturan wajib diisi"), StringLength(500)]
        public string Source { get; set; } = "";
    }

    public sealed class CriterionInput
    {
        [Required(ErrorMessage = "Kriteria wajib diisi"), StringLength(500)]
        public string Text { get; set; } = "";

        public bool Required { get; set; }

        [Required(ErrorMessage = "Sumber kriteria wajib diisi"), StringLength(500)]
        public string Source { get; set; } = "";
    }

    [BindProperty]
    public RuleInput Input { get; set; } = new();

    [BindProperty]
    public CriterionInput Criterion { get; set; } = new();

    public int? Id { get; private set; }

    public IReadOnlyList<ContractCriterion> Criteria { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id)
    {
        Id = id;
        if (id is null)
        {
            var bok = RuleSet.BokPromkes2016;
            Input = new RuleInput
            {
                AllowedMajors = string.Join("\n", bok.AllowedMajors), PreferredMajors = string.Join("\n", bok.PreferredMajors), Source = bok.Source,
            };
            return Page();
        }
        var ruleSet = await db.ContractRuleSets.Include(r => r.Criteria).SingleOrDefaultAsync(r => r.Id == id);
        if (ruleSet is null)
            return NotFound();
        Criteria = ruleSet.Criteria.OrderBy(c => c.Id).ToList();
        Input = new RuleInput
        {
            Programme = ruleSet.Programme, FundingSource = ruleSet.FundingSource, MinEducation = ruleSet.MinEducation,
            RequireHealthEducation = ruleSet.RequireHealthEducation, AllowedMajors = string.Join("\n", ruleSet.AllowedMajors),
            PreferredMajors = string.Join("\n", ruleSet.PreferredMajors), MinExperienceMonths = ruleSet.MinExperienceMonths,
            MaxLengthMonths = ruleSet.MaxLengthMonths, RenewalThresholdPercent = ruleSet.RenewalThreshold * 100,
            OnePerPuskesmas = ruleSet.OnePerPuskesmas, RequireJkn = ruleSet.RequireJkn, HonorariumAtLeastUmk = ruleSet.HonorariumAtLeastUmk,
            Source = ruleSet.Source,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id)
    {
        Id = id;
        ModelState.KeepOnly("Input");
        ContractRuleSet? ruleSet = null;
        if (id is not null)
        {
            ruleSet = await db.ContractRuleSets.Include(r => r.Criteria).SingleOrDefaultAsync(r => r.Id == id);
            if (ruleSet is null)
                return NotFound();
            Criteria = ruleSet.Criteria.OrderBy(c => c.Id).ToList();
        }
        var dinasId = User.InstitutionId();
        if (ruleSet is null && dinasId is null)
            ModelState.AddModelError("", t["Hanya akun Dinas Kesehatan yang dapat membuat aturan program."]);
        if (await db.ContractRuleSets.AnyAsync(r => r.Id != id && r.Programme == Input.Programme.Trim() && r.InstitutionId == (ruleSet == null ? dinasId : ruleSet.InstitutionId)))
            ModelState.AddModelError("Input.Programme", t["Program dengan nama ini sudah ada."]);
        if (!ModelState.IsValid)
            return Page();
        if (ruleSet is null)
        {
            ruleSet = new ContractRuleSet { InstitutionId = dinasId!.Value, Programme = "", Source = "" };
            db.ContractRuleSets.Add(ruleSet);
        }
        ruleSet.Programme = Input.Programme.Trim();
        ruleSet.FundingSource = Input.FundingSource.Trim();
        ruleSet.MinEducation = Input.MinEducation;
        ruleSet.RequireHealthEducation = Input.RequireHealthEducation;
        ruleSet.AllowedMajors = Lines(Input.AllowedMajors);
        ruleSet.PreferredMajors = Lines(Input.PreferredMajors);
        ruleSet.MinExperienceMonths = Input.MinExperienceMonths;
        ruleSet.MaxLengthMonths = Input.MaxLengthMonths;
        ruleSet.RenewalThreshold = Input.RenewalThresholdPercent / 100;
        ruleSet.OnePerPuskesmas = Input.OnePerPuskesmas;
        ruleSet.RequireJkn = Input.RequireJkn;
        ruleSet.HonorariumAtLeastUmk = Input.HonorariumAtLeastUmk;
        ruleSet.Source = Input.Source.Trim();
        await db.SaveChangesAsync();
        return Redirect($"/kontrak/aturan/ubah/{ruleSet.Id}?disimpan=1");
    }

    public async Task<IActionResult> OnPostAddCriterionAsync(int id)
    {
        Id = id;
        var ruleSet = await db.ContractRuleSets.Include(r => r.Criteria).SingleOrDefaultAsync(r => r.Id == id);
        if (ruleSet is null)
            return NotFound();
        ModelState.KeepOnly("Criterion");
        if (!ModelState.IsValid)
        {
            await OnGetAsync(id);
            return Page();
        }
        ruleSet.Criteria.Add(new ContractCriterion { InstitutionId = ruleSet.InstitutionId, Text = Criterion.Text.Trim(), Required = Criterion.Required, Source = Criterion.Source.Trim() });
        await db.SaveChangesAsync();
        return Redirect($"/kontrak/aturan/ubah/{id}#kriteria");
    }

    public async Task<IActionResult> OnPostRemoveCriterionAsync(int id, int criterionId)
    {
        var criterion = await db.ContractCriteria.SingleOrDefaultAsync(c => c.Id == criterionId && c.RuleSetId == id);
        if (criterion is not null)
        {
            db.ContractCriteria.Remove(criterion);
            await db.SaveChangesAsync();
        }
        return Redirect($"/kontrak/aturan/ubah/{id}#kriteria");
    }

    static List<string> Lines(string? text) =>
        (text ?? "").Split(['\n', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();
}
