using Kinerja.Data.Community;
using Kinerja.Data.Identity;

namespace Kinerja.Data.Demo;

/// <summary>
/// The community of practice as the original site had it (seed 000): its pages, the discussion
/// periods of 2015 and 2016, the moderator's introduction of 2016 Tahap I and its two comments,
/// names and times as written there (WIB). Periods I-IV are listed by the old site without their
/// texts, so only their titles and dates are seeded.
/// </summary>
public static partial class DemoSeeder
{
    // The old site's times are local (WIB, UTC+7); stored as UTC.
    static DateTime Wib(int year, int month, int day, int hour, int minute) =>
        new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Utc).AddHours(-7);

    static partial void SeedCommunity(KinerjaDb db, DemoInstitutions institutions)
    {
        var now = db.Clock.GetUtcNow().UtcDateTime;
        AppUser User(string userName) => db.Users.Local.Single(u => u.UserName == userName);

        db.CommunityPages.AddRange(
            new CommunityPage
            {
                Key = CommunityPage.Pengantar, Title = "Pengantar", UpdatedAt = now, UpdatedBy = "demo",
                Body = "Dalam web ini, telah terbentuk Masyarakat Praktisi (Community of Practice) tentang Sistem Kontrak di pelayanan kesehatan.",
            },
            new CommunityPage
            {
                Key = CommunityPage.Tujuan, Title = "Tujuan (misi)", UpdatedAt = now, UpdatedBy = "demo",
                Body = """
                    Tujuan (misi) Masyarakat Praktisi ini adalah:

                    1. Membahas mengenai konsep sistem kontrak dan kerjasaman dengan sektor swasta dalam sektor kesehatan;
                    2. Membahas pengalaman-pengalaman (best & bad practices) di Indonesia dan dunia dalam melakukan sistem kontrak di pelayanan kesehatan;
                    3. Mendorong tersusunnya kebijakan-kebijakan pemerintah untuk mengggunakan kerjasama sama dengan lembaga swsata atau antar lembaga untuk meningkatkan status kesehatan masyarakat;
                    4. Mendorong penggunaan konsep sistem kontrak di lembaga anggota CoP untuk meningkatkan kinerja lembaga.
                    """,
            },
            new CommunityPage
            {
                Key = CommunityPage.Anggota, Title = "Siapa anggota CoP ini?", UpdatedAt = now, UpdatedBy = "demo",
                Body = """
                    - Pimpinan dan Staf Pemerintah Pusat-Kementerian Kesehatan/Pemerintah Propinsi/Pemerintah Kabupaten yang terkait dengan opsi sistem kontrak;
                    - Pimpinan LSM atau perusahaan yang bergerak dalam pelayanan kesehatan;
                    - Peneliti dan akademisi;
                    - Pengelola lembaga-lembaga donor.
                    - dan semua pihak yang mempunyai minat dalam aplikasi sistem kontrak di pelayanan kesehatan.
                    """,
            },
            new CommunityPage
            {
                Key = CommunityPage.Bergabung, Title = "Cara bergabung", UpdatedAt = now, UpdatedBy = "demo",
                Body = "Keanggotaan Masyarakat Praktisi ini bersifat terbuka. Namun bagi anda yang ingin mendapatkan alert melalui WA atau e-mail " +
                       "harap mendaftar sebagai anggota aktif. [klik untuk Pendaftaran](/komunitas/daftar)",
            },
            new CommunityPage
            {
                Key = CommunityPage.Kegiatan, Title = "Kegiatan", UpdatedAt = now, UpdatedBy = "demo",
                Body = "Kegiatan Masyarakat Praktis ini akan dilakukan bertahun-tahun, seiring dengan perkembangan aplikasi system kontrak di sektor kesehatan. " +
                       "Dalam kegiatan jangka pendek ada diskusi yang dibagi dalam beberapa periode. Silahkan klik pada bagian [Arsip Diskusi](/komunitas/arsip) " +
                       "disertai pula dengan pertemuan-pertemuan ilmiah tatap muka dan Policy Brief yang dihasilkan. Disamping itu pengelola web juga menyediakan " +
                       "berbagai referensi utuk sistem kontrak yang dapat di klik pada tab [perpustakaan](/komunitas/perpustakaan).",
            });

        db.DiscussionPeriods.AddRange(
            new DiscussionPeriod { Number = 1, Title = "Arsip Diskusi I", StartsOn = new(2015, 6, 23), EndsOn = new(2015, 7, 12), CreatedAt = now },
            new DiscussionPeriod { Number = 2, Title = "Arsip Diskusi II", StartsOn = new(2015, 7, 13), EndsOn = new(2015, 9, 13), CreatedAt = now },
            new DiscussionPeriod { Number = 3, Title = "Arsip Diskusi III", StartsOn = new(2015, 10, 26), EndsOn = new(2015, 11, 29), CreatedAt = now },
            new DiscussionPeriod
            {
                Number = 4, Title = "Arsip Diskusi IV", StartsOn = new(2015, 1, 1), EndsOn = new(2015, 12, 31), DateLabel = "Tahun 2015", CreatedAt = now,
            });

        var moderator = User("moderator");
        // The old page gives no dates for 2016 Tahap I; its introduction speaks of Triwulan II 2016 and the
        // comments are of April 2016, so the period is set to that quarter.
        var period2016 = new DiscussionPeriod
        {
            Number = 5,
            Title = "Diskusi Tahun 2016 Tahap I",
            Theme = "bagaimana realisasi awal implementasi kontrak tenaga promkes dengan dana BOK?",
            StartsOn = new(2016, 4, 1),
            EndsOn = new(2016, 6, 30),
            ModeratorName = "Dwi Handono Sulistyo",
            ModeratorUserId = moderator.Id,
            CreatedAt = now,
            Introduction = """
                Melalui Peraturan Menteri Kesehatan RI Nomor 82 Tahun 2015 Tentang Petunjuk Teknis Penggunaan Dana Alokasi Khusus Bidang Kesehatan, serta Sarana Prasarana Penunjang Subbidang Sarpras Kesehatan Tahun Anggaran 2016, khususnya pada Subbab IV tentang Bantuan Operasional Kesehatan (BOK), penekanan untuk kegiatan promotif dan preventif di puskesmas tergambar jelas. Dana BOK ini diarahkan untuk meningkatkan kinerja Puskesmas melalui upaya kesehatan promotif dan preventif dalam mendukung pelayanan kesehatan di luar gedung.

                Untuk itu, dana BOK dapat digunakan untuk membayar 1 (satu) orang per puskesmas tenaga kontrak Promosi Kesehatan yang kontraknya ditetapkan melalui SK Kepala Dinas Kesehatan Kabupaten/Kota yang mengacu pada peraturan yang berlaku. Adapun Ketentuan Khusus terkait dengan tenaga kontrak promoter kesehatan dan rincian kegiatan yang harus dilakukan juga tertera dalam Petunjuk Teknis tersebut.

                Ketentuan khusus terkait dengan tenaga kontrak promoter kesehatan adalah:

                1. Berpendidikan minimal D3 Kesehatan jurusan/ peminatan Kesehatan Masyarakat diutamakan jurusan/peminatan Promosi Kesehatan/Ilmu Perilaku, dengan pengalaman kerja minimal 1 tahun di bidangnya.
                2. Diberikan honor minimal sesuai upah minimum di Kabupaten/Kota yang berlaku dengan target kinerja bulanan yang ditetapkan secara tertulis oleh Kepala Puskesmas (output based performance).
                3. Diberikan hak/fasilitas yang setara dengan staf puskesmas lainnya termasuk Jaminan Kesehatan Nasional (JKN).
                4. Lama kontrak maksimal 1 (satu) tahun dan dapat diperpanjang sesuai ketersediaan anggaran dan capaian target kinerjanya.

                Saat ini pelaksanaan anggaran sudah memasuki Triwulan II di tahun 2016. Tentunya sudah cukup banyak cerita sukses atau sebaliknya terkait implementasi kontrak tenaga promkes tersebut.

                Berangkat dari konteks demikian, tema Diskusi Tahun 2016 Tahap I dari Masyarakat Praktisi (CoP) Aplikasi Sistem Kontrak di Sektor Kesehatan adalah "bagaimana realisasi awal implementasi kontrak tenaga promkes dengan dana BOK?"

                Selamat berdiskusi.
                """,
        };
        period2016.Comments.Add(new Comment
        {
            AuthorName = "susilaningsih",
            AuthorUserId = User("anggota").Id,
            PostedAt = Wib(2016, 4, 7, 3, 18),
            Status = CommentStatus.Tayang,
            Body = "mengenai sistem kontrak tenaga kesehatan,khususnya tenaga promosi kesehatan,apakah memungkinkan kontrak tidak hanya dengan perorangan,,tetapi Tim.sebagai contih,di DIY ada Tim task force kesehatan jiwa,yang diberi SK oleh Kepala Dinas DIY.Adapun tugas Tim ini memang mengacu TOR dari Propinsi.Tim ini profesional,karena anggotanya meliputi psikister di DIY,dokter,perawat,psikolog yang komitmen di bidang keswa.Bisa juga didaygunakan ditingkat Pusk misal dalam rangka pelatihan kader keswa dalam pembentukan RBM.Hambatannya karena sebagian anggota Tim adalah PNS.Belajar dari pengalaman diatas,mungkin konrak bisa tidak hanya pada perorangan ,tetapi dengan Tim/Lembaga,saya rasa kinerja Tim lebih bagus dari kinerja individu,Tk",
        });
        period2016.Comments.Add(new Comment
        {
            AuthorName = "Evita",
            AuthorUserId = User("dinkes").Id,
            PostedAt = Wib(2016, 4, 9, 0, 43),
            Status = CommentStatus.Tayang,
            Body = "Pengalaman Di Puskesmas Moyudan dan Puskesmas lain di Kabupaten Sleman, dalam rekruitmen tenaga kontrak Promkes menghadapi kendala dalam memenuhi kriteria yang dimaksud. Namun tetap mengedepankan dan mengutamakan persyaratan sesuai Permenkes. Ada Surat Edaran Kepala Dinas Kesehatan Sleman terkait Kriteria Rekruitmen tenaga Promkes di Puskesmas tersebut. Pengalaman Puskesmas di Kabupaten Sleman terkait kinerja tenaga Kontrak, selama ini adalah rata-rata kinerja tenaga kontrak lebih baik daripada tenaga PNS.",
        });
        db.DiscussionPeriods.Add(period2016);

        // Demo members: the member account receives e-mail alerts (consent recorded as demo data).
        var anggota = new CommunityMember
        {
            UserId = User("anggota").Id, Organisation = "Masyarakat Praktisi (akun demo)", Category = MemberCategory.Pemerintah,
            JoinedAt = now, EmailAlerts = true,
        };
        anggota.Consents.Add(new AlertConsent
        {
            Channel = AlertChannel.Email, Granted = true, At = now, Source = "demo",
            Wording = "Persetujuan contoh pada data demo: pemberitahuan Masyarakat Praktisi melalui e-mail.",
        });
        db.CommunityMembers.AddRange(
            anggota,
            new CommunityMember
            {
                UserId = moderator.Id, Organisation = "Moderator Masyarakat Praktisi", Category = MemberCategory.PenelitiAkademisi, JoinedAt = now,
            });
    }
}
