using System.Security.Claims;
using System.Text;
using Kinerja.Data;
using Kinerja.Data.Identity;
using Kinerja.Data.Remunerasi;
using Kinerja.Engine;
using Kinerja.Engine.Json;
using Kinerja.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using EngineStaff = Kinerja.Engine.Staff;

namespace Kinerja.Web.Features.MyPay;

/// <summary>
/// Slips as PDF and runs as Excel. Each endpoint checks who asks itself and answers 403 or 404 (never a redirect):
/// an employee gets only their own slip of an approved or paid run (monthly or extra pay); the whole run's slips are for the Tim
/// Remunerasi (drafts only for them, marked DRAF); the Excel for those who may read runs.
/// </summary>
public static class MyPayEndpoints
{
    /// <summary>May download anyone's slip of a run (a draft only for the Tim Remunerasi).</summary>
    public static readonly IReadOnlyList<string> SlipReaders = [Roles.TimRemunerasi, Roles.Admin];

    /// <summary>May download a run as Excel.</summary>
    public static readonly IReadOnlyList<string> ExcelReaders = [Roles.TimRemunerasi, Roles.Direksi, Roles.DewanPengawas, Roles.Admin];

    public static IEndpointRouteBuilder MapMyPayEndpoints(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/remunerasi/saya/{periode}/slip.pdf", OwnSlipAsync).RequireAuthorization().ExcludeFromDescription();
        app.MapGet("/remunerasi/saya/tambahan/{runId:int}/slip.pdf", OwnExtraSlipAsync).RequireAuthorization().ExcludeFromDescription();
        app.MapGet("/remunerasi/perhitungan/{runId:int}/slip/{staffCode}.pdf", StaffSlipAsync).RequireAuthorization().ExcludeFromDescription();
        app.MapGet("/remunerasi/perhitungan/{runId:int}/slip-unit.pdf", UnitSlipAsync).RequireAuthorization().ExcludeFromDescription();
        app.MapGet("/remunerasi/perhitungan/{runId:int}/excel", ExcelAsync).RequireAuthorization().ExcludeFromDescription();
        return app;
    }

    static bool InAny(ClaimsPrincipal user, IReadOnlyList<string> roles) => roles.Any(user.IsInRole);

    /// <summary>May see this run's slips: final runs for the slip readers, drafts for the Tim Remunerasi only.</summary>
    public static bool CanReadSlips(ClaimsPrincipal user, CalculationRun run) =>
        run.IsFinal ? InAny(user, SlipReaders) : user.IsInRole(Roles.TimRemunerasi);

    static async Task<IResult> OwnSlipAsync(string periode, HttpContext http, KinerjaDb db, IStringLocalizer<SharedResource> t)
    {
        var user = http.User;
        if (user.StaffCode() is not { } code || user.InstitutionId() is not { } institution)
            return Results.NotFound();
        var slip = (await PayData.FinalSlipsAsync(db, institution, code, http.RequestAborted)).FirstOrDefault(s => s.Run.Period == periode);
        if (slip is null)
            return Results.NotFound();
        var staff = await CaseStaffAsync(db, slip.Run.Id, http.RequestAborted);
        var person = await PersonAsync(db, slip, staff, http.RequestAborted);
        var pdf = SlipPdf.One(await SlipRunAsync(db, slip.Run, http.RequestAborted), person, t);
        return File(http, pdf, $"slip-{slip.Run.Period}-{code}.pdf");
    }

    /// <summary>The employee's own lines of an approved or paid extra pay run; 404 for any run they have no line in.</summary>
    static async Task<IResult> OwnExtraSlipAsync(int runId, HttpContext http, KinerjaDb db, IStringLocalizer<SharedResource> t)
    {
        var user = http.User;
        if (user.StaffCode() is not { } code || user.InstitutionId() is not { } institution)
            return Results.NotFound();
        var items = await PayData.FinalExtraPayAsync(db, institution, code, since: null, runId, http.RequestAborted);
        if (items.Count == 0)
            return Results.NotFound();
        var run = items[0].Run;
        var position = await db.Staff.AsNoTracking().Where(s => s.InstitutionId == institution && s.Code == code)
            .Select(s => s.Position).FirstOrDefaultAsync(http.RequestAborted);
        var slip = new ExtraSlip(await PayData.HospitalNameAsync(db, run.InstitutionId, http.RequestAborted), run, items.Select(i => i.Line).ToList(), position,
            await PayData.PeopleAsync(db, run, http.RequestAborted), db.Clock.GetUtcNow().UtcDateTime);
        return File(http, SlipPdf.Extra(slip, t), $"slip-tambahan-{run.Id}-{Safe(code)}.pdf");
    }

