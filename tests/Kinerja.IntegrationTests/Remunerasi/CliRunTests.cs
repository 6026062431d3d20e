extern alias cli;
using Kinerja.Engine.Tests;
using System.Text.Json;
using cli::Kinerja.Cli;
using Kinerja.Data;
using Kinerja.Data.Remunerasi;
using Kinerja.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Kinerja.IntegrationTests.Remunerasi;

public class CliRunTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    internal static IConfiguration ConfigurationFor(TestDatabase database) => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = database.Settings.Provider.ToString(),
            ["ConnectionStrings:Kinerja"] = database.Settings.ConnectionString,
        })
        .Build();

    public static TheoryData<DatabaseProvider, string> ExamplesOnEachProvider()
    {
        var data = new TheoryData<DatabaseProvider, string>();
        foreach (var provider in new[] { DatabaseProvider.Sqlite, DatabaseProvider.Postgres })
        {
            foreach (var name in Examples.Names())
                data.Add(provider, name.Data);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ExamplesOnEachProvider))]
    public async Task ImportCaseThenRun_PrintsExactlyWhatCalculatePrints(DatabaseProvider provider, string example)
    {
        await using var database = await (await TestDatabase.CreateAsync(provider)).MigrateAsync();
        var configuration = ConfigurationFor(database);
        var path = Examples.CasePath(example);
        using var json = JsonDocument.Parse(await File.ReadAllBytesAsync(path, Ct));
        var period = json.RootElement.GetProperty("period").GetString()!;
        var hospital = json.RootElement.GetProperty("hospital").GetProperty("code").GetString()!;

        var importOut = new StringWriter();
        var importErr = new StringWriter();
        Assert.True(await ImportCommand.RunAsync(["case", path], configuration, importOut, importErr) == 0, importErr.ToString());
        using var run = new MemoryStream();
        var runErr = new StringWriter();
        Assert.True(await RunCommand.RunAsync(["--period", period, "--hospital", hospital], configuration, run, runErr) == 0, runErr.ToString());
        using var calculated = new MemoryStream();
        await using (var input = File.OpenRead(path))
            Assert.Equal(0, CalculateCommand.Run(input, path, calculated, null, TextWriter.Null));

        Assert.Equal(System.Text.Encoding.UTF8.GetString(calculated.ToArray()), System.Text.Encoding.UTF8.GetString(run.ToArray()));

        // The run is stored as a draft with its inputs; the same inputs again give the same version, not a new one.
        Assert.Equal(0, await ImportCommand.RunAsync(["case", path], configuration, TextWriter.Null, TextWriter.Null));
        using var again = new MemoryStream();
        Assert.Equal(0, await RunCommand.RunAsync(["--period", period], configuration, again, TextWriter.Null));
        Assert.Equal(run.ToArray(), again.ToArray());
        await using var db = database.Open();
        var stored = Assert.Single(await db.CalculationRuns.ToListAsync(Ct));
        Assert.Equal(RunStatus.Draft, stored.Status);
        Assert.Equal(64, stored.InputFingerprint.Length);
    }

    [Fact]
    public async Task ImportCase_OfAnInvalidCase_PrintsEveryErrorOnTheOutputGiven_AndLoadsNothing()
    {
        await using var database = await (await TestDatabase.CreateAsync(DatabaseProvider.Sqlite)).MigrateAsync();
        var document = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(Examples.CasePath(Examples.Names().First().Data), Ct))!;
        document["services"]![0]!["staffId"] = "TIDAK-ADA";
        document["services"]![1]!["quantity"] = -1;
        var path = Path.Combine(database.Directory, "salah.case.json");
        await File.WriteAllTextAsync(path, document.ToJsonString(), Ct);

        var stdout = new StringWriter();
        Assert.Equal(2, await ImportCommand.RunAsync(["case", path], ConfigurationFor(database), stdout, TextWriter.Null));
        using var errors = JsonDocument.Parse(stdout.ToString());
        var paths = errors.RootElement.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("path").GetString()).ToList();
        Assert.Contains("services[0].staffId", paths);
        Assert.Contains("services[1].quantity", paths);
        await using var db = database.Open();
        Assert.False(await db.CalculationRuns.AnyAsync(Ct));
        Assert.False(await db.Staff.IgnoreQueryFilters().AnyAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Run_WithSeveralHospitals_AsksForTheHospital(DatabaseProvider provider)
    {
        await using var database = await (await TestDatabase.CreateAsync(provider)).MigrateAsync();
        var configuration = ConfigurationFor(database);
        foreach (var name in Examples.Names())
            Assert.Equal(0, await ImportCommand.RunAsync(["case", Examples.CasePath(name.Data)], configuration, TextWriter.Null, TextWriter.Null));

        var stderr = new StringWriter();
        Assert.Equal(2, await RunCommand.RunAsync(["--period", "2026-10"], configuration, Stream.Null, stderr));
        Assert.Contains("--hospital", stderr.ToString(), StringComparison.Ordinal);
    }
}
