using System.Globalization;

namespace Kinerja.Engine.Kontrak;

/// <summary>
/// The rules of output-based contracts (product.md §2; seed 000: Juknis BOK 2016, ketentuan khusus 1-4).
/// Every check returns all its violations at once, so a page can show them together.
/// </summary>
public static class ContractRules
{
    static readonly CultureInfo Id = CultureInfo.GetCultureInfo("id-ID");

    /// <summary>Rule codes, stable for tests and for the fields they point at.</summary>
    public static class Codes
    {
        public const string Education = "PENDIDIKAN";
        public const string HealthEducation = "PENDIDIKAN_KESEHATAN";
        public const string Major = "JURUSAN";
        public const string PreferredMajor = "JURUSAN_DIUTAMAKAN";
        public const string NotPreferredMajor = "JURUSAN_BUKAN_UTAMA";
        public const string Experience = "PENGALAMAN";
        public const string ExtraRequired = "KRITERIA_DINAS";
        public const string ExtraPreferred = "KRITERIA_DINAS_DIUTAMAKAN";
        public const string ExtraUnrecorded = "KRITERIA_DINAS_KONFIRMASI";
        public const string Umk = "HONOR_UMK";
        public const string UmkUnknown = "UMK_BELUM_ADA";
        public const string Jkn = "JKN";
        public const string Length = "LAMA_KONTRAK";
        public const string Period = "PERIODE";
        public const string OnePerPuskesmas = "SATU_PER_PUSKESMAS";
        public const string Sk = "SK_KEPALA_DINAS";
        public const string Funding = "SUMBER_DANA";
        public const string Members = "ANGGOTA_TIM";
        public const string PnsMember = "ANGGOTA_PNS";
        public const string RenewalBudget = "PERPANJANGAN_ANGGARAN";
        public const string RenewalAchievement = "PERPANJANGAN_CAPAIAN";
    }

    /// <summary>Screens an applicant (or a contract's worker) against the qualification rules.</summary>
    public static IReadOnlyList<RuleViolation> Screen(RuleSet rules, Qualification person)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(person);
        var found = new List<RuleViolation>();
        void Add(string code, string field, RuleSeverity severity, string id, string en, string? source = null) =>
            found.Add(new RuleViolation(code, field, severity, id, en, source ?? rules.Source));

