extern alias cli;
using System.Text;
using cli::Kinerja.Cli;
using Kinerja.Data;
using Kinerja.Data.Remunerasi;
using Kinerja.Data.Remunerasi.Imports;
using Kinerja.Engine;
using Kinerja.IntegrationTests.Infrastructure;
using MiniExcelLibs;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.IntegrationTests.Remunerasi;

public class ImportTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    const string Header = "id,date,staffId,service,payer,quantity,workingHours";

    static string Lines(int from, int count) => string.Join('\n',
        Enumerable.Range(from, count).Select(i => $"N{i:D6},2026-11-{1 + (i % 28):D2},D{1 + (i % 40):D4},RJ-KONSUL,{(i % 3 == 0 ? "NON_JKN" : "JKN")},1,true"));

    static Stream Csv(string text) => new MemoryStream(Encoding.UTF8.GetBytes(text));

    static async Task<ImportResult> ImportServicesAsync(TestDatabase database, int hospitalId, string csv, string period = "2026-11")
    {
        await using var db = database.Open(new SystemActor("remunerasi"));
        return await new ServiceLineImporter(db).ImportFileAsync(Csv(csv), new ImportOptions(hospitalId, "test", "lines.csv", Period.Parse(period)), Ct);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ServiceLines_BadRowInTheMiddle_RefusesTheFileWithThatLine_AndImportsNothing(DatabaseProvider provider)
    {
        var (database, hospitalId) = await DataModelTests.DemoAsync(provider);
        await using var _ = database;
        // Line 1 is the header: data rows 1..50 are lines 2..51; the bad row is line 27.
        var csv = $"{Header}\n{Lines(1, 25)}\nN999999,2026-11-05,D0001,RJ-KONSUL,ASURANSI,1,true\n{Lines(26, 25)}\n";

        var result = await ImportServicesAsync(database, hospitalId, csv);

        Assert.False(result.Ok);
        var error = Assert.Single(result.Errors);
        Assert.Equal(27, error.Line);
        Assert.Equal("payer", error.Column);
        Assert.Contains("JKN atau NON_JKN", error.Message, StringComparison.Ordinal);
        await using var db = database.Open();
        Assert.Equal(0, await db.ServiceLines.CountAsync(l => l.Date >= new DateOnly(2026, 11, 1), Ct));
        Assert.Equal(0, await db.ImportBatches.CountAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ServiceLines_EveryBadRow_IsReportedWithLineColumnAndReason(DatabaseProvider provider)
    {
        var (database, hospitalId) = await DataModelTests.DemoAsync(provider);
        await using var _ = database;
        var csv = $"""
            {Header}
            A1,2026-11-01,D0001,RJ-KONSUL,JKN,1,true
            A2,2026-10-31,D0001,RJ-KONSUL,JKN,1,true
            A3,2026-11-02,P0001,RJ-KONSUL,JKN,1,true
            A4,2026-11-02,D0001,PIJAT,JKN,1,true
            A5,2026-11-02,D0001,RJ-KONSUL,JKN,0,true
            A1,2026-11-03,D0001,RJ-KONSUL,JKN,1,true
            A7,2026-11-02,X9999,RJ-KONSUL,JKN,1,mungkin
            """;

        var result = await ImportServicesAsync(database, hospitalId, csv);

        Assert.Equal(
            [(3, "date"), (4, "staffId"), (5, "service"), (6, "quantity"), (7, "id"), (8, "staffId"), (8, "workingHours")],
            result.Errors.Select(e => (e.Line, e.Column)).ToArray());
        Assert.All(result.Errors, e => Assert.False(string.IsNullOrEmpty(e.English)));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ServiceLines_SameFileTwice_LeavesOneCopy_AndAChangedLineIsUpdatedAndAudited(DatabaseProvider provider)
    {
        var (database, hospitalId) = await DataModelTests.DemoAsync(provider);
        await using var _ = database;
        var csv = $"{Header}\n{Lines(1, 300)}\n";

        var first = await ImportServicesAsync(database, hospitalId, csv);
        var second = await ImportServicesAsync(database, hospitalId, csv);

        Assert.True(first.Ok);
        Assert.Equal((300, 0, 0), (first.Batch!.Added, first.Batch.Updated, first.Batch.Unchanged));
        Assert.Equal((0, 0, 300), (second.Batch!.Added, second.Batch.Updated, second.Batch.Unchanged));
        await using (var db = database.Open())
            Assert.Equal(300, await db.ServiceLines.CountAsync(l => l.Date >= new DateOnly(2026, 11, 1), Ct));

        var changed = await ImportServicesAsync(database, hospitalId, $"{Header}\nN000001,2026-11-02,D0002,RJ-KONSUL,JKN,3,false\n");
        Assert.Equal(1, changed.Batch!.Updated);
        await using var check = database.Open();
        var line = await check.ServiceLines.SingleAsync(l => l.LineId == "N000001", Ct);
        Assert.Equal(3, line.Quantity);
        var audit = await check.AuditEntries.SingleAsync(a => a.Entity == "ServiceLine" && a.EntityKey == "N000001", Ct);
        Assert.Equal("remunerasi", audit.Actor);
        Assert.Contains("\"Quantity\":1", audit.Before!, StringComparison.Ordinal);
        Assert.Contains("\"Quantity\":3", audit.After!, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ExcelFile_IsImportedLikeCsv(DatabaseProvider provider)
    {
        var (database, hospitalId) = await DataModelTests.DemoAsync(provider);
        await using var _ = database;
        var rows = Enumerable.Range(1, 20).Select(i => new Dictionary<string, object>
        {
            ["id"] = $"X{i}", ["date"] = new DateTime(2026, 11, i), ["staffId"] = "D0003", ["service"] = "USG", ["payer"] = "NON_JKN",
            ["quantity"] = 1, ["workingHours"] = true,
        }).ToList();
        using var xlsx = new MemoryStream();
        await xlsx.SaveAsAsync(rows, cancellationToken: Ct);
        xlsx.Position = 0;

        await using var db = database.Open();
        var result = await new ServiceLineImporter(db).ImportFileAsync(xlsx, new ImportOptions(hospitalId, "test", "lines.xlsx", Period.Month(2026, 11)), Ct);

        Assert.True(result.Ok, string.Join("; ", result.Errors));
        Assert.Equal(20, result.Batch!.Added);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task PaidPeriod_ChangedLine_IsRefused_ButTheSameLineAgainIsNot(DatabaseProvider provider)
    {
        var (database, hospitalId) = await DataModelTests.DemoAsync(provider);
        await using var _ = database;
        await PayAsync(database, hospitalId, Period.Month(2026, 10));
        string existing;
        await using (var db = database.Open())
        {
            var line = await db.ServiceLines.OrderBy(l => l.Id).FirstAsync(Ct);
            existing = $"{line.LineId},{line.Date:yyyy-MM-dd},{line.StaffCode},{line.Service},{CaseWriter.PayerCode(line.Payer)},{line.Quantity},{(line.WorkingHours ? "true" : "false")}";
        }

        var same = await ImportServicesAsync(database, hospitalId, $"{Header}\n{existing}\n", "2026-10");
        var changed = await ImportServicesAsync(database, hospitalId, $"{Header}\n{existing[..existing.LastIndexOf(',')]},{(existing.EndsWith("true", StringComparison.Ordinal) ? "false" : "true")}\n", "2026-10");

        Assert.True(same.Ok);
        Assert.Equal(1, same.Batch!.Unchanged);
        var error = Assert.Single(changed.Errors);
        Assert.Contains("sudah dibayar", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task PaidRun_Edit_IsRefusedByTheDataLayer(DatabaseProvider provider)
    {
        var (database, hospitalId) = await DataModelTests.DemoAsync(provider);
        await using var _ = database;
        var runId = await PayAsync(database, hospitalId, Period.Month(2026, 10));

        await using var db = database.Open();
        var run = await db.CalculationRuns.SingleAsync(r => r.Id == runId, Ct);
        run.Total += 1;
        var refused = await Assert.ThrowsAsync<ClosedRecordException>(() => db.SaveChangesAsync(Ct));
        Assert.Contains("sudah dibayar", refused.Message, StringComparison.Ordinal);
        db.ChangeTracker.Clear();
        var line = await db.ServiceLines.FirstAsync(Ct);
        line.Quantity += 1;
        await Assert.ThrowsAsync<ClosedRecordException>(() => db.SaveChangesAsync(Ct));
        db.ChangeTracker.Clear();
        var result = await db.RunStaffResults.FirstAsync(r => r.RunId == runId, Ct);
        db.RunStaffResults.Remove(result);
        await Assert.ThrowsAsync<ClosedRecordException>(() => db.SaveChangesAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task QualityAddedValueAndDuty_AreImported_AndCliRefusesABadFileWithExit2(DatabaseProvider provider)
    {
        var (database, _) = await DataModelTests.DemoAsync(provider);
        await using var _ = database;
        var folder = database.Directory;
        await File.WriteAllTextAsync(Path.Combine(folder, "q.csv"), "period;staffId;indicator;numerator;denominator\n2026-11;D0001;EMR;95;100\n2026-11;D0002;EMR;0,5;1\n", Ct);
        await File.WriteAllTextAsync(Path.Combine(folder, "a.csv"), "period,staffId,activity,count\n2026-11,D0001,SEMINAR,2\n", Ct);
        await File.WriteAllTextAsync(Path.Combine(folder, "d.csv"), "period,staffId,shift,count\n2026-11,P0005,JAGA_ICU,3\n2026-11,P0005,JAGA_ICU,4\n", Ct);
        var configuration = CliRunTests.ConfigurationFor(database);

        Assert.Equal(0, await ImportCommand.RunAsync(["quality", Path.Combine(folder, "q.csv"), "--period", "2026-11"], configuration, TextWriter.Null, TextWriter.Null));
        Assert.Equal(0, await ImportCommand.RunAsync(["added-value", Path.Combine(folder, "a.csv"), "--period", "2026-11"], configuration, TextWriter.Null, TextWriter.Null));
        var stderr = new StringWriter();
        Assert.Equal(2, await ImportCommand.RunAsync(["duty", Path.Combine(folder, "d.csv"), "--period", "2026-11"], configuration, TextWriter.Null, stderr));

        Assert.Contains("baris/line 3", stderr.ToString(), StringComparison.Ordinal);
        await using var db = database.Open();
        Assert.Equal(0.5m, (await db.QualityResults.SingleAsync(q => q.Period == "2026-11" && q.StaffCode == "D0002", Ct)).Numerator);
        Assert.Equal(1, await db.AddedValueEntries.CountAsync(a => a.Period == "2026-11", Ct));
        Assert.Equal(0, await db.DutyEntries.CountAsync(d => d.Period == "2026-11", Ct));
    }

    internal static async Task<int> PayAsync(TestDatabase database, int hospitalId, Period period)
    {
        int runId;
        await using (var db = database.Open(new SystemActor("remunerasi")))
        {
            var outcome = await RunService.CalculateAsync(db, hospitalId, period, cancellationToken: Ct);
            // The demo seeds approved and paid runs (October 2026 approved): a final run of unchanged data is paid as it is.
            if (outcome.Run is { IsFinal: true } seeded)
            {
                if (seeded.Status == RunStatus.Approved)
                    Assert.Null(await RunService.MarkPaidAsync(db, seeded.Id, Ct));
                return seeded.Id;
            }

            Assert.True(outcome.Ok, string.Join("; ", outcome.Problems.Select(p => p.Message)));
            runId = outcome.Run!.Id;
        }

        await using (var db = database.Open(new SystemActor("verifikator")))
            Assert.Null(await RunService.VerifyAsync(db, runId, Ct));
        await using (var db = database.Open(new SystemActor("direktur")))
        {
            Assert.Null(await RunService.ApproveAsync(db, runId, Ct));
            Assert.Null(await RunService.MarkPaidAsync(db, runId, Ct));
        }

        return runId;
    }
}
