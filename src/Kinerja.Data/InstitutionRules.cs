using Microsoft.EntityFrameworkCore;

namespace Kinerja.Data;

/// <summary>An institution as an administrator types it (admin page or <c>kinerja institution add</c>); codes name the parent.</summary>
public sealed record InstitutionInput(
    string? Code, string? Name, string? Kind, string? Parent = null, string? KmkCluster = null, string? KabupatenKota = null, string? Provinsi = null);

/// <summary>
/// The rules of an institution, one place for the admin page and the CLI: a unique code (case-insensitive, as the CLI
/// finds institutions), a puskesmas under a Dinas Kesehatan (whose users then see its rows, see the claims factory), a
/// hospital with its KMK cluster (which sets its remuneration ceilings). Nothing else has a parent or a cluster.
/// </summary>
public static class InstitutionRules
{
    /// <summary>
    /// Checks <paramref name="input"/> and, when it is valid, copies it into <paramref name="institution"/> (not saved).
    /// The code of a stored institution never changes: other systems (SIMRS, CLI) know the institution by it.
    /// </summary>
    public static async Task<IReadOnlyList<FieldError>> ApplyAsync(
        KinerjaDb db, InstitutionInput input, Institution institution, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(institution);
        var errors = new FieldErrors();
        var isNew = institution.Id == 0;
        var code = isNew ? errors.Text("Code", "Kode", "Code", input.Code, 40, required: true) : institution.Code;
        if (isNew && code is not null)
        {
            var upper = code.ToUpperInvariant();
            if (!code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
                errors.Add("Code", "Kode hanya boleh berisi huruf, angka, titik, garis bawah dan tanda hubung.",
                    "The code may contain only letters, digits, dots, underscores and hyphens.");
            else if (await db.Institutions.IgnoreQueryFilters().AnyAsync(i => i.Code.ToUpper() == upper, cancellationToken))
                errors.Add("Code", $"Kode {code} sudah dipakai institusi lain.", $"The code {code} is already used by another institution.");
        }

        var name = errors.Text("Name", "Nama", "Name", input.Name, 200, required: true);
        var kindText = errors.Text("Kind", "Jenis", "Kind", input.Kind, 20, required: true);
        InstitutionKind? kind = null;
        if (kindText is not null)
        {
            if (Enum.TryParse<InstitutionKind>(kindText, ignoreCase: true, out var parsed) && !char.IsAsciiDigit(kindText[0]))
                kind = parsed;
            else
                errors.Add("Kind", $"Jenis {kindText} tidak dikenal; pilih {string.Join(", ", Enum.GetNames<InstitutionKind>())}.",
                    $"Unknown kind {kindText}; choose {string.Join(", ", Enum.GetNames<InstitutionKind>())}.");
        }

        if (!isNew && kind is not null and not InstitutionKind.DinasKesehatan
            && await db.Institutions.IgnoreQueryFilters().CountAsync(i => i.ParentId == institution.Id, cancellationToken) is var children and > 0)
            errors.Add("Kind", $"Institusi ini membawahi {children} puskesmas: jenisnya harus tetap Dinas Kesehatan.",
                $"This institution has {children} puskesmas under it: its kind must stay Dinas Kesehatan.");

        var parentCode = errors.Text("Parent", "Dinas Kesehatan induk", "Parent Dinas Kesehatan", input.Parent, 40);
        Institution? parent = null;
        if (kind == InstitutionKind.Puskesmas && parentCode is null)
            errors.Add("Parent", "Dinas Kesehatan induk wajib diisi untuk puskesmas.", "A puskesmas needs its parent Dinas Kesehatan.");
        else if (kind is not null and not InstitutionKind.Puskesmas && parentCode is not null)
            errors.Add("Parent", "Hanya puskesmas yang punya Dinas Kesehatan induk.", "Only a puskesmas has a parent Dinas Kesehatan.");
        else if (parentCode is not null)
        {
            var upper = parentCode.ToUpperInvariant();
            parent = await db.Institutions.IgnoreQueryFilters().FirstOrDefaultAsync(i => i.Code.ToUpper() == upper, cancellationToken);
            if (parent?.Kind != InstitutionKind.DinasKesehatan)
                errors.Add("Parent", $"Dinas Kesehatan induk {parentCode} tidak ada atau bukan Dinas Kesehatan.",
                    $"The parent {parentCode} does not exist or is not a Dinas Kesehatan.");
        }

        var cluster = errors.Text("KmkCluster", "Klaster KMK", "KMK cluster", input.KmkCluster, 5)?.ToUpperInvariant();
        if (kind == InstitutionKind.RumahSakit && cluster is null)
            errors.Add("KmkCluster", "Klaster KMK wajib diisi untuk rumah sakit: batas remunerasinya mengikuti klaster.",
                "A hospital needs its KMK cluster: its remuneration ceilings follow it.");
        else if (kind is not null and not InstitutionKind.RumahSakit && cluster is not null)
            errors.Add("KmkCluster", "Klaster KMK hanya untuk rumah sakit.", "Only a hospital has a KMK cluster.");
        else if (cluster is not null && !cluster.All(char.IsAsciiLetterOrDigit))
            errors.Add("KmkCluster", "Klaster KMK hanya boleh berisi huruf dan angka, misalnya B.", "The KMK cluster may contain only letters and digits, e.g. B.");

        var kabupaten = errors.Text("KabupatenKota", "Kabupaten/kota", "Regency/city", input.KabupatenKota, 100);
        var provinsi = errors.Text("Provinsi", "Provinsi", "Province", input.Provinsi, 100);
        if (!errors.Ok)
            return errors.List;

        institution.Code = code!;
        institution.Name = name!;
        institution.Kind = kind!.Value;
        institution.ParentId = parent?.Id;
        institution.Parent = parent;
        institution.KmkCluster = cluster;
        institution.KabupatenKota = kabupaten;
        institution.Provinsi = provinsi;
        return [];
    }
}
