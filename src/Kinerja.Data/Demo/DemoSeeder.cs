using Kinerja.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Data.Demo;

/// <summary>The institutions of the demo, handed to each part's seeding.</summary>
public sealed record DemoInstitutions(
    Institution Hospital, Institution Dinas, IReadOnlyList<Institution> Puskesmas, Institution Community)
{
    public Institution Moyudan => Puskesmas[0];
}

/// <summary>A demo account, listed on the login page in demo mode.</summary>
public sealed record DemoAccount(string UserName, string FullName, string Role, string Institution);

/// <summary>
/// Seeds the demo installation on an empty database: RSUP Contoh (cluster B), Dinas Kesehatan
/// Kabupaten Sleman with five puskesmas, and the community of practice; one account per role.
/// Each part of the product seeds its own rows in its own partial file.
/// </summary>
public static partial class DemoSeeder
{
    /// <summary>The demo password: demo accounts only, never used for real ones.</summary>
    public const string DemoPassword = "Demo#2026";

    /// <summary>The institution of an installation-wide account (no institution: sees all).</summary>
    public const string AllInstitutions = "";

    public static readonly IReadOnlyList<DemoAccount> Accounts =
    [
        new("admin", "Admin Kinerja", Roles.Admin, AllInstitutions),
        new("remunerasi", "Sri Wahyuni, S.E.", Roles.TimRemunerasi, "RSUP Contoh"),
        new("verifikator", "Bambang Susilo, S.E., M.M.", Roles.TimRemunerasi, "RSUP Contoh"),
        new("direktur", "dr. Hartono, Sp.PD, MARS", Roles.Direksi, "RSUP Contoh"),
        new("dokter", "dr. Dokter 1", Roles.Pegawai, "RSUP Contoh"),
        new("perawat", "Pegawai 1", Roles.Pegawai, "RSUP Contoh"),
        new("dewas", "Drs. Slamet Riyadi, M.Si.", Roles.DewanPengawas, "RSUP Contoh"),
        new("dinkes", "Evita Rahmawati, SKM", Roles.DinasKesehatan, "Dinas Kesehatan Kabupaten Sleman"),
        new("kapus", "drg. Nur Aini", Roles.KepalaPuskesmas, "Puskesmas Moyudan"),
        new(KontrakWorkerUserName, "Rina Wulandari, S.KM", Roles.Anggota, "Puskesmas Moyudan"),
        new("moderator", "Dwi Handono Sulistyo", Roles.Moderator, "Masyarakat Praktisi"),
        new("anggota", "Susilaningsih", Roles.Anggota, "Masyarakat Praktisi"),
    ];

    /// <summary>Seeds when the database holds no institution yet; returns whether it seeded.</summary>
    public static async Task<bool> SeedAsync(KinerjaDb db, CancellationToken cancellationToken = default)
    {
        if (await db.Institutions.IgnoreQueryFilters().AnyAsync(cancellationToken))
            return false;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var institutions = Institutions();
        db.Institutions.AddRange([institutions.Hospital, institutions.Dinas, .. institutions.Puskesmas, institutions.Community]);
        await db.SaveChangesAsync(cancellationToken);

        AddRolesAndUsers(db, institutions);
        SeedRemunerasi(db, institutions);
        SeedKontrak(db, institutions);
        SeedCommunity(db, institutions);
        await db.SaveChangesAsync(cancellationToken);
        await SeedRemunerasiRunsAsync(db, institutions, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    static partial void SeedRemunerasi(KinerjaDb db, DemoInstitutions institutions);

    static partial void SeedKontrak(KinerjaDb db, DemoInstitutions institutions);

    static partial void SeedCommunity(KinerjaDb db, DemoInstitutions institutions);

    static DemoInstitutions Institutions()
    {
        const string diy = "Daerah Istimewa Yogyakarta";
        var dinas = new Institution
        {
            Code = "DINKES-SLEMAN", Name = "Dinas Kesehatan Kabupaten Sleman", Kind = InstitutionKind.DinasKesehatan,
            KabupatenKota = "Kabupaten Sleman", Provinsi = diy,
        };
        Institution Puskesmas(string code, string name) => new()
        {
            Code = code, Name = name, Kind = InstitutionKind.Puskesmas, KabupatenKota = "Kabupaten Sleman", Provinsi = diy, Parent = dinas,
        };
        return new DemoInstitutions(
            new Institution
            {
                Code = "RSUP-CONTOH", Name = "RSUP Contoh", Kind = InstitutionKind.RumahSakit, KmkCluster = "B",
                KabupatenKota = "Kota Yogyakarta", Provinsi = diy,
            },
            dinas,
            [
                Puskesmas("PKM-MOYUDAN", "Puskesmas Moyudan"),
                Puskesmas("PKM-GODEAN1", "Puskesmas Godean I"),
                Puskesmas("PKM-GAMPING1", "Puskesmas Gamping I"),
                Puskesmas("PKM-DEPOK1", "Puskesmas Depok I"),
                Puskesmas("PKM-MLATI1", "Puskesmas Mlati I"),
            ],
            new Institution { Code = "KOMUNITAS", Name = "Masyarakat Praktisi", Kind = InstitutionKind.Komunitas });
    }

    static void AddRolesAndUsers(KinerjaDb db, DemoInstitutions institutions)
    {
        var roles = Roles.All.ToDictionary(r => r, r => new IdentityRole(r) { NormalizedName = r.ToUpperInvariant(), ConcurrencyStamp = Guid.NewGuid().ToString() });
        db.Roles.AddRange(roles.Values);

        var byName = new[] { institutions.Hospital, institutions.Dinas, institutions.Moyudan, institutions.Community }
            .ToDictionary(i => i.Name);
        // One hash for every demo account: hashing is deliberately slow, and these share a password anyway.
        var hash = new PasswordHasher<AppUser>().HashPassword(null!, DemoPassword);
        foreach (var account in Accounts)
        {
            var email = $"{account.UserName}@demo.kinerja.id";
            var user = new AppUser
            {
                UserName = account.UserName,
                NormalizedUserName = account.UserName.ToUpperInvariant(),
                Email = email,
                NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true,
                FullName = account.FullName,
                InstitutionId = account.Institution == AllInstitutions ? null : byName[account.Institution].Id,
                StaffCode = account.UserName switch { "dokter" => "D0001", "perawat" => "P0001", _ => null },
                PasswordHash = hash,
                SecurityStamp = Guid.NewGuid().ToString("N"),
                ConcurrencyStamp = Guid.NewGuid().ToString(),
                LockoutEnabled = true,
                CreatedAt = db.Clock.GetUtcNow().UtcDateTime,
            };
            db.Users.Add(user);
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roles[account.Role].Id });
        }
    }
}
