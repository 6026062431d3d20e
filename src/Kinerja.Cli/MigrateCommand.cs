using Kinerja.Data;
using Microsoft.Extensions.Configuration;

namespace Kinerja.Cli;

/// <summary>`kinerja migrate`: applies the configured provider's migrations.</summary>
public static class MigrateCommand
{
    public static async Task<int> RunAsync(IConfiguration configuration)
    {
        await using var db = CliConfiguration.OpenDatabase(configuration);
        await Migrator.MigrateAsync(db);
        Console.WriteLine($"Basis data mutakhir / database up to date: {DatabaseSettings.From(configuration).Describe()}");
        return 0;
    }
}
