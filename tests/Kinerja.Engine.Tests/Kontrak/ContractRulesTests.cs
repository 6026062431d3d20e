using Kinerja.Engine.Kontrak;

namespace Kinerja.Engine.Tests.Kontrak;

/// <summary>The rules of the 2016 BOK promkes guidance (seed 000), one test per rule.</summary>
public class ContractRulesTests
{
    static readonly RuleSet Bok = RuleSet.BokPromkes2016;

    static readonly Umk[] Umk2026 = [new("Kabupaten Sleman", 2026, 2_624_387m, "Penetapan Gubernur DIY, diumumkan Sekda DIY 24-12-2025")];

    static Qualification Skm(string specialisation = "Promosi Kesehatan", int experience = 24) =>
        new(EducationLevel.S1, true, "Kesehatan Masyarakat", specialisation, experience, []);

    static ContractTerms Terms(decimal honorarium = 2_700_000m, DateOnly? start = null, DateOnly? end = null, bool jkn = true,
        ContractorKind kind = ContractorKind.Person, IReadOnlyList<TeamMember>? members = null, Qualification? person = null) =>
        new(kind, person ?? Skm(), members ?? [], start ?? new DateOnly(2026, 1, 2), end ?? new DateOnly(2026, 12, 31), honorarium, jkn,
            "188/0042/SK/2026", new DateOnly(2025, 12, 29), "BOK", "Honor tenaga promkes", "Kabupaten Sleman");

    static IReadOnlyList<string> Blocking(IEnumerable<RuleViolation> violations) =>
        violations.Where(v => v.Blocks).Select(v => v.Code).ToList();

    [Fact]
    public void ValidContract_HasNoBlockingViolation() =>
        Assert.Empty(Blocking(ContractRules.Check(Bok, Terms(), Umk2026, [])));

    [Fact]
    public void Contract_HonorariumBelowUmk_IsRefused()
    {
        var violation = Assert.Single(ContractRules.Check(Bok, Terms(honorarium: 2_500_000m), Umk2026, []), v => v.Blocks);
        Assert.Equal(ContractRules.Codes.Umk, violation.Code);
        Assert.Equal("MonthlyHonorarium", violation.Field);
        Assert.Contains("Rp 2.624.387", violation.MessageId, StringComparison.Ordinal);
        Assert.Contains("Rp 2.500.000", violation.MessageId, StringComparison.Ordinal);
        Assert.Equal("Permenkes 82/2015, Juknis BOK 2016, Subbab IV", violation.Source);
    }

    [Fact]
    public void Contract_HonorariumEqualToUmk_IsAccepted() =>
        Assert.Empty(Blocking(ContractRules.Check(Bok, Terms(honorarium: 2_624_387m), Umk2026, [])));

    [Fact]
    public void Contract_YearWithoutUmk_IsRefusedUntilTheUmkIsEntered() =>
        Assert.Equal([ContractRules.Codes.UmkUnknown],
            Blocking(ContractRules.Check(Bok, Terms(start: new DateOnly(2026, 7, 1), end: new DateOnly(2027, 6, 30)), Umk2026, [])));

    [Fact]
    public void TeamContract_HonorariumSharedBelowUmkPerPerson_IsRefused()
    {
        var members = new TeamMember[] { new("A", false), new("B", false) };
        Assert.Contains(ContractRules.Codes.Umk, Blocking(ContractRules.Check(Bok, Terms(honorarium: 5_000_000m, kind: ContractorKind.Team, members: members), Umk2026, [])));
        Assert.Empty(Blocking(ContractRules.Check(Bok, Terms(honorarium: 5_300_000m, kind: ContractorKind.Team, members: members), Umk2026, [])));
    }

    [Fact]
    public void TeamContract_PnsMember_IsWarnedNotRefused()
    {
        var members = new TeamMember[] { new("dr. Sp.KJ", true), new("Psikolog", false) };
        var result = ContractRules.Check(Bok, Terms(honorarium: 6_000_000m, kind: ContractorKind.Team, members: members), Umk2026, []);
        var warning = Assert.Single(result, v => v.Code == ContractRules.Codes.PnsMember);
        Assert.Equal(RuleSeverity.Warning, warning.Severity);
        Assert.Contains("dr. Sp.KJ", warning.MessageId, StringComparison.Ordinal);
        Assert.Empty(Blocking(result));
    }

    [Fact]
    public void TeamContract_WithoutMembers_IsRefused() =>
        Assert.Contains(ContractRules.Codes.Members, Blocking(ContractRules.Check(Bok, Terms(kind: ContractorKind.Team), Umk2026, [])));

    [Fact]
    public void Contract_WithoutJkn_IsRefused() =>
        Assert.Equal([ContractRules.Codes.Jkn], Blocking(ContractRules.Check(Bok, Terms(jkn: false), Umk2026, [])));

