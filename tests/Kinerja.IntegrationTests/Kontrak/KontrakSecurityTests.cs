using Kinerja.Data;
using Kinerja.Data.Demo;
using Kinerja.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.IntegrationTests.Kontrak;

public class KontrakSecurityTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    sealed class Actor(params int[] visible) : ICurrentActor
    {
        public string Name => "test";

        public int? InstitutionId => visible.FirstOrDefault();

        public IReadOnlyCollection<int>? VisibleInstitutionIds => visible;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Contracts_AreFilteredToTheVisibleInstitutions(DatabaseProvider provider)
    {
        await using var database = await (await TestDatabase.CreateAsync(provider)).MigrateAsync();
        int moyudan;
        await using (var db = database.Open())
        {
            await DemoSeeder.SeedAsync(db, Ct);
            moyudan = (await db.Institutions.SingleAsync(i => i.Code == "PKM-MOYUDAN", Ct)).Id;
            Assert.Equal(5, await db.Contracts.CountAsync(Ct));
        }
        await using (var db = database.Open(new Actor(moyudan)))
            Assert.Equal([moyudan], (await db.Contracts.ToListAsync(Ct)).Select(c => c.InstitutionId).Distinct());
        await using (var db = database.Open(new Actor()))
            Assert.Empty(await db.Contracts.ToListAsync(Ct));
    }
}
