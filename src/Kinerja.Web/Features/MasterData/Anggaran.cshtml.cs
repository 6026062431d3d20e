using System.Globalization;
using Kinerja.Data;
using Kinerja.Data.Remunerasi;
using Kinerja.Engine;
using Kinerja.Web.Features.MyPay;
using Kinerja.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kinerja.Web.Features.MasterData;

/// <summary>
/// /remunerasi/anggaran: the personnel budget, the revenue and the highest personnel-to-revenue ratio of each month
/// of a year (<see cref="PeriodBudget"/>), which the run of the month checks (OVER_BUDGET, PERSONNEL_RATIO_EXCEEDED)
/// and monitoring shows. The Tim Remunerasi edit all twelve months in one form; the Direksi and the Dewan Pengawas
/// read. A month whose run is approved or paid is closed: the data layer refuses the change, the page says so first.
/// </summary>
[Authorize(Roles = RemunerasiAccess.Viewers)]
public sealed class AnggaranModel(KinerjaDb db, IStringLocalizer<SharedResource> t) : PageModel
{
    /// <summary>Personnel spending at most 45 % of revenue (seed documents): what an empty ratio means.</summary>
    public const decimal DefaultMaxRatio = 0.45m;

    /// <summary>One month of the form, as typed (read by <see cref="FormReader"/>: "2.500.000.000" and "2500000000").</summary>
    public sealed class MonthInput
    {
        public string? PersonnelBudget { get; set; }

        public string? Revenue { get; set; }

        /// <summary>A percentage: "45", "47,5".</summary>
        public string? MaxRatio { get; set; }
    }

    /// <summary>A month as stored, and the approved or paid run that closes it (if any).</summary>
    public sealed record MonthRow(Period Period, PeriodBudget? Budget, CalculationRun? Closing);

    [BindProperty(SupportsGet = true)]
    public int? Tahun { get; set; }

    /// <summary>
    /// The twelve months as shown or as posted. Read from the form by month, not bound as a list: a closed month posts
    /// nothing, and a list binder stops at the first missing index.
    /// </summary>
    public List<MonthInput> Months { get; private set; } = [];

    public int Year { get; private set; }

    public IReadOnlyList<MonthRow> Rows { get; private set; } = [];

    public bool CanEdit { get; private set; }

    public bool NoHospital { get; private set; }

    public bool Saved { get; private set; }

    /// <summary>A refused change of a closed month, naming it.</summary>
    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(bool disimpan = false)
    {
        Saved = disimpan;
        NoHospital = await LoadAsync() is null;
        Months = Rows.Select(r => Input(r.Budget)).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!RemunerasiAccess.CanEdit(User))
            return StatusCode(StatusCodes.Status403Forbidden);
        if (await LoadAsync(track: true) is not { } hospital)
            return NotFound();
        string? Posted(int month, string field) =>
            Request.Form.TryGetValue($"Months[{month.ToString(CultureInfo.InvariantCulture)}].{field}", out var value) ? value.ToString() : null;
        Months = Rows.Select((_, i) => new MonthInput
        {
            PersonnelBudget = Posted(i, nameof(MonthInput.PersonnelBudget)), Revenue = Posted(i, nameof(MonthInput.Revenue)), MaxRatio = Posted(i, nameof(MonthInput.MaxRatio)),
        }).ToList();
        ModelState.Clear();
        var read = new FormReader(ModelState, t);
        var refused = new List<string>();
        var changes = new List<(MonthRow Row, decimal? Budget, decimal? Revenue, decimal Ratio)>();
        for (var i = 0; i < Rows.Count; i++)
        {
            var row = Rows[i];
            var input = Months[i];
            var month = SlipContent.PeriodName(row.Period, t);
            var key = $"Months[{i}].";
            var budget = read.Rupiah(key + nameof(MonthInput.PersonnelBudget), $"{t["Anggaran belanja pegawai"]} {month}", input.PersonnelBudget, required: false);
            var revenue = read.Rupiah(key + nameof(MonthInput.Revenue), $"{t["Pendapatan"]} {month}", input.Revenue, required: false);
            var percent = read.Number(key + nameof(MonthInput.MaxRatio), $"{t["Batas rasio belanja pegawai"]} {month}", input.MaxRatio, 2, 1, 100, required: false);
            var ratio = percent is { } p ? p / 100 : DefaultMaxRatio;
            if (row.Closing is not null)
            {
                // The form shows a closed month as text; a value posted for it anyway must be what is stored.
                var posted = input.PersonnelBudget is not null || input.Revenue is not null || input.MaxRatio is not null;
                if (posted && !Same(row.Budget, budget, revenue, ratio))
                    refused.Add(t["{0} sudah ditutup: perhitungannya sudah disetujui atau dibayar, jadi anggaran dan pendapatannya tidak dapat diubah.", month]);
                continue;
            }

            changes.Add((row, budget, revenue, ratio));
        }