    [Fact]
    public void Contract_LongerThanTwelveMonths_IsRefused() =>
        Assert.Equal([ContractRules.Codes.Length],
            Blocking(ContractRules.Check(Bok, Terms(start: new DateOnly(2026, 1, 1), end: new DateOnly(2027, 1, 1)), [.. Umk2026, new("Kabupaten Sleman", 2027, 2_650_000m, "test")], [])));

    [Fact]
    public void Contract_EndBeforeStart_IsRefused() =>
        Assert.Contains(ContractRules.Codes.Period, Blocking(ContractRules.Check(Bok, Terms(end: new DateOnly(2025, 12, 1)), Umk2026, [])));

    [Fact]
    public void Contract_WithoutSk_IsRefused()
    {
        var terms = Terms() with { SkNumber = null };
        Assert.Equal([ContractRules.Codes.Sk], Blocking(ContractRules.Check(Bok, terms, Umk2026, [])));
    }

    [Fact]
    public void Contract_WithoutBudgetLine_IsRefused() =>
        Assert.Equal([ContractRules.Codes.Funding], Blocking(ContractRules.Check(Bok, Terms() with { BudgetLine = " " }, Umk2026, [])));

    [Fact]
    public void SecondWorker_AtSamePuskesmasInOverlappingPeriod_IsRefused()
    {
        var other = new OtherContract("Sari", new DateOnly(2026, 3, 1), new DateOnly(2027, 2, 28));
        Assert.Equal([ContractRules.Codes.OnePerPuskesmas], Blocking(ContractRules.Check(Bok, Terms(), Umk2026, [other])));
        var before = other with { Start = new DateOnly(2025, 1, 1), End = new DateOnly(2026, 1, 1) };
        Assert.Empty(Blocking(ContractRules.Check(Bok, Terms(), Umk2026, [before])));
        Assert.Empty(Blocking(ContractRules.Check(Bok with { OnePerPuskesmas = false }, Terms(), Umk2026, [other])));
    }

    [Fact]
    public void EveryViolation_IsReportedAtOnce()
    {
        var person = new Qualification(EducationLevel.Sma, false, "IPA", null, 3, []);
        var codes = Blocking(ContractRules.Check(Bok, Terms(honorarium: 1_000_000m, jkn: false, person: person), Umk2026, []));
        Assert.Equal(
            [ContractRules.Codes.Education, ContractRules.Codes.HealthEducation, ContractRules.Codes.Major, ContractRules.Codes.Experience,
             ContractRules.Codes.Umk, ContractRules.Codes.Jkn],
            codes);
    }

    [Theory]
    [InlineData(EducationLevel.D1, true)]
    [InlineData(EducationLevel.D3, false)]
    [InlineData(EducationLevel.S1, false)]
    public void Applicant_BelowD3_IsRefused(EducationLevel level, bool refused)
    {
        var person = Skm() with { Education = level };
        Assert.Equal(refused, Blocking(ContractRules.Screen(Bok, person)).Contains(ContractRules.Codes.Education));
    }

    [Fact]
    public void Applicant_OutsideHealth_IsRefused() =>
        Assert.Contains(ContractRules.Codes.HealthEducation, Blocking(ContractRules.Screen(Bok, Skm() with { HealthEducation = false })));

    [Fact]
    public void Applicant_HealthButNotPublicHealth_IsRefused()
    {
        var nurse = new Qualification(EducationLevel.D3, true, "Keperawatan", null, 36, []);
        Assert.Equal([ContractRules.Codes.Major], Blocking(ContractRules.Screen(Bok, nurse)));
    }

    [Theory]
    [InlineData(11, true)]
    [InlineData(12, false)]
    public void Applicant_LessThanTwelveMonthsExperience_IsRefused(int months, bool refused) =>
        Assert.Equal(refused, Blocking(ContractRules.Screen(Bok, Skm(experience: months))).Contains(ContractRules.Codes.Experience));

    [Fact]
    public void PromkesMajor_IsPreferred_ButOtherPublicHealthIsNotRefused()
    {
        var promkes = ContractRules.Screen(Bok, Skm("Promosi Kesehatan"));
        Assert.Contains(promkes, v => v is { Code: ContractRules.Codes.PreferredMajor, Severity: RuleSeverity.Preference });
        var epid = ContractRules.Screen(Bok, Skm("Epidemiologi"));
        Assert.Contains(epid, v => v is { Code: ContractRules.Codes.NotPreferredMajor, Severity: RuleSeverity.Preference });
        Assert.Empty(Blocking(epid));
    }

    [Fact]
    public void DinasCriteria_RequiredBlocks_PreferredRanks()
    {
        var rules = Bok with
        {
            ExtraCriteria = [new(1, "Bersedia bekerja penuh waktu", true, "SE Kadinkes Sleman"), new(2, "Berdomisili di Sleman", false, "SE Kadinkes Sleman")],
        };
        var notMet = ContractRules.Screen(rules, Skm());
        var violation = Assert.Single(notMet, v => v.Blocks);
        Assert.Equal(("KRITERIA_DINAS", "SE Kadinkes Sleman"), (violation.Code, violation.Source));
        Assert.Empty(Blocking(ContractRules.Screen(rules, Skm() with { MetCriteria = [1] })));
        Assert.Contains(ContractRules.Screen(rules, Skm() with { MetCriteria = [1, 2] }), v => v.Code == ContractRules.Codes.ExtraPreferred);
    }

