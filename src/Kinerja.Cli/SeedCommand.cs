using Kinerja.Data;
using Kinerja.Data.Demo;
using Microsoft.Extensions.Configuration;

namespace Kinerja.Cli;

/// <summary>`kinerja seed --demo`: migrates, then seeds the demo installation into an empty database.</summary>
public static class SeedCommand
{
    public static async Task<int> RunAsync(string[] args, IConfiguration configuration)
    {
        if (!args.Contains("--demo"))
        {
            Console.Error.WriteLine("Pakai / use: kinerja seed --demo");
            return 2;
        }
        await using var db = CliConfiguration.OpenDatabase(configuration);
        await Migrator.MigrateAsync(db);
        if (!await DemoSeeder.SeedAsync(db))
        {
            Console.Error.WriteLine("Basis data sudah berisi data; demo tidak dimuat / the database is not empty; demo not seeded.");
            return 1;
        }
        Console.WriteLine($"Data demo dimuat / demo data seeded. Kata sandi akun demo / demo password: {DemoSeeder.DemoPassword}");
        return 0;
    }
}
