using Kinerja.Data;
using Kinerja.Data.Community;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Web.Features.Community;

/// <summary>Every period, newest first, with its state and number of published comments.</summary>
[AllowAnonymous]
public sealed class ArsipModel(KinerjaDb db, TimeProvider clock) : PageModel
{
    public sealed record Row(DiscussionPeriod Period, PeriodState State, int Comments, int Briefs);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var today = KomunitasClock.Today(clock);
        var periods = await db.DiscussionPeriods.AsNoTracking().OrderByDescending(p => p.Number).ToListAsync();
        var counts = await db.Comments.Where(c => c.Status == CommentStatus.Tayang && c.DeletedAt == null)
            .GroupBy(c => c.PeriodId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count);
        var briefs = await db.LibraryItems.Where(i => i.PeriodId != null)
            .GroupBy(i => i.PeriodId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count);
        Rows = periods.Select(p => new Row(p, p.StateOn(today), counts.GetValueOrDefault(p.Id), briefs.GetValueOrDefault(p.Id))).ToList();
    }
}
