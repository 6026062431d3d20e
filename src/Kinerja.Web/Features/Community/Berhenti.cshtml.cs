using Kinerja.Data;
using Kinerja.Data.Community;
using Kinerja.Web.Features.Community.Alerts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Web.Features.Community;

/// <summary>
/// The link in every alert. GET only shows a confirmation with one button (link scanners must not
/// unsubscribe anyone); POST turns the channel off. The signed token is the authorisation, so the
/// POST needs no anti-forgery token: mail providers send RFC 8058 one-click POSTs without cookies.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class BerhentiModel(KinerjaDb db, UnsubscribeTokens tokens) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public CommunityMember? Member { get; private set; }

    public AlertChannel Channel { get; private set; }

    public bool Done { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        if (Member is null)
            return Page();
        Membership.SetAlert(db, Member, Channel, false, "tautan-berhenti", "Dicabut melalui tautan berhenti di pemberitahuan.");
        await db.SaveChangesAsync();
        Done = true;
        return Page();
    }

    async Task LoadAsync()
    {
        if (tokens.Read(Token) is not var (memberId, channel))
            return;
        Channel = channel;
        Member = await db.CommunityMembers.Include(m => m.Consents).SingleOrDefaultAsync(m => m.Id == memberId);
        if (Member is not null && !Member.Wants(channel) && HttpMethods.IsGet(Request.Method))
            Done = true;
    }
}
