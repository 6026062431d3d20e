using Kinerja.Data;
using Kinerja.Data.Community;
using Kinerja.Data.Identity;
using Kinerja.Web.Features.Community.Alerts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kinerja.Web.Features.Community.Admin;

/// <summary>The alert outbox for the admin: what failed and why, what is retrying, and a button to try a failed one again.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed class KotakKeluarModel(KinerjaDb db, IEnumerable<IAlertChannel> channels, IStringLocalizer<SharedResource> t) : PageModel
{
    public IReadOnlyList<OutboxMessage> Failed { get; private set; } = [];

    public IReadOnlyList<OutboxMessage> Retrying { get; private set; } = [];

    public IReadOnlyList<OutboxMessage> RecentlySent { get; private set; } = [];

    public int Waiting { get; private set; }

    public IReadOnlyList<IAlertChannel> Channels { get; } = channels.ToList();

    public async Task OnGetAsync()
    {
        Failed = await db.OutboxMessages.AsNoTracking().Where(m => m.FailedAt != null).OrderByDescending(m => m.FailedAt).Take(200).ToListAsync();
        Retrying = await db.OutboxMessages.AsNoTracking().Where(m => m.SentAt == null && m.FailedAt == null && m.Attempts > 0)
            .OrderBy(m => m.NextAttemptAt).Take(200).ToListAsync();
        RecentlySent = await db.OutboxMessages.AsNoTracking().Where(m => m.SentAt != null).OrderByDescending(m => m.SentAt).Take(20).ToListAsync();
        Waiting = await db.OutboxMessages.CountAsync(m => m.SentAt == null && m.FailedAt == null);
    }

    public async Task<IActionResult> OnPostUlangiAsync(long id)
    {
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var reset = await db.OutboxMessages.Where(m => m.Id == id && m.SentAt == null && m.FailedAt != null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.FailedAt, (DateTime?)null).SetProperty(m => m.Attempts, 0)
                .SetProperty(m => m.NextAttemptAt, now));
        TempData["Pesan"] = reset == 1 ? t["Pemberitahuan dijadwalkan ulang."].Value : t["Pemberitahuan tidak ditemukan atau sudah terkirim."].Value;
        return RedirectToPage();
    }
}
