using System.Net;
using Kinerja.Data;
using Kinerja.Data.Remunerasi;
using Kinerja.Engine;
using Kinerja.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.IntegrationTests.MasterData;

static class MasterDataHelpers
{
    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<int> HospitalIdAsync(KinerjaApp app)
    {
        await using var db = app.Database.Open();
        return (await db.Institutions.SingleAsync(i => i.Code == "RSUP-CONTOH", Ct)).Id;
    }

    /// <summary>Calculates the hospital's case of <paramref name="period"/> as a run would, and returns one staff member's result.</summary>
    public static async Task<(StaffResult Result, BuiltCase Built)> CalculateAsync(KinerjaApp app, Period period, string staffCode)
    {
        var hospitalId = await HospitalIdAsync(app);
        await using var db = app.Database.Open();
        var built = await CaseBuilder.BuildAsync(db, hospitalId, period, Ct);
        Assert.True(built.Ok, string.Join("; ", built.Problems));
        var result = Calculator.Calculate(built.Case!);
        return (result.Staff.Single(s => s.Id == staffCode), built);
    }

    public static async Task<string> BodyAsync(HttpResponseMessage response) => await response.Content.ReadAsStringAsync(Ct);

    public static void AssertRedirect(HttpResponseMessage response, string startsWith)
    {
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            var html = WebUtility.HtmlDecode(response.Content.ReadAsStringAsync().GetAwaiter().GetResult());
            var main = html.IndexOf("<main", StringComparison.Ordinal) is var at and >= 0 ? html[at..Math.Min(html.Length, at + 3000)] : html;
            Assert.Fail($"Expected a redirect to {startsWith}, got {(int)response.StatusCode}: {main}");
        }

        Assert.StartsWith(startsWith, response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    /// <summary>The form fields of every row of a rule list, as the edit page posts them back.</summary>
    public static Dictionary<string, string> ServiceRows(IEnumerable<ServiceRate> services)
    {
        var fields = new Dictionary<string, string>();
        var i = 0;
        foreach (var s in services.OrderBy(s => s.Ordinal))
        {
            fields[$"Rows[{i}].Id"] = s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            fields[$"Rows[{i}].Code"] = s.Code;
            fields[$"Rows[{i}].Name"] = s.Name;
            if (s.Visit)
                fields[$"Rows[{i}].Visit"] = "true";
            fields[$"Rows[{i}].RateJkn"] = s.RateJkn.ToString("0", System.Globalization.CultureInfo.InvariantCulture);
            fields[$"Rows[{i}].RateNonJkn"] = s.RateNonJkn.ToString("0", System.Globalization.CultureInfo.InvariantCulture);
            i++;
        }

        return fields;
    }
}
