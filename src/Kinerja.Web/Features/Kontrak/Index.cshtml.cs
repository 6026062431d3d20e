using Kinerja.Data;
using Kinerja.Data.Kontrak;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Web.Features.Kontrak;

/// <summary>The contracts the user may see (a Dinas: its puskesmas'; a Kepala Puskesmas: their own), with the expiry alert.</summary>
[Authorize(Roles = KontrakRoles.Viewers)]
public sealed class IndexModel(KinerjaDb db) : PageModel
{
    public sealed record Row(int Id, string Puskesmas, string Contractor, string Kind, string Position, DateOnly Start, DateOnly End,
        decimal Honorarium, ContractStatus Status, int? DaysLeft);

    [BindProperty(SupportsGet = true, Name = "puskesmas")]
    public int? PuskesmasId { get; set; }

    [BindProperty(SupportsGet = true, Name = "status")]
    public ContractStatus? Status { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public IReadOnlyList<Row> Expiring { get; private set; } = [];

    public IReadOnlyList<Institution> Puskesmas { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync()
    {
        Today = KontrakClock.Today(db.Clock);
        var visible = db.Actor.VisibleInstitutionIds;
        Puskesmas = await db.Institutions
            .Where(i => i.Kind == InstitutionKind.Puskesmas && (visible == null || visible.Contains(i.Id)))
            .OrderBy(i => i.Id).ToListAsync();
        var contracts = await db.Contracts.Include(c => c.Institution)
            .Where(c => PuskesmasId == null || c.InstitutionId == PuskesmasId)
            .OrderBy(c => c.InstitutionId).ThenByDescending(c => c.Start)
            .ToListAsync();
        var rows = contracts
            .Select(c =>
            {
                var status = c.StatusOn(Today);
                int? daysLeft = status == ContractStatus.Active && c.RenewedToId is null ? c.End.DayNumber - Today.DayNumber : null;
                return new Row(c.Id, c.Institution!.Name, c.ContractorName, KontrakLabels.Kind(c.ContractorKind), c.Position, c.Start, c.EffectiveEnd,
                    c.MonthlyHonorarium, status, daysLeft);
            })
            .ToList();
        Expiring = rows.Where(r => r.DaysLeft is >= 0 and <= KontrakClock.ExpiryAlertDays).OrderBy(r => r.DaysLeft).ToList();
        Rows = rows.Where(r => Status == null || r.Status == Status).ToList();
    }
}
