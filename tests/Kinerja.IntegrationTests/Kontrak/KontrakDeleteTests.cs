using System.Net;
using Kinerja.Data;
using Kinerja.Data.Kontrak;
using Kinerja.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.IntegrationTests.Kontrak;

/// <summary>What the Dinas may delete: a draft never activated, an applicant nothing was made from, a UMK row no contract is held to.</summary>
public partial class KontrakWebTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Dinas_DeletesADraft_ButNeverAnActiveContract_AndTheKepalaPuskesmasDeletesNothing(DatabaseProvider provider)
    {
        await using var app = await StartAsync(provider);
        var draft = await ContractIdAsync(app, "Siti Aminah, S.KM");
        var active = await ContractIdAsync(app, "Rina Wulandari, S.KM");
        var dinkes = await app.SignInAsync("dinkes");

        var kapus = await app.SignInAsync("kapus");
        var refused = await KinerjaApp.PostFormAsync(kapus, $"/kontrak/{active}?handler=Delete", [], $"/kontrak/{active}");
        Assert.Contains("/akun/ditolak", refused.Headers.Location?.ToString() ?? "", StringComparison.Ordinal);

        var kept = await KinerjaApp.PostFormAsync(dinkes, $"/kontrak/{active}?handler=Delete", [], $"/kontrak/{active}");
        Assert.Equal($"/kontrak/{active}", kept.Headers.Location?.ToString());

        var page = await dinkes.GetStringAsync($"/kontrak/{draft}", Ct);
        Assert.Contains("Ya, hapus draf ini", page, StringComparison.Ordinal);
        var deleted = await KinerjaApp.PostFormAsync(dinkes, $"/kontrak/{draft}?handler=Delete", [], $"/kontrak/{draft}");
        Assert.Equal("/kontrak", deleted.Headers.Location?.ToString());
        Assert.Contains("Draf kontrak Siti Aminah, S.KM dihapus.", await dinkes.GetStringAsync("/kontrak", Ct), StringComparison.Ordinal);

        await using var db = app.Database.Open();
        Assert.False(await db.Contracts.IgnoreQueryFilters().AnyAsync(c => c.Id == draft, Ct));
        Assert.Equal(ContractStatus.Active, (await db.Contracts.IgnoreQueryFilters().SingleAsync(c => c.Id == active, Ct)).Status);
        var audit = await db.AuditEntries.SingleAsync(a => a.Entity == nameof(Contract) && a.EntityKey == draft.ToString(System.Globalization.CultureInfo.InvariantCulture) && a.After == null, Ct);
        Assert.Equal("dinkes", audit.Actor);
        Assert.Contains("Siti Aminah", audit.Before, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Dinas_DeletesAnApplicant_UnlessAContractWasMadeFromIt(DatabaseProvider provider)
    {
        await using var app = await StartAsync(provider);
        int fajar, putri;
        await using (var db = app.Database.Open())
        {
            fajar = await db.Applicants.IgnoreQueryFilters().Where(a => a.FullName == "Fajar Setiawan, S.KM").Select(a => a.Id).SingleAsync(Ct);
            putri = await db.Applicants.IgnoreQueryFilters().Where(a => a.FullName == "Putri Maharani, S.KM").Select(a => a.Id).SingleAsync(Ct);
            var contract = await db.Contracts.IgnoreQueryFilters().SingleAsync(c => c.ContractorName == "Siti Aminah, S.KM", Ct);
            contract.ApplicantId = fajar;
            await db.SaveChangesAsync(Ct);
        }

        var dinkes = await app.SignInAsync("dinkes");
        var refused = await KinerjaApp.PostFormAsync(dinkes, $"/kontrak/pelamar/ubah/{fajar}?handler=Delete", [], $"/kontrak/pelamar/ubah/{fajar}");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("sudah menjadi dasar draf atau kontrak", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var deleted = await KinerjaApp.PostFormAsync(dinkes, $"/kontrak/pelamar/ubah/{putri}?handler=Delete", [], $"/kontrak/pelamar/ubah/{putri}");
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        await using (var db = app.Database.Open())
        {
            Assert.True(await db.Applicants.IgnoreQueryFilters().AnyAsync(a => a.Id == fajar, Ct));
            Assert.False(await db.Applicants.IgnoreQueryFilters().AnyAsync(a => a.Id == putri, Ct));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Dinas_DeletesAUmkRow_ButNotOneAContractIsHeldTo(DatabaseProvider provider)
    {
        await using var app = await StartAsync(provider);
        int sleman, bantul;
        await using (var db = app.Database.Open())
        {
            sleman = await db.UmkRates.Where(u => u.KabupatenKota == "Kabupaten Sleman" && u.Year == 2026).Select(u => u.Id).SingleAsync(Ct);
            bantul = await db.UmkRates.Where(u => u.KabupatenKota == "Kabupaten Bantul" && u.Year == 2026).Select(u => u.Id).SingleAsync(Ct);
        }

        var dinkes = await app.SignInAsync("dinkes");
        var refused = await KinerjaApp.PostFormAsync(dinkes, $"/kontrak/umk?handler=Delete&umkId={sleman}", [], "/kontrak/umk");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("UMK Kabupaten Sleman 2026 dipakai untuk memeriksa kontrak", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var deleted = await KinerjaApp.PostFormAsync(dinkes, $"/kontrak/umk?handler=Delete&umkId={bantul}", [], "/kontrak/umk");
        Assert.Equal("/kontrak/umk", deleted.Headers.Location?.ToString());
        Assert.Contains("UMK Kabupaten Bantul 2026 dihapus.", await dinkes.GetStringAsync("/kontrak/umk", Ct), StringComparison.Ordinal);
        await using (var db = app.Database.Open())
        {
            Assert.True(await db.UmkRates.AnyAsync(u => u.Id == sleman, Ct));
            Assert.False(await db.UmkRates.AnyAsync(u => u.Id == bantul, Ct));
        }
    }
}
