using Kinerja.Data.Remunerasi;
using Kinerja.Engine;
using ServiceLine = Kinerja.Data.Remunerasi.ServiceLine;
using Staff = Kinerja.Data.Remunerasi.Staff;
using StarLevel = Kinerja.Data.Remunerasi.StarLevel;
using QualityIndicator = Kinerja.Data.Remunerasi.QualityIndicator;
using AddedValueActivity = Kinerja.Data.Remunerasi.AddedValueActivity;

namespace Kinerja.Data.Demo;

public static partial class DemoSeeder
{
    /// <summary>
    /// RSUP Contoh (cluster B): 40 doctors and 100 other staff, the rules of the example case
    /// rsup-contoh-2026-10 as the hospital's approved rules, targets for 2026, and a generated October 2026
    /// (service lines, quality, added value, duty). November 2026 is left for the demo's import files
    /// (<see cref="DemoRemunerasi.Month"/>).
    /// </summary>
    static partial void SeedRemunerasi(KinerjaDb db, DemoInstitutions institutions)
    {
        var hospital = institutions.Hospital;
        db.RuleSets.Add(DemoRemunerasi.Rules(hospital.Id));
        var staff = DemoRemunerasi.Staff(hospital.Id);
        db.Staff.AddRange(staff);
        db.StaffTargets.AddRange(DemoRemunerasi.Targets(hospital.Id, staff, 2026));
        var ksm = DemoRemunerasi.Targets(hospital.Id, staff, 2026)
            .Join(staff, t => t.StaffCode, s => s.Code, (t, s) => (s.Unit!, t.MonthlyJkn, t.MonthlyNonJkn))
            .ToList();
        var totalJkn = ksm.Sum(k => k.MonthlyJkn) * 12;
        var totalNonJkn = ksm.Sum(k => k.MonthlyNonJkn) * 12;
        db.RbaTargets.Add(new RbaTarget
        {
            InstitutionId = hospital.Id, Year = 2026, JknVisits = totalJkn, NonJknVisits = totalNonJkn, Revenue = 288_000_000_000m,
        });
        db.KsmTargets.AddRange(ksm.GroupBy(k => k.Item1).Select(g => new KsmTarget
        {
            InstitutionId = hospital.Id, Year = 2026, Ksm = g.Key,
            Share = Math.Round(g.Sum(k => k.MonthlyJkn + k.MonthlyNonJkn) * 12 / (totalJkn + totalNonJkn), 4, MidpointRounding.AwayFromZero),
        }));
        db.PerikatanAgreements.AddRange(DemoRemunerasi.Perikatan(hospital.Id));
        foreach (var month in new[] { "2026-10", "2026-11" })
        {
            db.PeriodBudgets.Add(new PeriodBudget
            {
                InstitutionId = hospital.Id, Period = month, PersonnelBudget = 9_500_000_000m, Revenue = 24_000_000_000m, MaxPersonnelRatio = 0.45m,
            });
        }

        var october = DemoRemunerasi.Month(Period.Month(2026, 10));
        db.ServiceLines.AddRange(october.Lines.Select(l => new ServiceLine
        {
            InstitutionId = hospital.Id, LineId = l.Id, Date = l.Date, StaffCode = l.StaffId, Service = l.Service, Payer = l.Payer,
            Quantity = l.Quantity, WorkingHours = l.WorkingHours,
        }));
        db.QualityResults.AddRange(october.Quality.Select(q => new QualityResult
        {
            InstitutionId = hospital.Id, Period = "2026-10", StaffCode = q.StaffId, Indicator = q.Indicator, Numerator = q.Numerator, Denominator = q.Denominator,
        }));
        db.AddedValueEntries.AddRange(october.AddedValue.Select(a => new AddedValueEntry
        {
            InstitutionId = hospital.Id, Period = "2026-10", StaffCode = a.StaffId, Activity = a.Activity, Count = a.Count,
        }));
        db.DutyEntries.AddRange(october.Duty.Select(d => new DutyEntry
        {
            InstitutionId = hospital.Id, Period = "2026-10", StaffCode = d.StaffId, Shift = d.Shift, Count = d.Count,
        }));
    }
}

/// <summary>One generated month of the demo hospital's data, as the SIMRS and the units would deliver it.</summary>
public sealed record DemoMonthData(
    IReadOnlyList<Kinerja.Engine.ServiceLine> Lines,
    IReadOnlyList<QualityRow> Quality,
    IReadOnlyList<AddedValueRow> AddedValue,
    IReadOnlyList<DutyRow> Duty);