        if (person.Education < rules.MinEducation)
            Add(Codes.Education, nameof(Qualification.Education), RuleSeverity.Error,
                $"Pendidikan {Label(person.Education)} di bawah syarat minimal {Label(rules.MinEducation)}.",
                $"Education {Label(person.Education)} is below the minimum {Label(rules.MinEducation)}.");
        if (rules.RequireHealthEducation && !person.HealthEducation)
            Add(Codes.HealthEducation, nameof(Qualification.HealthEducation), RuleSeverity.Error,
                "Pendidikan harus di bidang kesehatan.",
                "Education must be in a health field.");
        if (rules.AllowedMajors.Count > 0 && !Matches(person, rules.AllowedMajors))
            Add(Codes.Major, nameof(Qualification.Major), RuleSeverity.Error,
                $"Jurusan/peminatan \"{Describe(person)}\" tidak termasuk yang disyaratkan: {string.Join(", ", rules.AllowedMajors)}.",
                $"Major/specialisation \"{Describe(person)}\" is not one of those required: {string.Join(", ", rules.AllowedMajors)}.");
        if (rules.PreferredMajors.Count > 0)
        {
            var preferred = Matches(person, rules.PreferredMajors);
            Add(preferred ? Codes.PreferredMajor : Codes.NotPreferredMajor, nameof(Qualification.Major), RuleSeverity.Preference,
                preferred
                    ? $"Diutamakan: jurusan/peminatan {Describe(person)} termasuk {string.Join(" / ", rules.PreferredMajors)}."
                    : $"Bukan jurusan/peminatan yang diutamakan ({string.Join(" / ", rules.PreferredMajors)}); tidak menggugurkan.",
                preferred
                    ? $"Preferred: major/specialisation {Describe(person)} is one of {string.Join(" / ", rules.PreferredMajors)}."
                    : $"Not a preferred major/specialisation ({string.Join(" / ", rules.PreferredMajors)}); this does not disqualify.");
        }
        if (person.ExperienceMonths < rules.MinExperienceMonths)
            Add(Codes.Experience, nameof(Qualification.ExperienceMonths), RuleSeverity.Error,
                $"Pengalaman kerja {person.ExperienceMonths} bulan, kurang dari syarat minimal {rules.MinExperienceMonths} bulan.",
                $"Work experience of {person.ExperienceMonths} months is less than the minimum {rules.MinExperienceMonths} months.");
        foreach (var criterion in rules.ExtraCriteria)
        {
            var met = person.MetCriteria.Contains(criterion.Id);
            if (criterion.Required && !met)
                Add(Codes.ExtraRequired, "Criterion" + criterion.Id, RuleSeverity.Error,
                    $"Kriteria Dinas belum terpenuhi: {criterion.Text}.",
                    $"Criterion of the Dinas not met: {criterion.Text}.", criterion.Source);
            else if (!criterion.Required && met)
                Add(Codes.ExtraPreferred, "Criterion" + criterion.Id, RuleSeverity.Preference,
                    $"Diutamakan: {criterion.Text}.", $"Preferred: {criterion.Text}.", criterion.Source);
        }
        return found;
    }

    /// <summary>
    /// Checks a contract's terms before activation: qualification of the worker (or a team's coordinator),
    /// the Dinas's required criteria, honorarium against the UMK of every year the contract covers, JKN, length,
    /// the SK Kepala Dinas, funding, one worker per puskesmas, and PNS members of a team (a warning).
    /// <para>
    /// A required Dinas criterion (e.g. Sleman's circular letter) is a hard requirement of the Dinas, so it is not skipped
    /// because the contract was drafted directly instead of from an applicant. Only the applicant record says whether it
    /// is met: when the terms carry it (<see cref="ContractTerms.MetCriteria"/>), an unmet required criterion blocks as
    /// it does in screening; when they do not, each required criterion is a warning the Dinas must confirm itself.
    /// Preferred criteria only rank applicants and play no part here.
    /// </para>
    /// </summary>
    public static IReadOnlyList<RuleViolation> Check(
        RuleSet rules, ContractTerms terms, IReadOnlyCollection<Umk> umkTable, IReadOnlyCollection<OtherContract> runningAtSamePuskesmas)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(umkTable);
        ArgumentNullException.ThrowIfNull(runningAtSamePuskesmas);
        var found = new List<RuleViolation>();
        void Add(string code, string field, RuleSeverity severity, string id, string en) =>
            found.Add(new RuleViolation(code, field, severity, id, en, rules.Source));

        if (terms.Kind != ContractorKind.Institution)
        {
            if (terms.Person is null)
                Add(Codes.Education, nameof(ContractTerms.Person), RuleSeverity.Error,
                    "Data pendidikan dan pengalaman tenaga kontrak belum diisi.",
                    "The worker's education and experience are missing.");
            else
            {
                found.AddRange(Screen(rules with { ExtraCriteria = [] }, terms.Person));
                CheckCriteria(rules, terms.MetCriteria, found);
            }
        }

        if (terms.Kind == ContractorKind.Team)
        {
            if (terms.Members.Count == 0)
                Add(Codes.Members, nameof(ContractTerms.Members), RuleSeverity.Error,
                    "Kontrak tim harus mencantumkan anggota tim.",
                    "A team contract must list the team's members.");
            foreach (var pns in terms.Members.Where(m => m.IsPns))
                Add(Codes.PnsMember, nameof(ContractTerms.Members), RuleSeverity.Warning,
                    $"{pns.Name} adalah PNS: PNS sudah digaji negara, honor kontrak untuknya dapat menjadi temuan; pastikan dasar hukumnya.",
                    $"{pns.Name} is a civil servant (PNS): already paid by the state, a contract honorarium for them may be an audit finding; check its legal basis.");
        }

        if (terms.End < terms.Start)
            Add(Codes.Period, nameof(ContractTerms.End), RuleSeverity.Error,
                "Tanggal selesai sebelum tanggal mulai.", "The end date is before the start date.");
        else
        {
            var months = ContractMath.LengthInMonths(terms.Start, terms.End);
            if (months > rules.MaxLengthMonths)
                Add(Codes.Length, nameof(ContractTerms.End), RuleSeverity.Error,
                    $"Lama kontrak {months} bulan, lebih dari batas {rules.MaxLengthMonths} bulan.",
                    $"The contract runs {months} months, more than the limit of {rules.MaxLengthMonths} months.");
        }

        if (rules.HonorariumAtLeastUmk && terms.Kind != ContractorKind.Institution && terms.End >= terms.Start)
            CheckUmk(terms, umkTable, Add);

        if (rules.RequireJkn && terms.Kind != ContractorKind.Institution && !terms.JknEnrolled)
            Add(Codes.Jkn, nameof(ContractTerms.JknEnrolled), RuleSeverity.Error,
                "Tenaga kontrak harus didaftarkan sebagai peserta JKN (hak setara staf puskesmas lainnya).",
                "The worker must be enrolled in JKN (benefits equal to other puskesmas staff).");

        if (string.IsNullOrWhiteSpace(terms.SkNumber) || terms.SkDate is null)
            Add(Codes.Sk, nameof(ContractTerms.SkNumber), RuleSeverity.Error,
                "Nomor dan tanggal SK Kepala Dinas Kesehatan wajib diisi sebelum kontrak diaktifkan.",
                "The number and date of the SK Kepala Dinas Kesehatan are required before activation.");
        if (string.IsNullOrWhiteSpace(terms.FundingSource) || string.IsNullOrWhiteSpace(terms.BudgetLine))
            Add(Codes.Funding, nameof(ContractTerms.BudgetLine), RuleSeverity.Error,
                "Sumber dana dan mata anggaran wajib diisi.",
                "The funding source and budget line are required.");

        if (rules.OnePerPuskesmas)
            foreach (var other in runningAtSamePuskesmas.Where(o => o.Start <= terms.End && terms.Start <= o.End))
                Add(Codes.OnePerPuskesmas, nameof(ContractTerms.Start), RuleSeverity.Error,
                    $"Puskesmas ini sudah punya tenaga kontrak program ini pada periode yang sama ({other.Label}); paling banyak satu orang per puskesmas.",
                    $"This puskesmas already has a contract worker of this programme in the same period ({other.Label}); at most one per puskesmas.");
        return found;
    }

    static void CheckCriteria(RuleSet rules, IReadOnlyCollection<int>? met, List<RuleViolation> found)
    {
        foreach (var criterion in rules.ExtraCriteria.Where(c => c.Required))
        {
            if (met is null)
                found.Add(new RuleViolation(Codes.ExtraUnrecorded, "Criterion" + criterion.Id, RuleSeverity.Warning,
                    $"Kriteria wajib Dinas tidak tercatat karena kontrak tidak dibuat dari data pelamar: {criterion.Text}. Dinas harus memastikan sendiri bahwa kriteria ini terpenuhi.",
                    $"A required criterion of the Dinas is not recorded, as the contract was not drafted from an applicant: {criterion.Text}. The Dinas must confirm itself that it is met.",
                    criterion.Source));
            else if (!met.Contains(criterion.Id))
                found.Add(new RuleViolation(Codes.ExtraRequired, "Criterion" + criterion.Id, RuleSeverity.Error,
                    $"Kriteria Dinas belum terpenuhi menurut data pelamar: {criterion.Text}.",
                    $"Criterion of the Dinas not met according to the applicant's record: {criterion.Text}.",
                    criterion.Source));
        }
    }

    static void CheckUmk(ContractTerms terms, IReadOnlyCollection<Umk> umkTable, Action<string, string, RuleSeverity, string, string> add)
    {
        // A team shares its honorarium: each member must still get at least the UMK.
        var people = terms.Kind == ContractorKind.Team ? Math.Max(1, terms.Members.Count) : 1;
        var perPerson = terms.MonthlyHonorarium / people;
        for (var year = terms.Start.Year; year <= terms.End.Year; year++)
        {
            var umk = umkTable.FirstOrDefault(u => u.Year == year && string.Equals(u.KabupatenKota, terms.KabupatenKota, StringComparison.OrdinalIgnoreCase));
            if (umk is null)
            {
                add(Codes.UmkUnknown, nameof(ContractTerms.MonthlyHonorarium), RuleSeverity.Error,
                    $"UMK {terms.KabupatenKota} tahun {year} belum ada di tabel UMK; isi dulu agar honor dapat diperiksa.",
                    $"The UMK of {terms.KabupatenKota} for {year} is not in the UMK table; enter it so the honorarium can be checked.");
                continue;
            }
            if (perPerson < umk.Amount)
                add(Codes.Umk, nameof(ContractTerms.MonthlyHonorarium), RuleSeverity.Error,
                    (people > 1 ? $"Honor per orang {Rupiah(perPerson)} ({Rupiah(terms.MonthlyHonorarium)} untuk {people} orang)" : $"Honor {Rupiah(perPerson)}")
                    + $" di bawah UMK {umk.KabupatenKota} {year} {Rupiah(umk.Amount)}; honor minimal sesuai upah minimum kabupaten/kota.",
                    (people > 1 ? $"Honorarium per person {Rupiah(perPerson)} ({Rupiah(terms.MonthlyHonorarium)} for {people} people)" : $"Honorarium {Rupiah(perPerson)}")
                    + $" is below the {year} UMK of {umk.KabupatenKota}, {Rupiah(umk.Amount)}; it must be at least the regional minimum wage.");
        }
    }

    /// <summary>
    /// Renewal (ketentuan 4): only when the budget of every year of the new period covers it and the
    /// verified achievement over the contract reaches the Dinas's threshold.
    /// </summary>
    public static IReadOnlyList<RuleViolation> CheckRenewal(RuleSet rules, decimal? achievement, IReadOnlyCollection<BudgetYear> budget)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(budget);
        var found = new List<RuleViolation>();
        void Add(string code, string field, string id, string en) =>
            found.Add(new RuleViolation(code, field, RuleSeverity.Error, id, en, rules.Source));

        if (achievement is not decimal a)
            Add(Codes.RenewalAchievement, "Achievement",
                "Belum ada capaian target yang terverifikasi.", "No verified target achievement yet.");
        else if (a < rules.RenewalThreshold)
            Add(Codes.RenewalAchievement, "Achievement",
                $"Capaian terverifikasi {Percent(a)} di bawah ambang perpanjangan {Percent(rules.RenewalThreshold)}.",
                $"Verified achievement {Percent(a)} is below the renewal threshold {Percent(rules.RenewalThreshold)}.");
        foreach (var year in budget.OrderBy(b => b.Year))
        {
            if (year.Allocation is null)
                Add(Codes.RenewalBudget, "Budget",
                    $"Alokasi BOK tahun {year.Year} untuk puskesmas ini belum dicatat.",
                    $"The {year.Year} BOK allocation of this puskesmas is not recorded.");
            else if (year.Available < year.Needed)
                Add(Codes.RenewalBudget, "Budget",
                    $"Anggaran BOK {year.Year} tersisa {Rupiah(year.Available!.Value)}, kurang dari kebutuhan perpanjangan {Rupiah(year.Needed)}.",
                    $"The {year.Year} BOK budget left is {Rupiah(year.Available!.Value)}, less than the {Rupiah(year.Needed)} the renewal needs.");
        }
        return found;
    }

    /// <summary>Ranks applicants: eligible first, then preferred majors, then Dinas preferences met, education, experience, name.</summary>
    public static IReadOnlyList<T> Rank<T>(IEnumerable<T> applicants, Func<T, IReadOnlyList<RuleViolation>> screening, Func<T, Qualification> person, Func<T, string> name)
    {
        ArgumentNullException.ThrowIfNull(screening);
        ArgumentNullException.ThrowIfNull(person);
        return applicants
            .Select(a => (Applicant: a, Result: screening(a), Person: person(a)))
            .OrderBy(x => x.Result.Any(v => v.Blocks))
            .ThenByDescending(x => x.Result.Any(v => v.Code == Codes.PreferredMajor))
            .ThenByDescending(x => x.Result.Count(v => v.Code == Codes.ExtraPreferred))
            .ThenByDescending(x => x.Person.Education)
            .ThenByDescending(x => x.Person.ExperienceMonths)
            .ThenBy(x => name(x.Applicant), StringComparer.Create(Id, ignoreCase: true))
            .Select(x => x.Applicant)
            .ToList();
    }

    /// <summary>Whether the person's major or specialisation is one of the preferred ones.</summary>
    public static bool IsPreferred(RuleSet rules, Qualification person) =>
        rules.PreferredMajors.Count > 0 && Matches(person, rules.PreferredMajors);

    static bool Matches(Qualification person, IReadOnlyList<string> majors) =>
        majors.Any(m => Contains(person.Major, m) || Contains(person.Specialisation, m));

    static bool Contains(string? text, string major) =>
        !string.IsNullOrWhiteSpace(text) && !string.IsNullOrWhiteSpace(major)
        && text.Contains(major.Trim(), StringComparison.OrdinalIgnoreCase);

    static string Describe(Qualification person) =>
        string.IsNullOrWhiteSpace(person.Specialisation) ? person.Major : $"{person.Major} / {person.Specialisation}";

    public static string Label(EducationLevel level) => level == EducationLevel.Sma ? "SMA/SMK" : level.ToString();

    static string Rupiah(decimal amount) => (amount < 0 ? "-Rp " : "Rp ") + Math.Abs(amount).ToString("#,0", Id);

    static string Percent(decimal ratio) => (ratio * 100).ToString("0.#", Id) + " %";
}
