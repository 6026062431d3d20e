using System.Security.Claims;
using Kinerja.Data;
using Kinerja.Data.Identity;
using Kinerja.Data.Kontrak;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Web.Features.Kontrak;

/// <summary>Files of a contract: the Surat Perjanjian Kerja as PDF and the evidence of achievement reports.</summary>
public static class KontrakEndpoints
{
    public static IEndpointRouteBuilder MapKontrakEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/kontrak").RequireAuthorization();
        group.MapGet("/{id:int}/spk.pdf", SpkAsync);
        group.MapGet("/bukti/{targetId:int}", EvidenceAsync);
        return app;
    }

    /// <summary>
    /// The Dinas and the Kepala Puskesmas see what the institution filter lets them; anyone else only their own
    /// contract (the worker's account may belong to the puskesmas without being allowed its other contracts).
    /// </summary>
    static bool MaySee(ClaimsPrincipal user, Contract contract) =>
        user.IsInRole(Roles.Admin) || user.IsInRole(Roles.DinasKesehatan) || user.IsInRole(Roles.KepalaPuskesmas)
        || (contract.WorkerUserId is not null && contract.WorkerUserId == user.FindFirstValue(ClaimTypes.NameIdentifier));

    static async Task<IResult> SpkAsync(int id, ClaimsPrincipal user, KinerjaDb db, CancellationToken ct)
    {
        var contract = await db.Contracts.Include(c => c.Members).SingleOrDefaultAsync(c => c.Id == id, ct);
        if (contract is null || !MaySee(user, contract))
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Kontrak tidak ditemukan / contract not found");
        var puskesmas = await db.Institutions.IgnoreQueryFilters().SingleAsync(i => i.Id == contract.InstitutionId, ct);
        var dinas = await db.Institutions.IgnoreQueryFilters().SingleOrDefaultAsync(i => i.Id == contract.DinasId, ct);
        var ruleSet = await db.RuleSetOfAsync(contract, ct);
        var umk = (await db.UmkTableAsync(puskesmas.KabupatenKota, ct)).FirstOrDefault(u => u.Year == contract.Start.Year);
        // The targets shown are the first month's written targets, the ones the worker starts with.
        var firstMonth = await db.MonthlyTargets.Where(t => t.ContractId == id).OrderBy(t => t.Month).Select(t => (DateOnly?)t.Month).FirstOrDefaultAsync(ct);
        var targets = firstMonth is null ? [] : await db.MonthlyTargets.Where(t => t.ContractId == id && t.Month == firstMonth).OrderBy(t => t.Id).ToListAsync(ct);
        var bytes = SpkPdf.Render(new SpkPdf.Data(contract, puskesmas, dinas, ruleSet, umk, targets, firstMonth));
        return TypedResults.File(bytes, "application/pdf");
    }

    static async Task<IResult> EvidenceAsync(int targetId, ClaimsPrincipal user, KinerjaDb db, EvidenceStore store, CancellationToken ct)
    {
        var target = await db.MonthlyTargets.Include(t => t.Contract).SingleOrDefaultAsync(t => t.Id == targetId, ct);
        if (target?.Contract is null || !MaySee(user, target.Contract) || target.EvidenceStoredName is null
            || store.Open(target.EvidenceStoredName) is not { } stream)
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Bukti tidak ditemukan / evidence not found");
        return TypedResults.File(stream, target.EvidenceContentType ?? "application/octet-stream", target.EvidenceFileName);
    }
}
