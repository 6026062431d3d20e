using Kinerja.Data.Remunerasi;
using Kinerja.Engine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Kinerja.Cli;

/// <summary>
/// <c>kinerja run --period YYYY-MM [--hospital CODE]</c>: calculates the period from the database, stores a draft run
/// (or finds the draft of the same inputs) and prints its result JSON (calculation.md §9) on stdout, exactly as
/// <c>kinerja calculate</c> prints it for the same case. Exit 0; 2 when the data cannot be calculated.
/// </summary>
public static class RunCommand
{
    public static async Task<int> RunAsync(string[] args, IConfiguration configuration, Stream? stdout = null, TextWriter? stderr = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        stderr ??= Console.Error;
        var (positional, options, error) = Hospitals.Parse(args, "--hospital", "--period", "--note");
        if (error is not null || positional.Count != 0 || !options.TryGetValue("--period", out var periodText))
        {
            stderr.WriteLine($"{(error is null ? "" : $"kinerja: {error}\n")}pemakaian / usage: kinerja run --period YYYY-MM [--hospital KODE]");
            return 2;
        }

        if (!Period.TryParse(periodText, out var period))
        {
            stderr.WriteLine($"kinerja: --period {periodText}: bukan YYYY-MM atau YYYY-Qn / not YYYY-MM or YYYY-Qn");
            return 2;
        }

        await using var db = CliConfiguration.OpenDatabase(configuration);
        var hospital = await Hospitals.FindAsync(db, options.GetValueOrDefault("--hospital"), stderr);
        if (hospital is null)
            return 2;
        var outcome = await RunService.CalculateAsync(db, hospital.Id, period, options.GetValueOrDefault("--note"));
        if (outcome.Run is null || (!outcome.Ok && !outcome.Reused))
        {
            foreach (var problem in outcome.Problems)
                stderr.WriteLine($"kinerja: {problem.Message} / {problem.English}");
            return 2;
        }

        var run = outcome.Run;
        foreach (var problem in outcome.Problems)
            stderr.WriteLine($"kinerja: {problem.Message} / {problem.English}");
        stderr.WriteLine(outcome.Reused
            ? $"kinerja: {hospital.Code} {run.Period} versi/version {run.Version} ({RunWorkflow.Label(run.Status)}): data sama, tidak ada versi baru / same data, no new version."
            : $"kinerja: {hospital.Code} {run.Period} versi/version {run.Version} disimpan sebagai draf / stored as a draft (aturan/rules v{run.RuleVersion}, sidik/fingerprint {run.InputFingerprint[..12]}).");
        var json = await db.RunInputs.AsNoTracking().Where(i => i.RunId == run.Id).Select(i => i.ResultJson).SingleAsync();
        var output = stdout ?? Console.OpenStandardOutput();
        try
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes(json + "\n");
            await output.WriteAsync(bytes);
            await output.FlushAsync();
        }
        finally
        {
            if (stdout is null)
                await output.DisposeAsync();
        }

        return 0;
    }
}
