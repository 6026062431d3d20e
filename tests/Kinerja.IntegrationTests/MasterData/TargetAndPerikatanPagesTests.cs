using System.Net;
using Kinerja.Data;
using Kinerja.Data.Remunerasi;
using Kinerja.Engine;
using Kinerja.IntegrationTests.Infrastructure;
using Kinerja.Web.Features.Targets;
using Microsoft.EntityFrameworkCore;
using static Kinerja.IntegrationTests.MasterData.MasterDataHelpers;

namespace Kinerja.IntegrationTests.MasterData;

public class TargetAndPerikatanPagesTests
{
    static async Task<List<string>> KsmsAsync(KinerjaApp app)
    {
        await using var db = app.Database.Open();
        return (await db.Staff.Where(s => s.Category == Kinerja.Data.Remunerasi.Staff.Medis).Select(s => s.Unit!).Distinct().ToListAsync(Ct)).Order(StringComparer.Ordinal).ToList();
    }

    static Dictionary<string, string> ShareFields(IReadOnlyList<string> ksms, Func<int, string> percent)
    {
        var fields = new Dictionary<string, string> { ["Rba.JknVisits"] = "60.001", ["Rba.NonJknVisits"] = "20000", ["Rba.Revenue"] = "288000000000" };
        for (var i = 0; i < ksms.Count; i++)
        {
            fields[$"Shares[{i}].Ksm"] = ksms[i];
            fields[$"Shares[{i}].Percent"] = percent(i);
        }

        return fields;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task KsmShares_NotSummingTo100_AreRefused(DatabaseProvider provider)
    {
        await using var app = await KinerjaApp.StartAsync(provider);
        var tim = await app.SignInAsync("remunerasi");
        var ksms = await KsmsAsync(app);
        Assert.Equal(9, ksms.Count);

        var response = await KinerjaApp.PostFormAsync(tim, "/remunerasi/target?tahun=2027&handler=Simpan", ShareFields(ksms, _ => "10"), "/remunerasi/target?tahun=2027");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Jumlah porsi KSM harus tepat 100 %, sekarang 90 %.", WebUtility.HtmlDecode(await BodyAsync(response)), StringComparison.Ordinal);
        await using var db = app.Database.Open();
        Assert.False(await db.RbaTargets.AnyAsync(r => r.Year == 2027, Ct));
        Assert.False(await db.KsmTargets.AnyAsync(k => k.Year == 2027, Ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task KsmShares_Of100_CascadeToDoctors_WhoseMonthlyTargetsSumToTheKsms(DatabaseProvider provider)
    {
        await using var app = await KinerjaApp.StartAsync(provider);
        var tim = await app.SignInAsync("remunerasi");
        var ksms = await KsmsAsync(app);
        // 8 KSMs at 11.11 % and the IGD at 11.12 %: 100 %.
        var saved = await KinerjaApp.PostFormAsync(tim, "/remunerasi/target?tahun=2027&handler=Simpan",
            ShareFields(ksms, i => i == ksms.Count - 1 ? "11,12" : "11.11"), "/remunerasi/target?tahun=2027");
        AssertRedirect(saved, "/remunerasi/target?tahun=2027");
        AssertRedirect(await KinerjaApp.PostFormAsync(tim, "/remunerasi/target?tahun=2027&handler=Bagi", [], "/remunerasi/target?tahun=2027"), "/remunerasi/target?tahun=2027");

        var hospitalId = await HospitalIdAsync(app);
        await using var db = app.Database.Open();
        var plan = await TargetYear.LoadAsync(db, hospitalId, 2027, Ct);
        Assert.Equal(1m, plan.ShareTotal);
        Assert.Equal(60_001, plan.Ksms.Sum(k => k.AnnualJkn));
        Assert.Equal(20_000, plan.Ksms.Sum(k => k.AnnualNonJkn));
        Assert.Equal(288_000_000_000, plan.Ksms.Sum(k => k.AnnualRevenue)); // the RBA revenue, to the Rupiah
        foreach (var ksm in plan.Ksms)
        {
            Assert.True(ksm.MonthlyRevenue * 12 >= ksm.AnnualRevenue && (ksm.MonthlyRevenue - 1) * 12 < ksm.AnnualRevenue, ksm.Ksm);
            Assert.Equal(ksm.MonthlyRevenue, ksm.DoctorsRevenue().Sum());
            Assert.True(ksm.DoctorsMatch, ksm.Ksm);
            Assert.True(ksm.MonthlyJkn * 12 >= ksm.AnnualJkn && (ksm.MonthlyJkn - 1) * 12 < ksm.AnnualJkn, ksm.Ksm);
            var jkn = ksm.Doctors.Select(d => d.MonthlyJkn!.Value).ToList();
            Assert.True(jkn.Max() - jkn.Min() <= 1, ksm.Ksm);
        }

        // The 2027 targets reach the case of a 2027 month (the demo's 2026 ones are untouched).
        Assert.Equal(40, await db.StaffTargets.CountAsync(t => t.Year == 2027, Ct));
        var d1 = await db.StaffTargets.SingleAsync(t => t.Year == 2027 && t.StaffCode == "D0001", Ct);
        var page = System.Net.WebUtility.HtmlDecode(await tim.GetStringAsync("/remunerasi/target?tahun=2027", Ct));
        Assert.Contains(Kinerja.Web.Infrastructure.Format.Rupiah(288_000_000_000m), page, StringComparison.Ordinal);
        Assert.Equal(plan.Ksms.Single(k => k.Doctors.Any(d => d.Code == "D0001")).Doctors.Single(d => d.Code == "D0001").MonthlyJkn, d1.MonthlyJkn);
    }

    [Fact]
    public void Cascade_RoundsAsTheDecisionRecordSays()
    {
        Assert.Equal([3334, 3333, 3333], TargetCascade.Apportion(10_000, [1m, 1m, 1m]));
        Assert.Equal([2, 1], TargetCascade.Apportion(3, [0.5m, 0.5m]));
        Assert.Equal([6667, 3333], TargetCascade.Apportion(10_000, [0.6667m, 0.3333m]));
        Assert.Equal(0, TargetCascade.Apportion(0, [1m]).Sum());
        Assert.Equal(834, TargetCascade.Monthly(10_001));
        Assert.Equal(834, TargetCascade.Monthly(10_008));
        Assert.Equal(833, TargetCascade.Monthly(9_996));
        Assert.Equal([209, 209, 208, 208], TargetCascade.SplitEqually(834, 4));
        Assert.Empty(TargetCascade.SplitEqually(834, 0));
        // A doctor's revenue target follows their share of the KSM's visits.
        var ksm = new KsmPlan("KSM Uji", 0.1m, 0, 0, 12_000_001, [new("D1", "A", 30, 10), new("D2", "B", 15, 5), new("D3", "C", null, null)]);
        Assert.Equal(1_000_001, ksm.MonthlyRevenue);
        Assert.Equal([666_667, 333_334, 0], ksm.DoctorsRevenue());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task QuarterlyEvaluation_ShowsAchievementAndFlags_FromTheEngine(DatabaseProvider provider)
    {
        await using var app = await KinerjaApp.StartAsync(provider);
        var direktur = await app.SignInAsync("direktur");

        var response = await direktur.GetAsync("/remunerasi/target/evaluasi?tahun=2026&triwulan=4", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await BodyAsync(response));
        var (d1, built) = await CalculateAsync(app, Period.Quarter(2026, 4), "D0001");
        // Only October is in the demo: every doctor is below a quarter's target.
        Assert.Contains(Flags.BelowTarget, d1.Flags);
        Assert.Contains("title=\"BELOW_TARGET\"", html, StringComparison.Ordinal);
        var target = built.Case!.Staff.Single(s => s.Id == "D0001").Target!;
        Assert.Contains($"{d1.Medis!.Visits.Jkn} / {(target.Jkn * 3).ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("id-ID"))}", html, StringComparison.Ordinal);
        Assert.Contains("periode 2026-Q4", html, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task PerikatanRegister_DecidesWhetherTheExcessAboveTheRangeIsPaid(DatabaseProvider provider)
    {
        await using var app = await KinerjaApp.StartAsync(provider);
        // D0002 has no agreement; a small own range maximum puts their October incentive above it.
        await using (var db = app.Database.Open())
        {
            var d2 = await db.Staff.SingleAsync(s => s.Code == "D0002", Ct);
            d2.IncentiveMax = 1_000_000m;
            await db.SaveChangesAsync(Ct);
        }

        var october = Period.Month(2026, 10);
        var (without, _) = await CalculateAsync(app, october, "D0002");
        Assert.Contains(Flags.AboveRangeWithheld, without.Flags);
        Assert.Equal(0m, without.Perikatan);
        Assert.True(without.Withheld > 0);

        var tim = await app.SignInAsync("remunerasi");
        // An agreement that ended before October does not count (it ends before the demo's first month with data, June).
        var expired = await KinerjaApp.PostFormAsync(tim, "/remunerasi/perikatan/baru", new()
        {
            ["Input.StaffCode"] = "D0002", ["Input.Number"] = "PK.090/RSUP-C/I/2026", ["Input.From"] = "2026-01-01", ["Input.To"] = "2026-05-31",
            ["Input.Scope"] = "Di atas rentang", ["Input.SignedBy"] = "Direktur Utama", ["Input.SignedOn"] = "2025-12-20",
        });
        AssertRedirect(expired, "/remunerasi/perikatan/");
        Assert.Contains(Flags.AboveRangeWithheld, (await CalculateAsync(app, october, "D0002")).Result.Flags);

        var active = await KinerjaApp.PostFormAsync(tim, "/remunerasi/perikatan/baru", new()
        {
            ["Input.StaffCode"] = "D0002", ["Input.Number"] = "PK.091/RSUP-C/X/2026", ["Input.From"] = "2026-10-01", ["Input.To"] = "",
            ["Input.Scope"] = "Di atas rentang, termasuk non-JKN fee for service", ["Input.NonJknFeeForService"] = "true",
            ["Input.SignedBy"] = "dr. Hartono, Sp.PD, MARS (Direktur Utama)", ["Input.SignedOn"] = "2026-09-28",
        });
        AssertRedirect(active, "/remunerasi/perikatan/");
        var agreement = active.Headers.Location!.OriginalString.Split('?')[0];

        // Recorded by the Tim, not yet approved by the Direksi: the excess stays withheld.
        Assert.Contains(Flags.AboveRangeWithheld, (await CalculateAsync(app, october, "D0002")).Result.Flags);
        Assert.Contains("Menunggu penetapan Direksi", WebUtility.HtmlDecode(await BodyAsync(await tim.GetAsync(agreement, Ct))), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await KinerjaApp.PostFormAsync(tim, agreement + "?handler=Tetapkan", [], agreement)).StatusCode);
        var direktur = await app.SignInAsync("direktur");
        AssertRedirect(await KinerjaApp.PostFormAsync(direktur, agreement + "?handler=Tetapkan", [], agreement), agreement);
        Assert.Contains("Ditetapkan Direksi: direktur", WebUtility.HtmlDecode(await BodyAsync(await tim.GetAsync(agreement, Ct))), StringComparison.Ordinal);

        var (with, _) = await CalculateAsync(app, october, "D0002");
        Assert.Contains(Flags.AboveRangePerikatan, with.Flags);
        Assert.Equal(without.Withheld, with.Perikatan);
        Assert.Equal(0m, with.Withheld);
        var (september, _) = await CalculateAsync(app, Period.Month(2026, 9), "D0002");
        Assert.DoesNotContain(Flags.AboveRangePerikatan, september.Flags);

        // A change of its terms by the Tim sends it back to the Direksi: the excess is withheld again until then.
        AssertRedirect(await KinerjaApp.PostFormAsync(tim, agreement, new()
        {
            ["Input.StaffCode"] = "D0002", ["Input.Number"] = "PK.091/RSUP-C/X/2026", ["Input.From"] = "2026-10-01", ["Input.To"] = "2026-12-31",
            ["Input.Scope"] = "Di atas rentang, termasuk non-JKN fee for service", ["Input.NonJknFeeForService"] = "true",
            ["Input.SignedBy"] = "dr. Hartono, Sp.PD, MARS (Direktur Utama)", ["Input.SignedOn"] = "2026-09-28",
        }), agreement);
        Assert.Contains(Flags.AboveRangeWithheld, (await CalculateAsync(app, october, "D0002")).Result.Flags);

        var list = WebUtility.HtmlDecode(await BodyAsync(await tim.GetAsync("/remunerasi/perikatan?status=semua&dokter=D0002", Ct)));
        Assert.Contains("PK.091/RSUP-C/X/2026", list, StringComparison.Ordinal);
        Assert.Contains("Berakhir", list, StringComparison.Ordinal);
        Assert.Contains("Aktif", list, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Perikatan_WithMissingFields_IsRefusedInIndonesian(DatabaseProvider provider)
    {
        await using var app = await KinerjaApp.StartAsync(provider);
        var tim = await app.SignInAsync("remunerasi");
        var response = await KinerjaApp.PostFormAsync(tim, "/remunerasi/perikatan/baru", new()
        {
            ["Input.StaffCode"] = "P0001", ["Input.From"] = "2026-10-01", ["Input.To"] = "2026-09-01",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await BodyAsync(response));
        Assert.Contains("Pilih dokter (tenaga medis) yang terdaftar.", html, StringComparison.Ordinal);
        Assert.Contains("Tanggal akhir tidak boleh sebelum tanggal mulai.", html, StringComparison.Ordinal);
        Assert.Contains("Ditandatangani oleh wajib diisi.", html, StringComparison.Ordinal);
        await using var db = app.Database.Open();
        Assert.Equal(5, await db.PerikatanAgreements.CountAsync(Ct));
    }
}