/// <summary>
/// The demo hospital's people, rules and months. Deterministic: the same month is generated the same way every time
/// (a seeded <see cref="Random"/>), so the demo, its import files and the tests agree.
/// </summary>
public static class DemoRemunerasi
{
    public const int Doctors = 40;
    public const int OtherStaff = 100;

    // KSM, position, the services its doctors perform (weights), and the specialist title.
    static readonly (string Ksm, string Title, string[] Services)[] Ksms =
    [
        ("KSM Penyakit Dalam", "Sp.PD", ["RJ-KONSUL", "RJ-KONSUL", "RJ-KONTROL", "RJ-KONTROL", "RI-VISITE", "RI-VISITE", "EKG-BACA", "USG"]),
        ("KSM Kesehatan Anak", "Sp.A", ["RJ-KONSUL", "RJ-KONSUL", "RJ-KONTROL", "RI-VISITE", "RI-VISITE", "TINDAKAN-KECIL"]),
        ("KSM Bedah", "Sp.B", ["RJ-KONSUL", "RJ-KONTROL", "RI-VISITE", "TINDAKAN-KECIL", "TINDAKAN-SEDANG", "OPERASI-BESAR"]),
        ("KSM Obstetri dan Ginekologi", "Sp.OG", ["RJ-KONSUL", "RJ-KONTROL", "RI-VISITE", "USG", "USG", "TINDAKAN-SEDANG", "OPERASI-BESAR"]),
        ("KSM Neurologi", "Sp.N", ["RJ-KONSUL", "RJ-KONSUL", "RJ-KONTROL", "RJ-KONTROL", "RI-VISITE", "EKG-BACA"]),
        ("KSM Jantung dan Pembuluh Darah", "Sp.JP", ["RJ-KONSUL", "RJ-KONTROL", "RJ-KONTROL", "RI-VISITE", "EKG-BACA", "EKG-BACA", "USG"]),
        ("KSM Mata", "Sp.M", ["RJ-KONSUL", "RJ-KONTROL", "RJ-KONTROL", "TINDAKAN-KECIL", "TINDAKAN-SEDANG"]),
        ("KSM Anestesiologi", "Sp.An", ["RI-VISITE", "TINDAKAN-SEDANG", "TINDAKAN-SEDANG", "OPERASI-BESAR"]),
        ("KSM Kedokteran Umum (IGD)", "", ["RJ-KONSUL", "RJ-KONSUL", "TINDAKAN-KECIL", "EKG-BACA"]),
    ];

    static readonly string[] DoctorNames =
    [
        "Andi Wijaya", "Budi Santoso", "Citra Lestari", "Dewi Kartika", "Eko Prasetyo", "Fajar Nugroho", "Gita Permatasari",
        "Hendra Gunawan", "Indah Puspitasari", "Joko Susanto", "Kartika Sari", "Lukman Hakim", "Maya Anggraini", "Nur Hidayat",
        "Oktaviani Putri", "Putu Ariawan", "Rina Marlina", "Sigit Purnomo", "Tri Wahyuni", "Umar Faruq", "Vivi Yuliana",
        "Wahyu Hidayat", "Yanti Susilowati", "Zainal Arifin", "Agus Salim", "Bayu Aji Pamungkas", "Cahya Ningrum", "Dimas Saputra",
        "Endang Sulistyowati", "Ferry Irawan", "Galih Endradita", "Hanifah Rahmawati", "Irwan Setiawan", "Januarti Handayani",
        "Khoirul Anam", "Lestari Widodo", "Made Sudarsana", "Novi Ratnasari", "Purwanto Hadi", "Ratih Kusumawardani",
    ];

    static readonly string[] FirstNames =
    [
        "Siti", "Sri", "Ani", "Dwi", "Tri", "Eka", "Rudi", "Yuli", "Agung", "Wulan", "Rahmat", "Lina", "Bambang", "Sari",
        "Heru", "Nanik", "Yusuf", "Retno", "Teguh", "Ayu", "Ahmad", "Fitri", "Dedi", "Rini", "Slamet", "Endah", "Arif",
        "Tuti", "Hadi", "Novi", "Wawan", "Ika", "Suryo", "Lilis", "Rizki", "Nining", "Imam", "Puji", "Gunawan", "Asih",
    ];

