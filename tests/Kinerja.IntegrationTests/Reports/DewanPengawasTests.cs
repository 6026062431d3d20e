using System.Net;
using Kinerja.Data;
using Kinerja.Data.Remunerasi;
using Kinerja.Data.Remunerasi.ExtraPay;
using Kinerja.Engine;
using Kinerja.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.IntegrationTests.Reports;

public class DewanPengawasTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DewanPengawas_ReadsTheReports_ButEveryRemunerasiPostIsRefused(DatabaseProvider provider)
    {
        await using var app = await KinerjaApp.StartAsync(provider);
        var approved = await ReportRuns.ApproveAsync(app.Database, Period.Month(2026, 10));
        int draft, extra;
        await using (var db = app.Database.Open(new SystemActor("remunerasi")))
        {
            db.ServiceLines.Add(new Kinerja.Data.Remunerasi.ServiceLine
            {
                InstitutionId = approved.InstitutionId, LineId = "DEWAS-1", Date = new DateOnly(2026, 11, 2), StaffCode = "D0001", Service = "RJ-KONSUL", Payer = Payer.Jkn, Quantity = 1,
            });
            await db.SaveChangesAsync(Ct);
            draft = (await RunService.CalculateAsync(db, approved.InstitutionId, Period.Month(2026, 11), cancellationToken: Ct)).Run!.Id;
            extra = (await ExtraPayService.CalculateAsync(db, approved.InstitutionId, new ExtraPayRequest(ExtraPayKind.NonTunai, 2026, "Pelatihan"), Ct)).Run!.Id;
        }

        List<RunStatus> statuses;
        await using (var db = app.Database.Open())
            statuses = await db.CalculationRuns.OrderBy(r => r.Id).Select(r => r.Status).ToListAsync(Ct);
        Assert.Contains(RunStatus.Draft, statuses);

        var dewas = await app.SignInAsync("dewas");
        foreach (var page in new[] { "/remunerasi/monitoring", "/remunerasi/laporan/triwulan?tahun=2026&triwulan=4", "/remunerasi/laporan/dewas", "/remunerasi/tambahan", $"/remunerasi/tambahan/{extra}", "/remunerasi/tambahan/batas" })
        {
            var response = await dewas.GetAsync(page, Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync(Ct);
            Assert.Equal(1, System.Text.RegularExpressions.Regex.Count(html, "method=\"post\"")); // the sign-out form only
        }

        var token = KinerjaApp.AntiForgeryToken(await dewas.GetStringAsync("/remunerasi/laporan/dewas", Ct));
        var posts = new (string Path, Dictionary<string, string> Fields)[]
        {
            ("/remunerasi/perhitungan?handler=Hitung", new() { ["periode"] = "2026-11" }),
            ($"/remunerasi/perhitungan/{draft}?handler=Verifikasi", []),
            ($"/remunerasi/perhitungan/{draft}?handler=Buang", []),
            ($"/remunerasi/perhitungan/{approved.Id}?handler=Bayar", []),
            ("/remunerasi/impor?handler=Unggah", new() { ["jenis"] = "layanan", ["periode"] = "2026-11" }),
            ("/remunerasi/token-simrs?handler=Buat", new() { ["nama"] = "dewas" }),
            ("/remunerasi/tambahan?handler=Hitung", new() { ["jenis"] = "Gaji13", ["tahun"] = "2026", ["kelipatan"] = "1" }),
            ($"/remunerasi/tambahan/{extra}?handler=Tambah", new() { ["pegawai"] = "D0001", ["uraian"] = "x", ["nilai"] = "1" }),
            ($"/remunerasi/tambahan/{extra}?handler=Buang", []),
            ("/remunerasi/tambahan/batas", new() { ["klaster"] = "B", ["batas"] = "1" }),
        };
        foreach (var (path, fields) in posts)
        {
            fields["__RequestVerificationToken"] = token;
            var response = await dewas.PostAsync(path, new FormUrlEncodedContent(fields), Ct);
            var refused = response.StatusCode == HttpStatusCode.Forbidden
                || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.ToString().Contains("/akun/ditolak", StringComparison.Ordinal));
            Assert.True(refused, $"{path}: {(int)response.StatusCode} {response.Headers.Location}");
        }

        await using var check = app.Database.Open();
        Assert.Equal(statuses, await check.CalculationRuns.OrderBy(r => r.Id).Select(r => r.Status).ToListAsync(Ct));
        Assert.Equal(0, await check.SimrsApiTokens.CountAsync(Ct));
        Assert.Equal(0, await check.ExtraPayCeilings.CountAsync(Ct));
        Assert.Equal((1, 0), (await check.ExtraPayRuns.CountAsync(Ct), await check.ExtraPayLines.CountAsync(Ct)));
    }
}
