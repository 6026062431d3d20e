namespace Kinerja.Data.Identity;

/// <summary>The roles of product.md: each sees only what it may.</summary>
public static class Roles
{
    public const string Admin = nameof(Admin);
    public const string TimRemunerasi = nameof(TimRemunerasi);
    public const string Direksi = nameof(Direksi);
    public const string Pegawai = nameof(Pegawai);
    public const string DewanPengawas = nameof(DewanPengawas);
    public const string DinasKesehatan = nameof(DinasKesehatan);
    public const string KepalaPuskesmas = nameof(KepalaPuskesmas);
    public const string Moderator = nameof(Moderator);
    public const string Anggota = nameof(Anggota);

    public static readonly IReadOnlyList<string> All =
        [Admin, TimRemunerasi, Direksi, Pegawai, DewanPengawas, DinasKesehatan, KepalaPuskesmas, Moderator, Anggota];

    /// <summary>Indonesian name of a role, as users call it.</summary>
    public static string Label(string role) => role switch
    {
        Admin => "Administrator",
        TimRemunerasi => "Tim Remunerasi",
        Direksi => "Direksi",
        Pegawai => "Pegawai",
        DewanPengawas => "Dewan Pengawas",
        DinasKesehatan => "Dinas Kesehatan",
        KepalaPuskesmas => "Kepala Puskesmas",
        Moderator => "Moderator",
        Anggota => "Anggota",
        _ => role,
    };
}
