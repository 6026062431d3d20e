using System.Globalization;
using Kinerja.Data;
using Kinerja.Data.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kinerja.Web.Features.Admin;

/// <summary>
/// /admin/institusi/baru creates an institution, /admin/institusi/{id} edits it (its code stays). The rules are
/// <see cref="InstitutionRules"/>, the same the CLI applies; the change is audited (Institution is IAudited).
/// </summary>
[Authorize(Roles = Roles.Admin)]
public sealed class InstitusiFormModel(KinerjaDb db, IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed class InstitutionForm
    {
        public string? Code { get; set; }

        public string? Name { get; set; }

        public string? Kind { get; set; }

        public string? Parent { get; set; }

        public string? KmkCluster { get; set; }

        public string? KabupatenKota { get; set; }

        public string? Provinsi { get; set; }
    }

    [BindProperty]
    public InstitutionForm Input { get; set; } = new();

    public bool IsNew { get; private set; }

    public string? Title { get; private set; }

    /// <summary>The Dinas Kesehatan a puskesmas can be under.</summary>
    public IReadOnlyList<Institution> Dinas { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id)
    {
        var institution = await FindAsync(id);
        if (institution is null)
            return NotFound();
        if (!IsNew)
        {
            Input = new InstitutionForm
            {
                Code = institution.Code, Name = institution.Name, Kind = institution.Kind.ToString(), Parent = institution.Parent?.Code,
                KmkCluster = institution.KmkCluster, KabupatenKota = institution.KabupatenKota, Provinsi = institution.Provinsi,
            };
        }

        await LoadAsync(institution);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id)
    {
        var institution = await FindAsync(id);
        if (institution is null)
            return NotFound();
        ModelState.Clear(); // every field is text: InstitutionRules is the one place that judges them
        var errors = await InstitutionRules.ApplyAsync(db, new InstitutionInput(
            Input.Code, Input.Name, Input.Kind, Input.Parent, Input.KmkCluster, Input.KabupatenKota, Input.Provinsi), institution, HttpContext.RequestAborted);
        if (errors.Count > 0)
        {
            AdminText.AddErrors(ModelState, errors);
            Input.Code = IsNew ? Input.Code : institution.Code;
            await LoadAsync(institution);
            return Page();
        }

        if (IsNew)
            db.Institutions.Add(institution);
        await db.SaveChangesAsync(HttpContext.RequestAborted);
        TempData["Notice"] = t["Institusi {0} disimpan.", institution.Name].Value;
        return Redirect("/admin/institusi");
    }

    /// <summary>A new, unsaved institution for "baru"; the stored one (with its parent) for an id; null when there is none.</summary>
    async Task<Institution?> FindAsync(string id)
    {
        IsNew = id == "baru";
        if (IsNew)
            return new Institution { Code = "", Name = "" };
        if (!int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var institutionId))
            return null;
        return await db.Institutions.Include(i => i.Parent).FirstOrDefaultAsync(i => i.Id == institutionId, HttpContext.RequestAborted);
    }

    async Task LoadAsync(Institution institution)
    {
        Title = IsNew ? null : institution.Name;
        Dinas = await db.Institutions.AsNoTracking()
            .Where(i => i.Kind == InstitutionKind.DinasKesehatan && i.Id != institution.Id)
            .OrderBy(i => i.Name).ToListAsync(HttpContext.RequestAborted);
    }
}
