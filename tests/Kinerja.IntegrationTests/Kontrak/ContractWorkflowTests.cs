using Kinerja.Data;
using Kinerja.Data.Kontrak;
using Kinerja.Engine.Kontrak;
using Kinerja.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.IntegrationTests.Kontrak;

/// <summary>
/// The workflow around activation and the months that count: the Dinas's required criteria, the applicant hired,
/// renewal and termination, on 23 November 2026.
/// </summary>
public class ContractWorkflowTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static Task<Applicant> ApplicantAsync(KinerjaDb db, string name) => db.Applicants.SingleAsync(a => a.FullName == name, Ct);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DirectDraft_ShowsEachRequiredDinasCriterion_AsAWarningToConfirm(DatabaseProvider provider)
    {
        await using var database = await KontrakData.SeededAsync(provider);
        await using var db = database.Open(clock: FixedClock.DemoToday);
        var contract = await KontrakData.ValidDraftAtDepokAsync(db);

        var check = await db.CheckAsync(contract, Ct);

        // Sleman's circular letter: full-time work is required, domicile only preferred.
        var warning = Assert.Single(check, v => v.Code.StartsWith("KRITERIA_DINAS", StringComparison.Ordinal));
        Assert.Equal((ContractRules.Codes.ExtraUnrecorded, RuleSeverity.Warning), (warning.Code, warning.Severity));
        Assert.Contains("Bersedia bekerja penuh waktu", warning.MessageId, StringComparison.Ordinal);
        Assert.Contains("Surat Edaran Kepala Dinas Kesehatan Kabupaten Sleman", warning.Source, StringComparison.Ordinal);
        Assert.DoesNotContain(await db.ActivateAsync(contract, Ct), v => v.Blocks);
        Assert.Equal(ContractStatus.Active, contract.Status);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DraftFromAnApplicant_IsHeldToTheRecordedCriteria_AndActivationHiresThem(DatabaseProvider provider)
    {
        await using var database = await KontrakData.SeededAsync(provider);
        await using var db = database.Open(clock: FixedClock.DemoToday);
        var fajar = await ApplicantAsync(db, "Fajar Setiawan, S.KM");
        var met = fajar.MetCriterionIds.ToList();
        fajar.MetCriterionIds = [];
        var contract = await KontrakData.ValidDraftAtDepokAsync(db);
        contract.ApplicantId = fajar.Id;
        await db.SaveChangesAsync(Ct);

        var refused = Assert.Single(await db.ActivateAsync(contract, Ct), v => v.Blocks);
        Assert.Equal(ContractRules.Codes.ExtraRequired, refused.Code);
        Assert.Contains("menurut data pelamar: Bersedia bekerja penuh waktu", refused.MessageId, StringComparison.Ordinal);
        Assert.Equal((ContractStatus.Draft, ApplicantStatus.New), (contract.Status, fajar.Status));

        fajar.MetCriterionIds = met;
        await db.SaveChangesAsync(Ct);
        var accepted = await db.ActivateAsync(contract, Ct);
        Assert.DoesNotContain(accepted, v => v.Code.StartsWith("KRITERIA_DINAS", StringComparison.Ordinal));
        Assert.DoesNotContain(accepted, v => v.Blocks);

        await using var check = database.Open();
        Assert.Equal(ContractStatus.Active, (await check.Contracts.SingleAsync(c => c.Id == contract.Id, Ct)).Status);
        Assert.Equal(ApplicantStatus.Hired, (await check.Applicants.SingleAsync(a => a.Id == fajar.Id, Ct)).Status);
        Assert.Contains(await check.AuditEntries.ToListAsync(Ct), a => a.Entity == nameof(Applicant) && a.EntityKey == fajar.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)
                                                                       && a.Action == "Modified" && a.After!.Contains("Hired", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ApplicantOfAnotherProgramme_RecordsNothingForThisOne_SoItsCriteriaAreWarnings(DatabaseProvider provider)
    {
        await using var database = await KontrakData.SeededAsync(provider);
        await using var db = database.Open(clock: FixedClock.DemoToday);
        var fajar = await ApplicantAsync(db, "Fajar Setiawan, S.KM");
        fajar.RuleSetId = (await db.ContractRuleSets.SingleAsync(r => r.Programme == "Tim Kesehatan Jiwa", Ct)).Id;
        fajar.MetCriterionIds = [];
        var contract = await KontrakData.ValidDraftAtDepokAsync(db);
        contract.ApplicantId = fajar.Id;
        await db.SaveChangesAsync(Ct);

        var check = await db.CheckAsync(contract, Ct);
        Assert.Equal(RuleSeverity.Warning, Assert.Single(check, v => v.Code.StartsWith("KRITERIA_DINAS", StringComparison.Ordinal)).Severity);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Progress_OfATerminatedContract_CountsOnlyTheMonthsBeforeTheTermination(DatabaseProvider provider)
    {
        await using var database = await KontrakData.SeededAsync(provider);
        await using var db = database.Open(clock: FixedClock.DemoToday);
        var rina = await db.Contracts.SingleAsync(c => c.ContractorName == "Rina Wulandari, S.KM", Ct);
        var before = await db.ProgressAsync(rina, Ct);
        Assert.Equal(4, before.Months.Count);
        Assert.Equal(4, before.Unverified);

        // Terminated at the end of September: October's verified work and November's unverified reports are after it.
        await db.TerminateAsync(rina, "Mengundurkan diri", new DateOnly(2026, 9, 30), Ct);
        var after = await db.ProgressAsync(rina, Ct);

        Assert.Equal([new DateOnly(2026, 8, 1), new DateOnly(2026, 9, 1)], after.Months.Select(m => m.Month));
        Assert.Equal(0, after.Unverified);
        Assert.Equal(after.Months.Average(m => m.Ratio), after.Achievement);
        Assert.True(after.Achievement > before.Achievement);
        Assert.False(rina.AchievementOpen(new DateOnly(2026, 10, 1)));
        Assert.True(rina.AchievementOpen(new DateOnly(2026, 9, 1)));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RenewalActivated_LeavesTheOldContractsRemainingMonthsOpen(DatabaseProvider provider)
    {
        await using var database = await KontrakData.SeededAsync(provider);
        await using var db = database.Open(clock: FixedClock.DemoToday);
        var (rina, draft) = await RenewedRinaAsync(db);
        Assert.DoesNotContain(await db.ActivateAsync(draft, Ct), v => v.Blocks);

        Assert.Equal(ContractStatus.Renewed, rina.Status);
        Assert.True(rina.TargetsOpen(new DateOnly(2026, 12, 1)));
        Assert.True(rina.AchievementOpen(new DateOnly(2026, 12, 1)));
        Assert.False(rina.TargetsOpen(new DateOnly(2027, 1, 1)));
        Assert.True(draft.AchievementOpen(new DateOnly(2027, 1, 1)));
        Assert.False(draft.AchievementOpen(new DateOnly(2026, 12, 1)));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RenewalActivated_AfterTheOldContractWasTerminated_KeepsTheTermination(DatabaseProvider provider)
    {
        await using var database = await KontrakData.SeededAsync(provider);
        await using var db = database.Open(clock: FixedClock.DemoToday);
        var (terminated, renewal) = await RenewedRinaAsync(db);
        await db.TerminateAsync(terminated, "Mengundurkan diri", new DateOnly(2026, 11, 30), Ct);
        Assert.DoesNotContain(await db.ActivateAsync(renewal, Ct), v => v.Blocks);
        Assert.Equal((ContractStatus.Terminated, renewal.Id, new DateOnly(2026, 11, 30)), (terminated.Status, terminated.RenewedToId, terminated.EffectiveEnd));
        Assert.False(terminated.TargetsOpen(new DateOnly(2026, 12, 1)));
    }

    /// <summary>Moyudan's contract with November verified, and its renewal draft for 2027 ready to activate.</summary>
    internal static async Task<(Contract Rina, Contract Draft)> RenewedRinaAsync(KinerjaDb db)
    {
        var rina = await db.Contracts.SingleAsync(c => c.ContractorName == "Rina Wulandari, S.KM", Ct);
        foreach (var line in await db.MonthlyTargets.Where(t => t.ContractId == rina.Id && t.Status == TargetStatus.Reported).ToListAsync(Ct))
            (line.Status, line.VerifiedQuantity) = (TargetStatus.Verified, line.ReportedQuantity);
        db.UmkRates.Add(new UmkRate { Provinsi = "Daerah Istimewa Yogyakarta", KabupatenKota = "Kabupaten Sleman", Year = 2027, Amount = 2_640_000m, Source = "test" });
        await db.SaveChangesAsync(Ct);
        var (_, draft) = await db.RenewAsync(rina, Ct);
        (draft!.SkNumber, draft.SkDate) = ("188/0300/KPTS/DINKES/2026", new DateOnly(2026, 11, 20));
        await db.SaveChangesAsync(Ct);
        return (rina, draft);
    }
}
