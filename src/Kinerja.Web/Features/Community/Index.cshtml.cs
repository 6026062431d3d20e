using Kinerja.Data;
using Kinerja.Data.Community;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Web.Features.Community;

/// <summary>The front page: mission, members, how to join, the current period and the archive.</summary>
[AllowAnonymous]
public sealed class IndexModel(KinerjaDb db, TimeProvider clock) : PageModel
{
    public IReadOnlyDictionary<string, CommunityPage> Pages { get; private set; } = new Dictionary<string, CommunityPage>();

    public IReadOnlyList<DiscussionPeriod> Periods { get; private set; } = [];

    public IReadOnlyList<DiscussionPeriod> Current { get; private set; } = [];

    public IReadOnlyList<LibraryItem> LatestLibrary { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync()
    {
        Today = KomunitasClock.Today(clock);
        Pages = await db.CommunityPages.AsNoTracking().ToDictionaryAsync(p => p.Key);
        Periods = await db.DiscussionPeriods.AsNoTracking().OrderBy(p => p.Number).ToListAsync();
        Current = Periods.Where(p => p.StateOn(Today) == PeriodState.Berjalan).ToList();
        LatestLibrary = await db.LibraryItems.AsNoTracking().OrderByDescending(i => i.AddedAt).ThenByDescending(i => i.Id).Take(3).ToListAsync();
    }
}
