using Kinerja.Data;
using Kinerja.Data.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Web.Features.Admin;

/// <summary>/admin/institusi: every institution of the installation, hospitals first, for the installation administrator.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed class InstitusiModel(KinerjaDb db) : PageModel
{
    public sealed record Row(
        int Id, InstitutionKind Kind, string Code, string Name, string? KabupatenKota, string? Provinsi, string? Parent, string? KmkCluster);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync()
    {
        var rows = await db.Institutions.AsNoTracking()
            .Select(i => new Row(i.Id, i.Kind, i.Code, i.Name, i.KabupatenKota, i.Provinsi, i.Parent == null ? null : i.Parent.Name, i.KmkCluster))
            .ToListAsync(HttpContext.RequestAborted);
        Rows = rows.OrderBy(r => r.Kind).ThenBy(r => r.Name, StringComparer.CurrentCulture).ToList();
    }
}
