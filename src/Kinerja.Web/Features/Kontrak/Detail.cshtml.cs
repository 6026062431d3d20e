using System.ComponentModel.DataAnnotations;
using Kinerja.Data;
using Kinerja.Data.Identity;
using Kinerja.Data.Kontrak;
using Kinerja.Engine.Kontrak;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kinerja.Web.Features.Kontrak;

/// <summary>
/// The contract page: its terms, the rule check, team members (PNS warned), achievement per month and over the
/// contract, the renewal recommendation; the Dinas activates, terminates and renews here.
/// </summary>
[Authorize(Roles = KontrakRoles.Viewers)]
public sealed class DetailModel(KinerjaDb db, IStringLocalizer<SharedResource> t) : PageModel
{
    public Contract Contract { get; private set; } = null!;

    public ContractRuleSet RuleSet { get; private set; } = null!;

    public IReadOnlyList<RuleViolation> Check { get; private set; } = [];

    public IReadOnlyList<RuleViolation>? Refused { get; private set; }

    public ContractProgress Progress { get; private set; } = null!;

    public string? WorkerUserName { get; private set; }

    public int? RenewalDraftId { get; private set; }

    public ContractStatus Status { get; private set; }

    public DateOnly Today { get; private set; }

    public bool CanManage => KontrakRoles.IsDinas(User);

    public bool IsKapus => User.IsInRole(Roles.KepalaPuskesmas);

    [TempData]
    public string? Notice { get; set; }

    public sealed class TerminateInput
    {
        [Required(ErrorMessage = "Alasan pemutusan wajib diisi"), StringLength(1000)]
        public string Reason { get; set; } = "";

        [Required(ErrorMessage = "Tanggal pemutusan wajib diisi")]
        public DateOnly? On { get; set; }
    }

    public sealed class MemberInput
    {
        [Required(ErrorMessage = "Nama anggota wajib diisi"), StringLength(200)]
        public string Name { get; set; } = "";

        [StringLength(100)]
        public string? Profession { get; set; }

        public bool IsPns { get; set; }

        [StringLength(30)]
        public string? Nip { get; set; }
    }

    [BindProperty]
    public TerminateInput Termination { get; set; } = new();

    [BindProperty]
    public MemberInput Member { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id))
            return NotFound();
        Termination.On = Today;
        return Page();
    }

    public async Task<IActionResult> OnPostActivateAsync(int id)
    {
        if (!CanManage)
            return Forbid();
        if (!await LoadAsync(id))
            return NotFound();
        if (Contract.Status != ContractStatus.Draft)
            return Redirect($"/kontrak/{id}");
        var violations = await db.ActivateAsync(Contract);
        if (violations.Any(v => v.Blocks))
        {
            Refused = violations;
            ModelState.Clear();
            return Page();
        }
        Notice = t["Kontrak diaktifkan."];
        return Redirect($"/kontrak/{id}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id)
    {
        if (!CanManage)
            return Forbid();
        if (!await LoadAsync(id))
            return NotFound();
        if (Contract.Status != ContractStatus.Draft)
            return Redirect($"/kontrak/{id}");
        var renews = Contract.RenewedFromId;
        await db.DeleteDraftAsync(Contract);
        Notice = t["Draf kontrak {0} dihapus.", Contract.ContractorName];
        return Redirect(renews is int previous ? $"/kontrak/{previous}" : "/kontrak");
    }

    public async Task<IActionResult> OnPostTerminateAsync(int id)
    {
        if (!CanManage)
            return Forbid();
        if (!await LoadAsync(id))
            return NotFound();
        ModelState.KeepOnly("Termination");
        if (Contract.Status != ContractStatus.Active)
            ModelState.AddModelError("", t["Hanya kontrak aktif yang dapat diputus."]);
        if (!ModelState.IsValid)
            return Page();
        await db.TerminateAsync(Contract, Termination.Reason, Termination.On!.Value);
        Notice = t["Kontrak diputus."];
        return Redirect($"/kontrak/{id}");
    }

    public async Task<IActionResult> OnPostRenewAsync(int id)
    {
        if (!CanManage)
            return Forbid();
        if (!await LoadAsync(id))
            return NotFound();
        if (Contract.Status != ContractStatus.Active || RenewalDraftId is not null)
            return Redirect($"/kontrak/{id}");
        var (violations, draft) = await db.RenewAsync(Contract);
        if (draft is null)
        {
            Refused = violations;
            ModelState.Clear();
            return Page();
        }
        Notice = t["Draf perpanjangan dibuat. Periksa UMK tahun berikutnya, isi SK-nya, lalu aktifkan."];
        return Redirect($"/kontrak/{draft.Id}");
    }

    public async Task<IActionResult> OnPostAddMemberAsync(int id)
    {
        if (!CanManage)
            return Forbid();
        if (!await LoadAsync(id))
            return NotFound();
        ModelState.KeepOnly("Member");
        if (Contract.Status != ContractStatus.Draft || Contract.ContractorKind != ContractorKind.Team)
            ModelState.AddModelError("", t["Anggota hanya dapat diubah pada draf kontrak tim."]);
        if (!ModelState.IsValid)
            return Page();
        db.ContractTeamMembers.Add(new ContractTeamMember
        {
            ContractId = id, InstitutionId = Contract.InstitutionId, Name = Member.Name.Trim(), Profession = Member.Profession?.Trim(),
            IsPns = Member.IsPns, Nip = Member.IsPns ? Member.Nip?.Trim() : null,
        });
        await db.SaveChangesAsync();
        return Redirect($"/kontrak/{id}#anggota");
    }

    public async Task<IActionResult> OnPostRemoveMemberAsync(int id, int memberId)
    {
        if (!CanManage)
            return Forbid();
        if (!await LoadAsync(id))
            return NotFound();
        var member = Contract.Members.SingleOrDefault(m => m.Id == memberId);
        if (member is not null && Contract.Status == ContractStatus.Draft)
        {
            db.ContractTeamMembers.Remove(member);
            await db.SaveChangesAsync();
        }
        return Redirect($"/kontrak/{id}#anggota");
    }

    async Task<bool> LoadAsync(int id)
    {
        var contract = await db.Contracts.Include(c => c.Institution).Include(c => c.Members)
            .SingleOrDefaultAsync(c => c.Id == id);
        if (contract is null)
            return false;
        Contract = contract;
        Today = KontrakClock.Today(db.Clock);
        Status = contract.StatusOn(Today);
        RuleSet = await db.RuleSetOfAsync(contract);
        Check = await db.CheckAsync(contract);
        Progress = await db.ProgressAsync(contract);
        WorkerUserName = contract.WorkerUserId is null ? null
            : await db.Users.Where(u => u.Id == contract.WorkerUserId).Select(u => u.UserName).SingleOrDefaultAsync();
        RenewalDraftId = await db.Contracts.Where(c => c.RenewedFromId == id && c.Status == ContractStatus.Draft)
            .Select(c => (int?)c.Id).FirstOrDefaultAsync();
        return true;
    }
}
