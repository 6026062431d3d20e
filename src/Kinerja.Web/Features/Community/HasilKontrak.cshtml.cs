using Kinerja.Data;
using Kinerja.Data.Kontrak;
using Kinerja.Engine.Kontrak;
using Kinerja.Web.Features.Kontrak;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Web.Features.Community;

/// <summary>
/// What the community reads of the output-based contracts (product.md §2): per kabupaten/kota, how many contracts run
/// and of which kind, the verified achievement month by month, and contract workers against civil servants on the same
/// targets. Aggregates only: no names, no honoraria, nothing per puskesmas (one promkes worker per puskesmas would make
/// a puskesmas figure a person's). Months count once they are over; the current month is still being reported.
/// </summary>
public sealed class HasilKontrakModel(KinerjaDb db) : PageModel
{
    public sealed record Region(string Dinas, string? KabupatenKota, int Puskesmas, int Persons, int Teams, int Institutions,
        IReadOnlyList<MonthAchievement> Months, decimal? Year, PnsComparison? AgainstPns);

    [BindProperty(SupportsGet = true, Name = "tahun")]
    public int? Year { get; set; }

    public int ReportYear { get; private set; }

    public IReadOnlyList<Region> Regions { get; private set; } = [];

    public IReadOnlyList<DateOnly> Months { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var today = KontrakClock.Today(db.Clock);
        ReportYear = Year is >= 2000 and <= 2100 ? Year.Value : today.Year;
        var first = new DateOnly(ReportYear, 1, 1);
        var closed = ContractMath.MonthOf(today); // months before this one are over
        // Public: the whole installation, read past the institution filter, aggregated before it leaves this method.
        var institutions = await db.Institutions.IgnoreQueryFilters().AsNoTracking()
            .Where(i => i.Kind == InstitutionKind.DinasKesehatan || i.Kind == InstitutionKind.Puskesmas).ToListAsync();
        var contracts = await db.Contracts.IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.Status != ContractStatus.Draft && c.Start <= new DateOnly(ReportYear, 12, 31) && c.End >= first)
            .Select(c => new { c.InstitutionId, c.DinasId, c.ContractorKind }).ToListAsync();
        var targets = await db.MonthlyTargets.IgnoreQueryFilters().AsNoTracking()
            .Where(t => t.Month >= first && t.Month < closed && t.Month <= new DateOnly(ReportYear, 12, 1)).ToListAsync();
        var dinasOf = institutions.Where(i => i.Kind == InstitutionKind.Puskesmas && i.ParentId is not null).ToDictionary(i => i.Id, i => i.ParentId!.Value);

        Regions = institutions.Where(i => i.Kind == InstitutionKind.DinasKesehatan).OrderBy(i => i.Name, StringComparer.Ordinal).Select(dinas =>
        {
            var mine = contracts.Where(c => c.DinasId == dinas.Id).ToList();
            var lines = targets.Where(t => dinasOf.GetValueOrDefault(t.InstitutionId) == dinas.Id).ToList();
            var months = Achievement.ByMonth(lines.Select(t => t.ToLine()));
            var verified = lines.Where(t => t.Status == TargetStatus.Verified).Select(t => t.ToLine());
            return new Region(dinas.Name, dinas.KabupatenKota, mine.Select(c => c.InstitutionId).Distinct().Count(),
                mine.Count(c => c.ContractorKind == ContractorKind.Person), mine.Count(c => c.ContractorKind == ContractorKind.Team),
                mine.Count(c => c.ContractorKind == ContractorKind.Institution), months, Achievement.OverContract(months), Achievement.AgainstPns(verified));
        }).Where(r => r.Puskesmas > 0).ToList();
        Months = Regions.SelectMany(r => r.Months.Select(m => m.Month)).Distinct().Order().ToList();
    }
}
