using Kinerja.Data;
using Kinerja.Data.Identity;
using Kinerja.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kinerja.Web.Features.Home;

/// <summary>The home page of a signed-in user: what each of their roles does here.</summary>
public sealed class BerandaModel(KinerjaDb db, IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed record Tile(string Href, string Title, string Text);

    public IReadOnlyList<string> RoleLabels { get; private set; } = [];

    public string? InstitutionName { get; private set; }

    public IReadOnlyList<Tile> Tiles { get; private set; } = [];

    static readonly Dictionary<string, Tile[]> TilesByRole = new()
    {
        [Roles.Admin] =
        [
            new("/remunerasi", "Remunerasi", "Data induk, perhitungan dan persetujuan semua rumah sakit."),
            new("/kontrak", "Kontrak", "Kontrak berbasis keluaran semua dinas kesehatan."),
            new("/komunitas", "Masyarakat Praktisi", "Halaman, anggota, moderasi dan kotak keluar notifikasi."),
            new("/admin/pengguna", "Pengguna dan institusi", "Akun, peran, kata sandi dan penguncian; rumah sakit, dinas kesehatan dan puskesmas."),
        ],
        [Roles.TimRemunerasi] =
        [
            new("/remunerasi", "Perhitungan bulanan", "Impor layanan SIMRS, hitung, verifikasi dan ajukan persetujuan."),
            new("/remunerasi", "Data induk", "Pegawai, tarif jasa pelayanan, stratifikasi, indikator mutu, jaga."),
        ],
        [Roles.Direksi] =
        [
            new("/remunerasi", "Persetujuan", "Setujui perhitungan yang sudah diverifikasi, tetapkan tarif."),
            new("/remunerasi", "Monitoring", "Total per komponen, rasio belanja pegawai 45 %, simulasi."),
        ],
        [Roles.Pegawai] =
        [
            new("/remunerasi/saya", "Remunerasi saya", "Slip bulan ini dan mengapa jumlahnya sebesar itu."),
            new("/remunerasi/stratifikasi", "Stratifikasi saya", "Dokter: isi riwayat kontribusi untuk divalidasi manajemen."),
        ],
        [Roles.DewanPengawas] =
        [
            new("/remunerasi", "Pengawasan", "Perhitungan, persetujuan, pengecualian dan jejak audit (hanya baca)."),
        ],
        [Roles.DinasKesehatan] =
        [
            new("/kontrak", "Kontrak puskesmas", "Kontrak BOK promkes, UMK, rekrutmen dan laporan dinas."),
        ],
        [Roles.KepalaPuskesmas] =
        [
            new("/kontrak", "Target bulanan", "Tetapkan target tertulis dan verifikasi capaian tenaga kontrak."),
        ],
        [Roles.Moderator] =
        [
            new("/komunitas", "Moderasi", "Antrean komentar, periode diskusi dan perpustakaan."),
        ],
        [Roles.Anggota] =
        [
            new("/komunitas", "Diskusi", "Periode diskusi yang sedang berjalan dan arsipnya."),
            new("/kontrak/saya", "Kontrak saya", "Tenaga kontrak: target bulan ini dan laporan capaian dengan bukti."),
        ],
    };

    public async Task OnGetAsync()
    {
        var roles = Roles.All.Where(User.IsInRole).ToList();
        RoleLabels = roles.Select(r => t[Roles.Label(r)].Value).ToList();
        Tiles = roles.SelectMany(r => TilesByRole[r]).DistinctBy(t => (t.Href, t.Title)).ToList();
        if (User.InstitutionId() is int id)
            InstitutionName = await db.Institutions.Where(i => i.Id == id).Select(i => i.Name).SingleOrDefaultAsync();
    }
}
