using System.Net;
using Kinerja.Data;
using Kinerja.Data.Remunerasi;
using Kinerja.Engine;
using Kinerja.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Kinerja.IntegrationTests.MasterData.MasterDataHelpers;

namespace Kinerja.IntegrationTests.MasterData;

public class StratificationPagesTests
{
    /// <summary>dokter (D0001) enters 4 on every criterion (score 4, star 3) and submits.</summary>
    static async Task SubmitTopScoresAsync(HttpClient dokter)
    {
        var fields = new Dictionary<string, string>();
        string[] criteria = ["PENDIDIKAN", "PENGALAMAN", "KONTRIBUSI_EKSEKUTIF", "KONTRIBUSI_SWASTA"];
        for (var i = 0; i < criteria.Length; i++)
        {
            fields[$"Scores[{i}].Criterion"] = criteria[i];
            fields[$"Scores[{i}].Score"] = "4";
            fields[$"Scores[{i}].Evidence"] = "Rata-rata 40 pasien eksekutif per bulan pada 2025";
        }

        AssertRedirect(await KinerjaApp.PostFormAsync(dokter, "/remunerasi/stratifikasi?handler=Ajukan", fields, "/remunerasi/stratifikasi"), "/remunerasi/stratifikasi");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Stratification_SubmitThenValidate_ChangesTheStar(DatabaseProvider provider)
    {
        await using var app = await KinerjaApp.StartAsync(provider);
        var dokter = await app.SignInAsync("dokter");
        var october = Period.Month(2026, 10);
        var (before, _) = await CalculateAsync(app, october, "D0001");

        await SubmitTopScoresAsync(dokter);

        var (submitted, _) = await CalculateAsync(app, october, "D0001");
        Assert.Contains(Flags.StratificationNotValidated, submitted.Flags);
        Assert.Equal(1, submitted.Medis!.Star);
        var own = WebUtility.HtmlDecode(await BodyAsync(await dokter.GetAsync("/remunerasi/stratifikasi", Ct)));
        Assert.Contains("Menunggu validasi", own, StringComparison.Ordinal);
        Assert.Contains("Bintang 3", own, StringComparison.Ordinal); // what the entered data would give

        var tim = await app.SignInAsync("remunerasi");
        var queue = await BodyAsync(await tim.GetAsync("/remunerasi/stratifikasi", Ct));
        Assert.Contains("/remunerasi/stratifikasi/D0001", queue, StringComparison.Ordinal);
        AssertRedirect(await KinerjaApp.PostFormAsync(tim, "/remunerasi/stratifikasi/D0001?handler=Validasi", [], "/remunerasi/stratifikasi/D0001"),
            "/remunerasi/stratifikasi/D0001");

        var (validated, _) = await CalculateAsync(app, october, "D0001");
        Assert.DoesNotContain(Flags.StratificationNotValidated, validated.Flags);
        Assert.Equal(3, validated.Medis!.Star);
        Assert.Equal(4m, validated.Medis.StratificationScore);
        Assert.NotEqual(before.Medis!.StratificationScore, validated.Medis.StratificationScore);
        await using var db = app.Database.Open();
        var staff = await db.Staff.SingleAsync(s => s.Code == "D0001", Ct);
        Assert.Equal("remunerasi", staff.StratificationValidatedBy);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Stratification_Returned_IsNotValidated(DatabaseProvider provider)
    {
        await using var app = await KinerjaApp.StartAsync(provider);
        var dokter = await app.SignInAsync("dokter");
        await SubmitTopScoresAsync(dokter);
        var direktur = await app.SignInAsync("direktur");
        var page = "/remunerasi/stratifikasi/D0001";

        var noReason = await KinerjaApp.PostFormAsync(direktur, page + "?handler=Kembalikan", new() { ["Reason"] = " " }, page);
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.Contains("Alasan pengembalian wajib diisi.", WebUtility.HtmlDecode(await BodyAsync(noReason)), StringComparison.Ordinal);

        AssertRedirect(await KinerjaApp.PostFormAsync(direktur, page + "?handler=Kembalikan", new() { ["Reason"] = "Lampirkan bukti pasien eksekutif." }, page), page);

        var (returned, _) = await CalculateAsync(app, Period.Month(2026, 10), "D0001");
        Assert.Contains(Flags.StratificationNotValidated, returned.Flags);
        Assert.Equal(1, returned.Medis!.Star);
        var own = WebUtility.HtmlDecode(await BodyAsync(await dokter.GetAsync("/remunerasi/stratifikasi", Ct)));
        Assert.Contains("Lampirkan bukti pasien eksekutif.", own, StringComparison.Ordinal);
        // Returned data cannot be validated until the doctor submits it again.
        var validate = await KinerjaApp.PostFormAsync(direktur, page + "?handler=Validasi", [], page);
        Assert.Contains("Hanya data yang sudah diajukan dokter", WebUtility.HtmlDecode(await BodyAsync(validate)), StringComparison.Ordinal);
        await using var db = app.Database.Open();
        Assert.Equal(StratificationStatus.Returned, (await db.Staff.SingleAsync(s => s.Code == "D0001", Ct)).StratificationStatus);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Doctor_SeesOnlyTheirOwnStratification(DatabaseProvider provider)
    {
        await using var app = await KinerjaApp.StartAsync(provider);
        var dokter = await app.SignInAsync("dokter");
        var own = WebUtility.HtmlDecode(await BodyAsync(await dokter.GetAsync("/remunerasi/stratifikasi", Ct)));
        Assert.Contains("D0001", own, StringComparison.Ordinal);
        Assert.DoesNotContain("D0002", own, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await dokter.GetAsync("/remunerasi/stratifikasi/D0002", Ct)).StatusCode);
        var validate = await KinerjaApp.PostFormAsync(dokter, "/remunerasi/stratifikasi/D0005?handler=Validasi", [], "/remunerasi/stratifikasi");
        Assert.NotEqual(HttpStatusCode.OK, validate.StatusCode);
        await using var db = app.Database.Open();
        Assert.Equal(StratificationStatus.Submitted, (await db.Staff.SingleAsync(s => s.Code == "D0005", Ct)).StratificationStatus);

        // A nurse has no stratification to enter.
        var perawat = await app.SignInAsync("perawat");
        var nurse = await KinerjaApp.PostFormAsync(perawat, "/remunerasi/stratifikasi?handler=Ajukan", new() { ["Scores[0].Criterion"] = "PENDIDIKAN", ["Scores[0].Score"] = "4" }, "/remunerasi/stratifikasi");
        Assert.Equal(HttpStatusCode.Forbidden, nurse.StatusCode);
    }
}
