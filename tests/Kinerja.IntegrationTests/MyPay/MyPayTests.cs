using System.Globalization;
using System.Net;
using System.Text;
using Kinerja.Data;
using Kinerja.Data.Demo;
using Kinerja.Data.Remunerasi;
using Kinerja.Engine;
using Kinerja.IntegrationTests.Infrastructure;
using Kinerja.Web;
using Kinerja.Web.Features.MyPay;
using Kinerja.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;
using ServiceLine = Kinerja.Data.Remunerasi.ServiceLine;

namespace Kinerja.IntegrationTests.MyPay;

public class MyPayTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static async Task<CalculationRun> RunAsync(KinerjaApp app, string period)
    {
        await using var db = app.Database.Open();
        return await db.CalculationRuns.Where(r => r.Period == period).OrderByDescending(r => r.Version).FirstAsync(Ct);
    }

    static async Task<RunStaffResult> RowAsync(KinerjaApp app, int runId, string staffCode)
    {
        await using var db = app.Database.Open();
        return await db.RunStaffResults.SingleAsync(r => r.RunId == runId && r.StaffCode == staffCode, Ct);
    }

    static string Html(string text) => WebUtility.HtmlEncode(text);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DemoSeed_HasPaidAndApprovedRuns_ThatRunServiceWouldCalculateTheSame(DatabaseProvider provider)
    {
        await using var app = await KinerjaApp.StartAsync(provider);
        await using var db = app.Database.Open(new SystemActor("remunerasi"));
        var runs = await db.CalculationRuns.OrderBy(r => r.Period).ToListAsync(Ct);

        Assert.Equal(DemoSeeder.DemoPaidMonths.Select(p => p.ToString()).Append("2026-10"), runs.Select(r => r.Period));
        Assert.All(runs.SkipLast(1), r => Assert.Equal(RunStatus.Paid, r.Status));
        Assert.Equal(RunStatus.Approved, runs[^1].Status);
        Assert.Equal(("remunerasi", "verifikator", "direktur"), (runs[^1].CalculatedBy, runs[^1].VerifiedBy, runs[^1].ApprovedBy));
        var hospital = await db.Institutions.SingleAsync(i => i.Code == "RSUP-CONTOH", Ct);
        var again = await RunService.CalculateAsync(db, hospital.Id, Period.Month(2026, 10), cancellationToken: Ct);
        Assert.True(again.Reused);
        Assert.Equal(runs[^1].Id, again.Run!.Id);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Slip_EqualsTheRunsRow_AndTheExplanationAddsUpToIt(DatabaseProvider provider)
    {
        await using var app = await KinerjaApp.StartAsync(provider);
        var october = await RunAsync(app, "2026-10");
        var row = await RowAsync(app, october.Id, "D0001");
        var doctor = await app.SignInAsync("dokter");

        var slip = await doctor.GetStringAsync("/remunerasi/saya", Ct);
        Assert.Contains(Html(row.Name), slip, StringComparison.Ordinal);
        foreach (var amount in new[] { row.FixedPay, row.Incentive, row.Total, row.PerformanceIncentive })
            Assert.Contains(Format.Rupiah(amount), slip, StringComparison.Ordinal);
        Assert.Contains("/remunerasi/saya/2026-10/rincian", slip, StringComparison.Ordinal);

        var why = (await doctor.GetStringAsync("/remunerasi/saya/2026-10/rincian", Ct)).Replace("&nbsp;", " ", StringComparison.Ordinal);
        Assert.Contains(Html($"Jasa pelayanan Anda: {row.UnitsJkn + row.UnitsNonJkn} layanan"), why, StringComparison.Ordinal);
        Assert.Contains(Html($"= {Format.Rupiah(row.Total)}."), why, StringComparison.Ordinal);
        Assert.Contains(Html(Format.Rupiah(row.BaseAmount!.Value)), why, StringComparison.Ordinal);
        var second = await doctor.GetStringAsync("/remunerasi/saya/2026-10/rincian?hal=2", Ct);
        Assert.Contains("Halaman 2 dari", second, StringComparison.Ordinal);

        // Every person of the run: the lines add up to the base amount, the recalculation equals the row, and the
        // story ends on the slip's amount.
        var t = app.Services.GetRequiredService<IStringLocalizer<SharedResource>>();
        var culture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("id-ID");
        try
        {
            await using var db = app.Database.Open();
            var rows = await db.RunStaffResults.Where(r => r.RunId == october.Id).OrderBy(r => r.Ordinal).ToListAsync(Ct);
            Assert.Equal(october.StaffCount, rows.Count);
            foreach (var person in rows)
            {
                var detail = await PayDetail.LoadAsync(db, new PaySlip(october, person), Ct);
                Assert.NotNull(detail);
                Assert.True(detail.MatchesRun, person.StaffCode);
                if (person.BaseAmount is { } baseAmount)
                {
                    Assert.Equal(baseAmount, detail.LinesTotal);
                    Assert.Equal(person.UnitsJkn + person.UnitsNonJkn, detail.Units);
                }
                else
                {
                    Assert.Empty(detail.Lines);
                }

                var story = PayStory.Tell(detail, t);
                Assert.EndsWith($"= {Format.Rupiah(person.Total)}.", story[^1].Sentence, StringComparison.Ordinal);
                Assert.Equal(person.FixedPay + person.Incentive + person.Duty + person.Perikatan, person.Total);
                if (person.Perikatan > 0)
                    Assert.Contains(story, s => s.Sentence.Contains($"kelebihan {Format.Rupiah(person.Perikatan)} dibayar sebagai perikatan", StringComparison.Ordinal));
                if (person.Withheld > 0)
                    Assert.Contains(story, s => s.Sentence.Contains($"kelebihan {Format.Rupiah(person.Withheld)} ditahan", StringComparison.Ordinal));
                if (person.CapReduction > 0)
                    Assert.Contains(story, s => s.Sentence.Contains($"melebihi batas {Format.Rupiah(person.CapReduction)}", StringComparison.Ordinal));
            }
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Employee_SeesOnlyTheirOwnPay_NeverAnotherPersonsOrTheRun(DatabaseProvider provider)
    {
        await using var app = await KinerjaApp.StartAsync(provider);
        var october = await RunAsync(app, "2026-10");
        var nurse = await RowAsync(app, october.Id, "P0001");
        var unit = (await RowAsync(app, october.Id, "D0001")).Unit!;
        var doctor = await app.SignInAsync("dokter");

        foreach (var path in new[]
                 {
                     $"/remunerasi/perhitungan/{october.Id}/slip/P0001.pdf", $"/remunerasi/perhitungan/{october.Id}/slip/D0001.pdf",
                     $"/remunerasi/perhitungan/{october.Id}/slip-unit.pdf?unit={Uri.EscapeDataString(unit)}", $"/remunerasi/perhitungan/{october.Id}/excel",
                 })
        {
            var response = await doctor.GetAsync(path, Ct);
            Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{path}: {response.StatusCode}");
            Assert.NotEqual("application/pdf", response.Content.Headers.ContentType?.MediaType);
        }

        // Nothing in the address chooses whose pay: the doctor's own slip, whatever is asked for.
        var page = await doctor.GetStringAsync("/remunerasi/saya?staf=P0001&staffCode=P0001", Ct);
        Assert.DoesNotContain(Html(nurse.Name), page, StringComparison.Ordinal);
        var pdf = Encoding.Latin1.GetString(await doctor.GetByteArrayAsync("/remunerasi/saya/2026-10/slip.pdf?staf=P0001", Ct));
        Assert.Contains("(D0001)", pdf, StringComparison.Ordinal);
        Assert.DoesNotContain(nurse.Name, pdf, StringComparison.Ordinal);
        var downloads = await doctor.GetAsync($"/remunerasi/perhitungan/{october.Id}/unduhan", Ct);
        Assert.NotEqual(HttpStatusCode.OK, downloads.StatusCode);

        var perawat = await app.SignInAsync("perawat");
        Assert.Equal(HttpStatusCode.Forbidden, (await perawat.GetAsync($"/remunerasi/perhitungan/{october.Id}/excel", Ct)).StatusCode);
        Assert.Contains(Html(nurse.Name), await perawat.GetStringAsync("/remunerasi/saya", Ct), StringComparison.Ordinal);
        // Someone of another institution finds no run at all.
        var dinkes = await app.SignInAsync("dinkes");
        Assert.Equal(HttpStatusCode.Forbidden, (await dinkes.GetAsync($"/remunerasi/perhitungan/{october.Id}/excel", Ct)).StatusCode);
        var admin = await app.SignInAsync("admin");
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/remunerasi/perhitungan/{october.Id}/slip/P0001.pdf", Ct)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Drafts_AreInvisibleToEmployees_AndOnlyTheTeamGetsTheirSlipsMarkedDraf(DatabaseProvider provider)
    {
        await using var app = await KinerjaApp.StartAsync(provider);
        int hospitalId;
        await using (var db = app.Database.Open(new SystemActor("remunerasi")))
        {
            hospitalId = (await db.Institutions.SingleAsync(i => i.Code == "RSUP-CONTOH", Ct)).Id;
            // A late line of the doctor in October (approved, not paid: its data may still change) and a November draft.
            db.ServiceLines.Add(new ServiceLine
            {
                InstitutionId = hospitalId, LineId = "LATE-1", Date = new DateOnly(2026, 10, 30), StaffCode = "D0001", Service = "OPERASI-BESAR",
                Payer = Payer.NonJkn, Quantity = 1,
            });
            await db.SaveChangesAsync(Ct);
            Assert.True((await RunService.CalculateAsync(db, hospitalId, Period.Month(2026, 10), cancellationToken: Ct)).Ok);
            Assert.True((await RunService.CalculateAsync(db, hospitalId, Period.Month(2026, 11), cancellationToken: Ct)).Ok);
        }

        RunStaffResult approved;
        await using (var db = app.Database.Open())
        {
            var v1 = await db.CalculationRuns.SingleAsync(r => r.Period == "2026-10" && r.Version == 1, Ct);
            approved = await db.RunStaffResults.SingleAsync(r => r.RunId == v1.Id && r.StaffCode == "D0001", Ct);
        }

        var draft = await RunAsync(app, "2026-10");
        Assert.Equal(2, draft.Version);
        var draftRow = await RowAsync(app, draft.Id, "D0001");
        Assert.NotEqual(approved.Total, draftRow.Total);
        var november = await RunAsync(app, "2026-11");

        var doctor = await app.SignInAsync("dokter");
        var page = await doctor.GetStringAsync("/remunerasi/saya", Ct);
        Assert.Contains(Format.Rupiah(approved.Total), page, StringComparison.Ordinal);
        Assert.DoesNotContain(Format.Rupiah(draftRow.Total), page, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"2026-11\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await doctor.GetAsync("/remunerasi/saya?periode=2026-11", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await doctor.GetAsync("/remunerasi/saya/2026-11/rincian", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await doctor.GetAsync("/remunerasi/saya/2026-11/slip.pdf", Ct)).StatusCode);

        var team = await app.SignInAsync("remunerasi");
        var draftPdf = Encoding.Latin1.GetString(await team.GetByteArrayAsync($"/remunerasi/perhitungan/{november.Id}/slip/D0001.pdf", Ct));
        Assert.Contains("DRAF \u0097 belum disetujui", draftPdf, StringComparison.Ordinal);
        var finalPdf = Encoding.Latin1.GetString(await team.GetByteArrayAsync($"/remunerasi/perhitungan/{approved.RunId}/slip/D0001.pdf", Ct));
        Assert.DoesNotContain("DRAF", finalPdf, StringComparison.Ordinal);
        Assert.Contains("disetujui oleh dr. Hartono", finalPdf, StringComparison.Ordinal);
        var admin = await app.SignInAsync("admin");
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync($"/remunerasi/perhitungan/{november.Id}/slip/D0001.pdf", Ct)).StatusCode);

        // Once the correction is approved, the employee sees it.
        await using (var db = app.Database.Open(new SystemActor("verifikator")))
            Assert.Null(await RunService.VerifyAsync(db, draft.Id, Ct));
        await using (var db = app.Database.Open(new SystemActor("direktur")))
            Assert.Null(await RunService.ApproveAsync(db, draft.Id, Ct));
        page = await doctor.GetStringAsync("/remunerasi/saya", Ct);
        Assert.Contains(Format.Rupiah(draftRow.Total), page, StringComparison.Ordinal);
        Assert.Contains("Versi perhitungan 2", page, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SlipPdfs_AreValidPdfs_WithTheStaffName(DatabaseProvider provider)
    {
        await using var app = await KinerjaApp.StartAsync(provider);
        var october = await RunAsync(app, "2026-10");
        var doctorRow = await RowAsync(app, october.Id, "D0001");
        var nurseRow = await RowAsync(app, october.Id, "P0001");

        var own = await (await app.SignInAsync("dokter")).GetAsync("/remunerasi/saya/2026-10/slip.pdf", Ct);
        Assert.Equal("application/pdf", own.Content.Headers.ContentType?.MediaType);
        var ownText = Encoding.Latin1.GetString(await own.Content.ReadAsByteArrayAsync(Ct));
        Assert.StartsWith("%PDF-", ownText, StringComparison.Ordinal);
        Assert.EndsWith("%%EOF\n", ownText, StringComparison.Ordinal);
        Assert.Contains($"({doctorRow.Name})", ownText, StringComparison.Ordinal);
        Assert.Contains("(RSUP Contoh)", ownText, StringComparison.Ordinal);
        Assert.Contains("Oktober 2026", ownText, StringComparison.Ordinal);
        Assert.Contains($"({Format.Rupiah(doctorRow.Total)})", ownText, StringComparison.Ordinal);

        var team = await app.SignInAsync("remunerasi");
        var nurse = Encoding.Latin1.GetString(await team.GetByteArrayAsync($"/remunerasi/perhitungan/{october.Id}/slip/P0001.pdf", Ct));
        Assert.StartsWith("%PDF-", nurse, StringComparison.Ordinal);
        Assert.Contains($"({nurseRow.Name})", nurse, StringComparison.Ordinal);

        await using var db = app.Database.Open();
        var unitRows = await db.RunStaffResults.Where(r => r.RunId == october.Id && r.Unit == doctorRow.Unit).ToListAsync(Ct);
        var unit = Encoding.Latin1.GetString(await team.GetByteArrayAsync($"/remunerasi/perhitungan/{october.Id}/slip-unit.pdf?unit={Uri.EscapeDataString(doctorRow.Unit!)}", Ct));
        Assert.StartsWith("%PDF-", unit, StringComparison.Ordinal);
        Assert.Contains($"/Count {unitRows.Count + 1} ", unit, StringComparison.Ordinal);
        Assert.All(unitRows, r => Assert.Contains($"({r.Name})", unit, StringComparison.Ordinal));
        Assert.Contains($"({Format.Rupiah(unitRows.Sum(r => r.Total))})", unit, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await team.GetAsync($"/remunerasi/perhitungan/{october.Id}/slip-unit.pdf?unit=Tidak+ada", Ct)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RunExcel_Opens_WithEveryPersonAndTotalsEqualToTheRun(DatabaseProvider provider)
    {
        await using var app = await KinerjaApp.StartAsync(provider);
        var october = await RunAsync(app, "2026-10");
        List<RunStaffResult> rows;
        await using (var db = app.Database.Open())
            rows = await db.RunStaffResults.Where(r => r.RunId == october.Id).ToListAsync(Ct);

        foreach (var user in new[] { "direktur", "dewas" })
            Assert.Equal(HttpStatusCode.OK, (await (await app.SignInAsync(user)).GetAsync($"/remunerasi/perhitungan/{october.Id}/excel", Ct)).StatusCode);
        var xlsx = await (await app.SignInAsync("remunerasi")).GetByteArrayAsync($"/remunerasi/perhitungan/{october.Id}/excel", Ct);

        using var stream = new MemoryStream(xlsx);
        Assert.Equal([RunExcel.ResultSheet, RunExcel.FlagSheet, RunExcel.RunSheet], MiniExcel.GetSheetNames(stream));
        var result = stream.Query(useHeaderRow: true, sheetName: RunExcel.ResultSheet).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(october.StaffCount + 1, result.Count);
        var totals = result[^1];
        Assert.Equal(RunExcel.TotalCode, totals["Kode (id)"]);
        decimal Sum(string column) => Convert.ToDecimal(totals[column], CultureInfo.InvariantCulture);
        Assert.Equal(october.FixedPay, Sum("Gaji dan tunjangan (fixedPay)"));
        Assert.Equal(october.Incentive, Sum("Insentif (incentive)"));
        Assert.Equal(october.Duty, Sum("Uang jaga (duty)"));
        Assert.Equal(october.Perikatan, Sum("Perikatan (perikatan)"));
        Assert.Equal(october.Withheld, Sum("Ditahan (withheld)"));
        Assert.Equal(october.CapReduction, Sum("Potongan batas KMK (capReduction)"));
        Assert.Equal(october.Total, Sum("Jumlah diterima (total)"));
        var d0001 = result.Single(r => (string?)r["Kode (id)"] == "D0001");
        var row = rows.Single(r => r.StaffCode == "D0001");
        Assert.Equal(row.Total, Convert.ToDecimal(d0001["Jumlah diterima (total)"], CultureInfo.InvariantCulture));
        Assert.Equal(row.Star, Convert.ToInt32(d0001["Bintang (star)"], CultureInfo.InvariantCulture));

        var flags = stream.Query(useHeaderRow: true, sheetName: RunExcel.FlagSheet).Cast<IDictionary<string, object?>>().ToList();
        var expected = rows.Sum(r => r.Flags.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length)
            + october.Flags.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        Assert.Equal(expected, flags.Count);
        Assert.Contains(flags, f => (string?)f["Tanda (flag)"] == Flags.StratificationNotValidated);
    }
}
