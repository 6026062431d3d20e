using System.Net;
using System.Text.RegularExpressions;
using Kinerja.Data;
using Kinerja.IntegrationTests.Infrastructure;
using Kinerja.IntegrationTests.Kontrak;

namespace Kinerja.IntegrationTests.Foundation;

/// <summary>The framework's own messages (a number field left empty, text too long) reach the user in Indonesian, English second.</summary>
public class ValidationMessageTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EmptyNumber_BadNumber_AndTooLongText_AreRefusedInIndonesian_AndInEnglish()
    {
        await using var app = await KinerjaApp.StartAsync(DatabaseProvider.Sqlite);
        var dinkes = await app.SignInAsync("dinkes");
        int depok;
        await using (var db = app.Database.Open())
            depok = (await KontrakData.PuskesmasAsync(db, "PKM-DEPOK1")).Id;
        var form = await dinkes.GetStringAsync("/kontrak/ubah", Ct);
        Dictionary<string, string> Fields(string experience) => new()
        {
            ["Input.PuskesmasId"] = depok.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.RuleSetId"] = Regex.Match(form, "<option value=\"(\\d+)\"[^>]*>BOK Promkes").Groups[1].Value,
            ["Input.Position"] = new string('x', 201), ["Input.ContractorKind"] = "Person", ["Input.ContractorName"] = "Uji",
            ["Input.ExperienceMonths"] = experience, ["Input.Start"] = "2027-01-01", ["Input.End"] = "2027-12-31", ["Input.MonthlyHonorarium"] = "2700000",
        };

        var empty = WebUtility.HtmlDecode(await (await KinerjaApp.PostFormAsync(dinkes, "/kontrak/ubah", Fields(""))).Content.ReadAsStringAsync(Ct));
        Assert.Contains("Isian wajib diisi.", empty, StringComparison.Ordinal);
        Assert.Contains("Position paling banyak 200 karakter.", empty, StringComparison.Ordinal);
        Assert.DoesNotContain("is invalid", empty, StringComparison.Ordinal);
        var bad = WebUtility.HtmlDecode(await (await KinerjaApp.PostFormAsync(dinkes, "/kontrak/ubah", Fields("dua"))).Content.ReadAsStringAsync(Ct));
        Assert.Contains("Nilai \"dua\" tidak valid untuk ExperienceMonths.", bad, StringComparison.Ordinal);

        var english = WebUtility.HtmlDecode(await (await KinerjaApp.PostFormAsync(dinkes, "/kontrak/ubah?culture=en&ui-culture=en", Fields("dua"), "/kontrak/ubah")).Content.ReadAsStringAsync(Ct));
        Assert.Contains("The value 'dua' is not valid for ExperienceMonths.", english, StringComparison.Ordinal);
        Assert.Contains("Position: at most 200 characters.", english, StringComparison.Ordinal);
    }
}
