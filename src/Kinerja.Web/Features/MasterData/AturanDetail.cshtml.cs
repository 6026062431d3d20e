using System.Globalization;
using Kinerja.Data;
using Kinerja.Data.Remunerasi;
using Kinerja.Engine;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kinerja.Web.Features.MasterData;

/// <summary>
/// One rule-set version: every list, what changed since the version it was copied from, and its way from draft to
/// approved: the Tim Remunerasi submits, the Direksi approves or returns it. An approved set is never edited: the
/// data layer refuses (RemunerasiGuard), and this page says so.
/// </summary>
[Authorize(Roles = RemunerasiAccess.Viewers)]
public sealed class AturanDetailModel(KinerjaDb db, IStringLocalizer<SharedResource> t) : PageModel
{
    public RuleSet Set { get; private set; } = null!;

    public RuleSetProposal? Proposal { get; private set; }

    public RuleSetStage Stage { get; private set; }

    public IReadOnlyList<RuleChange> Changes { get; private set; } = [];

    public IReadOnlyList<CaseError> Problems { get; private set; } = [];

    public bool CanEdit { get; private set; }

    public bool CanApprove { get; private set; }

    public string? Message { get; private set; }

    public string? Refusal { get; private set; }

    [BindProperty]
    public string? ReturnNote { get; set; }

    public bool Editable => Stage != RuleSetStage.Approved && CanEdit;

    public async Task<IActionResult> OnGetAsync(int id, string? pesan)
    {
        if (!await LoadAsync(id))
            return NotFound();
        Message = pesan switch
        {
            "diajukan" => t["Draf diajukan ke Direksi untuk ditetapkan."].Value,
            "ditetapkan" => t["Aturan ditetapkan. Perhitungan memakai versi ini mulai {0}.", Infrastructure.Format.Date(Set.EffectiveFrom)].Value,
            "dikembalikan" => t["Draf dikembalikan ke Tim Remunerasi."].Value,
            _ => null,
        };
        return Page();
    }

    /// <summary>The Tim Remunerasi submits the draft to the Direksi.</summary>
    public async Task<IActionResult> OnPostAjukanAsync(int id)
    {
        if (!RemunerasiAccess.CanEdit(User))
            return StatusCode(StatusCodes.Status403Forbidden);
        if (!await LoadAsync(id, track: true))
            return NotFound();
        if (Stage == RuleSetStage.Approved)
            return Refuse(t["Aturan versi {0} sudah ditetapkan.", Set.Version]);
        if (Problems.Count > 0)
            return Refuse(t["Draf belum dapat diajukan: perbaiki dulu masalah di bawah."]);
        Proposal ??= NewProposal();
        Proposal.SubmittedBy = User.Identity?.Name ?? "?";
        Proposal.SubmittedAt = db.Clock.GetUtcNow().UtcDateTime;
        Proposal.ReturnNote = null;
        Proposal.ReturnedBy = null;
        Proposal.ReturnedAt = null;
        return await SaveAsync("diajukan");
    }

    /// <summary>The Direksi (for the Direktur Utama) approves a submitted draft: from now on it is never edited.</summary>
    public async Task<IActionResult> OnPostTetapkanAsync(int id)
    {
        if (!RemunerasiAccess.CanApprove(User))
            return StatusCode(StatusCodes.Status403Forbidden);
        if (!await LoadAsync(id, track: true))
            return NotFound();
        if (Stage == RuleSetStage.Approved)
            return Refuse(t["Aturan versi {0} sudah ditetapkan.", Set.Version]);
        if (Stage != RuleSetStage.Submitted)
            return Refuse(t["Draf ini belum diajukan oleh Tim Remunerasi."]);
        if (Problems.Count > 0)
            return Refuse(t["Aturan ini belum dapat ditetapkan: perbaiki dulu masalah di bawah."]);
        if (await RuleSets.DecidedPeriodFromAsync(db, Set.InstitutionId, Set.EffectiveFrom, HttpContext.RequestAborted) is string decided)
            return Refuse(t["Periode {0} sudah disetujui atau dibayar dengan aturan yang berlaku: versi baru harus berlaku sesudahnya.", decided]);
        Set.Status = RuleSetStatus.Approved;
        Set.ApprovedBy = User.Identity?.Name ?? "?";
        Set.ApprovedAt = db.Clock.GetUtcNow().UtcDateTime;
        return await SaveAsync("ditetapkan");
    }

