using System.Net;
using Kinerja.Data;
using Kinerja.Data.Remunerasi;
using Kinerja.Data.Remunerasi.ExtraPay;
using Kinerja.Engine;
using Kinerja.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.IntegrationTests.Reports;

public class ExtraPayTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static async Task<ExtraPayRun> CalculateAsync(TestDatabase database, ExtraPayRequest request, string actor = "remunerasi")
    {
        var hospital = await ReportRuns.HospitalIdAsync(database);
        await using var db = database.Open(new SystemActor(actor));
        var outcome = await ExtraPayService.CalculateAsync(db, hospital, request, Ct);
        Assert.True(outcome.Ok, string.Join("; ", outcome.Problems.Select(p => p.Message)));
        return await db.ExtraPayRuns.AsNoTracking().Include(r => r.Lines).SingleAsync(r => r.Id == outcome.Run!.Id, Ct);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Gaji13_IsTheMultipleOfEachPersonsMonthlyFixedPay(DatabaseProvider provider)
    {
        await using var app = await KinerjaApp.StartAsync(provider);
        var team = await app.SignInAsync("remunerasi");
        var response = await KinerjaApp.PostFormAsync(team, "/remunerasi/tambahan?handler=Hitung",
            new() { ["jenis"] = "Gaji13", ["tahun"] = "2026", ["judul"] = "", ["kelipatan"] = "1,5" }, "/remunerasi/tambahan");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        await using var db = app.Database.Open();
        var run = await db.ExtraPayRuns.Include(r => r.Lines).SingleAsync(Ct);
        var staff = await db.Staff.AsNoTracking().ToDictionaryAsync(s => s.Code, Ct);
        Assert.Equal("Gaji ke-13 2026", run.Title);
        Assert.Equal(1.5m, run.Multiple);
        Assert.Equal(staff.Count, run.Lines.Count);
        Assert.All(run.Lines, l => Assert.Equal(Money.Round((staff[l.StaffCode].Salary + staff[l.StaffCode].Allowances) * 1.5m), l.Amount));
        Assert.Equal(run.Lines.Sum(l => l.Amount), run.Total);
        Assert.Equal(RunStatus.Draft, run.Status);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ThrInsentif_IsCappedByTheClusterCeiling_AndRefusedWithoutOne(DatabaseProvider provider)
    {
        await using var app = await KinerjaApp.StartAsync(provider);
        var october = await ReportRuns.ApproveAsync(app.Database, Period.Month(2026, 10));
        var hospital = await ReportRuns.HospitalIdAsync(app.Database);
        var request = new ExtraPayRequest(ExtraPayKind.ThrInsentif, 2026, "THR insentif 2026") { Percentage = 1, LookbackMonths = 1 };
        await using (var db = app.Database.Open(new SystemActor("remunerasi")))
        {
            var refused = await ExtraPayService.CalculateAsync(db, hospital, request, Ct);
            Assert.False(refused.Ok);
            Assert.Contains("klaster B", refused.Problems[0].Message, StringComparison.Ordinal);
        }

        // The Direksi set the cluster's ceiling on the page (audited).
        var director = await app.SignInAsync("direktur");
        await KinerjaApp.PostFormAsync(director, "/remunerasi/tambahan/batas", new() { ["klaster"] = "B", ["batas"] = "15.000.000", ["dasar"] = "KMK klaster B" });
        var run = await CalculateAsync(app.Database, request);

        await using var check = app.Database.Open();
        Assert.Equal(15_000_000m, (await check.ExtraPayCeilings.SingleAsync(Ct)).ThrCeiling);
        Assert.True(await check.AuditEntries.AnyAsync(a => a.Entity == nameof(ExtraPayCeiling), Ct));
        var incentives = await check.RunStaffResults.AsNoTracking().Where(r => r.RunId == october.Id).ToDictionaryAsync(r => r.StaffCode, r => r.Incentive, Ct);
        Assert.Equal("2026-10 v1", run.SourceRuns);
        Assert.Equal(15_000_000m, run.Ceiling);
        Assert.Contains(run.Lines, l => l.CapReduction > 0);
        Assert.All(run.Lines, l =>
        {
            Assert.Equal(Math.Min(incentives[l.StaffCode], 15_000_000m), l.Amount);
            Assert.Equal(incentives[l.StaffCode] - l.Amount, l.CapReduction);
        });
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task BonusPool_SumsExactlyToThePool_SharedByPerformanceWeightedPoints(DatabaseProvider provider)
    {
        await using var app = await KinerjaApp.StartAsync(provider);
        var team = await app.SignInAsync("remunerasi");
        await KinerjaApp.PostFormAsync(team, "/remunerasi/tambahan?handler=Hitung",
            new() { ["jenis"] = "Bonus", ["tahun"] = "2026", ["judul"] = "Bonus 2026", ["dana"] = "1.234.567.891" }, "/remunerasi/tambahan");

        await using var db = app.Database.Open();
        var run = await db.ExtraPayRuns.Include(r => r.Lines).SingleAsync(Ct);
        Assert.Equal(1_234_567_891m, run.Pool);
        Assert.Equal(1_234_567_891m, run.Lines.Sum(l => l.Amount));
        Assert.Equal(1.2m, run.MaxPerformance); // from the rules in force
        var staff = (await db.Staff.AsNoTracking().ToListAsync(Ct)).OrderBy(s => s.Ordinal).ToList();
        var expected = Money.SharePool(1_234_567_891m, staff.Select(s => s.Points * Math.Min(s.Performance, 1.2m)).ToList());
        Assert.Equal(expected, run.Lines.OrderBy(l => l.Ordinal).Select(l => l.Amount));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ExtraPayRun_NeedsAnotherVerifierAndDireksi_AndIsImmutableOnceApproved(DatabaseProvider provider)
    {
        await using var app = await KinerjaApp.StartAsync(provider);
        var run = await CalculateAsync(app.Database, new ExtraPayRequest(ExtraPayKind.Gaji13, 2026, "Gaji ke-13 2026"));
        var page = $"/remunerasi/tambahan/{run.Id}";

        var team = await app.SignInAsync("remunerasi");
        var own = await KinerjaApp.PostFormAsync(team, $"{page}?handler=Verifikasi", [], page);
        Assert.Contains("orang lain", await team.GetStringAsync(own.Headers.Location, Ct), StringComparison.Ordinal);
        var director = await app.SignInAsync("direktur");
        var early = await KinerjaApp.PostFormAsync(director, $"{page}?handler=Setujui", [], page);
        Assert.Contains("terverifikasi", await director.GetStringAsync(early.Headers.Location, Ct), StringComparison.Ordinal);
        var verifier = await app.SignInAsync("verifikator");
        await KinerjaApp.PostFormAsync(verifier, $"{page}?handler=Verifikasi", [], page);
        var byTeam = await KinerjaApp.PostFormAsync(verifier, $"{page}?handler=Setujui", [], page);
        Assert.Contains("/akun/ditolak", byTeam.Headers.Location?.ToString() ?? "", StringComparison.Ordinal);
        await KinerjaApp.PostFormAsync(director, $"{page}?handler=Setujui", [], page);

        await using (var db = app.Database.Open(new SystemActor("remunerasi")))
        {
            var approved = await db.ExtraPayRuns.Include(r => r.Lines).SingleAsync(r => r.Id == run.Id, Ct);
            Assert.Equal((RunStatus.Approved, "verifikator", "direktur"), (approved.Status, approved.VerifiedBy, approved.ApprovedBy));
            approved.Lines[0].Amount += 1;
            await Assert.ThrowsAsync<ClosedRecordException>(() => db.SaveChangesAsync(Ct));
        }

        await using (var db = app.Database.Open(new SystemActor("remunerasi")))
        {
            var approved = await db.ExtraPayRuns.SingleAsync(r => r.Id == run.Id, Ct);
            approved.Title = "Diubah";
            await Assert.ThrowsAsync<ClosedRecordException>(() => db.SaveChangesAsync(Ct));
        }

        await using (var db = app.Database.Open(new SystemActor("remunerasi")))
        {
            db.ExtraPayRuns.Remove(await db.ExtraPayRuns.SingleAsync(r => r.Id == run.Id, Ct));
            await Assert.ThrowsAsync<ClosedRecordException>(() => db.SaveChangesAsync(Ct));
        }

        var discard = await KinerjaApp.PostFormAsync(team, $"{page}?handler=Buang", [], page);
        Assert.Equal(page, discard.Headers.Location?.ToString());
        await KinerjaApp.PostFormAsync(team, $"{page}?handler=Bayar", [], page);
        await using (var db = app.Database.Open(new SystemActor("remunerasi")))
        {
            var paid = await db.ExtraPayRuns.SingleAsync(r => r.Id == run.Id, Ct);
            Assert.Equal(RunStatus.Paid, paid.Status);
            Assert.Equal(run.Total, paid.Total);
            paid.Status = RunStatus.Approved;
            await Assert.ThrowsAsync<ClosedRecordException>(() => db.SaveChangesAsync(Ct));
        }

        await using var audit = app.Database.Open();
        Assert.Equal(4, await audit.AuditEntries.CountAsync(a => a.Entity == nameof(ExtraPayRun) && a.EntityKey == run.Id.ToString(), Ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task NonCash_IsRecordedPerItem_AndNeverPaid(DatabaseProvider provider)
    {
        await using var app = await KinerjaApp.StartAsync(provider);
        var run = await CalculateAsync(app.Database, new ExtraPayRequest(ExtraPayKind.NonTunai, 2026, "Pelatihan 2026"));
        var page = $"/remunerasi/tambahan/{run.Id}";
        var team = await app.SignInAsync("remunerasi");
        await KinerjaApp.PostFormAsync(team, $"{page}?handler=Tambah", new() { ["pegawai"] = "D0003", ["uraian"] = "Pelatihan ATLS", ["nilai"] = "7.500.000" }, page);
        var unknown = await KinerjaApp.PostFormAsync(team, $"{page}?handler=Tambah", new() { ["pegawai"] = "X9", ["uraian"] = "?", ["nilai"] = "1" }, page);
        Assert.Contains("X9 tidak ditemukan", await team.GetStringAsync(unknown.Headers.Location, Ct), StringComparison.Ordinal);

        await using var db = app.Database.Open(new SystemActor("verifikator"));
        var recorded = await db.ExtraPayRuns.Include(r => r.Lines).SingleAsync(Ct);
        Assert.Equal((1, 7_500_000m, "Pelatihan ATLS"), (recorded.StaffCount, recorded.Total, recorded.Lines[0].Description));
        Assert.Null(await ExtraPayService.VerifyAsync(db, run.Id, Ct));
        await using var director = app.Database.Open(new SystemActor("direktur"));
        Assert.Null(await ExtraPayService.ApproveAsync(director, run.Id, Ct));
        Assert.Contains("tidak dibayar", (await ExtraPayService.MarkPaidAsync(director, run.Id, Ct))!.Message, StringComparison.Ordinal);
    }
}
