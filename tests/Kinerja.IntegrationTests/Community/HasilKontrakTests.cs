using System.Net;
using Kinerja.Data;
using Kinerja.Data.Kontrak;
using Kinerja.Engine.Kontrak;
using Kinerja.IntegrationTests.Infrastructure;
using Kinerja.IntegrationTests.Kontrak;
using Kinerja.Web.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kinerja.IntegrationTests.Community;

/// <summary>The community reads the contracts' aggregate results: per kabupaten, without names or honoraria.</summary>
public class HasilKontrakTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Anyone_ReadsTheDistrictsMonthlyAchievement_WithoutNamesOrFees(DatabaseProvider provider)
    {
        await using var app = new KinerjaApp(await TestDatabase.CreateAsync(provider));
        await using var site = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(FixedClock.DemoToday)));
        var html = WebUtility.HtmlDecode(await site.CreateClient().GetStringAsync("/komunitas/hasil-kontrak?tahun=2026", Ct));

        // October 2026 over all of Sleman's target lines, as the engine counts a month (November is still being reported).
        decimal october;
        await using (var db = app.Database.Open())
        {
            var lines = await db.MonthlyTargets.IgnoreQueryFilters().Where(t => t.Month == new DateOnly(2026, 10, 1))
                .Select(t => new TargetLine(t.Month, t.Quantity, t.VerifiedQuantity, t.PnsQuantity)).ToListAsync(Ct);
            Assert.NotEmpty(lines);
            october = Achievement.ByMonth(lines).Single().Ratio;
        }

        Assert.Contains("Dinas Kesehatan Kabupaten Sleman", html, StringComparison.Ordinal);
        Assert.Contains("4 puskesmas dengan kontrak: 3 perorangan, 1 tim, 0 institusi.", html, StringComparison.Ordinal);
        var percent = (october * 100).ToString("0.0", Format.Indonesian) + " %";
        Assert.Matches($"Oktober 2026</td><td class=\"num\">\\d+</td><td class=\"num\">\\d+</td><td class=\"num\">{System.Text.RegularExpressions.Regex.Escape(percent)}</td>", html);
        Assert.DoesNotContain("November 2026</td>", html, StringComparison.Ordinal);
        foreach (var hidden in new[] { "Rina Wulandari", "Dewi Lestari", "Tim Kesehatan Jiwa", "2.650.000", "4.500.000", "Moyudan" })
            Assert.DoesNotContain(hidden, html, StringComparison.Ordinal);
    }
}
