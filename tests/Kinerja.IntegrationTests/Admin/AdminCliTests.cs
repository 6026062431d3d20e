extern alias cli;
using System.Net;
using cli::Kinerja.Cli;
using Kinerja.Data;
using Kinerja.Data.Identity;
using Kinerja.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Kinerja.IntegrationTests.Admin;

/// <summary>`kinerja institution add` and `kinerja user add` on a real installation: migrated, no demo data.</summary>
public class AdminCliTests
{
    const string Password = "Pertama#2027";

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The CLI's configuration; <paramref name="password"/> stands for the KINERJA_NEW_PASSWORD environment variable.</summary>
    static IConfiguration ConfigurationFor(TestDatabase database, string? password = null) => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = database.Settings.Provider.ToString(),
            ["ConnectionStrings:Kinerja"] = database.Settings.ConnectionString,
            [UserCommand.PasswordVariable] = password,
        })
        .Build();

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task InstitutionsAndTheFirstAdministrator_OnAnEmptyInstallation_CanSignInToTheWebApp(DatabaseProvider provider)
    {
        var database = await (await TestDatabase.CreateAsync(provider)).MigrateAsync();
        await using var app = new KinerjaApp(database); // disposes the database; its web host starts at the first request
        var configuration = ConfigurationFor(database, Password);
        var stderr = new StringWriter();

        Assert.True(0 == await InstitutionCommand.RunAsync(["add", "--code", "DINKES-KP", "--name", "Dinas Kesehatan Kabupaten Kulon Progo",
            "--kind", "DinasKesehatan", "--kabupaten", "Kabupaten Kulon Progo", "--provinsi", "Daerah Istimewa Yogyakarta"], configuration, TextWriter.Null, stderr), stderr.ToString());
        Assert.True(0 == await InstitutionCommand.RunAsync(["add", "--code", "PKM-WATES", "--name", "Puskesmas Wates", "--kind", "puskesmas",
            "--parent", "dinkes-kp"], configuration, TextWriter.Null, stderr), stderr.ToString());
        Assert.True(0 == await InstitutionCommand.RunAsync(["add", "--code", "RSUD-WATES", "--name", "RSUD Wates", "--kind", "RumahSakit",
            "--cluster", "C"], configuration, TextWriter.Null, stderr), stderr.ToString());
        var stdout = new StringWriter();
        Assert.True(0 == await UserCommand.RunAsync(["add", "--username", "pengelola", "--role", "Admin", "--email", "pengelola@kulonprogo.go.id",
            "--full-name", "Pengelola Kinerja"], configuration, TextReader.Null, stdout, stderr), stderr.ToString());
        Assert.Contains("pengelola", stdout.ToString(), StringComparison.Ordinal);
        Assert.True(0 == await UserCommand.RunAsync(["add", "--username", "kapus.wates", "--role", "KepalaPuskesmas,Anggota", "--email", "kapus@wates.id",
            "--institution", "PKM-WATES"], configuration, TextReader.Null, TextWriter.Null, stderr), stderr.ToString());

        await using (var db = database.Open())
        {
            Assert.Equal(Roles.All.Order(), (await db.Roles.Select(r => r.Name!).ToListAsync(Ct)).Order());
            var puskesmas = await db.Institutions.Include(i => i.Parent).SingleAsync(i => i.Code == "PKM-WATES", Ct);
            Assert.Equal("DINKES-KP", puskesmas.Parent!.Code);
            var kapus = await db.Users.SingleAsync(u => u.UserName == "kapus.wates", Ct);
            Assert.Equal(("kapus.wates", puskesmas.Id), (kapus.FullName, kapus.InstitutionId));
            var audit = await db.AuditEntries.Where(a => a.Actor.StartsWith("cli:")).Select(a => a.Entity + " " + a.Action).ToListAsync(Ct);
            Assert.Equal(3, audit.Count(a => a == "Institution Added"));
            Assert.Equal(2, audit.Count(a => a == "AppUser Added"));
        }

        // The web app on that database: no demo is seeded (it has institutions), and the first administrator gets in.
        var admin = await app.SignInAsync("pengelola", Password);
        var users = WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/pengguna", Ct));
        Assert.Contains("Pengelola Kinerja", users, StringComparison.Ordinal);
        Assert.Contains("2 pengguna", users, StringComparison.Ordinal);
        await app.SignInAsync("kapus.wates", Password);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task UserAdd_WithoutTheVariable_ReadsThePasswordFromStandardInput(DatabaseProvider provider)
    {
        await using var database = await (await TestDatabase.CreateAsync(provider)).MigrateAsync();
        var configuration = ConfigurationFor(database);
        var stderr = new StringWriter();

        Assert.Equal(1, await UserCommand.RunAsync(["add", "--username", "root", "--role", "Admin", "--email", "root@kinerja.id"],
            configuration, new StringReader(""), TextWriter.Null, stderr));
        Assert.Contains("kata sandi kosong", stderr.ToString(), StringComparison.Ordinal);
        Assert.True(0 == await UserCommand.RunAsync(["add", "--username", "root", "--role", "Admin", "--email", "root@kinerja.id"],
            configuration, new StringReader(Password + "\n"), TextWriter.Null, stderr), stderr.ToString());

        await using var db = database.Open();
        var user = await db.Users.SingleAsync(Ct);
        Assert.Null(user.InstitutionId);
        Assert.Equal(Microsoft.AspNetCore.Identity.PasswordVerificationResult.Success,
            new Microsoft.AspNetCore.Identity.PasswordHasher<AppUser>().VerifyHashedPassword(user, user.PasswordHash!, Password));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Refusals_SayWhatIsWrongInIndonesianThenEnglish_AndChangeNothing(DatabaseProvider provider)
    {
        await using var database = await (await TestDatabase.CreateAsync(provider)).MigrateAsync();
        var configuration = ConfigurationFor(database, "lemah");
        Assert.Equal(0, await InstitutionCommand.RunAsync(["add", "--code", "RS-A", "--name", "RS A", "--kind", "RumahSakit", "--cluster", "B"],
            configuration, TextWriter.Null, TextWriter.Null));

        var stderr = new StringWriter();
        Assert.Equal(1, await InstitutionCommand.RunAsync(["add", "--code", "rs-a", "--name", "Puskesmas Lepas", "--kind", "Puskesmas", "--parent", "RS-A"],
            configuration, TextWriter.Null, stderr));
        var institutionErrors = stderr.ToString();
        Assert.Contains("Kode rs-a sudah dipakai institusi lain. / The code rs-a is already used by another institution.", institutionErrors, StringComparison.Ordinal);
        Assert.Contains("Dinas Kesehatan induk RS-A tidak ada atau bukan Dinas Kesehatan. / The parent RS-A", institutionErrors, StringComparison.Ordinal);

        stderr = new StringWriter();
        Assert.Equal(1, await InstitutionCommand.RunAsync(["add", "--code", "X", "--name", "X", "--kind", "Klinik"], configuration, TextWriter.Null, stderr));
        Assert.Contains("Jenis Klinik tidak dikenal; pilih RumahSakit, DinasKesehatan, Puskesmas, Komunitas.", stderr.ToString(), StringComparison.Ordinal);

        stderr = new StringWriter();
        Assert.Equal(1, await UserCommand.RunAsync(["add", "--username", "dr.a", "--role", "Pegawai,Dokter", "--email", "a@rs-a.id", "--institution", "RS-A",
            "--staff-code", "D0001"], configuration, TextReader.Null, TextWriter.Null, stderr));
        var userErrors = stderr.ToString();
        Assert.Contains("Peran Dokter tidak dikenal", userErrors, StringComparison.Ordinal);
        Assert.Contains("Kode pegawai D0001 tidak ada di data pegawai RS A. / The staff code D0001 is not in the staff of RS A.", userErrors, StringComparison.Ordinal);
        Assert.Contains("Kata sandi terlalu pendek: paling sedikit 8 karakter. / The password is too short", userErrors, StringComparison.Ordinal);

        stderr = new StringWriter();
        Assert.Equal(1, await UserCommand.RunAsync(["add", "--username", "tim", "--role", "TimRemunerasi", "--email", "tim@rs-a.id", "--institution", "RS-B"],
            ConfigurationFor(database, Password), TextReader.Null, TextWriter.Null, stderr));
        Assert.Contains("Institusi RS-B tidak ada. / There is no institution RS-B.", stderr.ToString(), StringComparison.Ordinal);

        // The password is never an argument: the option does not exist.
        stderr = new StringWriter();
        Assert.Equal(2, await UserCommand.RunAsync(["add", "--username", "tim", "--role", "Admin", "--email", "tim@rs-a.id", "--password", Password],
            configuration, TextReader.Null, TextWriter.Null, stderr));
        Assert.Contains("--password", stderr.ToString(), StringComparison.Ordinal);

        await using var db = database.Open();
        Assert.Equal(1, await db.Institutions.CountAsync(Ct));
        Assert.False(await db.Users.AnyAsync(Ct));
    }
}
