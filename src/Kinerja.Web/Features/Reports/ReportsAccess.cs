using System.Security.Claims;
using Kinerja.Data;
using Kinerja.Data.Identity;
using Kinerja.Data.Remunerasi;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Web.Features.Reports;

/// <summary>Who reads the reports and who may change anything from them (product.md §1).</summary>
public static class ReportsAccess
{
    /// <summary>Monitoring and reports: the directors and the team; the Dewan Pengawas reads (oversight).</summary>
    public const string Readers = Roles.Direksi + "," + Roles.TimRemunerasi + "," + Roles.Admin + "," + Roles.DewanPengawas;

    /// <summary>Simulation: the directors and the team who prepare the rules.</summary>
    public const string Simulators = Roles.Direksi + "," + Roles.TimRemunerasi + "," + Roles.Admin;

    /// <summary>
    /// May this user change something as <paramref name="role"/>? The Dewan Pengawas oversees and never changes
    /// anything, even if an account were given another role beside it.
    /// </summary>
    public static bool MayChange(ClaimsPrincipal user, string role) =>
        user.IsInRole(role) && !user.IsInRole(Roles.DewanPengawas);
}

/// <summary>Which monthly run stands for a month in the reports.</summary>
public static class RunSelection
{
    /// <summary>
    /// The current version of each month of <paramref name="year"/>: the latest version that is not superseded, any
    /// status (monitoring shows drafts too, marked as such).
    /// </summary>
    public static async Task<List<CalculationRun>> CurrentMonthsAsync(KinerjaDb db, int institutionId, int year, CancellationToken cancellationToken = default)
    {
        var prefix = $"{year:D4}-";
        var runs = await db.CalculationRuns.AsNoTracking()
            .Where(r => r.InstitutionId == institutionId && r.Period.StartsWith(prefix) && r.Status != RunStatus.Superseded)
            .ToListAsync(cancellationToken);
        return runs.Where(r => !r.Period.Contains('Q', StringComparison.Ordinal))
            .GroupBy(r => r.Period)
            .Select(g => g.OrderByDescending(r => r.Version).First())
            .OrderBy(r => r.Period, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The latest approved or paid version of each given month (the numbers that are, or will be, paid).</summary>
    public static async Task<Dictionary<string, CalculationRun>> FinalMonthsAsync(KinerjaDb db, int institutionId, IReadOnlyCollection<string> periods, CancellationToken cancellationToken = default)
    {
        var runs = await db.CalculationRuns.AsNoTracking()
            .Where(r => r.InstitutionId == institutionId && periods.Contains(r.Period) && (r.Status == RunStatus.Approved || r.Status == RunStatus.Paid))
            .ToListAsync(cancellationToken);
        return runs.GroupBy(r => r.Period).ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.Version).First(), StringComparer.Ordinal);
    }
}
