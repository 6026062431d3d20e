using Kinerja.Data;
using Kinerja.Data.Kontrak;
using Kinerja.Engine.Kontrak;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Web.Features.Kontrak;

/// <summary>Recruitment: applicants screened against the rule set and ranked, preferred majors first among the eligible.</summary>
[Authorize(Roles = KontrakRoles.Dinas)]
public sealed class PelamarModel(KinerjaDb db) : PageModel
{
    public sealed record Row(Applicant Applicant, IReadOnlyList<RuleViolation> Screening, bool Eligible, bool Preferred);

    [BindProperty(SupportsGet = true, Name = "aturan")]
    public int? RuleSetId { get; set; }

    [BindProperty(SupportsGet = true, Name = "puskesmas")]
    public int? PuskesmasId { get; set; }

    public IReadOnlyList<ContractRuleSet> RuleSets { get; private set; } = [];

    public IReadOnlyList<Institution> Puskesmas { get; private set; } = [];

    public ContractRuleSet? RuleSet { get; private set; }

    public IReadOnlyList<Row> Ranked { get; private set; } = [];

    public async Task OnGetAsync()
    {
        RuleSets = await db.ContractRuleSets.Include(r => r.Criteria).OrderBy(r => r.Id).ToListAsync();
        var visible = db.Actor.VisibleInstitutionIds;
        Puskesmas = await db.Institutions.Where(i => i.Kind == InstitutionKind.Puskesmas && (visible == null || visible.Contains(i.Id)))
            .OrderBy(i => i.Id).ToListAsync();
        RuleSet = RuleSets.FirstOrDefault(r => r.Id == RuleSetId) ?? (RuleSets.Count > 0 ? RuleSets[0] : null);
        if (RuleSet is null)
            return;
        var rules = RuleSet.ToRules();
        var applicants = await db.Applicants.Include(a => a.Institution)
            .Where(a => a.RuleSetId == RuleSet.Id && (PuskesmasId == null || a.InstitutionId == PuskesmasId))
            .ToListAsync();
        var screened = applicants.ToDictionary(a => a.Id, a => ContractRules.Screen(rules, a.ToQualification()));
        Ranked = ContractRules.Rank(applicants, a => screened[a.Id], a => a.ToQualification(), a => a.FullName)
            .Select(a => new Row(a, screened[a.Id], !screened[a.Id].Any(v => v.Blocks), ContractRules.IsPreferred(rules, a.ToQualification())))
            .ToList();
    }
}
