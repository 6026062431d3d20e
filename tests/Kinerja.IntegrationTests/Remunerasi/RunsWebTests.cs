extern alias cli;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using cli::Kinerja.Cli;
using Kinerja.Data;
using Kinerja.Data.Remunerasi;
using Kinerja.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.IntegrationTests.Remunerasi;

public class RunsWebTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string kind, string period, string fileName, byte[] content)
    {
        var page = await client.GetStringAsync("/remunerasi/impor", Ct);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(KinerjaApp.AntiForgeryToken(page)), "__RequestVerificationToken" },
            { new StringContent(kind), "jenis" },
            { new StringContent(period), "periode" },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "berkas", fileName);
        return await client.PostAsync("/remunerasi/impor?handler=Unggah", form, Ct);
    }

    static async Task<int> RunIdAsync(KinerjaApp app, string period)
    {
        await using var db = app.Database.Open();
        return await db.CalculationRuns.Where(r => r.Period == period).OrderByDescending(r => r.Version).Select(r => r.Id).FirstAsync(Ct);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DemoMonth_ImportCalculateVerifyApprovePay_MatchesCalculate_AndAPaidMonthRefusesEdits(DatabaseProvider provider)
    {
        await using var app = await KinerjaApp.StartAsync(provider);
        var team = await app.SignInAsync("remunerasi");
        foreach (var kind in new[] { "layanan", "mutu", "nilai-tambah", "jaga" })
        {
            var file = await team.GetByteArrayAsync($"/remunerasi/impor?handler=Demo&jenis={kind}", Ct);
            var response = await UploadAsync(team, kind, "2026-11", $"demo-{kind}.csv", file);
            var html = await response.Content.ReadAsStringAsync(Ct);
            Assert.Contains("diterima", html, StringComparison.Ordinal);
        }

        var calculated = await KinerjaApp.PostFormAsync(team, "/remunerasi/perhitungan?handler=Hitung", new() { ["periode"] = "2026-11" }, "/remunerasi/perhitungan");
        Assert.Equal(HttpStatusCode.Redirect, calculated.StatusCode);
        var id = await RunIdAsync(app, "2026-11");
        var runPage = $"/remunerasi/perhitungan/{id}";

        // The calculator cannot verify their own run; another team member can.
        var own = await KinerjaApp.PostFormAsync(team, $"{runPage}?handler=Verifikasi", [], runPage);
        Assert.Contains("orang lain", await (await team.GetAsync(own.Headers.Location, Ct)).Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var verifier = await app.SignInAsync("verifikator");
        await KinerjaApp.PostFormAsync(verifier, $"{runPage}?handler=Verifikasi", [], runPage);
        var director = await app.SignInAsync("direktur");
        await KinerjaApp.PostFormAsync(director, $"{runPage}?handler=Setujui", [], runPage);
        await KinerjaApp.PostFormAsync(team, $"{runPage}?handler=Bayar", [], runPage);

        await using (var db = app.Database.Open())
        {
            var run = await db.CalculationRuns.SingleAsync(r => r.Id == id, Ct);
            Assert.Equal(RunStatus.Paid, run.Status);
            Assert.Equal(("remunerasi", "verifikator", "direktur", "remunerasi"), (run.CalculatedBy, run.VerifiedBy, run.ApprovedBy, run.PaidBy));
        }

        // The stored inputs, calculated by `kinerja calculate`, give exactly the stored result.
        var caseJson = await team.GetByteArrayAsync($"{runPage}?handler=Kasus", Ct);
        var resultJson = await team.GetStringAsync($"{runPage}?handler=Hasil", Ct);
        using var calculatedByCli = new MemoryStream();
        Assert.Equal(0, CalculateCommand.Run(new MemoryStream(caseJson), "kasus.json", calculatedByCli, null, TextWriter.Null));
        Assert.Equal(Encoding.UTF8.GetString(calculatedByCli.ToArray()), resultJson);

        // A paid month: a changed service line is refused.
        var changed = await UploadAsync(team, "layanan", "2026-11", "koreksi.csv",
            Encoding.UTF8.GetBytes("id,date,staffId,service,payer,quantity,workingHours\nL202611000001,2026-11-02,D0001,OPERASI-BESAR,NON_JKN,9,true\n"));
        Assert.Contains("sudah dibayar", await changed.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task UploadWithABadRow_ShowsItsLineAndImportsNothing(DatabaseProvider provider)
    {
        await using var app = await KinerjaApp.StartAsync(provider);
        var team = await app.SignInAsync("remunerasi");
        var csv = "id,date,staffId,service,payer,quantity,workingHours\nU1,2026-12-01,D0001,RJ-KONSUL,JKN,1,true\nU2,2026-12-01,D0001,RJ-KONSUL,JKN,dua,true\nU3,2026-12-02,D0002,USG,NON_JKN,1,false\n";

        var html = await (await UploadAsync(team, "layanan", "2026-12", "layanan.csv", Encoding.UTF8.GetBytes(csv))).Content.ReadAsStringAsync(Ct);

        Assert.Contains("Berkas ditolak", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\">3</td><td><code>quantity</code></td>", html, StringComparison.Ordinal);
        await using var db = app.Database.Open();
        Assert.Equal(0, await db.ServiceLines.CountAsync(l => l.Date >= new DateOnly(2026, 12, 1), Ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task PegawaiAndOtherInstitutions_CannotSeeRuns(DatabaseProvider provider)
    {
        await using var app = await KinerjaApp.StartAsync(provider);
        await using (var db = app.Database.Open(new SystemActor("remunerasi")))
        {
            var hospital = await db.Institutions.SingleAsync(i => i.Code == "RSUP-CONTOH", Ct);
            // The demo seeds an approved October run: calculating again gives that run back.
            Assert.NotNull((await RunService.CalculateAsync(db, hospital.Id, Kinerja.Engine.Period.Month(2026, 10), cancellationToken: Ct)).Run);
        }

        var id = await RunIdAsync(app, "2026-10");
        foreach (var user in new[] { "dokter", "perawat", "dinkes" })
        {
            var client = await app.SignInAsync(user);
            var response = await client.GetAsync($"/remunerasi/perhitungan/{id}", Ct);
            Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{user}: {response.StatusCode}");
            Assert.DoesNotContain("/akun/masuk", response.Headers.Location?.ToString() ?? "", StringComparison.Ordinal);
        }

        var dewas = await app.SignInAsync("dewas");
        Assert.Equal(HttpStatusCode.OK, (await dewas.GetAsync($"/remunerasi/perhitungan/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await dewas.GetAsync("/remunerasi/audit", Ct)).StatusCode);
        Assert.DoesNotContain("handler=Verifikasi", await dewas.GetStringAsync($"/remunerasi/perhitungan/{id}", Ct), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SimrsApi_WithToken_IsAllOrNothingAndIdempotent_AndDescribedInOpenApi(DatabaseProvider provider)
    {
        await using var app = await KinerjaApp.StartAsync(provider);
        var team = await app.SignInAsync("remunerasi");
        var created = await KinerjaApp.PostFormAsync(team, "/remunerasi/token-simrs?handler=Buat", new() { ["nama"] = "SIMRS uji" }, "/remunerasi/token-simrs");
        var token = System.Text.RegularExpressions.Regex.Match(await created.Content.ReadAsStringAsync(Ct), "<code class=\"token\">([^<]+)</code>").Groups[1].Value;
        Assert.StartsWith("knj_", token, StringComparison.Ordinal);
        var api = app.CreateClient();

        var anonymous = await api.PostAsJsonAsync("/api/v1/simrs/service-lines", new { period = "2026-12", lines = Array.Empty<object>() }, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType?.MediaType);

        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        object Line(string id, string payer) => new { id, date = "2026-12-03", staffId = "D0002", service = "RJ-KONTROL", payer, quantity = 1, workingHours = true };
        var bad = await api.PostAsJsonAsync("/api/v1/simrs/service-lines", new { period = "2026-12", lines = new[] { Line("A1", "JKN"), Line("A2", "UMUM") } }, Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        using (var problem = JsonDocument.Parse(await bad.Content.ReadAsStringAsync(Ct)))
        {
            var error = problem.RootElement.GetProperty("errors")[0];
            Assert.Equal(2, error.GetProperty("row").GetInt32());
            Assert.Equal("payer", error.GetProperty("field").GetString());
        }

        var good = new { period = "2026-12", lines = new[] { Line("A1", "JKN"), Line("A2", "NON_JKN") } };
        var first = await (await api.PostAsJsonAsync("/api/v1/simrs/service-lines", good, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        var second = await (await api.PostAsJsonAsync("/api/v1/simrs/service-lines", good, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(2, first.GetProperty("added").GetInt32());
        Assert.Equal(2, second.GetProperty("unchanged").GetInt32());
        var quality = await api.PostAsJsonAsync("/api/v1/simrs/quality-results",
            new { period = "2026-12", results = new[] { new { staffId = "D0002", indicator = "EMR", numerator = 9, denominator = 10 } } }, Ct);
        Assert.Equal(HttpStatusCode.OK, quality.StatusCode);
        await using (var db = app.Database.Open())
            Assert.Equal(2, await db.ServiceLines.CountAsync(l => l.Date >= new DateOnly(2026, 12, 1), Ct));

        var openApi = await app.CreateClient().GetStringAsync("/openapi/v1.json", Ct);
        Assert.Contains("/api/v1/simrs/service-lines", openApi, StringComparison.Ordinal);
        Assert.Contains("bearer", openApi, StringComparison.Ordinal);
    }
}
