using Kinerja.Data;
using Kinerja.Data.Demo;
using Kinerja.Data.Remunerasi;
using Kinerja.Engine;
using Kinerja.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.IntegrationTests.Remunerasi;

public class DataModelTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    internal static async Task<(TestDatabase Database, int HospitalId)> DemoAsync(DatabaseProvider provider)
    {
        var database = await (await TestDatabase.CreateAsync(provider)).MigrateAsync();
        await using var db = database.Open();
        await DemoSeeder.SeedAsync(db, Ct);
        var hospital = await db.Institutions.SingleAsync(i => i.Code == "RSUP-CONTOH", Ct);
        return (database, hospital.Id);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DemoHospital_October_BuildsAValidCaseOfEveryStaffMember(DatabaseProvider provider)
    {
        var (database, hospitalId) = await DemoAsync(provider);
        await using var _ = database;
        await using var db = database.Open();

        var built = await CaseBuilder.BuildAsync(db, hospitalId, Period.Month(2026, 10), Ct);

        Assert.True(built.Ok, string.Join("; ", built.Problems));
        var @case = built.Case!;
        Assert.Empty(CaseValidator.Validate(@case));
        Assert.Equal(DemoRemunerasi.Doctors + DemoRemunerasi.OtherStaff, @case.Staff.Count);
        Assert.Equal("D0001", @case.Staff[0].Id);
        Assert.Equal(DemoRemunerasi.Month(Period.Month(2026, 10)).Lines.Count, @case.Services.Count);
        var result = Calculator.Calculate(@case);
        Assert.Contains(result.Staff, s => s.Flags.Contains(Flags.StratificationNotValidated));
        Assert.Contains(result.Staff, s => s.Flags.Contains(Flags.NoQualityData));
        Assert.True(result.Totals.Total > 0);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RateChange_IsANewVersion_AndNeverRewritesAPastMonth(DatabaseProvider provider)
    {
        var (database, hospitalId) = await DemoAsync(provider);
        await using var _ = database;
        await using (var db = database.Open())
        {
            var next = DemoRemunerasi.Rules(hospitalId);
            next.Version = 2;
            next.EffectiveFrom = new DateOnly(2026, 11, 1);
            next.Services.Single(s => s.Code == "RJ-KONSUL").RateJkn = 30_000m;
            db.RuleSets.Add(next);
            await db.SaveChangesAsync(Ct);
        }

        await using var read = database.Open();
        var october = await CaseBuilder.BuildAsync(read, hospitalId, Period.Month(2026, 10), Ct);
        var november = await CaseBuilder.BuildAsync(read, hospitalId, Period.Month(2026, 11), Ct);
        Assert.Equal(1, october.RuleSet!.Version);
        Assert.Equal(25_000m, october.Case!.Rules.Services.Single(s => s.Code == "RJ-KONSUL").Rates.Jkn);
        Assert.Equal(2, november.RuleSet!.Version);
        Assert.Equal(30_000m, november.Case!.Rules.Services.Single(s => s.Code == "RJ-KONSUL").Rates.Jkn);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ApprovedRuleSet_Edit_IsRefused(DatabaseProvider provider)
    {
        var (database, _) = await DemoAsync(provider);
        await using var __ = database;
        await using var db = database.Open();
        var rate = await db.ServiceRates.FirstAsync(s => s.Code == "RJ-KONSUL", Ct);
        rate.RateJkn = 1m;

        var refused = await Assert.ThrowsAsync<ClosedRecordException>(() => db.SaveChangesAsync(Ct));
        Assert.Contains("versi baru", refused.Message, StringComparison.Ordinal);
        await using var check = database.Open();
        Assert.Equal(25_000m, (await check.ServiceRates.FirstAsync(s => s.Code == "RJ-KONSUL", Ct)).RateJkn);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task StaffChange_IsAudited_WithBeforeAndAfter(DatabaseProvider provider)
    {
        var (database, _) = await DemoAsync(provider);
        await using var __ = database;
        await using (var db = database.Open(new SystemActor("remunerasi")))
        {
            var staff = await db.Staff.SingleAsync(s => s.Code == "P0001", Ct);
            staff.OtherAllowances += 100_000m;
            await db.SaveChangesAsync(Ct);
        }

        await using var read = database.Open();
        var entry = await read.AuditEntries.Where(a => a.Entity == "Staff" && a.Action == "Modified").SingleAsync(Ct);
        Assert.Equal("remunerasi", entry.Actor);
        Assert.Contains("OtherAllowances", entry.Before!, StringComparison.Ordinal);
        Assert.Contains("OtherAllowances", entry.After!, StringComparison.Ordinal);
    }
}
