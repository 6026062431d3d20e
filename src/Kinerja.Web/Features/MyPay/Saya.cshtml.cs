using Kinerja.Data;
using Kinerja.Engine;
using Kinerja.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Web.Features.MyPay;

/// <summary>One month of the pay history chart: a bar pair, or an empty month.</summary>
public sealed record HistoryBar(Period Period, decimal? Total, decimal? Incentive);

/// <summary>
/// /remunerasi/saya: the signed-in employee's own slip (their AppUser.StaffCode), of approved or paid runs only,
/// with the last 12 months as a chart, and their extra pay (gaji ke-13, THR, bonus, non-tunai) of the last 12 months.
/// Nothing in the request chooses whose pay is shown: only the period.
/// </summary>
[Authorize]
public sealed class SayaModel(KinerjaDb db) : PageModel
{
    public bool Linked { get; private set; }

    public IReadOnlyList<PaySlip> Slips { get; private set; } = [];

    public PaySlip? Slip { get; private set; }

    public PayDetail? Detail { get; private set; }

    public IReadOnlyDictionary<string, string> People { get; private set; } = new Dictionary<string, string>();

    public IReadOnlyList<HistoryBar> History { get; private set; } = [];

    /// <summary>The employee's own lines of extra pay runs approved in the last 12 months, newest first.</summary>
    public IReadOnlyList<ExtraPayItem> Extra { get; private set; } = [];

    public string? Position { get; private set; }

    public (decimal Rm, decimal Blu)? SalarySplit { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? Periode { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var code = User.StaffCode();
        var institution = User.InstitutionId();
        if (code is null || institution is null)
            return Page();
        Linked = true;
        var ct = HttpContext.RequestAborted;
        Slips = await PayData.FinalSlipsAsync(db, institution.Value, code, ct);
        Extra = await PayData.FinalExtraPayAsync(db, institution.Value, code, db.Clock.GetUtcNow().UtcDateTime.AddMonths(-12), cancellationToken: ct);
        if (Slips.Count == 0)
            return Page();
        Slip = Periode is null ? Slips[0] : Slips.FirstOrDefault(s => s.Run.Period == Periode);
        if (Slip is null)
            return NotFound();
        Detail = await PayDetail.LoadAsync(db, Slip, ct);
        People = await PayData.PeopleAsync(db, Slip.Run, ct);
        var staff = await db.Staff.AsNoTracking().FirstOrDefaultAsync(s => s.InstitutionId == institution && s.Code == code, ct);
        Position = staff?.Position;
        // The split of the salary is master data; shown only while it still adds up to the salary the run used.
        if (staff is not null && Detail is not null && staff.SalaryRm > 0 && staff.SalaryBlu > 0 && staff.SalaryRm + staff.SalaryBlu == Detail.Person.Salary)
            SalarySplit = (staff.SalaryRm, staff.SalaryBlu);
        History = Bars(Slips, Slip.Period);
        return Page();
    }

    /// <summary>The 12 months up to <paramref name="last"/> (monthly slips only), empty where there is no final run.</summary>
    static List<HistoryBar> Bars(IReadOnlyList<PaySlip> slips, Period last)
    {
        var end = last.IsQuarter ? Period.Month(last.Year, last.FirstMonth + 2) : last;
        var byMonth = slips.Where(s => !s.Period.IsQuarter).ToDictionary(s => s.Run.Period, StringComparer.Ordinal);
        var bars = new List<HistoryBar>();
        for (var i = 11; i >= 0; i--)
        {
            var start = end.Start.AddMonths(-i);
            var month = Period.Month(start.Year, start.Month);
            var slip = byMonth.GetValueOrDefault(month.ToString());
            bars.Add(new HistoryBar(month, slip?.Row.Total, slip?.Row.Incentive));
        }

        return bars;
    }
}