    static async Task<IResult> StaffSlipAsync(int runId, string staffCode, HttpContext http, KinerjaDb db, IStringLocalizer<SharedResource> t)
    {
        if (!InAny(http.User, SlipReaders))
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        var slip = await PayData.SlipAsync(db, runId, staffCode, http.RequestAborted);
        if (slip is null)
            return Results.NotFound();
        if (!CanReadSlips(http.User, slip.Run))
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        var staff = await CaseStaffAsync(db, runId, http.RequestAborted);
        var person = await PersonAsync(db, slip, staff, http.RequestAborted);
        var pdf = SlipPdf.One(await SlipRunAsync(db, slip.Run, http.RequestAborted), person, t);
        return File(http, pdf, $"slip-{slip.Run.Period}-v{slip.Run.Version}-{Safe(staffCode)}.pdf");
    }

    static async Task<IResult> UnitSlipAsync(int runId, string? unit, HttpContext http, KinerjaDb db, IStringLocalizer<SharedResource> t)
    {
        if (!InAny(http.User, SlipReaders))
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        var run = await db.CalculationRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId, http.RequestAborted);
        if (run is null || string.IsNullOrWhiteSpace(unit))
            return Results.NotFound();
        if (!CanReadSlips(http.User, run))
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        var rows = await db.RunStaffResults.AsNoTracking().Where(r => r.RunId == runId && r.Unit == unit).OrderBy(r => r.Ordinal).ToListAsync(http.RequestAborted);
        if (rows.Count == 0)
            return Results.NotFound();
        var staff = await CaseStaffAsync(db, runId, http.RequestAborted);
        var codes = rows.Select(r => r.StaffCode).ToList();
        var positions = await db.Staff.AsNoTracking().Where(s => s.InstitutionId == run.InstitutionId && codes.Contains(s.Code))
            .ToDictionaryAsync(s => s.Code, s => s.Position, http.RequestAborted);
        var people = rows.Select(r => new SlipPerson(r, staff.GetValueOrDefault(r.StaffCode), positions.GetValueOrDefault(r.StaffCode))).ToList();
        var pdf = SlipPdf.Unit(await SlipRunAsync(db, run, http.RequestAborted), unit, people, t);
        return File(http, pdf, $"slip-{run.Period}-v{run.Version}-{Safe(unit)}.pdf");
    }

    static async Task<IResult> ExcelAsync(int runId, HttpContext http, KinerjaDb db)
    {
        if (!InAny(http.User, ExcelReaders))
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        var run = await db.CalculationRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId, http.RequestAborted);
        if (run is null)
            return Results.NotFound();
        var rows = await db.RunStaffResults.AsNoTracking().Where(r => r.RunId == runId).OrderBy(r => r.Ordinal).ToListAsync(http.RequestAborted);
        var hospital = await PayData.HospitalNameAsync(db, run.InstitutionId, http.RequestAborted);
        var xlsx = RunExcel.Write(hospital, run, rows);
        http.Response.Headers.CacheControl = "no-store, private";
        return Results.File(xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"hasil-{run.Period}-v{run.Version}.xlsx");
    }

    static IResult File(HttpContext http, byte[] pdf, string name)
    {
        http.Response.Headers.CacheControl = "no-store, private";
        return Results.File(pdf, "application/pdf", name);
    }

    static async Task<SlipRun> SlipRunAsync(KinerjaDb db, CalculationRun run, CancellationToken cancellationToken) => new(
        await PayData.HospitalNameAsync(db, run.InstitutionId, cancellationToken), run, await PayData.PeopleAsync(db, run, cancellationToken),
        db.Clock.GetUtcNow().UtcDateTime);

    static async Task<SlipPerson> PersonAsync(KinerjaDb db, PaySlip slip, IReadOnlyDictionary<string, EngineStaff> staff, CancellationToken cancellationToken)
    {
        var position = await db.Staff.AsNoTracking().Where(s => s.InstitutionId == slip.Run.InstitutionId && s.Code == slip.Row.StaffCode)
            .Select(s => s.Position).FirstOrDefaultAsync(cancellationToken);
        return new SlipPerson(slip.Row, staff.GetValueOrDefault(slip.Row.StaffCode), position);
    }

    /// <summary>The staff records of the run's stored case (salary and allowances as calculated), by id.</summary>
    public static async Task<IReadOnlyDictionary<string, EngineStaff>> CaseStaffAsync(KinerjaDb db, int runId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var json = await RunService.CaseJsonAsync(db, runId, cancellationToken);
        if (json is null)
            return new Dictionary<string, EngineStaff>();
        var read = CaseJson.Read(new MemoryStream(json, writable: false));
        return read.IsValid ? read.Document!.Case.Staff.ToDictionary(s => s.Id, StringComparer.Ordinal) : new Dictionary<string, EngineStaff>();
    }

    /// <summary>A file name part: letters, digits and dashes.</summary>
    static string Safe(string text)
    {
        var builder = new StringBuilder();
        foreach (var c in text)
            builder.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
        return builder.ToString().Trim('-');
    }
}