    static readonly string[] LastNames =
    [
        "Rahayu", "Suharto", "Wibowo", "Lestari", "Kurniawan", "Handayani", "Setiawan", "Utami", "Saputra", "Purnamasari",
        "Hidayat", "Maryani", "Prabowo", "Susanti", "Firmansyah", "Astuti", "Nugraha", "Wulandari", "Santoso", "Fitriani",
    ];

    /// <summary>The rules of the example case rsup-contoh-2026-10, approved by the Direktur Utama from 1 January 2026.</summary>
    public static RuleSet Rules(int institutionId)
    {
        var set = new RuleSet
        {
            InstitutionId = institutionId, Version = 1, EffectiveFrom = new DateOnly(2026, 1, 1), Status = RuleSetStatus.Approved,
            Note = "Keputusan Direktur Utama No. HK.02.03/D.XV/1187/2025 tentang Jasa Pelayanan dan Remunerasi",
            ApprovedBy = "direktur", ApprovedAt = new DateTime(2025, 12, 15, 3, 0, 0, DateTimeKind.Utc),
            PointValue = 1750.5m, MaxPerformance = 1.2m, AddedValueMonthlyCap = 2_000_000m,
        };
        var services = new (string Code, string Name, bool Visit, decimal Jkn, decimal NonJkn)[]
        {
            ("RJ-KONSUL", "Konsultasi rawat jalan", true, 25_000, 60_000),
            ("RJ-KONTROL", "Kontrol rawat jalan", true, 15_000, 45_000),
            ("RI-VISITE", "Visite rawat inap", true, 20_000, 75_000),
            ("TINDAKAN-KECIL", "Tindakan medis kecil", false, 50_000, 150_000),
            ("TINDAKAN-SEDANG", "Tindakan medis sedang", false, 150_000, 400_000),
            ("OPERASI-BESAR", "Operasi besar", false, 900_000, 2_500_000),
            ("USG", "Ultrasonografi", false, 40_000, 110_000),
            ("EKG-BACA", "Pembacaan EKG", false, 10_000, 30_000),
        };
        set.Services.AddRange(services.Select((s, i) => new ServiceRate
        {
            InstitutionId = institutionId, Code = s.Code, Name = s.Name, Visit = s.Visit, RateJkn = s.Jkn, RateNonJkn = s.NonJkn, Ordinal = i,
        }));
        set.Criteria.AddRange(new (string, string, decimal)[]
        {
            ("PENDIDIKAN", "Pendidikan", 0.35m), ("PENGALAMAN", "Pengalaman kerja", 0.25m),
            ("KONTRIBUSI_EKSEKUTIF", "Riwayat kontribusi pasien eksekutif", 0.25m),
            ("KONTRIBUSI_SWASTA", "Riwayat kontribusi pasien rumah sakit swasta", 0.15m),
        }.Select((c, i) => new StratificationCriterion { InstitutionId = institutionId, Code = c.Item1, Name = c.Item2, Weight = c.Item3, Ordinal = i }));
        set.Stars.AddRange(
        [
            new StarLevel { InstitutionId = institutionId, Star = 1, MinScore = 0m, JknShareMin = 0.6m, IncentiveMax = 25_000_000m },
            new StarLevel { InstitutionId = institutionId, Star = 2, MinScore = 2.0m, JknShareMin = 0.5m, IncentiveMax = 45_000_000m },
            new StarLevel { InstitutionId = institutionId, Star = 3, MinScore = 2.6m, JknShareMin = 0.3m, IncentiveMax = 70_000_000m },
        ]);
        set.QualityIndicators.AddRange(new (string, string, decimal)[]
        {
            ("EMR", "Kepatuhan pengisian EMR (resume medik)", 0.4m), ("RENCANA_PULANG", "Kepatuhan rencana pulang pasien rawat inap", 0.2m),
            ("TEPAT_WAKTU_POLI", "Ketepatan waktu mulai poliklinik", 0.2m), ("TEPAT_WAKTU_VISITE", "Ketepatan waktu visite dokter", 0.2m),
        }.Select((q, i) => new QualityIndicator { InstitutionId = institutionId, Code = q.Item1, Name = q.Item2, Weight = q.Item3, Ordinal = i }));
        set.QualityBands.AddRange(
        [
            new QualityBand { InstitutionId = institutionId, MinScore = 0m, Factor = 0.8m },
            new QualityBand { InstitutionId = institutionId, MinScore = 0.75m, Factor = 0.9m },
            new QualityBand { InstitutionId = institutionId, MinScore = 0.9m, Factor = 1.0m },
        ]);
        set.Activities.AddRange(new (string, string, decimal)[]
        {
            ("MENGAJAR_PPDS", "Mengajar PPDS", 350_000m), ("JOURNAL_READING", "Memimpin journal reading", 200_000m),
            ("PENYULUHAN", "Edukasi/penyuluhan kesehatan masyarakat rumah sakit", 150_000m), ("SEMINAR", "Seminar/webinar", 500_000m),
        }.Select((a, i) => new AddedValueActivity { InstitutionId = institutionId, Code = a.Item1, Name = a.Item2, Rate = a.Item3, Ordinal = i }));
        set.DutyShifts.AddRange(
        [
            new DutyShift { InstitutionId = institutionId, Code = "JAGA_IGD", Name = "Jaga dokter umum di IGD", Rate = 250_000m, Ordinal = 0 },
            new DutyShift { InstitutionId = institutionId, Code = "JAGA_ICU", Name = "Jaga rawat inap intensif (ICU)", Rate = 300_000m, Ordinal = 1 },
        ]);
        return set;
    }

