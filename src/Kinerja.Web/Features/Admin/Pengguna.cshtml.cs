using System.Globalization;
using Kinerja.Data;
using Kinerja.Data.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Web.Features.Admin;

/// <summary>/admin/pengguna: every account of the installation, by institution, role or a search, 25 a page.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed class PenggunaModel(KinerjaDb db) : PageModel
{
    public const int PageSize = 25;

    public sealed record Row(string Id, string? UserName, string FullName, string? Email, string? Institution, string? StaffCode, DateTimeOffset? LockoutEnd)
    {
        public IReadOnlyList<string> Roles { get; set; } = [];

        public bool Locked { get; set; }
    }

    public string? Q { get; private set; }

    public string? Institusi { get; private set; }

    public string? Peran { get; private set; }

    public int Halaman { get; private set; } = 1;

    public int Total { get; private set; }

    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public IReadOnlyList<Institution> Institutions { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(string? q, string? institusi, string? peran, int halaman = 1)
    {
        var cancel = HttpContext.RequestAborted;
        Q = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        Institusi = string.IsNullOrWhiteSpace(institusi) ? null : institusi;
        Peran = peran is not null && Roles.All.Contains(peran) ? peran : null;
        Institutions = (await db.Institutions.AsNoTracking().ToListAsync(cancel))
            .OrderBy(i => i.Kind).ThenBy(i => i.Name, StringComparer.CurrentCulture).ToList();

        var users = db.Users.AsNoTracking();
        if (Q is not null)
        {
            var lower = Q.ToLower();
            users = users.Where(u => u.UserName!.ToLower().Contains(lower) || u.FullName.ToLower().Contains(lower) || u.Email!.ToLower().Contains(lower));
        }

        if (Institusi is not null)
            users = users.Where(u => u.Institution != null && u.Institution.Code == Institusi);
        if (Peran is not null)
            users = users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Peran)));
        Total = await users.CountAsync(cancel);
        Halaman = Math.Clamp(halaman, 1, Pages);
        Rows = await users.OrderBy(u => u.UserName)
            .Skip((Halaman - 1) * PageSize).Take(PageSize)
            .Select(u => new Row(u.Id, u.UserName, u.FullName, u.Email, u.Institution == null ? null : u.Institution.Name, u.StaffCode, u.LockoutEnd))
            .ToListAsync(cancel);
        var ids = Rows.Select(r => r.Id).ToList();
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ids.Contains(ur.UserId)
                           select new { ur.UserId, r.Name }).ToListAsync(cancel);
        // Lockout ends are compared here: SQLite cannot compare DateTimeOffset values in SQL.
        var now = db.Clock.GetUtcNow();
        foreach (var row in Rows)
        {
            row.Roles = Roles.All.Where(role => roles.Any(r => r.UserId == row.Id && r.Name == role)).ToList();
            row.Locked = row.LockoutEnd > now;
        }
    }

    public string PageLink(int page) => QueryString.Create(new Dictionary<string, string?>
    {
        ["q"] = Q, ["institusi"] = Institusi, ["peran"] = Peran, ["halaman"] = page.ToString(CultureInfo.InvariantCulture),
    }.Where(p => p.Value is not null)).ToString();
}