    /// <summary>
    /// A contract is held to the Dinas's required criteria too: blocked when the applicant record it came from says one is
    /// unmet, a warning for the Dinas to confirm when nothing records them; preferred criteria play no part.
    /// </summary>
    [Fact]
    public void Contract_DinasRequiredCriteria_BlockWhenRecordedUnmet_WarnWhenUnrecorded()
    {
        var rules = Bok with
        {
            ExtraCriteria = [new(1, "Bersedia bekerja penuh waktu", true, "SE Kadinkes Sleman"), new(2, "Berdomisili di Sleman", false, "SE Kadinkes Sleman")],
        };
        var unrecorded = ContractRules.Check(rules, Terms(), Umk2026, []);
        var warning = Assert.Single(unrecorded, v => v.Code == ContractRules.Codes.ExtraUnrecorded);
        Assert.Equal((RuleSeverity.Warning, "Criterion1", "SE Kadinkes Sleman"), (warning.Severity, warning.Field, warning.Source));
        Assert.Contains("Bersedia bekerja penuh waktu", warning.MessageId, StringComparison.Ordinal);
        Assert.Empty(Blocking(unrecorded));

        var unmet = ContractRules.Check(rules, Terms() with { MetCriteria = [2] }, Umk2026, []);
        Assert.Equal([ContractRules.Codes.ExtraRequired], Blocking(unmet));
        Assert.DoesNotContain(unmet, v => v.Code is ContractRules.Codes.ExtraUnrecorded or ContractRules.Codes.ExtraPreferred);

        var met = ContractRules.Check(rules, Terms() with { MetCriteria = [1] }, Umk2026, []);
        Assert.DoesNotContain(met, v => v.Code.StartsWith("KRITERIA_DINAS", StringComparison.Ordinal));

        // An institution brings no person to hold to them, as for the qualification rules.
        Assert.DoesNotContain(ContractRules.Check(rules, Terms(kind: ContractorKind.Institution), Umk2026, []), v => v.Code.StartsWith("KRITERIA_DINAS", StringComparison.Ordinal));
    }

    [Fact]
    public void Ranking_PutsEligibleFirst_ThenPreferredMajors()
    {
        var applicants = new (string Name, Qualification Person)[]
        {
            ("Ani (D3 Keperawatan)", new(EducationLevel.D3, true, "Keperawatan", null, 48, [])),
            ("Budi (S1 Epidemiologi)", Skm("Epidemiologi", 60)),
            ("Citra (D3 Promkes)", new(EducationLevel.D3, true, "Kesehatan Masyarakat", "Promosi Kesehatan", 14, [])),
            ("Dedi (S1 Promkes, 6 bulan)", Skm("Promosi Kesehatan", 6)),
        };
        var ranked = ContractRules.Rank(applicants, a => ContractRules.Screen(Bok, a.Person), a => a.Person, a => a.Name);
        Assert.Equal(["Citra (D3 Promkes)", "Budi (S1 Epidemiologi)", "Dedi (S1 Promkes, 6 bulan)", "Ani (D3 Keperawatan)"], ranked.Select(a => a.Name));
    }

    [Fact]
    public void Renewal_BelowThreshold_IsRefused()
    {
        var budget = new[] { new BudgetYear(2027, 40_000_000m, 0, 33_600_000m) };
        Assert.Equal([ContractRules.Codes.RenewalAchievement], ContractRules.CheckRenewal(Bok, 0.79m, budget).Select(v => v.Code));
        Assert.Empty(ContractRules.CheckRenewal(Bok, 0.80m, budget));
        Assert.Empty(ContractRules.CheckRenewal(Bok with { RenewalThreshold = 0.70m }, 0.75m, budget));
        Assert.Equal([ContractRules.Codes.RenewalAchievement], ContractRules.CheckRenewal(Bok, null, budget).Select(v => v.Code));
    }

    [Fact]
    public void Renewal_WithoutNextYearBudget_IsRefused()
    {
        Assert.Equal([ContractRules.Codes.RenewalBudget], ContractRules.CheckRenewal(Bok, 0.9m, [new BudgetYear(2027, null, 0, 33_600_000m)]).Select(v => v.Code));
        var short_ = ContractRules.CheckRenewal(Bok, 0.9m, [new BudgetYear(2027, 40_000_000m, 10_000_000m, 33_600_000m)]);
        Assert.Contains("Rp 30.000.000", Assert.Single(short_).MessageId, StringComparison.Ordinal);
    }
}