    /// <summary>The Direksi returns a submitted draft with the reason.</summary>
    public async Task<IActionResult> OnPostKembalikanAsync(int id)
    {
        if (!RemunerasiAccess.CanApprove(User))
            return StatusCode(StatusCodes.Status403Forbidden);
        if (!await LoadAsync(id, track: true))
            return NotFound();
        if (Stage != RuleSetStage.Submitted)
            return Refuse(t["Draf ini belum diajukan oleh Tim Remunerasi."]);
        if (string.IsNullOrWhiteSpace(ReturnNote))
        {
            ModelState.AddModelError(nameof(ReturnNote), t["Alasan pengembalian wajib diisi."]);
            return Page();
        }

        Proposal!.SubmittedAt = null;
        Proposal.SubmittedBy = null;
        Proposal.ReturnedBy = User.Identity?.Name ?? "?";
        Proposal.ReturnedAt = db.Clock.GetUtcNow().UtcDateTime;
        Proposal.ReturnNote = ReturnNote.Trim().Length > 2000 ? ReturnNote.Trim()[..2000] : ReturnNote.Trim();
        return await SaveAsync("dikembalikan");
    }

    /// <summary>The Tim Remunerasi throws a draft away (each of its rows is audited as deleted).</summary>
    public async Task<IActionResult> OnPostHapusAsync(int id)
    {
        if (!RemunerasiAccess.CanEdit(User))
            return StatusCode(StatusCodes.Status403Forbidden);
        if (!await LoadAsync(id, track: true))
            return NotFound();
        if (Proposal is not null)
            db.RuleSetProposals.Remove(Proposal);
        db.ServiceRates.RemoveRange(Set.Services);
        db.StratificationCriteria.RemoveRange(Set.Criteria);
        db.StarLevels.RemoveRange(Set.Stars);
        db.QualityIndicators.RemoveRange(Set.QualityIndicators);
        db.QualityBands.RemoveRange(Set.QualityBands);
        db.AddedValueActivities.RemoveRange(Set.Activities);
        db.DutyShifts.RemoveRange(Set.DutyShifts);
        db.RuleSets.Remove(Set);
        try
        {
            await db.SaveChangesAsync(HttpContext.RequestAborted);
        }
        catch (ClosedRecordException refused)
        {
            return Refuse(Say(refused));
        }

        return Redirect("/remunerasi/aturan");
    }

    async Task<IActionResult> SaveAsync(string done)
    {
        try
        {
            await db.SaveChangesAsync(HttpContext.RequestAborted);
        }
        catch (ClosedRecordException refused)
        {
            return Refuse(Say(refused));
        }

        return Redirect($"/remunerasi/aturan/{Set.Id.ToString(CultureInfo.InvariantCulture)}?pesan={done}");
    }

    IActionResult Refuse(string message)
    {
        Refusal = message;
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    /// <summary>The guard's refusal in the language of the page.</summary>
    public static string Say(ClosedRecordException refused) =>
        Infrastructure.Format.English && refused.English.Length > 0 ? refused.English : refused.Message;

    RuleSetProposal NewProposal()
    {
        var proposal = new RuleSetProposal
        {
            InstitutionId = Set.InstitutionId, RuleSetId = Set.Id, ProposedBy = User.Identity?.Name ?? "?", ProposedAt = db.Clock.GetUtcNow().UtcDateTime,
        };
        db.RuleSetProposals.Add(proposal);
        return proposal;
    }

    async Task<bool> LoadAsync(int id, bool track = false)
    {
        CanEdit = RemunerasiAccess.CanEdit(User);
        CanApprove = RemunerasiAccess.CanApprove(User);
        var hospital = await RemunerasiAccess.HospitalAsync(db, User, HttpContext.RequestAborted);
        if (hospital is null)
            return false;
        var query = RuleSets.Full(db);
        var set = await (track ? query : query.AsNoTracking()).FirstOrDefaultAsync(r => r.Id == id && r.InstitutionId == hospital.Id, HttpContext.RequestAborted);
        if (set is null)
            return false;
        Set = set;
        var proposals = db.RuleSetProposals.Where(p => p.RuleSetId == id);
        Proposal = await (track ? proposals : proposals.AsNoTracking()).FirstOrDefaultAsync(HttpContext.RequestAborted);
        Stage = RuleSets.Stage(set, Proposal);
        Problems = RuleSets.Check(set);
        if (Proposal?.BasedOnVersion is int basedOn)
        {
            var source = await RuleSets.Full(db).AsNoTracking()
                .FirstOrDefaultAsync(r => r.InstitutionId == hospital.Id && r.Version == basedOn, HttpContext.RequestAborted);
            if (source is not null)
                Changes = RuleSets.Diff(source, set, s => t[s]);
        }

        return true;
    }
}
