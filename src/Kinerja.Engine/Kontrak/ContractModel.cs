namespace Kinerja.Engine.Kontrak;

/// <summary>Education levels in the order of the Indonesian system; D4 and S1 are both "sarjana terapan/sarjana".</summary>
public enum EducationLevel
{
    Sma,
    D1,
    D2,
    D3,
    D4,
    S1,
    S2,
    S3,
}

public enum ContractorKind
{
    /// <summary>One worker (perorangan), as the 2016 BOK guidance foresees.</summary>
    Person,

    /// <summary>A team with its members, as practitioners ask (seed 000, comment of 7-4-2016).</summary>
    Team,

    /// <summary>An institution (lembaga).</summary>
    Institution,
}

/// <summary>Error blocks activation; Warning is shown and recorded; Preference is shown, never enforced.</summary>
public enum RuleSeverity
{
    Error,
    Warning,
    Preference,
}

/// <summary>
/// The rules of one programme as a Dinas keeps them (defaults: Permenkes 82/2015, Juknis BOK 2016, Subbab IV).
/// Rules are data so that a Dinas can adapt them for another programme.
/// </summary>
public sealed record RuleSet(
    EducationLevel MinEducation,
    bool RequireHealthEducation,
    IReadOnlyList<string> AllowedMajors,
    IReadOnlyList<string> PreferredMajors,
    int MinExperienceMonths,
    int MaxLengthMonths,
    decimal RenewalThreshold,
    bool OnePerPuskesmas,
    bool RequireJkn,
    bool HonorariumAtLeastUmk,
    string Source,
    IReadOnlyList<ExtraCriterion> ExtraCriteria)
{
    /// <summary>The 2016 BOK promkes guidance, as written in the Juknis (seed 000).</summary>
    public static RuleSet BokPromkes2016 { get; } = new(
        EducationLevel.D3, RequireHealthEducation: true,
        AllowedMajors: ["Kesehatan Masyarakat", "Promosi Kesehatan", "Ilmu Perilaku"],
        PreferredMajors: ["Promosi Kesehatan", "Ilmu Perilaku"],
        MinExperienceMonths: 12, MaxLengthMonths: 12, RenewalThreshold: 0.80m,
        OnePerPuskesmas: true, RequireJkn: true, HonorariumAtLeastUmk: true,
        Source: "Permenkes 82/2015, Juknis BOK 2016, Subbab IV", ExtraCriteria: []);
}

/// <summary>A criterion the Dinas adds (e.g. Sleman's circular letter on recruitment), with its own source.</summary>
public sealed record ExtraCriterion(int Id, string Text, bool Required, string Source);

/// <summary>What a person brings: an applicant, the contracted worker, or a team's coordinator.</summary>
public sealed record Qualification(
    EducationLevel Education,
    bool HealthEducation,
    string Major,
    string? Specialisation,
    int ExperienceMonths,
    IReadOnlyCollection<int> MetCriteria);

public sealed record TeamMember(string Name, bool IsPns);

/// <summary>
/// The terms of a contract as the rules see them. <paramref name="MetCriteria"/>: the Dinas criteria the worker (a team's
/// coordinator) is recorded as meeting, i.e. those of the applicant the contract was drafted from for the same rule set;
/// null when nothing records them (a contract drafted directly), so the rules cannot tell.
/// </summary>
public sealed record ContractTerms(
    ContractorKind Kind,
    Qualification? Person,
    IReadOnlyList<TeamMember> Members,
    DateOnly Start,
    DateOnly End,
    decimal MonthlyHonorarium,
    bool JknEnrolled,
    string? SkNumber,
    DateOnly? SkDate,
    string? FundingSource,
    string? BudgetLine,
    string? KabupatenKota,
    IReadOnlyCollection<int>? MetCriteria = null);

/// <summary>A regional minimum wage (UMK) of one kabupaten/kota for one year.</summary>
public sealed record Umk(string KabupatenKota, int Year, decimal Amount, string Source);

/// <summary>Another running contract of the same programme at the same puskesmas.</summary>
public sealed record OtherContract(string Label, DateOnly Start, DateOnly End);

/// <summary>BOK money for one year at the puskesmas: the allocation (null if not recorded), what other contracts use, what is needed.</summary>
public sealed record BudgetYear(int Year, decimal? Allocation, decimal Committed, decimal Needed)
{
    public decimal? Available => Allocation - Committed;
}

/// <summary>One broken (or preferred) rule: a code, the form field it concerns, the message in both languages, and where the rule comes from.</summary>
public sealed record RuleViolation(string Code, string Field, RuleSeverity Severity, string MessageId, string MessageEn, string Source)
{
    public bool Blocks => Severity == RuleSeverity.Error;

    public string Message(bool english) => english ? MessageEn : MessageId;
}
