using Kinerja.Data;
using Kinerja.Data.Audit;
using Kinerja.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Web.Features.Runs;

/// <summary>/remunerasi/audit: the audit trail of the user's hospital (all institutions for an installation admin), searchable.</summary>
[Authorize(Roles = RunsAccess.AuditReaders)]
public sealed class AuditModel(KinerjaDb db) : PageModel
{
    const int PageSize = 200;

    [BindProperty(SupportsGet = true)]
    public string? Entitas { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Kunci { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Pelaku { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? Dari { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? Sampai { get; set; }

    public IReadOnlyList<string> Entities { get; private set; } = [];

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public int Total { get; private set; }

    public async Task OnGetAsync()
    {
        // Audit entries are not institution rows of the query filter: restrict them here to what the user may see.
        var query = db.AuditEntries.AsNoTracking();
        if (User.VisibleInstitutionIds() is { } visible)
        {
            var ids = visible.ToList();
            query = query.Where(a => a.InstitutionId != null && ids.Contains(a.InstitutionId.Value));
        }

        Entities = await query.Select(a => a.Entity).Distinct().OrderBy(e => e).ToListAsync();
        if (!string.IsNullOrWhiteSpace(Entitas))
            query = query.Where(a => a.Entity == Entitas);
        if (!string.IsNullOrWhiteSpace(Kunci))
            query = query.Where(a => a.EntityKey == Kunci.Trim());
        if (!string.IsNullOrWhiteSpace(Pelaku))
        {
            var actor = Pelaku.Trim().ToLowerInvariant();
            query = query.Where(a => a.Actor.ToLower().Contains(actor));
        }

        // Dates are in WIB (UTC+7), as users read them.
        if (Dari is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(-7);
            query = query.Where(a => a.At >= start);
        }

        if (Sampai is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(-7);
            query = query.Where(a => a.At < end);
        }

        Total = await query.CountAsync();
        Entries = await query.OrderByDescending(a => a.Id).Take(PageSize).ToListAsync();
    }
}
