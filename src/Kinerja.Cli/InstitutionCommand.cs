using Kinerja.Data;
using Microsoft.Extensions.Configuration;

namespace Kinerja.Cli;

/// <summary>
/// <c>kinerja institution add --code C --name N --kind RumahSakit|DinasKesehatan|Puskesmas|Komunitas [--parent CODE]
/// [--cluster A] [--kabupaten ..] [--provinsi ..]</c>: adds an institution by the admin page's rules
/// (<see cref="InstitutionRules"/>, audited). Exit 0 when added, 1 when refused, 2 on bad usage.
/// </summary>
public static class InstitutionCommand
{
    public static async Task<int> RunAsync(string[] args, IConfiguration configuration, TextWriter? stdout = null, TextWriter? stderr = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        stdout ??= Console.Out;
        stderr ??= Console.Error;
        var (positional, options, error) = Hospitals.Parse(args, "--code", "--name", "--kind", "--parent", "--cluster", "--kabupaten", "--provinsi");
        if (error is not null || positional is not ["add"])
            return Usage(stderr, error);

        await using var db = CliConfiguration.OpenDatabase(configuration);
        var institution = new Institution { Code = "", Name = "" };
        var errors = await InstitutionRules.ApplyAsync(db, new InstitutionInput(
            options.GetValueOrDefault("--code"), options.GetValueOrDefault("--name"), options.GetValueOrDefault("--kind"),
            options.GetValueOrDefault("--parent"), options.GetValueOrDefault("--cluster"), options.GetValueOrDefault("--kabupaten"),
            options.GetValueOrDefault("--provinsi")), institution);
        if (errors.Count > 0)
        {
            foreach (var e in errors)
                stderr.WriteLine($"kinerja: {e}");
            return 1;
        }

        db.Institutions.Add(institution);
        await db.SaveChangesAsync();
        stdout.WriteLine($"Institusi ditambahkan / institution added: {institution.Code} ({institution.Name}, {institution.Kind})");
        return 0;
    }

    static int Usage(TextWriter stderr, string? error)
    {
        if (error is not null)
            stderr.WriteLine($"kinerja: {error}");
        stderr.WriteLine("""
            Pakai / use: kinerja institution add --code KODE --name NAMA --kind RumahSakit|DinasKesehatan|Puskesmas|Komunitas
                                                 [--parent KODE-DINAS] [--cluster KLASTER] [--kabupaten ..] [--provinsi ..]
            Puskesmas wajib --parent (Dinas Kesehatan); rumah sakit wajib --cluster / a puskesmas needs --parent, a hospital --cluster.
            """);
        return 2;
    }
}
