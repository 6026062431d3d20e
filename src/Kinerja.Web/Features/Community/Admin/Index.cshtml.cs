using Kinerja.Data;
using Kinerja.Data.Community;
using Kinerja.Data.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Web.Features.Community.Admin;

/// <summary>Managing the portal: pages (admin), periods (admin and moderator), the alert outbox (admin).</summary>
[Authorize(Roles = Roles.Admin + "," + Roles.Moderator)]
public sealed class IndexModel(KinerjaDb db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<CommunityPage> Pages { get; private set; } = [];

    public IReadOnlyList<DiscussionPeriod> Periods { get; private set; } = [];

    public int Members { get; private set; }

    public int Failed { get; private set; }

    public int Waiting { get; private set; }

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync()
    {
        Today = KomunitasClock.Today(clock);
        Pages = (await db.CommunityPages.AsNoTracking().ToListAsync()).OrderBy(p => CommunityPage.Keys.ToList().IndexOf(p.Key)).ToList();
        Periods = await db.DiscussionPeriods.AsNoTracking().OrderByDescending(p => p.Number).ToListAsync();
        Members = await db.CommunityMembers.CountAsync();
        Failed = await db.OutboxMessages.CountAsync(m => m.FailedAt != null);
        Waiting = await db.OutboxMessages.CountAsync(m => m.SentAt == null && m.FailedAt == null);
    }
}
