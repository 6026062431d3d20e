using System.ComponentModel.DataAnnotations;
using Kinerja.Data;
using Kinerja.Data.Kontrak;
using Kinerja.Engine.Kontrak;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kinerja.Web.Features.Kontrak;

/// <summary>Records an applicant: education, major, experience and the Dinas criteria they meet.</summary>
[Authorize(Roles = KontrakRoles.Dinas)]
public sealed class PelamarUbahModel(KinerjaDb db, IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed class ApplicantInput
    {
        [Required(ErrorMessage = "Puskesmas wajib dipilih")]
        public int? PuskesmasId { get; set; }

        [Required(ErrorMessage = "Aturan program wajib dipilih")]
        public int? RuleSetId { get; set; }

        [Required(ErrorMessage = "Nama pelamar wajib diisi"), StringLength(200)]
        public string FullName { get; set; } = "";

        public EducationLevel Education { get; set; } = EducationLevel.D3;

        public bool HealthEducation { get; set; } = true;

        [Required(ErrorMessage = "Jurusan wajib diisi"), StringLength(200)]
        public string Major { get; set; } = "";

        [StringLength(200)]
        public string? Specialisation { get; set; }

        [StringLength(200)]
        public string? School { get; set; }

        [Range(0, 600, ErrorMessage = "Pengalaman kerja harus 0 sampai 600 bulan")]
        public int ExperienceMonths { get; set; }

        [StringLength(1000)]
        public string? ExperienceNote { get; set; }

        public List<int> MetCriterionIds { get; set; } = [];

        public ApplicantStatus Status { get; set; }
    }

    [BindProperty]
    public ApplicantInput Input { get; set; } = new();

    public int? Id { get; private set; }

    public IReadOnlyList<ContractRuleSet> RuleSets { get; private set; } = [];

    public IReadOnlyList<Institution> Puskesmas { get; private set; } = [];

    public IReadOnlyList<RuleViolation> Screening { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id)
    {
        Id = id;
        await LoadListsAsync();
        if (id is null)
        {
            Input.RuleSetId = RuleSets.Count > 0 ? RuleSets[0].Id : null;
            return Page();
        }
        var a = await db.Applicants.SingleOrDefaultAsync(x => x.Id == id);
        if (a is null)
            return NotFound();
        Input = InputOf(a);
        if (RuleSets.FirstOrDefault(r => r.Id == a.RuleSetId) is { } rs)
            Screening = ContractRules.Screen(rs.ToRules(), a.ToQualification());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id)
    {
        Id = id;
        await LoadListsAsync();
        var ruleSet = RuleSets.FirstOrDefault(r => r.Id == Input.RuleSetId);
        if (Input.PuskesmasId is not null && Puskesmas.All(p => p.Id != Input.PuskesmasId))
            ModelState.AddModelError("Input.PuskesmasId", t["Puskesmas tidak ditemukan atau bukan wilayah Anda."]);
        if (Input.RuleSetId is not null && ruleSet is null)
            ModelState.AddModelError("Input.RuleSetId", t["Aturan program tidak ditemukan."]);
        if (!ModelState.IsValid)
            return Page();
        Applicant applicant;
        if (id is int applicantId)
        {
            var found = await db.Applicants.SingleOrDefaultAsync(a => a.Id == applicantId);
            if (found is null)
                return NotFound();
            applicant = found;
        }
        else
        {
            applicant = new Applicant { FullName = "", Major = "", AppliedOn = KontrakClock.Today(db.Clock) };
            db.Applicants.Add(applicant);
        }
        applicant.InstitutionId = Input.PuskesmasId!.Value;
        applicant.RuleSetId = ruleSet!.Id;
        applicant.FullName = Input.FullName.Trim();
        applicant.Education = Input.Education;
        applicant.HealthEducation = Input.HealthEducation;
        applicant.Major = Input.Major.Trim();
        applicant.Specialisation = string.IsNullOrWhiteSpace(Input.Specialisation) ? null : Input.Specialisation.Trim();
        applicant.School = Input.School?.Trim();
        applicant.ExperienceMonths = Input.ExperienceMonths;
        applicant.ExperienceNote = Input.ExperienceNote?.Trim();
        applicant.MetCriterionIds = Input.MetCriterionIds.Where(c => ruleSet.Criteria.Any(k => k.Id == c)).Distinct().ToList();
        applicant.Status = Input.Status;
        await db.SaveChangesAsync();
        return Redirect($"/kontrak/pelamar?aturan={ruleSet.Id}");
    }

    /// <summary>Deletes an applicant entered by mistake or who withdrew; one a contract was drafted from stays, as that contract's record.</summary>
    public async Task<IActionResult> OnPostDeleteAsync(int id)
    {
        var applicant = await db.Applicants.SingleOrDefaultAsync(a => a.Id == id);
        if (applicant is null)
            return NotFound();
        if (await db.Contracts.IgnoreQueryFilters().AnyAsync(c => c.ApplicantId == id))
        {
            Id = id;
            await LoadListsAsync();
            ModelState.Clear();
            ModelState.AddModelError("", t["Pelamar ini sudah menjadi dasar draf atau kontrak, jadi tidak dapat dihapus; ubah statusnya menjadi Tidak diterima bila perlu."]);
            Input = InputOf(applicant);
            return Page();
        }

        db.Applicants.Remove(applicant);
        await db.SaveChangesAsync();
        return Redirect($"/kontrak/pelamar?aturan={applicant.RuleSetId}");
    }

    static ApplicantInput InputOf(Applicant a) => new()
    {
        PuskesmasId = a.InstitutionId, RuleSetId = a.RuleSetId, FullName = a.FullName, Education = a.Education, HealthEducation = a.HealthEducation,
        Major = a.Major, Specialisation = a.Specialisation, School = a.School, ExperienceMonths = a.ExperienceMonths, ExperienceNote = a.ExperienceNote,
        MetCriterionIds = [.. a.MetCriterionIds], Status = a.Status,
    };

    async Task LoadListsAsync()
    {
        RuleSets = await db.ContractRuleSets.Include(r => r.Criteria).OrderBy(r => r.Id).ToListAsync();
        var visible = db.Actor.VisibleInstitutionIds;
        Puskesmas = await db.Institutions.Where(i => i.Kind == InstitutionKind.Puskesmas && (visible == null || visible.Contains(i.Id)))
            .OrderBy(i => i.Id).ToListAsync();
    }
}