    /// <summary>D0001..D0040 (doctors, by KSM) then P0001..P0100 (nurses, support, administration, direksi, komite, dewan pengawas).</summary>
    public static List<Staff> Staff(int institutionId)
    {
        var random = new Random(20261001);
        var staff = new List<Staff>();
        for (var i = 0; i < Doctors; i++)
        {
            var code = $"D{i + 1:D4}";
            var (ksm, title, _) = KsmOf(i);
            var specialist = title.Length > 0;
            var scores = new[] { random.Next(1, 4), random.Next(1, 4), random.Next(1, 4), random.Next(1, 4) };
            var doctor = new Staff
            {
                InstitutionId = institutionId, Code = code, Ordinal = i,
                Name = specialist ? $"dr. {DoctorNames[i]}, {title}" : $"dr. {DoctorNames[i]}",
                Category = Kinerja.Data.Remunerasi.Staff.Medis,
                Position = specialist ? $"Dokter Spesialis ({title})" : "Dokter Umum",
                Grade = specialist ? 13 : 11,
                Unit = ksm,
                SalaryRm = specialist ? 3_800_000m + (random.Next(0, 16) * 100_000m) : 3_200_000m + (random.Next(0, 8) * 100_000m),
                SalaryBlu = 0,
                PositionAllowance = specialist ? 1_500_000m : 800_000m,
                OtherAllowances = random.Next(0, 10) * 100_000m,
                MaxRemuneration = specialist ? 85_000_000m : 30_000_000m,
                StartDate = new DateOnly(2005 + random.Next(0, 18), 1 + random.Next(0, 12), 1),
                // Doctors 5, 17 and 29 entered their contribution data but management has not validated it yet.
                StratificationStatus = i is 4 or 16 or 28 ? StratificationStatus.Submitted : StratificationStatus.Validated,
                StratificationValidatedBy = i is 4 or 16 or 28 ? null : "remunerasi",
                StratificationValidatedAt = i is 4 or 16 or 28 ? null : new DateTime(2026, 1, 20, 2, 0, 0, DateTimeKind.Utc),
            };
            string[] criteria = ["PENDIDIKAN", "PENGALAMAN", "KONTRIBUSI_EKSEKUTIF", "KONTRIBUSI_SWASTA"];
            doctor.StratificationScores.AddRange(criteria.Select((c, k) => new StratificationScore
            {
                InstitutionId = institutionId, Criterion = c, Score = specialist ? scores[k] : Math.Min(scores[k], 2),
            }));
            staff.Add(doctor);
        }

        var kinds = new List<(string Category, string Position, string Unit, int Grade, decimal Points)>();
        for (var i = 0; i < 58; i++)
        {
            var unit = new[] { "Instalasi Rawat Inap", "Instalasi Rawat Jalan", "Instalasi Gawat Darurat", "Instalasi Bedah Sentral", "ICU" }[i % 5];
            kinds.Add(("KEPERAWATAN", i % 9 == 0 ? "Kepala Ruang" : i % 3 == 0 ? "Perawat Ahli Muda" : "Perawat Pelaksana", unit, i % 9 == 0 ? 9 : 7, i % 9 == 0 ? 3200 : 2300));
        }

        for (var i = 0; i < 20; i++)
        {
            var (unit, position) = new[]
            {
                ("Instalasi Farmasi", "Apoteker"), ("Instalasi Laboratorium", "Pranata Laboratorium Kesehatan"),
                ("Instalasi Radiologi", "Radiografer"), ("Instalasi Gizi", "Nutrisionis"), ("Instalasi Rehabilitasi Medik", "Fisioterapis"),
            }[i % 5];
            kinds.Add(("PENUNJANG", position, unit, 8, 2100));
        }

        for (var i = 0; i < 15; i++)
        {
            var (unit, position) = new[]
            {
                ("Bagian Keuangan", "Analis Keuangan"), ("Bagian SDM", "Analis SDM"), ("Instalasi Rekam Medik", "Perekam Medis"),
                ("Bagian Umum", "Pengadministrasi Umum"), ("Instalasi SIMRS", "Pranata Komputer"),
            }[i % 5];
            kinds.Add(("ADMINISTRASI", position, unit, 7, 1800));
        }

        kinds.Add(("DIREKSI", "Direktur Medik dan Keperawatan", "Direksi", 16, 9800));
        kinds.Add(("DIREKSI", "Direktur Keuangan dan Barang Milik Negara", "Direksi", 16, 9800));
        kinds.Add(("DIREKSI", "Direktur SDM, Pendidikan dan Umum", "Direksi", 16, 9800));
        kinds.Add(("KOMITE", "Ketua Komite Medik", "Komite Medik", 12, 4200));
        kinds.Add(("KOMITE", "Ketua Komite Keperawatan", "Komite Keperawatan", 11, 3600));
        kinds.Add(("DEWAN_PENGAWAS", "Anggota Dewan Pengawas", "Dewan Pengawas", 14, 5200));
        kinds.Add(("DEWAN_PENGAWAS", "Anggota Dewan Pengawas", "Dewan Pengawas", 14, 5200));

        for (var i = 0; i < OtherStaff; i++)
        {
            var (category, position, unit, grade, points) = kinds[i];
            var first = FirstNames[(i * 7 + 3) % FirstNames.Length];
            var last = LastNames[(i * 11 + 5) % LastNames.Length];
            var name = category switch
            {
                "KEPERAWATAN" => $"{first} {last}, S.Kep., Ns.",
                "PENUNJANG" => $"{first} {last}, A.Md.Kes.",
                "DIREKSI" => $"{first} {last}, S.E., M.M.",
                "DEWAN_PENGAWAS" => $"Dr. {first} {last}, M.Si.",
                _ => $"{first} {last}, S.E.",
            };
            var fixedBase = category switch
            {
                "DIREKSI" => 5_200_000m,
                "DEWAN_PENGAWAS" => 0m,
                "KOMITE" => 4_600_000m,
                _ => 2_900_000m + (grade * 150_000m),
            };
            staff.Add(new Staff
            {
                InstitutionId = institutionId, Code = $"P{i + 1:D4}", Ordinal = Doctors + i, Name = name, Category = category,
                Position = position, Grade = grade, Unit = unit,
                SalaryRm = category == "DEWAN_PENGAWAS" ? 0 : fixedBase + (random.Next(0, 12) * 100_000m),
                SalaryBlu = 0,
                PositionAllowance = category switch { "DIREKSI" => 5_000_000m, "KOMITE" => 1_500_000m, "DEWAN_PENGAWAS" => 0m, _ => grade >= 9 ? 750_000m : 0m },
                OtherAllowances = random.Next(2, 9) * 100_000m,
                Points = points + (random.Next(0, 40) * 10) + (random.Next(0, 100) / 100m),
                Performance = Math.Round(0.8m + (random.Next(0, 41) / 100m), 3, MidpointRounding.AwayFromZero),
                MaxRemuneration = category switch
                {
                    "DIREKSI" => 45_000_000m,
                    "DEWAN_PENGAWAS" => 18_000_000m,
                    "KOMITE" => 25_000_000m,
                    _ => 14_000_000m,
                },
                StartDate = new DateOnly(2008 + random.Next(0, 15), 1 + random.Next(0, 12), 1),
            });
        }

        return staff;
    }

