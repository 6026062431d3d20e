extern alias cli;
using cli::Kinerja.Cli;
using Kinerja.Data;
using Kinerja.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Kinerja.IntegrationTests.Foundation;

public class CliTests
{
    static IConfiguration ConfigurationFor(TestDatabase database) => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = database.Settings.Provider.ToString(),
            ["ConnectionStrings:Kinerja"] = database.Settings.ConnectionString,
        })
        .Build();

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task MigrateThenSeedDemo_FillsAnEmptyDatabaseOnce(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var configuration = ConfigurationFor(database);

        Assert.Equal(0, await MigrateCommand.RunAsync(configuration));
        Assert.Equal(0, await SeedCommand.RunAsync(["--demo"], configuration));
        Assert.Equal(1, await SeedCommand.RunAsync(["--demo"], configuration));

        await using var db = database.Open();
        Assert.Equal(8, await db.Institutions.CountAsync(TestContext.Current.CancellationToken));
        Assert.True(await db.Users.CountAsync(TestContext.Current.CancellationToken) >= Kinerja.Data.Demo.DemoSeeder.Accounts.Count);
    }
}
