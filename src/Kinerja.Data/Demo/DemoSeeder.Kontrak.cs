using Kinerja.Data.Identity;
using Kinerja.Data.Kontrak;
using Kinerja.Engine.Kontrak;
using Microsoft.AspNetCore.Identity;

namespace Kinerja.Data.Demo;

/// <summary>
/// Kontrak demo (seed 000): Dinas Kesehatan Sleman's BOK promkes rules with its circular-letter criteria,
/// UMK DIY 2026, an active promkes contract at Moyudan with four months of targets (the last one
/// reported, not yet verified), a team contract with PNS members at Gamping I, and applicants.
/// People and document numbers are invented for the demo.
/// </summary>
public static partial class DemoSeeder
{
    /// <summary>The demo contract worker at Moyudan (role Anggota: no new role), who reports achievement.</summary>
    public const string KontrakWorkerUserName = "promkes";

    static partial void SeedKontrak(KinerjaDb db, DemoInstitutions institutions)
    {
        var dinas = institutions.Dinas;
        var (moyudan, godean, gamping, depok, mlati) =
            (institutions.Puskesmas[0], institutions.Puskesmas[1], institutions.Puskesmas[2], institutions.Puskesmas[3], institutions.Puskesmas[4]);
        var now = db.Clock.GetUtcNow().UtcDateTime;

        var (umkRows, umkErrors) = UmkImport.ParseAsync(UmkImport.DiyDemo()).GetAwaiter().GetResult();
        if (umkErrors.Count > 0)
            throw new InvalidOperationException("umk-diy-2026.csv: " + string.Join("; ", umkErrors.Select(e => e.MessageEn)));
        db.UmkRates.AddRange(umkRows.Select(r => new UmkRate { Provinsi = r.Provinsi, KabupatenKota = r.KabupatenKota, Year = r.Year, Amount = r.Amount, Source = r.Source }));

        const string sleman = "Surat Edaran Kepala Dinas Kesehatan Kabupaten Sleman tentang kriteria rekrutmen tenaga promkes puskesmas (disebut di forum CoP 9-4-2016; isi kriteria contoh demo)";
        var bok = RuleSet.BokPromkes2016;
        var promkesRules = new ContractRuleSet
        {
            InstitutionId = dinas.Id, Programme = "BOK Promkes", FundingSource = "BOK",
            MinEducation = bok.MinEducation, RequireHealthEducation = bok.RequireHealthEducation,
            AllowedMajors = [.. bok.AllowedMajors], PreferredMajors = [.. bok.PreferredMajors],
            MinExperienceMonths = bok.MinExperienceMonths, MaxLengthMonths = bok.MaxLengthMonths, RenewalThreshold = bok.RenewalThreshold,
            OnePerPuskesmas = true, RequireJkn = true, HonorariumAtLeastUmk = true, Source = bok.Source,
            Criteria =
            [
                new ContractCriterion { InstitutionId = dinas.Id, Text = "Bersedia bekerja penuh waktu di puskesmas selama masa kontrak", Required = true, Source = sleman },
                new ContractCriterion { InstitutionId = dinas.Id, Text = "Berdomisili di Kabupaten Sleman", Required = false, Source = sleman },
            ],
        };
        // The team rules show how a Dinas adapts the rules for another programme: several per puskesmas,
        // clinical majors, and no per-person UMK floor for a part-time team paid for its outputs.
        var teamRules = new ContractRuleSet
        {
            InstitutionId = dinas.Id, Programme = "Tim Kesehatan Jiwa", FundingSource = "BOK",
            MinEducation = EducationLevel.D3, RequireHealthEducation = true,
            AllowedMajors = ["Kedokteran", "Keperawatan", "Psikologi", "Kesehatan Masyarakat"], PreferredMajors = [],
            MinExperienceMonths = 12, MaxLengthMonths = 12, RenewalThreshold = 0.80m,
            OnePerPuskesmas = false, RequireJkn = true, HonorariumAtLeastUmk = false,
            Source = "Adaptasi Dinas atas Juknis BOK 2016 untuk kontrak tim (usulan forum CoP 7-4-2016; contoh demo)",
        };
        db.ContractRuleSets.AddRange(promkesRules, teamRules);

        foreach (var (puskesmas, amount2026, amount2027) in new[]
                 {
                     (moyudan, 36_000_000m, (decimal?)36_000_000m), (godean, 36_000_000m, 36_000_000m), (gamping, 30_000_000m, null),
                     (depok, 36_000_000m, null), (mlati, 36_000_000m, null),
                 })
        {
            db.BokAllocations.Add(new BokAllocation { InstitutionId = puskesmas.Id, Year = 2026, Amount = amount2026, Note = "DPA BOK 2026, honor tenaga kontrak (contoh demo)" });
            if (amount2027 is decimal next)
                db.BokAllocations.Add(new BokAllocation { InstitutionId = puskesmas.Id, Year = 2027, Amount = next, Note = "Pagu indikatif BOK 2027 (contoh demo)" });
        }
        db.SaveChanges();

        var worker = AddWorkerAccount(db, moyudan);

        Contract Promkes(Institution puskesmas, string name, string number, EducationLevel education, string specialisation, int experience,
            decimal honorarium, DateOnly start, DateOnly end, string sk, DateOnly skDate) => new()
        {
            InstitutionId = puskesmas.Id, DinasId = dinas.Id, RuleSetId = promkesRules.Id, Status = ContractStatus.Active,
            Number = number, Position = "Tenaga Promosi Kesehatan", ContractorKind = ContractorKind.Person, ContractorName = name,
            ContractorAddress = "Kabupaten Sleman, DIY", Education = education, HealthEducation = true, Major = "Kesehatan Masyarakat",
            Specialisation = specialisation, ExperienceMonths = experience, FundingSource = "BOK",
            BudgetLine = $"BOK Puskesmas {start.Year}: honor tenaga kontrak promosi kesehatan", SkNumber = sk, SkDate = skDate,
            Start = start, End = end, MonthlyHonorarium = honorarium, JknEnrolled = true,
            OtherBenefits = "Cuti, seragam, perjalanan dinas dan pelatihan setara staf puskesmas lainnya", CreatedAt = now,
        };

        var rina = Promkes(moyudan, "Rina Wulandari, S.KM", "800/014/SPK/PKM-MYD/I/2026", EducationLevel.S1, "Promosi Kesehatan", 26,
            2_650_000m, new DateOnly(2026, 1, 2), new DateOnly(2026, 12, 31), "188/0042/KPTS/DINKES/2025", new DateOnly(2025, 12, 29));
        rina.WorkerUserId = worker.Id;
        var dewi = Promkes(godean, "Dewi Lestari, A.Md.Kes", "800/021/SPK/PKM-GDN1/III/2026", EducationLevel.D3, "Ilmu Perilaku", 18,
            2_624_387m, new DateOnly(2026, 3, 1), new DateOnly(2027, 2, 28), "188/0077/KPTS/DINKES/2026", new DateOnly(2026, 2, 20));
        var bayu = Promkes(depok, "Bayu Nugroho, S.KM", "800/009/SPK/PKM-DPK1/II/2026", EducationLevel.S1, "Epidemiologi", 30,
            2_700_000m, new DateOnly(2026, 2, 1), new DateOnly(2027, 1, 31), "188/0051/KPTS/DINKES/2026", new DateOnly(2026, 1, 26));
        bayu.Status = ContractStatus.Terminated;
        bayu.TerminatedOn = new DateOnly(2026, 6, 30);
        bayu.TerminationReason = "Mengundurkan diri: diterima sebagai CPNS di kabupaten lain.";
        var siti = Promkes(mlati, "Siti Aminah, S.KM", "", EducationLevel.S1, "Promosi Kesehatan", 15,
            2_500_000m, new DateOnly(2027, 1, 4), new DateOnly(2027, 12, 31), "", new DateOnly(2026, 11, 20));
        (siti.Status, siti.Number, siti.SkNumber, siti.SkDate) = (ContractStatus.Draft, null, null, null);

        var team = new Contract
        {
            InstitutionId = gamping.Id, DinasId = dinas.Id, RuleSetId = teamRules.Id, Status = ContractStatus.Active,
            Number = "800/031/SPK/PKM-GMP1/VII/2026", Position = "Pelatihan kader kesehatan jiwa dan rehabilitasi berbasis masyarakat (RBM)",
            ContractorKind = ContractorKind.Team, ContractorName = "Tim Kesehatan Jiwa Masyarakat Gamping", ContractorAddress = "Gamping, Sleman, DIY",
            Education = EducationLevel.S1, HealthEducation = true, Major = "Psikologi", Specialisation = "Psikologi Klinis", ExperienceMonths = 60,
            FundingSource = "BOK", BudgetLine = "BOK Puskesmas 2026: upaya kesehatan jiwa (kontrak tim)",
            SkNumber = "188/0120/KPTS/DINKES/2026", SkDate = new DateOnly(2026, 6, 24),
            Start = new DateOnly(2026, 7, 1), End = new DateOnly(2026, 12, 31), MonthlyHonorarium = 4_500_000m, JknEnrolled = true,
            OtherBenefits = "Perjalanan dinas untuk kunjungan rumah", CreatedAt = now,
            Members =
            [
                new ContractTeamMember { InstitutionId = gamping.Id, Name = "Ratna Sari, M.Psi., Psikolog", Profession = "Psikolog klinis (koordinator)" },
                new ContractTeamMember { InstitutionId = gamping.Id, Name = "dr. Hendra Wijaya, Sp.KJ", Profession = "Psikiater", IsPns = true, Nip = "197805122006041003" },
                new ContractTeamMember { InstitutionId = gamping.Id, Name = "Ns. Maria Ulfa, S.Kep", Profession = "Perawat" },
                new ContractTeamMember { InstitutionId = gamping.Id, Name = "dr. Yusuf Hidayat", Profession = "Dokter umum", IsPns = true, Nip = "198602142014031002" },
            ],
        };
        db.Contracts.AddRange(rina, dewi, bayu, siti, team);
        db.SaveChanges();

        // Moyudan: August-October verified (with the PNS officer's result on the same targets), November reported only.
        (string Activity, string Unit, decimal Quantity)[] promkesTargets =
        [
            ("Penyuluhan PHBS rumah tangga di dusun", "kegiatan", 8),
            ("Kunjungan rumah keluarga dengan masalah kesehatan (PIS-PK)", "keluarga", 20),
            ("Pembinaan posyandu dan UKBM", "posyandu", 4),
            ("Konten KIE di media sosial puskesmas", "unggahan", 6),
        ];
        decimal[][] moyudanDone = [[8, 18, 4, 6], [7, 20, 3, 5], [8, 17, 4, 6], [8, 19, 4, 5]];
        decimal[][] pnsDone = [[5, 12, 3, 2], [6, 11, 2, 3], [5, 14, 3, 2]];
        for (var m = 0; m < 4; m++)
        {
            var month = new DateOnly(2026, 8 + m, 1);
            for (var i = 0; i < promkesTargets.Length; i++)
            {
                var verified = m < 3;
                db.MonthlyTargets.Add(new MonthlyTarget
                {
                    ContractId = rina.Id, InstitutionId = moyudan.Id, Month = month, Activity = promkesTargets[i].Activity, Unit = promkesTargets[i].Unit,
                    Quantity = promkesTargets[i].Quantity, CreatedAt = now,
                    Status = verified ? TargetStatus.Verified : TargetStatus.Reported,
                    ReportedQuantity = moyudanDone[m][i], ReportNote = "Daftar hadir dan foto kegiatan terlampir di buku kegiatan puskesmas.",
                    ReportedAt = now,
                    VerifiedQuantity = verified ? moyudanDone[m][i] : null, VerifiedBy = verified ? "kapus" : null, VerifiedAt = verified ? now : null,
                    PnsQuantity = verified ? pnsDone[m][i] : null,
                });
            }
        }
        decimal[][] godeanDone = [[6, 16, 4, 4], [7, 15, 3, 6]];
        for (var m = 0; m < 2; m++)
            for (var i = 0; i < promkesTargets.Length; i++)
                db.MonthlyTargets.Add(new MonthlyTarget
                {
                    ContractId = dewi.Id, InstitutionId = godean.Id, Month = new DateOnly(2026, 9 + m, 1), Activity = promkesTargets[i].Activity,
                    Unit = promkesTargets[i].Unit, Quantity = promkesTargets[i].Quantity, CreatedAt = now, Status = TargetStatus.Verified,
                    ReportedQuantity = godeanDone[m][i], ReportedAt = now, VerifiedQuantity = godeanDone[m][i], VerifiedBy = "kapus-godean", VerifiedAt = now,
                    PnsQuantity = godeanDone[m][i] - 1,
                });
        foreach (var (month, training, visits) in new[] { (9, 1m, 10m), (10, 1m, 12m) })
        {
            db.MonthlyTargets.Add(new MonthlyTarget
            {
                ContractId = team.Id, InstitutionId = gamping.Id, Month = new DateOnly(2026, month, 1), Activity = "Pelatihan kader kesehatan jiwa (RBM)",
                Unit = "angkatan", Quantity = 1, CreatedAt = now, Status = TargetStatus.Verified, ReportedQuantity = training, ReportedAt = now,
                VerifiedQuantity = training, VerifiedBy = "kapus-gamping", VerifiedAt = now,
            });
            db.MonthlyTargets.Add(new MonthlyTarget
            {
                ContractId = team.Id, InstitutionId = gamping.Id, Month = new DateOnly(2026, month, 1), Activity = "Kunjungan rumah ODGJ dan keluarganya",
                Unit = "kunjungan", Quantity = 12, CreatedAt = now, Status = TargetStatus.Verified, ReportedQuantity = visits, ReportedAt = now,
                VerifiedQuantity = visits, VerifiedBy = "kapus-gamping", VerifiedAt = now,
            });
        }

        // Applicants for Depok I, whose worker resigned in June.
        var fullTime = promkesRules.Criteria[0].Id;
        var domicile = promkesRules.Criteria[1].Id;
        Applicant Applicant(string name, EducationLevel education, bool health, string major, string? specialisation, int experience, string school, params int[] met) => new()
        {
            InstitutionId = depok.Id, RuleSetId = promkesRules.Id, FullName = name, Education = education, HealthEducation = health, Major = major,
            Specialisation = specialisation, ExperienceMonths = experience, School = school, MetCriterionIds = [.. met],
            AppliedOn = new DateOnly(2026, 11, 2), Status = ApplicantStatus.New,
        };
        db.Applicants.AddRange(
            Applicant("Fajar Setiawan, S.KM", EducationLevel.S1, true, "Kesehatan Masyarakat", "Promosi Kesehatan", 20, "Universitas Ahmad Dahlan", fullTime, domicile),
            Applicant("Lestari Handayani, A.Md.Kes", EducationLevel.D3, true, "Kesehatan Masyarakat", "Ilmu Perilaku", 14, "Poltekkes Kemenkes Yogyakarta", fullTime),
            Applicant("Yoga Pratama, S.KM", EducationLevel.S1, true, "Kesehatan Masyarakat", "Epidemiologi", 36, "Universitas Gadjah Mada", fullTime, domicile),
            Applicant("Nurul Hidayah, A.Md.Kep", EducationLevel.D3, true, "Keperawatan", null, 48, "Poltekkes Kemenkes Yogyakarta", fullTime, domicile),
            Applicant("Andi Kurniawan, S.Psi", EducationLevel.S1, false, "Psikologi", null, 24, "Universitas Sanata Dharma", fullTime),
            Applicant("Putri Maharani, S.KM", EducationLevel.S1, true, "Kesehatan Masyarakat", "Promosi Kesehatan", 8, "Universitas Respati Yogyakarta", fullTime, domicile));
    }

    /// <summary>The contract worker's account is one of <see cref="Accounts"/>, made with the others.</summary>
    static AppUser AddWorkerAccount(KinerjaDb db, Institution puskesmas) =>
        db.Users.Local.Single(u => u.UserName == KontrakWorkerUserName && u.InstitutionId == puskesmas.Id);
}