    static (string Ksm, string Title, string[] Services) KsmOf(int doctor) =>
        doctor < 36 ? Ksms[doctor % 8] : Ksms[8];

    /// <summary>Monthly 100 % targets: the RBA visits cascaded to each doctor.</summary>
    public static List<StaffTarget> Targets(int institutionId, IEnumerable<Staff> staff, int year)
    {
        var random = new Random(year);
        return staff.Where(s => s.IsMedis).Select(s => new StaffTarget
        {
            InstitutionId = institutionId, StaffCode = s.Code, Year = year,
            MonthlyJkn = 120 + (random.Next(0, 12) * 10), MonthlyNonJkn = 40 + (random.Next(0, 8) * 5),
        }).ToList();
    }

    /// <summary>Perikatan agreements of the star-3 doctors for 2026 (the first one also for non-JKN fee for service).</summary>
    public static List<PerikatanAgreement> Perikatan(int institutionId) =>
        new[] { "D0003", "D0006", "D0011", "D0019", "D0024" }.Select((code, i) => new PerikatanAgreement
        {
            InstitutionId = institutionId, StaffCode = code, Number = $"PK.{i + 1:D3}/RSUP-C/I/2026",
            From = new DateOnly(2026, 1, 1), To = new DateOnly(2026, 12, 31),
            Scope = "Pelayanan di atas nilai maksimal rentang insentif, termasuk pelayanan pasien non JKN (fee for service) di dalam jam kerja",
            NonJknFeeForService = i == 0,
            SignedBy = "dr. Hartono, Sp.PD, MARS (Direktur Utama)", SignedOn = new DateOnly(2025, 12, 22),
            ApprovedBy = "direktur", ApprovedAt = new DateTime(2025, 12, 22, 3, 0, 0, DateTimeKind.Utc),
        }).ToList();

