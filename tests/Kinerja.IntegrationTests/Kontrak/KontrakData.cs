using Kinerja.Data;
using Kinerja.Data.Demo;
using Kinerja.Data.Kontrak;
using Kinerja.Engine.Kontrak;
using Kinerja.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.IntegrationTests.Kontrak;

/// <summary>A fixed "today" for the Kontrak tests: the demo's 23 November 2026 (expiry alerts depend on it).</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public static readonly FixedClock DemoToday = new(new DateTimeOffset(2026, 11, 23, 3, 0, 0, TimeSpan.Zero));

    public override DateTimeOffset GetUtcNow() => now;
}

/// <summary>A migrated database with the demo seeded, and the helpers the Kontrak tests share.</summary>
static class KontrakData
{
    public static async Task<TestDatabase> SeededAsync(DatabaseProvider provider)
    {
        var database = await (await TestDatabase.CreateAsync(provider)).MigrateAsync();
        await using var db = database.Open(clock: FixedClock.DemoToday);
        await DemoSeeder.SeedAsync(db, TestContext.Current.CancellationToken);
        return database;
    }

    public static Task<Institution> PuskesmasAsync(KinerjaDb db, string code) =>
        db.Institutions.SingleAsync(i => i.Code == code, TestContext.Current.CancellationToken);

    /// <summary>
    /// A valid BOK promkes draft at Depok I (whose worker resigned in June): December 2026, above the Sleman UMK.
    /// Each rule test breaks one thing of it.
    /// </summary>
    public static async Task<Contract> ValidDraftAtDepokAsync(KinerjaDb db)
    {
        var ct = TestContext.Current.CancellationToken;
        var depok = await PuskesmasAsync(db, "PKM-DEPOK1");
        var rules = await db.ContractRuleSets.SingleAsync(r => r.Programme == "BOK Promkes", ct);
        var contract = new Contract
        {
            InstitutionId = depok.Id, DinasId = depok.ParentId!.Value, RuleSetId = rules.Id, Status = ContractStatus.Draft,
            Position = "Tenaga Promosi Kesehatan", ContractorKind = ContractorKind.Person, ContractorName = "Fajar Setiawan, S.KM",
            Education = EducationLevel.S1, HealthEducation = true, Major = "Kesehatan Masyarakat", Specialisation = "Promosi Kesehatan",
            ExperienceMonths = 20, FundingSource = "BOK", BudgetLine = "BOK Puskesmas 2026: honor tenaga kontrak promosi kesehatan",
            SkNumber = "188/0200/KPTS/DINKES/2026", SkDate = new DateOnly(2026, 11, 25),
            Start = new DateOnly(2026, 12, 1), End = new DateOnly(2026, 12, 31), MonthlyHonorarium = 2_650_000m, JknEnrolled = true,
        };
        db.Contracts.Add(contract);
        await db.SaveChangesAsync(ct);
        return contract;
    }
}
