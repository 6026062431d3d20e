using Kinerja.Data;
using Kinerja.Engine;
using Kinerja.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Kinerja.Web.Features.MyPay;

/// <summary>The lines of one service at one payer: how many, at which rate.</summary>
public sealed record ServiceGroup(string Service, string Name, Payer Payer, long Quantity, decimal Rate)
{
    public decimal Amount => Quantity * Rate;
}

/// <summary>
/// /remunerasi/saya/{periode}/rincian: "why this amount": from the slip down to the service lines counted, each
/// step a sentence with its numbers, from the run's stored case and the engine's result of it.
/// </summary>
[Authorize]
public sealed class RincianModel(KinerjaDb db, IStringLocalizer<SharedResource> t) : PageModel
{
    public const int PageSize = 50;

    public PayDetail Detail { get; private set; } = null!;

    public IReadOnlyList<PayStep> Steps { get; private set; } = [];

    public IReadOnlyList<ServiceGroup> Groups { get; private set; } = [];

    public IReadOnlyList<PayLine> PageLines { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public int Hal { get; set; } = 1;

    public int Pages { get; private set; }

    public async Task<IActionResult> OnGetAsync(string periode)
    {
        if (User.StaffCode() is not { } code || User.InstitutionId() is not { } institution)
            return NotFound();
        var ct = HttpContext.RequestAborted;
        var slip = (await PayData.FinalSlipsAsync(db, institution, code, ct)).FirstOrDefault(s => s.Run.Period == periode);
        if (slip is null)
            return NotFound();
        var detail = await PayDetail.LoadAsync(db, slip, ct);
        if (detail is null)
            return NotFound();
        Detail = detail;
        Steps = PayStory.Tell(detail, t);
        Groups = detail.Lines
            .GroupBy(l => (l.Service, l.Payer))
            .Select(g => new ServiceGroup(g.Key.Service, g.First().ServiceName, g.Key.Payer, g.Sum(l => l.Quantity), g.First().Rate))
            .OrderBy(g => g.Service, StringComparer.Ordinal).ThenBy(g => g.Payer)
            .ToList();
        var ordered = detail.Lines.OrderBy(l => l.Date).ThenBy(l => l.Id, StringComparer.Ordinal).ToList();
        Pages = Math.Max(1, (ordered.Count + PageSize - 1) / PageSize);
        Hal = Math.Clamp(Hal, 1, Pages);
        PageLines = ordered.Skip((Hal - 1) * PageSize).Take(PageSize).ToList();
        return Page();
    }
}
