using Kinerja.Data;
using Kinerja.Data.Kontrak;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Web.Features.Kontrak;

/// <summary>The Dinas's rule sets: the 2016 BOK rules as data, with their source, and the Dinas's own criteria.</summary>
[Authorize(Roles = KontrakRoles.Dinas)]
public sealed class AturanModel(KinerjaDb db) : PageModel
{
    public IReadOnlyList<ContractRuleSet> RuleSets { get; private set; } = [];

    public async Task OnGetAsync() =>
        RuleSets = await db.ContractRuleSets.Include(r => r.Criteria).OrderBy(r => r.Id).ToListAsync();
}