        if (refused.Count > 0)
            return Refuse(string.Join(" ", refused));
        if (!read.Ok)
            return Page();

        foreach (var (row, budget, revenue, ratio) in changes)
        {
            if (budget is null && revenue is null)
            {
                if (row.Budget is not null)
                    db.PeriodBudgets.Remove(row.Budget);
                continue;
            }

            var stored = row.Budget;
            if (stored is null)
                db.PeriodBudgets.Add(stored = new PeriodBudget { InstitutionId = hospital.Id, Period = row.Period.ToString() });
            stored.PersonnelBudget = budget;
            stored.Revenue = revenue;
            stored.MaxPersonnelRatio = ratio;
        }

        try
        {
            await db.SaveChangesAsync(HttpContext.RequestAborted);
        }
        catch (ClosedRecordException closed)
        {
            return Refuse(AturanDetailModel.Say(closed));
        }

        return Redirect($"/remunerasi/anggaran?tahun={Year.ToString(CultureInfo.InvariantCulture)}&disimpan=true");
    }

    IActionResult Refuse(string message)
    {
        Refusal = message;
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    /// <summary>What was posted for a month is what is stored (no amounts is no row; the ratio counts only with an amount).</summary>
    static bool Same(PeriodBudget? stored, decimal? budget, decimal? revenue, decimal ratio)
    {
        if (budget is null && revenue is null)
            return stored is null || (stored.PersonnelBudget is null && stored.Revenue is null);
        return stored is not null && stored.PersonnelBudget == budget && stored.Revenue == revenue && stored.MaxPersonnelRatio == ratio;
    }

    /// <summary>The year's twelve months with their stored budget and closing run; null without a hospital.</summary>
    async Task<Institution?> LoadAsync(bool track = false)
    {
        CanEdit = RemunerasiAccess.CanEdit(User);
        var hospital = await RemunerasiAccess.HospitalAsync(db, User, HttpContext.RequestAborted);
        Year = Tahun is >= 2000 and <= 2100 ? Tahun.Value : RemunerasiAccess.Today(db.Clock).Year;
        Tahun = Year;
        if (hospital is null)
            return null;
        var prefix = Year.ToString(CultureInfo.InvariantCulture) + "-";
        var query = db.PeriodBudgets.Where(b => b.InstitutionId == hospital.Id && b.Period.StartsWith(prefix));
        var budgets = await (track ? query : query.AsNoTracking()).ToListAsync(HttpContext.RequestAborted);
        var closing = (await db.CalculationRuns.AsNoTracking()
                .Where(r => r.InstitutionId == hospital.Id && r.Period.StartsWith(prefix) && (r.Status == RunStatus.Approved || r.Status == RunStatus.Paid))
                .ToListAsync(HttpContext.RequestAborted))
            .GroupBy(r => r.Period, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.MaxBy(r => r.Version)!, StringComparer.Ordinal);
        Rows = Enumerable.Range(1, 12)
            .Select(m => Period.Month(Year, m))
            .Select(p => new MonthRow(p, budgets.FirstOrDefault(b => b.Period == p.ToString()), closing.GetValueOrDefault(p.ToString())))
            .ToList();
        return hospital;
    }

    static MonthInput Input(PeriodBudget? budget) => new()
    {
        PersonnelBudget = Grouped(budget?.PersonnelBudget),
        Revenue = Grouped(budget?.Revenue),
        MaxRatio = FormReader.Show((budget?.MaxPersonnelRatio ?? DefaultMaxRatio) * 100),
    };

    /// <summary>Whole Rupiah with Indonesian digit groups (2.500.000.000): easier to check than ten digits in a row.</summary>
    public static string Grouped(decimal? value) => value is decimal v ? v.ToString("#,0", Format.Indonesian) : "";

    /// <summary>A ratio as a percentage in its shortest form: 45 %, 47,5 %.</summary>
    public static string Ratio(decimal? ratio) => ratio is decimal r ? FormReader.Show(r * 100) + " %" : "–";

    public string? Error(string key) => ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;
}
