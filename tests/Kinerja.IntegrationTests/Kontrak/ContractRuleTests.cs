using Kinerja.Data;
using Kinerja.Data.Kontrak;
using Kinerja.Engine.Kontrak;
using Kinerja.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.IntegrationTests.Kontrak;

/// <summary>Every rule of the 2016 BOK guidance, applied to stored contracts on SQLite and PostgreSQL.</summary>
public class ContractRuleTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Each case breaks one rule of a valid draft; activation must be refused with exactly that rule.</summary>
    static readonly Dictionary<string, (Action<Contract> Break, string Code)> Cases = new()
    {
        ["HonorariumBelowUmk"] = (c => c.MonthlyHonorarium = 2_500_000m, ContractRules.Codes.Umk),
        ["EducationBelowD3"] = (c => c.Education = EducationLevel.D1, ContractRules.Codes.Education),
        ["EducationOutsideHealth"] = (c => c.HealthEducation = false, ContractRules.Codes.HealthEducation),
        ["MajorNotPublicHealth"] = (c => (c.Major, c.Specialisation) = ("Keperawatan", null), ContractRules.Codes.Major),
        ["ExperienceUnderTwelveMonths"] = (c => c.ExperienceMonths = 11, ContractRules.Codes.Experience),
        ["WithoutJkn"] = (c => c.JknEnrolled = false, ContractRules.Codes.Jkn),
        ["LongerThanTwelveMonths"] = (c => (c.Start, c.End) = (new DateOnly(2026, 7, 1), new DateOnly(2027, 7, 1)), ContractRules.Codes.Length),
        ["WithoutSk"] = (c => c.SkNumber = null, ContractRules.Codes.Sk),
        ["WithoutBudgetLine"] = (c => c.BudgetLine = null, ContractRules.Codes.Funding),
        ["YearWithoutUmk"] = (c => (c.Start, c.End) = (new DateOnly(2028, 1, 1), new DateOnly(2028, 6, 30)), ContractRules.Codes.UmkUnknown),
    };

    public static TheoryData<DatabaseProvider, string> RuleCases()
    {
        var data = new TheoryData<DatabaseProvider, string>();
        foreach (var provider in new[] { DatabaseProvider.Sqlite, DatabaseProvider.Postgres })
            foreach (var name in Cases.Keys)
                data.Add(provider, name);
        return data;
    }

    [Theory]
    [MemberData(nameof(RuleCases))]
    public async Task Activation_BreakingOneRule_IsRefusedWithThatRule(DatabaseProvider provider, string rule)
    {
        await using var database = await KontrakData.SeededAsync(provider);
        await using var db = database.Open(clock: FixedClock.DemoToday);
        // 2027 is known, so a contract running into it fails only the rule under test; 2028 is not.
        db.UmkRates.Add(new UmkRate { Provinsi = "Daerah Istimewa Yogyakarta", KabupatenKota = "Kabupaten Sleman", Year = 2027, Amount = 2_640_000m, Source = "test" });
        var contract = await KontrakData.ValidDraftAtDepokAsync(db);
        Cases[rule].Break(contract);
        await db.SaveChangesAsync(Ct);

        var violations = await db.ActivateAsync(contract, Ct);

        var blocking = Assert.Single(violations, v => v.Blocks);
        Assert.Equal(Cases[rule].Code, blocking.Code);
        Assert.False(string.IsNullOrWhiteSpace(blocking.MessageId));
        Assert.False(string.IsNullOrWhiteSpace(blocking.MessageEn));
        Assert.Equal(ContractStatus.Draft, (await db.Contracts.AsNoTracking().SingleAsync(c => c.Id == contract.Id, Ct)).Status);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Contract_HonorariumBelowUmk_IsRefused_ThenActivatesWhenFixed(DatabaseProvider provider)
    {
        await using var database = await KontrakData.SeededAsync(provider);
        await using var db = database.Open(clock: FixedClock.DemoToday);
        var contract = await KontrakData.ValidDraftAtDepokAsync(db);
        contract.MonthlyHonorarium = 2_000_000m;

        var refused = await db.ActivateAsync(contract, Ct);
        var umk = Assert.Single(refused, v => v.Blocks);
        Assert.Contains("Rp 2.624.387", umk.MessageId, StringComparison.Ordinal);
        Assert.Contains("Kabupaten Sleman 2026", umk.MessageId, StringComparison.Ordinal);

        contract.MonthlyHonorarium = 2_624_387m;
        Assert.DoesNotContain(await db.ActivateAsync(contract, Ct), v => v.Blocks);
        Assert.Equal(ContractStatus.Active, (await db.Contracts.AsNoTracking().SingleAsync(c => c.Id == contract.Id, Ct)).Status);
        Assert.Contains(await db.AuditEntries.ToListAsync(Ct), a => a.Entity == nameof(Contract) && a.EntityKey == contract.Id.ToString() && a.Action == "Modified");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SecondBokPromkesWorker_AtSamePuskesmasAtTheSameTime_IsRefused(DatabaseProvider provider)
    {
        await using var database = await KontrakData.SeededAsync(provider);
        await using var db = database.Open(clock: FixedClock.DemoToday);
        var contract = await KontrakData.ValidDraftAtDepokAsync(db);
        contract.InstitutionId = (await KontrakData.PuskesmasAsync(db, "PKM-MOYUDAN")).Id;

        var violation = Assert.Single(await db.ActivateAsync(contract, Ct), v => v.Blocks);
        Assert.Equal(ContractRules.Codes.OnePerPuskesmas, violation.Code);
        Assert.Contains("Rina Wulandari", violation.MessageId, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TeamContract_PnsMembers_AreWarned(DatabaseProvider provider)
    {
        await using var database = await KontrakData.SeededAsync(provider);
        await using var db = database.Open(clock: FixedClock.DemoToday);
        var team = await db.Contracts.SingleAsync(c => c.ContractorKind == ContractorKind.Team, Ct);
        var check = await db.CheckAsync(team, Ct);
        Assert.Equal(2, check.Count(v => v is { Code: ContractRules.Codes.PnsMember, Severity: RuleSeverity.Warning }));
        Assert.DoesNotContain(check, v => v.Blocks);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Renewal_FollowsVerifiedAchievementAndBudget_AndNeedsNextYearsUmk(DatabaseProvider provider)
    {
        await using var database = await KontrakData.SeededAsync(provider);
        await using var db = database.Open(clock: FixedClock.DemoToday);
        var moyudan = await db.Contracts.SingleAsync(c => c.ContractorName == "Rina Wulandari, S.KM", Ct);

        // November is reported but not verified: it counts 0, so the achievement is under 80 %.
        var before = await db.ProgressAsync(moyudan, Ct);
        Assert.InRange(before.Achievement!.Value, 0.69m, 0.71m);
        Assert.Equal(ContractRules.Codes.RenewalAchievement, Assert.Single(before.RenewalViolations).Code);
        var (refused, none) = await db.RenewAsync(moyudan, Ct);
        Assert.Null(none);
        Assert.NotEmpty(refused);

        foreach (var line in await db.MonthlyTargets.Where(t => t.ContractId == moyudan.Id && t.Status == TargetStatus.Reported).ToListAsync(Ct))
            (line.Status, line.VerifiedQuantity) = (TargetStatus.Verified, line.ReportedQuantity);
        await db.SaveChangesAsync(Ct);
        var after = await db.ProgressAsync(moyudan, Ct);
        Assert.True(after.RenewalRecommended);
        Assert.True(after.Achievement >= 0.8m);

        var (_, draft) = await db.RenewAsync(moyudan, Ct);
        Assert.NotNull(draft);
        Assert.Equal((new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31)), (draft.Start, draft.End));
        // The new year's UMK must be in the table before the renewal can be activated.
        draft.SkNumber = "188/0300/KPTS/DINKES/2026";
        draft.SkDate = new DateOnly(2026, 12, 20);
        Assert.Contains(await db.ActivateAsync(draft, Ct), v => v.Code == ContractRules.Codes.UmkUnknown);
        db.UmkRates.Add(new UmkRate { Provinsi = "Daerah Istimewa Yogyakarta", KabupatenKota = "Kabupaten Sleman", Year = 2027, Amount = 2_640_000m, Source = "test" });
        await db.SaveChangesAsync(Ct);
        Assert.DoesNotContain(await db.ActivateAsync(draft, Ct), v => v.Blocks);
        var old = await db.Contracts.AsNoTracking().SingleAsync(c => c.Id == moyudan.Id, Ct);
        Assert.Equal((ContractStatus.Renewed, draft.Id), (old.Status, old.RenewedToId));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Renewal_WithoutNextYearsBudget_IsRefused(DatabaseProvider provider)
    {
        await using var database = await KontrakData.SeededAsync(provider);
        await using var db = database.Open(clock: FixedClock.DemoToday);
        // Godean I: March 2026 - February 2027; the renewal reaches into 2028, which has no allocation.
        var godean = await db.Contracts.SingleAsync(c => c.ContractorName == "Dewi Lestari, A.Md.Kes", Ct);
        var progress = await db.ProgressAsync(godean, Ct);
        Assert.Contains(progress.RenewalViolations, v => v.Code == ContractRules.Codes.RenewalBudget && v.MessageId.Contains("2028", StringComparison.Ordinal));
        Assert.DoesNotContain(progress.RenewalViolations, v => v.Code == ContractRules.Codes.RenewalAchievement);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Renewal_ThresholdIsTheDinassChoice(DatabaseProvider provider)
    {
        await using var database = await KontrakData.SeededAsync(provider);
        await using var db = database.Open(clock: FixedClock.DemoToday);
        var moyudan = await db.Contracts.SingleAsync(c => c.ContractorName == "Rina Wulandari, S.KM", Ct);
        var rules = await db.ContractRuleSets.SingleAsync(r => r.Id == moyudan.RuleSetId, Ct);
        rules.RenewalThreshold = 0.65m;
        await db.SaveChangesAsync(Ct);
        Assert.True((await db.ProgressAsync(moyudan, Ct)).RenewalRecommended);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Termination_RecordsReason_AndEndsBudgetUse(DatabaseProvider provider)
    {
        await using var database = await KontrakData.SeededAsync(provider);
        await using var db = database.Open(clock: FixedClock.DemoToday);
        var contract = await KontrakData.ValidDraftAtDepokAsync(db);
        contract.End = new DateOnly(2027, 11, 30);
        db.UmkRates.Add(new UmkRate { Provinsi = "DIY", KabupatenKota = "Kabupaten Sleman", Year = 2027, Amount = 2_640_000m, Source = "test" });
        await db.SaveChangesAsync(Ct);
        Assert.DoesNotContain(await db.ActivateAsync(contract, Ct), v => v.Blocks);
        await Assert.ThrowsAsync<ArgumentException>(() => db.TerminateAsync(contract, " ", new DateOnly(2027, 3, 31), Ct));
        await db.TerminateAsync(contract, "Mengundurkan diri", new DateOnly(2027, 3, 31), Ct);
        Assert.Equal(ContractStatus.Terminated, contract.Status);
        Assert.Equal(2_650_000m * 3, await db.CommittedAsync(contract.InstitutionId, 2027, exceptContractId: 0, Ct));
    }
}
