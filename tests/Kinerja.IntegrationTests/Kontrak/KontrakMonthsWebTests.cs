using System.Net;
using Kinerja.Data;
using Kinerja.Data.Demo;
using Kinerja.Data.Kontrak;
using Kinerja.Engine.Kontrak;
using Kinerja.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.IntegrationTests.Kontrak;

/// <summary>
/// Which months stay open on the pages: a renewed contract's last months, a terminated contract's months before the
/// termination, a draft's targets; and the applicant a contract was drafted from, hired at activation.
/// </summary>
public partial class KontrakWebTests
{
    static async Task<int> MonthTargetAsync(App app, int contract, string month, TargetStatus status)
    {
        await using var db = app.Database.Open();
        var first = DateOnly.ParseExact(month + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return await db.MonthlyTargets.Where(t => t.ContractId == contract && t.Month == first && t.Status == status).Select(t => t.Id).FirstAsync(Ct);
    }

    static async Task<HttpResponseMessage> ReportAsync(HttpClient worker, int contract, string month, int target) =>
        await KinerjaApp.PostFormAsync(worker, $"/kontrak/saya?kontrak={contract}&bulan={month}", new()
        {
            ["Report.TargetId"] = target.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Report.Quantity"] = "5",
            ["Report.Note"] = "Daftar hadir terlampir.",
        });

    static async Task<HttpResponseMessage> VerifyAsync(HttpClient kapus, int contract, string month, int target) =>
        await KinerjaApp.PostFormAsync(kapus, $"/kontrak/{contract}/target/{month}?handler=Verify", new()
        {
            ["Verify.TargetId"] = target.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Verify.Verified"] = "5",
        }, $"/kontrak/{contract}/target/{month}");

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RenewedContract_ItsLastMonth_IsWrittenReportedAndVerified(DatabaseProvider provider)
    {
        await using var app = await StartAsync(provider);
        int rina;
        await using (var db = app.Database.Open(clock: FixedClock.DemoToday))
        {
            var (old, draft) = await ContractWorkflowTests.RenewedRinaAsync(db);
            Assert.DoesNotContain(await db.ActivateAsync(draft, Ct), v => v.Blocks);
            Assert.Equal(ContractStatus.Renewed, old.Status);
            rina = old.Id;
        }
        var kapus = await app.SignInAsync("kapus");
        var december = $"/kontrak/{rina}/target/2026-12";
        Assert.Contains("Tambah target tertulis", await kapus.GetStringAsync(december, Ct), StringComparison.Ordinal);
        var added = await KinerjaApp.PostFormAsync(kapus, december + "?handler=Add", new()
        {
            ["Line.Activity"] = "Penyuluhan PHBS di sekolah", ["Line.Unit"] = "sekolah", ["Line.Quantity"] = "5",
        }, december);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var target = await MonthTargetAsync(app, rina, "2026-12", TargetStatus.Set);

        var worker = await app.SignInAsync(DemoSeeder.KontrakWorkerUserName);
        var reported = await ReportAsync(worker, rina, "2026-12", target);
        Assert.True(reported.StatusCode == HttpStatusCode.Redirect, await reported.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.Redirect, (await VerifyAsync(kapus, rina, "2026-12", target)).StatusCode);

        await using var check = app.Database.Open();
        var verified = await check.MonthlyTargets.SingleAsync(t => t.Id == target, Ct);
        Assert.Equal((TargetStatus.Verified, 5m), (verified.Status, verified.VerifiedQuantity));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TerminatedContract_MonthsUpToTheTermination_StayOpen_LaterMonthsAreClosed(DatabaseProvider provider)
    {
        await using var app = await StartAsync(provider);
        var rina = await ContractIdAsync(app, "Rina Wulandari, S.KM");
        int december;
        await using (var db = app.Database.Open(clock: FixedClock.DemoToday))
        {
            var contract = await db.Contracts.SingleAsync(c => c.Id == rina, Ct);
            var line = new MonthlyTarget
            {
                ContractId = rina, InstitutionId = contract.InstitutionId, Month = new DateOnly(2026, 12, 1), Activity = "Penyuluhan PHBS di sekolah",
                Unit = "sekolah", Quantity = 5, Status = TargetStatus.Set,
            };
            db.MonthlyTargets.Add(line);
            await db.SaveChangesAsync(Ct);
            december = line.Id;
            await db.TerminateAsync(contract, "Mengundurkan diri", new DateOnly(2026, 11, 15), Ct);
        }
        var november = await MonthTargetAsync(app, rina, "2026-11", TargetStatus.Reported);

        var worker = await app.SignInAsync(DemoSeeder.KontrakWorkerUserName);
        Assert.Equal(HttpStatusCode.Redirect, (await ReportAsync(worker, rina, "2026-11", november)).StatusCode);
        var kapus = await app.SignInAsync("kapus");
        Assert.Equal($"/kontrak/{rina}/target/2026-11", (await VerifyAsync(kapus, rina, "2026-11", november)).Headers.Location?.OriginalString);

        // December lies after the termination: no page, no target written, no report.
        Assert.Equal(HttpStatusCode.NotFound, (await kapus.GetAsync($"/kontrak/{rina}/target/2026-12", Ct)).StatusCode);
        var add = await KinerjaApp.PostFormAsync(kapus, $"/kontrak/{rina}/target/2026-12?handler=Add", new()
        {
            ["Line.Activity"] = "Kunjungan rumah", ["Line.Unit"] = "keluarga", ["Line.Quantity"] = "5",
        }, $"/kontrak/{rina}/target/2026-11");
        Assert.Equal(HttpStatusCode.NotFound, add.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ReportAsync(worker, rina, "2026-12", december)).StatusCode);
        var months = await worker.GetStringAsync($"/kontrak/saya?kontrak={rina}", Ct);
        Assert.Contains("value=\"2026-11\"", months, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"2026-12\"", months, StringComparison.Ordinal);
        Assert.Contains("(diputus)", months, StringComparison.Ordinal); // the worker sees the effective end, not the signed one

        await using var check = app.Database.Open();
        Assert.Equal(TargetStatus.Verified, (await check.MonthlyTargets.SingleAsync(t => t.Id == november, Ct)).Status);
        Assert.Equal(TargetStatus.Set, (await check.MonthlyTargets.SingleAsync(t => t.Id == december, Ct)).Status);
        Assert.Equal(1, await check.MonthlyTargets.CountAsync(t => t.ContractId == rina && t.Month == new DateOnly(2026, 12, 1), Ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Draft_ItsTargetsAreWrittenAndListedInTheAgreement_ButNothingIsReportedOrVerified(DatabaseProvider provider)
    {
        await using var app = await StartAsync(provider);
        int draft;
        await using (var db = app.Database.Open(clock: FixedClock.DemoToday))
        {
            var contract = await KontrakData.ValidDraftAtDepokAsync(db);
            (contract.InstitutionId, contract.Start, contract.End) = ((await KontrakData.PuskesmasAsync(db, "PKM-MOYUDAN")).Id, new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31));
            contract.WorkerUserId = await db.Users.Where(u => u.UserName == DemoSeeder.KontrakWorkerUserName).Select(u => u.Id).SingleAsync(Ct);
            await db.SaveChangesAsync(Ct);
            draft = contract.Id;
        }
        var kapus = await app.SignInAsync("kapus");
        var january = $"/kontrak/{draft}/target/2027-01";
        Assert.Contains("Kontrak masih draf", WebUtility.HtmlDecode(await kapus.GetStringAsync(january, Ct)), StringComparison.Ordinal);
        var added = await KinerjaApp.PostFormAsync(kapus, january + "?handler=Add", new()
        {
            ["Line.Activity"] = "Penyuluhan kesehatan reproduksi remaja", ["Line.Unit"] = "kegiatan", ["Line.Quantity"] = "4",
        }, january);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);

        var pdf = System.Text.Encoding.Latin1.GetString(await kapus.GetByteArrayAsync($"/kontrak/{draft}/spk.pdf", Ct));
        Assert.Contains("Penyuluhan kesehatan reproduksi remaja", pdf, StringComparison.Ordinal);
        Assert.Contains("Target bulan Januari 2027", pdf, StringComparison.Ordinal);
        Assert.DoesNotContain("ditetapkan tertulis oleh Kepala Puskesmas pada awal setiap bulan", pdf, StringComparison.Ordinal);

        int target;
        await using (var db = app.Database.Open())
            target = await db.MonthlyTargets.Where(t => t.ContractId == draft).Select(t => t.Id).SingleAsync(Ct);
        var verify = await KinerjaApp.PostFormAsync(kapus, january + "?handler=Verify", new() { ["Verify.TargetId"] = target.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Verify.Verified"] = "4" }, january);
        Assert.Contains("/akun/ditolak", verify.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
        var worker = await app.SignInAsync(DemoSeeder.KontrakWorkerUserName);
        Assert.Equal(HttpStatusCode.NotFound, (await ReportAsync(worker, draft, "2027-01", target)).StatusCode);
        await using var check = app.Database.Open();
        Assert.Equal(TargetStatus.Set, (await check.MonthlyTargets.SingleAsync(t => t.Id == target, Ct)).Status);
        // Nor does it count as achievement in the Dinas's report of 2027.
        var report = await (await app.SignInAsync("dinkes")).GetStringAsync("/kontrak/laporan?tahun=2027", Ct);
        Assert.Contains("Belum ada target pada tahun ini.", report, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ContractFromAnApplicant_HiresThemAtActivation_NotAtTheDraft(DatabaseProvider provider)
    {
        await using var app = await StartAsync(provider);
        Applicant applicant;
        await using (var db = app.Database.Open())
            applicant = await db.Applicants.SingleAsync(a => a.FullName == "Fajar Setiawan, S.KM", Ct);
        var fajar = applicant.Id;
        var dinkes = await app.SignInAsync("dinkes");
        var form = $"/kontrak/ubah?pelamar={fajar}";
        Assert.Contains("Fajar Setiawan, S.KM", await dinkes.GetStringAsync(form, Ct), StringComparison.Ordinal);
        var saved = await KinerjaApp.PostFormAsync(dinkes, form, new()
        {
            ["Input.PuskesmasId"] = applicant.InstitutionId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.RuleSetId"] = applicant.RuleSetId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.Position"] = "Tenaga Promosi Kesehatan",
            ["Input.ContractorKind"] = "Person", ["Input.ContractorName"] = "Fajar Setiawan, S.KM", ["Input.Education"] = "S1", ["Input.HealthEducation"] = "true",
            ["Input.Major"] = "Kesehatan Masyarakat", ["Input.Specialisation"] = "Promosi Kesehatan", ["Input.ExperienceMonths"] = "20",
            ["Input.FundingSource"] = "BOK", ["Input.BudgetLine"] = "BOK Puskesmas 2026: honor promkes", ["Input.SkNumber"] = "188/0200/KPTS/DINKES/2026",
            ["Input.SkDate"] = "2026-11-25", ["Input.Start"] = "2026-12-01", ["Input.End"] = "2026-12-31", ["Input.MonthlyHonorarium"] = "2650000",
            ["Input.JknEnrolled"] = "true",
        });
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync(Ct));
        var detail = saved.Headers.Location!.OriginalString.Split('?')[0];
        var id = int.Parse(detail.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        await using (var db = app.Database.Open())
        {
            Assert.Equal(fajar, (await db.Contracts.SingleAsync(c => c.Id == id, Ct)).ApplicantId);
            Assert.Equal(ApplicantStatus.New, (await db.Applicants.SingleAsync(a => a.Id == fajar, Ct)).Status);
        }
        // The applicant's record holds the Dinas criteria, so nothing is left for the Dinas to confirm; a contract
        // drafted directly (Moyudan's) shows the required criterion as a warning.
        Assert.DoesNotContain(ContractRules.Codes.ExtraUnrecorded, await dinkes.GetStringAsync(detail, Ct), StringComparison.Ordinal);
        var direct = await dinkes.GetStringAsync($"/kontrak/{await ContractIdAsync(app, "Rina Wulandari, S.KM")}", Ct);
        Assert.Contains($"data-code=\"{ContractRules.Codes.ExtraUnrecorded}\"", direct, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await KinerjaApp.PostFormAsync(dinkes, detail + "?handler=Activate", [], detail)).StatusCode);
        await using var check = app.Database.Open();
        Assert.Equal(ApplicantStatus.Hired, (await check.Applicants.SingleAsync(a => a.Id == fajar, Ct)).Status);
        Assert.Equal(ContractStatus.Active, (await check.Contracts.SingleAsync(c => c.ApplicantId == fajar, Ct)).Status);
    }
}
