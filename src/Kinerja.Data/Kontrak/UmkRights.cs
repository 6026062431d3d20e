using Microsoft.EntityFrameworkCore;

namespace Kinerja.Data.Kontrak;

/// <summary>
/// Which UMK rows a user may save, import or delete. The rows are installation-wide and every Dinas reads them, but each
/// province's Governor sets its own: a Dinas may change only rows of its own province (its institution's
/// <see cref="Institution.Provinsi"/>), the Admin every row. A kabupaten/kota the installation already places in another
/// province (an institution there, or a UMK row of any year) stays that province's: otherwise a Dinas could set a
/// neighbour's UMK by labelling a row with its own province, as contracts look the UMK up by kabupaten/kota only.
/// </summary>
public sealed class UmkRights
{
    readonly string? province;
    readonly ILookup<string, string> provincesOf;

    UmkRights(string? province, ILookup<string, string> provincesOf) => (this.province, this.provincesOf) = (province, provincesOf);

    /// <summary>The Admin, the CLI and seeding: every row.</summary>
    public static UmkRights All { get; } = new(null, Array.Empty<string>().ToLookup(p => p));

    /// <summary>A Dinas of <paramref name="province"/>; null or empty (not recorded) may change nothing.</summary>
    public static async Task<UmkRights> OfProvinceAsync(KinerjaDb db, string? province, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var places = await db.Institutions.Where(i => i.KabupatenKota != null && i.Provinsi != null)
            .Select(i => new { Place = i.KabupatenKota!, Province = i.Provinsi! }).ToListAsync(ct);
        places.AddRange(await db.UmkRates.Select(u => new { Place = u.KabupatenKota, Province = u.Provinsi }).ToListAsync(ct));
        return new(province?.Trim() ?? "", places.ToLookup(p => p.Place.Trim(), p => p.Province.Trim(), StringComparer.OrdinalIgnoreCase));
    }

    public bool MayChange(UmkRate rate)
    {
        ArgumentNullException.ThrowIfNull(rate);
        return Refusal(0, rate.Provinsi, rate.KabupatenKota) is null;
    }

    /// <summary>Why the row may not be written (its row number and the field at fault, as an import reports it), or null.</summary>
    public ImportError? Refusal(int row, string provinsi, string kabupatenKota)
    {
        if (province is null)
            return null;
        if (province.Length == 0)
            return new(row, "provinsi", "Provinsi Dinas Anda belum tercatat, jadi UMK hanya dapat diubah oleh Admin.",
                "Your Dinas's province is not recorded, so only the Admin can change the UMK.");
        if (!Same(provinsi, province))
            return new(row, "provinsi", $"Provinsi \"{provinsi.Trim()}\" bukan provinsi Dinas Anda ({province}); UMK provinsi lain hanya dapat diubah oleh Dinas di provinsi itu atau Admin.",
                $"Province \"{provinsi.Trim()}\" is not your Dinas's province ({province}); only a Dinas of that province or the Admin can change its UMK.");
        var elsewhere = provincesOf[kabupatenKota.Trim()].FirstOrDefault(p => !Same(p, province));
        return elsewhere is null ? null
            : new(row, "kabupaten_kota", $"{kabupatenKota.Trim()} tercatat di provinsi {elsewhere}, bukan provinsi Dinas Anda ({province}); UMK-nya hanya dapat diubah oleh Dinas di provinsi itu atau Admin.",
                $"{kabupatenKota.Trim()} is recorded in the province of {elsewhere}, not your Dinas's ({province}); only a Dinas of that province or the Admin can change its UMK.");
    }

    static bool Same(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);
}