    /// <summary>A generated month: 40 doctors' service lines (ids L{yyyyMM}{n:D6}), quality results, added value and duty.</summary>
    public static DemoMonthData Month(Period period)
    {
        var random = new Random(period.Year * 100 + period.FirstMonth);
        var lines = new List<Kinerja.Engine.ServiceLine>();
        var quality = new List<QualityRow>();
        var addedValue = new List<AddedValueRow>();
        var duty = new List<DutyRow>();
        var days = period.End.DayNumber - period.Start.DayNumber + 1;
        string[] indicators = ["EMR", "RENCANA_PULANG", "TEPAT_WAKTU_POLI", "TEPAT_WAKTU_VISITE"];
        string[] activities = ["MENGAJAR_PPDS", "JOURNAL_READING", "PENYULUHAN", "SEMINAR"];
        var n = 0;
        for (var d = 0; d < Doctors; d++)
        {
            var code = $"D{d + 1:D4}";
            var services = KsmOf(d).Services;
            // Busier doctors, and a JKN share that falls with seniority: roughly 55-85 % JKN.
            var count = 90 + random.Next(0, 140);
            var jknShare = 0.55 + (random.Next(0, 31) / 100.0);
            for (var k = 0; k < count; k++)
            {
                var service = services[random.Next(services.Length)];
                var date = period.Start.AddDays(random.Next(days));
                var jkn = random.NextDouble() < jknShare;
                var quantity = service is "RI-VISITE" && random.Next(4) == 0 ? 2 : 1;
                var workingHours = random.Next(10) != 0;
                lines.Add(new Kinerja.Engine.ServiceLine($"L{period.Year:D4}{period.FirstMonth:D2}{++n:D6}", date, code, service,
                    jkn ? Payer.Jkn : Payer.NonJkn, quantity, workingHours));
            }

            // Doctor 40 has no quality data this month (a new IGD doctor): NO_QUALITY_DATA.
            if (d == Doctors - 1)
                continue;
            foreach (var indicator in indicators)
            {
                var denominator = 20 + random.Next(0, 180);
                var compliance = 0.6 + (random.Next(0, 41) / 100.0);
                quality.Add(new QualityRow(code, indicator, (int)Math.Floor(denominator * compliance), denominator));
            }

            if (random.Next(3) == 0)
                addedValue.Add(new AddedValueRow(code, activities[random.Next(activities.Length)], 1 + random.Next(0, 4)));
            if (KsmOf(d).Title.Length == 0)
                duty.Add(new DutyRow(code, "JAGA_IGD", 4 + random.Next(0, 5)));
        }

        // ICU nurses on the intensive-care duty roster.
        for (var p = 5; p <= 58; p += 5)
            duty.Add(new DutyRow($"P{p:D4}", "JAGA_ICU", 2 + random.Next(0, 5)));

        return new DemoMonthData(lines.OrderBy(l => l.Id, StringComparer.Ordinal).ToList(), quality, addedValue, duty);
    }
}
