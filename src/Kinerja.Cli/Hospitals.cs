using Kinerja.Data;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Cli;

/// <summary>Finds the hospital a command works on: by --hospital CODE, or the only one in the database.</summary>
static class Hospitals
{
    public static async Task<Institution?> FindAsync(KinerjaDb db, string? code, TextWriter stderr)
    {
        var hospitals = await db.Institutions.Where(i => i.Kind == InstitutionKind.RumahSakit).ToListAsync();
        if (code is not null)
        {
            var hospital = hospitals.FirstOrDefault(h => string.Equals(h.Code, code, StringComparison.OrdinalIgnoreCase));
            if (hospital is null)
                stderr.WriteLine($"kinerja: rumah sakit '{code}' tidak ada / no hospital '{code}'. Ada / known: {string.Join(", ", hospitals.Select(h => h.Code))}");
            return hospital;
        }

        if (hospitals.Count == 1)
            return hospitals[0];
        stderr.WriteLine(hospitals.Count == 0
            ? "kinerja: belum ada rumah sakit di basis data / no hospital in the database (kinerja import case ...)."
            : $"kinerja: ada beberapa rumah sakit; pilih dengan --hospital KODE / several hospitals; choose with --hospital CODE: {string.Join(", ", hospitals.Select(h => h.Code))}");
        return null;
    }

    /// <summary>Reads <c>--name value</c> options; the rest are positional.</summary>
    public static (List<string> Positional, Dictionary<string, string> Options, string? Error) Parse(string[] args, params string[] names)
    {
        var positional = new List<string>();
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                if (!names.Contains(args[i]) || i + 1 >= args.Length)
                    return (positional, options, $"pilihan tidak dikenal atau tanpa nilai / unknown option or missing value: {args[i]}");
                options[args[i]] = args[++i];
            }
            else
            {
                positional.Add(args[i]);
            }
        }

        return (positional, options, null);
    }
}
