using Kinerja.Data;
using Kinerja.Data.Community;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Web.Features.Community;

/// <summary>Reference documents, policy briefs (with the period that produced them) and meeting records.</summary>
[AllowAnonymous]
public sealed class PerpustakaanModel(KinerjaDb db) : PageModel
{
    public IReadOnlyList<LibraryItem> Items { get; private set; } = [];

    public LibraryKind? Kind { get; private set; }

    public async Task OnGetAsync(LibraryKind? jenis)
    {
        Kind = jenis;
        var query = db.LibraryItems.AsNoTracking().Include(i => i.Files).Include(i => i.Period).AsQueryable();
        if (jenis is { } kind)
            query = query.Where(i => i.Kind == kind);
        Items = (await query.ToListAsync())
            .OrderByDescending(i => i.MeetingDate ?? DateOnly.FromDateTime(i.AddedAt)).ThenByDescending(i => i.Id).ToList();
    }

    public static string KindLabel(LibraryKind kind) => kind switch
    {
        LibraryKind.PolicyBrief => "Policy brief",
        LibraryKind.Pertemuan => "Pertemuan tatap muka",
        _ => "Referensi",
    };

    public static string Size(long bytes) => bytes >= 1024 * 1024 ? $"{bytes / (1024.0 * 1024):0.0} MB" : $"{Math.Max(1, bytes / 1024)} KB";
}
