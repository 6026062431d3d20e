using System.Net;
using System.Text.RegularExpressions;
using Kinerja.Data;
using Kinerja.Data.Remunerasi;
using Kinerja.Data.Remunerasi.ExtraPay;
using Kinerja.IntegrationTests.Infrastructure;
using Kinerja.IntegrationTests.Reports;
using Kinerja.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.IntegrationTests.MyPay;

/// <summary>"Pendapatan tambahan" on /remunerasi/saya and its PDF slip: one's own lines of approved or paid runs only.</summary>
public class ExtraPayMineTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// An extra pay run as people make one: calculated (and its non-cash items recorded) by remunerasi, verified by
    /// verifikator, approved by direktur, paid by remunerasi when <paramref name="until"/> says so.
    /// </summary>
    public static async Task<ExtraPayRun> RunAsync(TestDatabase database, ExtraPayRequest request, RunStatus until,
        params (string StaffCode, string Description, decimal Value)[] items)
    {
        var hospital = await ReportRuns.HospitalIdAsync(database);
        int id;
        await using (var db = database.Open(new SystemActor("remunerasi")))
        {
            var outcome = await ExtraPayService.CalculateAsync(db, hospital, request, Ct);
            Assert.True(outcome.Ok, string.Join("; ", outcome.Problems.Select(p => p.Message)));
            id = outcome.Run!.Id;
            foreach (var (code, description, value) in items)
                Assert.Null(await ExtraPayService.AddNonCashAsync(db, id, code, description, value, Ct));
        }

        if (until != RunStatus.Draft)
        {
            await using (var db = database.Open(new SystemActor("verifikator")))
                Assert.Null(await ExtraPayService.VerifyAsync(db, id, Ct));
            await using (var db = database.Open(new SystemActor("direktur")))
                Assert.Null(await ExtraPayService.ApproveAsync(db, id, Ct));
        }

        if (until == RunStatus.Paid)
        {
            await using var db = database.Open(new SystemActor("remunerasi"));
            Assert.Null(await ExtraPayService.MarkPaidAsync(db, id, Ct));
        }

        await using (var db = database.Open())
            return await db.ExtraPayRuns.AsNoTracking().Include(r => r.Lines).SingleAsync(r => r.Id == id, Ct);
    }

    static HashSet<int> ListedRuns(string html) =>
        Regex.Matches(html, "<tr data-run=\"(\\d+)\"").Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();

    static string Pdf(int runId) => $"/remunerasi/saya/tambahan/{runId}/slip.pdf";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Employee_SeesOnlyTheirOwnLines_OfApprovedOrPaidRuns_AndTheirPdf(DatabaseProvider provider)
    {
        await using var app = await KinerjaApp.StartAsync(provider);
        var gaji13 = await RunAsync(app.Database, new ExtraPayRequest(ExtraPayKind.Gaji13, 2026, "Gaji ke-13 2026") { Multiple = 1.5m }, RunStatus.Paid);
        var training = await RunAsync(app.Database, new ExtraPayRequest(ExtraPayKind.NonTunai, 2026, "Pelatihan dokter 2026"), RunStatus.Approved,
            ("D0001", "Pelatihan ATLS, Jakarta, 3 hari", 7_500_000m));
        var nurses = await RunAsync(app.Database, new ExtraPayRequest(ExtraPayKind.NonTunai, 2026, "Beasiswa perawat 2026"), RunStatus.Approved,
            ("P0001", "Beasiswa D4 keperawatan", 12_000_000m));
        var draft = await RunAsync(app.Database, new ExtraPayRequest(ExtraPayKind.Bonus, 2026, "Bonus 2026 masih draf") { Pool = 500_000_000m }, RunStatus.Draft);
        var mine = gaji13.Lines.Single(l => l.StaffCode == "D0001");
        Assert.Contains(draft.Lines, l => l.StaffCode == "D0001");

        var doctor = await app.SignInAsync("dokter");
        var html = WebUtility.HtmlDecode(await doctor.GetStringAsync("/remunerasi/saya", Ct)).Replace('\u00a0', ' ');
        Assert.Contains("Pendapatan tambahan", html, StringComparison.Ordinal);
        Assert.Equal(new HashSet<int> { gaji13.Id, training.Id }, ListedRuns(html));
        Assert.Contains("Gaji ke-13 2026", html, StringComparison.Ordinal);
        Assert.Contains($"1,5 × gaji dan tunjangan bulanan {Format.Rupiah(mine.Basis)}", html, StringComparison.Ordinal);
        Assert.Contains(Format.Rupiah(mine.Amount), html, StringComparison.Ordinal);
        Assert.Contains("Sudah dibayar", html, StringComparison.Ordinal);
        Assert.Contains("Pelatihan ATLS, Jakarta, 3 hari", html, StringComparison.Ordinal);
        Assert.Contains("Dicatat, tidak dibayar", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Beasiswa", html, StringComparison.Ordinal);
        Assert.DoesNotContain("masih draf", html, StringComparison.Ordinal);
        Assert.Contains(Pdf(gaji13.Id), html, StringComparison.Ordinal);

        // Another employee's run, a draft with the doctor's line, a run that does not exist: 404, never someone's slip.
        foreach (var runId in new[] { nurses.Id, draft.Id, 999_999 })
        {
            var refused = await doctor.GetAsync(Pdf(runId), Ct);
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        }

        var team = await app.SignInAsync("remunerasi"); // no staff code: no slip of anyone's
        Assert.Equal(HttpStatusCode.NotFound, (await team.GetAsync(Pdf(gaji13.Id), Ct)).StatusCode);

        var nurse = await app.SignInAsync("perawat");
        var nursePage = WebUtility.HtmlDecode(await nurse.GetStringAsync("/remunerasi/saya", Ct));
        Assert.Contains(nurses.Id, ListedRuns(nursePage));
        Assert.DoesNotContain("Pelatihan ATLS", nursePage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await nurse.GetAsync(Pdf(nurses.Id), Ct)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ExtraPayPdf_NamesTheHospitalTheRunItsApproval_AndTheAmounts(DatabaseProvider provider)
    {
        await using var app = await KinerjaApp.StartAsync(provider);
        var gaji13 = await RunAsync(app.Database, new ExtraPayRequest(ExtraPayKind.Gaji13, 2026, "Gaji ke-13 2026"), RunStatus.Paid);
        var training = await RunAsync(app.Database, new ExtraPayRequest(ExtraPayKind.NonTunai, 2026, "Pelatihan dokter 2026"), RunStatus.Approved,
            ("D0001", "Pelatihan ATLS, Jakarta, 3 hari", 7_500_000m), ("D0001", "Seminar nasional", 2_500_000m), ("P0001", "Beasiswa D4", 12_000_000m));
        var mine = gaji13.Lines.Single(l => l.StaffCode == "D0001");
        string hospital;
        await using (var db = app.Database.Open())
            hospital = await db.Institutions.Where(i => i.Code == "RSUP-CONTOH").Select(i => i.Name).SingleAsync(Ct);

        var doctor = await app.SignInAsync("dokter");
        var response = await doctor.GetAsync($"/remunerasi/saya/tambahan/{gaji13.Id}/slip.pdf", Ct);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"slip-tambahan-{gaji13.Id}-D0001.pdf", response.Content.Headers.ContentDisposition?.FileName);
        var text = await PdfText.OfAsync(await response.Content.ReadAsByteArrayAsync(Ct), Ct);
        Assert.Contains(hospital, text, StringComparison.Ordinal);
        Assert.Contains("Slip pendapatan tambahan: Gaji ke-13 2026", text, StringComparison.Ordinal);
        Assert.Contains($"Perhitungan nomor {gaji13.Id}", text, StringComparison.Ordinal);
        Assert.Contains("disetujui oleh dr. Hartono", text, StringComparison.Ordinal);
        Assert.Contains(mine.Name, text, StringComparison.Ordinal);
        Assert.Contains($"1 × gaji dan tunjangan bulanan {Format.Rupiah(mine.Basis)}", text, StringComparison.Ordinal);
        Assert.Contains($"Jumlah diterima {Format.Rupiah(mine.Amount)}", text, StringComparison.Ordinal);
        Assert.Contains("Sudah dibayar", text, StringComparison.Ordinal);
        Assert.DoesNotContain("DRAF", text, StringComparison.Ordinal);

        var nonCashPdf = await doctor.GetByteArrayAsync($"/remunerasi/saya/tambahan/{training.Id}/slip.pdf", Ct);
        if (Environment.GetEnvironmentVariable("KINERJA_REPORT_OUT") is { Length: > 0 } outDir && provider == DatabaseProvider.Sqlite)
            await File.WriteAllBytesAsync(Path.Combine(outDir, "slip-tambahan-non-tunai.pdf"), nonCashPdf, Ct);
        var nonCash = await PdfText.OfAsync(nonCashPdf, Ct);
        Assert.Contains("Pelatihan ATLS, Jakarta, 3 hari Rp 7.500.000", nonCash, StringComparison.Ordinal);
        Assert.Contains("Seminar nasional Rp 2.500.000", nonCash, StringComparison.Ordinal);
        Assert.Contains("Nilai dicatat, tidak dibayar Rp 10.000.000", nonCash, StringComparison.Ordinal);
        Assert.Contains("tidak dapat diuangkan dan tidak dibayar", nonCash, StringComparison.Ordinal);
        Assert.DoesNotContain("Beasiswa", nonCash, StringComparison.Ordinal);
        Assert.DoesNotContain("Jumlah diterima", nonCash, StringComparison.Ordinal);
    }
}
