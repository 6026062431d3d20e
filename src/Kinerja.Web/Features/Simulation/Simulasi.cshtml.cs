using System.Globalization;
using Kinerja.Data;
using Kinerja.Data.Remunerasi;
using Kinerja.Engine;
using Kinerja.Web.Features.MasterData;
using Kinerja.Web.Features.Reports;
using Kinerja.Web.Features.Runs;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using FormReader = Kinerja.Web.Features.MasterData.FormReader;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Primitives;

namespace Kinerja.Web.Features.Simulation;

/// <summary>A star level row of the form.</summary>
public sealed class StarInput
{
    public int Star { get; set; }

    public decimal? MinScore { get; set; }

    public decimal? JknShareMin { get; set; }

    public decimal? IncentiveMax { get; set; }
}

/// <summary>
/// /remunerasi/simulasi: the director changes rates, weights, stars or the point value and sees the effect on every
/// person, on the total and on the personnel ratio before anything is saved. A GET form: a simulation changes nothing,
/// so it can be bookmarked and shared; "save as draft rules" is the only POST, and it writes a draft rule set only.
/// </summary>
[Authorize(Roles = ReportsAccess.Simulators)]
public sealed class SimulasiModel(KinerjaDb db, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Periode { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Layanan { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Penjamin { get; set; }

    [BindProperty(SupportsGet = true)]
    public decimal? Persen { get; set; }

    [BindProperty(SupportsGet = true)]
    public Dictionary<string, decimal?> Bobot { get; set; } = [];

    [BindProperty(SupportsGet = true)]
    public List<StarInput> Bintang { get; set; } = [];

    [BindProperty(SupportsGet = true)]
    public decimal? NilaiPoin { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Hitung { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Urut { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Semua { get; set; }

    public IReadOnlyList<string> Periods { get; private set; } = [];

    public SimulationBase? Base { get; private set; }

    public SimulationResult? Result { get; private set; }

    public IReadOnlyList<SimulationRow> Rows { get; private set; } = [];

    public IReadOnlyList<string> Problems { get; private set; } = [];

    /// <summary>The month the saved draft applies from (YYYY-MM).</summary>
    [BindProperty]
    public string? BerlakuMulai { get; set; }

    [BindProperty]
    public string? Catatan { get; set; }

    /// <summary>The Tim Remunerasi prepares rule drafts; the Direksi, who decides them, may save a simulation as one too.</summary>
    public bool CanSave => RemunerasiAccess.CanEdit(User) || RemunerasiAccess.CanApprove(User);

    public async Task<IActionResult> OnGetAsync()
    {
        var hospital = await RunsAccess.HospitalAsync(db, User, Request.Query["rs"]);
        if (hospital is null)
            return NotFound();
        var today = RemunerasiAccess.Today(db.Clock);
        BerlakuMulai = new DateOnly(today.Year, today.Month, 1).AddMonths(1).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        if (await LoadAsync(hospital.Id) && Hitung)
            await CalculateAsync(hospital.Id);
        return Page();
    }

    /// <summary>
    /// Saves the simulated rules as a new draft version copied from the version the simulation started from; it then
    /// goes the usual way (submitted by the Tim Remunerasi, approved by the Direksi). The simulation's values come in
    /// the query, the effective month and the note in the form.
    /// </summary>
    public async Task<IActionResult> OnPostSimpanAsync()
    {
        if (!CanSave)
            return StatusCode(StatusCodes.Status403Forbidden);
        var hospital = await RunsAccess.HospitalAsync(db, User, Request.Query["rs"]);
        if (hospital is null)
            return NotFound();
        ModelState.Clear();
        Hitung = true;
        if (!await LoadAsync(hospital.Id))
            return Page();
        var ct = HttpContext.RequestAborted;
        var read = new FormReader(ModelState, t);
        var effective = read.Month(nameof(BerlakuMulai), "Berlaku mulai", BerlakuMulai);
        var note = read.Text(nameof(Catatan), "Dasar / keterangan", Catatan, 1800);
        if (effective is DateOnly day && await RuleSets.DecidedPeriodFromAsync(db, hospital.Id, day, ct) is string decided)
            read.Error(nameof(BerlakuMulai), t["Periode {0} sudah disetujui atau dibayar dengan aturan yang berlaku: versi baru harus berlaku sesudahnya.", decided]);
        var source = Base!.RuleSetId is int id ? await RuleSets.Full(db).AsNoTracking().FirstOrDefaultAsync(r => r.Id == id && r.InstitutionId == hospital.Id, ct) : null;
        if (source is null)
            read.Error(nameof(BerlakuMulai), t["Versi aturan yang menjadi dasar simulasi ini tidak ditemukan."]);
        if (!read.Ok)
        {
            await CalculateAsync(hospital.Id);
            return Page();
        }

        // The note is the hospital's record, kept in Indonesian whatever the language of the page.
        var origin = $"Dari simulasi periode {Base.Case.Period}.";
        var draft = RuleSets.Copy(source!, await RuleSets.NextVersionAsync(db, hospital.Id, ct), effective!.Value, note is null ? origin : $"{origin} {note}");
        Changes().ApplyTo(draft);
        if (RuleSets.Diff(source!, draft, x => x).All(c => c.Field == "Berlaku mulai"))
            read.Error(nameof(BerlakuMulai), t["Simulasi ini tidak mengubah aturan apa pun: tidak ada yang disimpan."]);
        foreach (var e in RuleSets.Check(draft).Take(10))
            read.Error(nameof(BerlakuMulai), $"{e.Path}: {e.Message}");
        if (!read.Ok)
        {
            await CalculateAsync(hospital.Id);
            return Page();
        }

        await RuleSets.SaveDraftAsync(db, source!, draft, User.Identity?.Name ?? "?", ct);
        return Redirect($"/remunerasi/aturan/{draft.Id}");
    }

    /// <summary>The periods, the base case and the form's starting values; false when there is nothing to simulate.</summary>
    async Task<bool> LoadAsync(int hospitalId)
    {
        Periods = (await db.CalculationRuns.AsNoTracking().Where(r => r.InstitutionId == hospitalId).Select(r => r.Period).Distinct().ToListAsync())
            .OrderDescending(StringComparer.Ordinal).ToList();
        Periode ??= Periods.Count > 0 ? Periods[0] : Period.Month(db.Clock.GetLocalNow().Year, db.Clock.GetLocalNow().Month).ToString();
        if (!Period.TryParse(Periode, out var period))
        {
            Problems = [t["Periode harus berbentuk YYYY-MM atau YYYY-Qn."]];
            return false;
        }

        var (simulationBase, problems) = await Simulator.LoadAsync(db, hospitalId, period, HttpContext.RequestAborted);
        Base = simulationBase;
        Problems = problems;
        if (Base is null)
            return false;
        if (Bintang.Count == 0)
        {
            Bintang = Base.Case.Rules.Stratification.Stars.Select(s => new StarInput { Star = s.Star, MinScore = s.MinScore, JknShareMin = s.JknShareMin, IncentiveMax = s.IncentiveMax }).ToList();
        }

        foreach (var c in Base.Case.Rules.Stratification.Criteria)
            Bobot.TryAdd(c.Code, c.Weight);
        NilaiPoin ??= Base.Case.Rules.Points.PointValue;
        return true;
    }

    async Task CalculateAsync(int hospitalId)
    {
        var units = await db.Staff.AsNoTracking().Where(s => s.InstitutionId == hospitalId).ToDictionaryAsync(s => s.Code, s => s.Unit, StringComparer.Ordinal);
        try
        {
            Result = Simulator.Run(Base!, Changes(), units);
        }
        catch (InvalidCaseException e)
        {
            Problems = e.Errors.Take(10).Select(x => $"{x.Path}: {x.Message}").Prepend(t["Perubahan ini membuat aturan tidak valid:"].Value).ToList();
            return;
        }

        IEnumerable<SimulationRow> rows = Result.Rows;
        if (!Semua)
            rows = rows.Where(r => r.Difference != 0 || r.After.Flags.Count != r.Before.Flags.Count);
        Rows = (Urut switch
        {
            "nama" => rows.OrderBy(r => r.Name, StringComparer.CurrentCulture),
            "naik" => rows.OrderBy(r => r.Difference).ThenBy(r => r.Name, StringComparer.CurrentCulture),
            "total" => rows.OrderByDescending(r => r.After.Total),
            _ => rows.OrderByDescending(r => r.Difference).ThenBy(r => r.Name, StringComparer.CurrentCulture),
        }).ToList();
    }

    public SimulationChanges Changes() => new()
    {
        Service = string.IsNullOrWhiteSpace(Layanan) ? null : Layanan,
        Payer = Penjamin switch { "JKN" => Payer.Jkn, "NON_JKN" => Payer.NonJkn, _ => null },
        RatePercent = Persen ?? 0,
        CriterionWeights = Bobot.Where(b => b.Value is not null).ToDictionary(b => b.Key, b => b.Value!.Value, StringComparer.Ordinal),
        Stars = Bintang.Select(b => new StarChange(b.Star, b.MinScore, b.JknShareMin, b.IncentiveMax)).ToList(),
        PointValue = NilaiPoin,
    };

    /// <summary>This page's query with one value replaced (the sort links keep the changes).</summary>
    public string With(string key, string value)
    {
        var query = QueryHelpers.ParseQuery(Request.QueryString.Value);
        query[key] = new StringValues(value);
        return QueryHelpers.AddQueryString("/remunerasi/simulasi", query.SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v))));
    }

    public static string Number(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";
}
