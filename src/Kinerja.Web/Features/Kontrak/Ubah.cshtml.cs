using System.ComponentModel.DataAnnotations;
using Kinerja.Data;
using Kinerja.Data.Identity;
using Kinerja.Data.Kontrak;
using Kinerja.Engine.Kontrak;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kinerja.Web.Features.Kontrak;

/// <summary>Drafts a contract, or edits a draft (the Dinas). The rules are checked on the contract page and at activation.</summary>
[Authorize(Roles = KontrakRoles.Dinas)]
public sealed class UbahModel(KinerjaDb db, UserManager<AppUser> users, IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed class ContractInput
    {
        [Required(ErrorMessage = "Puskesmas wajib dipilih")]
        public int? PuskesmasId { get; set; }

        [Required(ErrorMessage = "Aturan program wajib dipilih")]
        public int? RuleSetId { get; set; }

        [Required(ErrorMessage = "Pekerjaan wajib diisi"), StringLength(200)]
        public string Position { get; set; } = "Tenaga Promosi Kesehatan";

        public ContractorKind ContractorKind { get; set; }

        [Required(ErrorMessage = "Nama pihak kedua wajib diisi"), StringLength(200)]
        public string ContractorName { get; set; } = "";

        [StringLength(400)]
        public string? ContractorAddress { get; set; }

        public EducationLevel? Education { get; set; }

        public bool HealthEducation { get; set; }

        [StringLength(200)]
        public string? Major { get; set; }

        [StringLength(200)]
        public string? Specialisation { get; set; }

        [Range(0, 600, ErrorMessage = "Pengalaman kerja harus 0 sampai 600 bulan")]
        public int ExperienceMonths { get; set; }

        [StringLength(256)]
        public string? WorkerUserName { get; set; }

        [StringLength(100)]
        public string? Number { get; set; }

        [StringLength(100)]
        public string? FundingSource { get; set; } = "BOK";

        [StringLength(300)]
        public string? BudgetLine { get; set; }

        [StringLength(100)]
        public string? SkNumber { get; set; }

        public DateOnly? SkDate { get; set; }

        [Required(ErrorMessage = "Tanggal mulai wajib diisi")]
        public DateOnly? Start { get; set; }

        [Required(ErrorMessage = "Tanggal selesai wajib diisi")]
        public DateOnly? End { get; set; }

        [Required(ErrorMessage = "Honor bulanan wajib diisi"), Range(0, 1_000_000_000, ErrorMessage = "Honor bulanan harus Rupiah bulat 0 atau lebih")]
        public decimal? MonthlyHonorarium { get; set; }

        public bool JknEnrolled { get; set; }

        [StringLength(1000)]
        public string? OtherBenefits { get; set; }
    }

    [BindProperty]
    public ContractInput Input { get; set; } = new();

    public int? Id { get; private set; }

    public int? ApplicantId { get; private set; }

    public IReadOnlyList<Institution> Puskesmas { get; private set; } = [];

    public IReadOnlyList<ContractRuleSet> RuleSets { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, [FromQuery(Name = "pelamar")] int? applicantId)
    {
        Id = id;
        await LoadListsAsync();
        if (id is int contractId)
        {
            var contract = await db.Contracts.SingleOrDefaultAsync(c => c.Id == contractId);
            if (contract is null)
                return NotFound();
            if (contract.Status != ContractStatus.Draft)
                return RedirectToPage("Detail", new { id = contractId });
            Input = await ToInputAsync(contract);
        }
        else if (applicantId is int a && await db.Applicants.SingleOrDefaultAsync(x => x.Id == a) is { } applicant)
        {
            ApplicantId = a;
            var ruleSet = RuleSets.FirstOrDefault(r => r.Id == applicant.RuleSetId);
            Input = new ContractInput
            {
                PuskesmasId = applicant.InstitutionId, RuleSetId = applicant.RuleSetId, ContractorName = applicant.FullName,
                Education = applicant.Education, HealthEducation = applicant.HealthEducation, Major = applicant.Major,
                Specialisation = applicant.Specialisation, ExperienceMonths = applicant.ExperienceMonths,
                FundingSource = ruleSet?.FundingSource ?? "BOK", JknEnrolled = true,
            };
        }
        else
        {
            Input.RuleSetId = RuleSets.Count > 0 ? RuleSets[0].Id : null;
            Input.JknEnrolled = true;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, [FromQuery(Name = "pelamar")] int? applicantId)
    {
        Id = id;
        await LoadListsAsync();
        var puskesmas = Puskesmas.FirstOrDefault(p => p.Id == Input.PuskesmasId);
        if (Input.PuskesmasId is not null && puskesmas is null)
            ModelState.AddModelError("Input.PuskesmasId", t["Puskesmas tidak ditemukan atau bukan wilayah Anda."]);
        if (Input.RuleSetId is not null && RuleSets.All(r => r.Id != Input.RuleSetId))
            ModelState.AddModelError("Input.RuleSetId", t["Aturan program tidak ditemukan."]);
        if (Input.MonthlyHonorarium is decimal h && h != decimal.Truncate(h))
            ModelState.AddModelError("Input.MonthlyHonorarium", t["Honor bulanan harus Rupiah bulat 0 atau lebih"]);
        string? workerId = null;
        if (!string.IsNullOrWhiteSpace(Input.WorkerUserName))
        {
            workerId = (await users.FindByNameAsync(Input.WorkerUserName.Trim()))?.Id;
            if (workerId is null)
                ModelState.AddModelError("Input.WorkerUserName", t["Akun \"{0}\" tidak ditemukan.", Input.WorkerUserName]);
        }
        if (!ModelState.IsValid)
            return Page();

        Contract contract;
        if (id is int contractId)
        {
            var found = await db.Contracts.SingleOrDefaultAsync(c => c.Id == contractId);
            if (found is null)
                return NotFound();
            if (found.Status != ContractStatus.Draft)
            {
                ModelState.AddModelError("", t["Hanya draf yang dapat diubah."]);
                return Page();
            }
            contract = found;
        }
        else
        {
            contract = new Contract
            {
                Position = "", ContractorName = "", Status = ContractStatus.Draft, CreatedAt = db.Clock.GetUtcNow().UtcDateTime,
                ApplicantId = applicantId,
            };
            db.Contracts.Add(contract);
        }
        contract.InstitutionId = puskesmas!.Id;
        contract.DinasId = puskesmas.ParentId ?? puskesmas.Id;
        contract.RuleSetId = Input.RuleSetId!.Value;
        contract.Position = Input.Position.Trim();
        contract.ContractorKind = Input.ContractorKind;
        contract.ContractorName = Input.ContractorName.Trim();
        contract.ContractorAddress = Input.ContractorAddress?.Trim();
        contract.Education = Input.Education;
        contract.HealthEducation = Input.HealthEducation;
        contract.Major = Input.Major?.Trim();
        contract.Specialisation = Input.Specialisation?.Trim();
        contract.ExperienceMonths = Input.ExperienceMonths;
        contract.WorkerUserId = workerId;
        contract.Number = Input.Number?.Trim();
        contract.FundingSource = Input.FundingSource?.Trim();
        contract.BudgetLine = Input.BudgetLine?.Trim();
        contract.SkNumber = Input.SkNumber?.Trim();
        contract.SkDate = Input.SkDate;
        contract.Start = Input.Start!.Value;
        contract.End = Input.End!.Value;
        contract.MonthlyHonorarium = Input.MonthlyHonorarium!.Value;
        contract.JknEnrolled = Input.JknEnrolled;
        contract.OtherBenefits = Input.OtherBenefits?.Trim();
        // Members belong to the puskesmas too, so they follow a change of puskesmas.
        foreach (var member in await db.ContractTeamMembers.Where(m => m.ContractId == contract.Id).ToListAsync())
            member.InstitutionId = contract.InstitutionId;
        await db.SaveChangesAsync();
        return Redirect($"/kontrak/{contract.Id}?disimpan=1");
    }

    async Task LoadListsAsync()
    {
        var visible = db.Actor.VisibleInstitutionIds;
        Puskesmas = await db.Institutions
            .Where(i => i.Kind == InstitutionKind.Puskesmas && (visible == null || visible.Contains(i.Id)))
            .OrderBy(i => i.Id).ToListAsync();
        RuleSets = await db.ContractRuleSets.OrderBy(r => r.Id).ToListAsync();
    }

    async Task<ContractInput> ToInputAsync(Contract c) => new()
    {
        PuskesmasId = c.InstitutionId, RuleSetId = c.RuleSetId, Position = c.Position, ContractorKind = c.ContractorKind,
        ContractorName = c.ContractorName, ContractorAddress = c.ContractorAddress, Education = c.Education, HealthEducation = c.HealthEducation,
        Major = c.Major, Specialisation = c.Specialisation, ExperienceMonths = c.ExperienceMonths,
        WorkerUserName = c.WorkerUserId is null ? null : (await users.FindByIdAsync(c.WorkerUserId))?.UserName,
        Number = c.Number, FundingSource = c.FundingSource, BudgetLine = c.BudgetLine, SkNumber = c.SkNumber, SkDate = c.SkDate,
        Start = c.Start, End = c.End, MonthlyHonorarium = c.MonthlyHonorarium, JknEnrolled = c.JknEnrolled, OtherBenefits = c.OtherBenefits,
    };
}
