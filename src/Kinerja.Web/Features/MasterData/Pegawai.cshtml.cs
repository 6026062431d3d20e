using Kinerja.Data;
using Kinerja.Data.Remunerasi;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Web.Features.MasterData;

/// <summary>The hospital's staff: search by name or code, filter by category and KSM/unit, 25 a page.</summary>
[Authorize(Roles = RemunerasiAccess.Viewers)]
public sealed class PegawaiModel(KinerjaDb db) : PageModel
{
    public const int PageSize = 25;

    public sealed record Row(int Id, string Code, string Name, string Category, string? Position, string? Unit, DateOnly? EndDate);

    public string? Q { get; private set; }

    public string? Kategori { get; private set; }

    public string? Unit { get; private set; }

    public int Halaman { get; private set; } = 1;

    public int Total { get; private set; }

    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public IReadOnlyList<string> Units { get; private set; } = [];

    public bool CanEdit { get; private set; }

    public bool NoHospital { get; private set; }

    public async Task OnGetAsync(string? q, string? kategori, string? unit, int halaman = 1)
    {
        CanEdit = RemunerasiAccess.CanEdit(User);
        var hospital = await RemunerasiAccess.HospitalAsync(db, User, HttpContext.RequestAborted);
        if (hospital is null)
        {
            NoHospital = true;
            return;
        }

        Q = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        Kategori = string.IsNullOrWhiteSpace(kategori) ? null : kategori;
        Unit = string.IsNullOrWhiteSpace(unit) ? null : unit;
        var staff = db.Staff.AsNoTracking().Where(s => s.InstitutionId == hospital.Id);
        Units = await staff.Where(s => s.Unit != null).Select(s => s.Unit!).Distinct().OrderBy(u => u).ToListAsync(HttpContext.RequestAborted);
        if (Q is not null)
        {
            var lower = Q.ToLower();
            staff = staff.Where(s => s.Name.ToLower().Contains(lower) || s.Code.ToLower().Contains(lower));
        }

        if (Kategori is not null)
            staff = staff.Where(s => s.Category == Kategori);
        if (Unit is not null)
            staff = staff.Where(s => s.Unit == Unit);
        Total = await staff.CountAsync(HttpContext.RequestAborted);
        Halaman = Math.Clamp(halaman, 1, Pages);
        Rows = await staff.OrderBy(s => s.Ordinal).ThenBy(s => s.Code)
            .Skip((Halaman - 1) * PageSize).Take(PageSize)
            .Select(s => new Row(s.Id, s.Code, s.Name, s.Category, s.Position, s.Unit, s.EndDate))
            .ToListAsync(HttpContext.RequestAborted);
    }

    public string PageLink(int page) => QueryString.Create(new Dictionary<string, string?>
    {
        ["q"] = Q, ["kategori"] = Kategori, ["unit"] = Unit, ["halaman"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(p => p.Value is not null)).ToString();

    public static string CategoryLabel(string code) => StaffForm.CategoryLabel(code);

    public static bool IsMedis(string category) => category == Staff.Medis;
}
