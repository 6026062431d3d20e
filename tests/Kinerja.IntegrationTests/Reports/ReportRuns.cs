using Kinerja.Data;
using Kinerja.Data.Demo;
using Kinerja.Data.Remunerasi;
using Kinerja.Engine;
using Kinerja.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using ServiceLine = Kinerja.Data.Remunerasi.ServiceLine;

namespace Kinerja.IntegrationTests.Reports;

/// <summary>Monthly runs for the report tests, made as people make them: calculated, verified by another, approved by the Direksi.</summary>
static class ReportRuns
{
    public static async Task<int> HospitalIdAsync(TestDatabase database)
    {
        await using var db = database.Open();
        return await db.Institutions.Where(i => i.Code == "RSUP-CONTOH").Select(i => i.Id).SingleAsync();
    }

    /// <summary>Adds a generated demo month's data (November, December: the demo seeds only October).</summary>
    public static async Task AddMonthDataAsync(TestDatabase database, Period period)
    {
        var hospital = await HospitalIdAsync(database);
        var month = DemoRemunerasi.Month(period);
        var key = period.ToString();
        await using var db = database.Open(new SystemActor("remunerasi"));
        db.ServiceLines.AddRange(month.Lines.Select(l => new ServiceLine
        {
            InstitutionId = hospital, LineId = l.Id, Date = l.Date, StaffCode = l.StaffId, Service = l.Service, Payer = l.Payer, Quantity = l.Quantity, WorkingHours = l.WorkingHours,
        }));
        db.QualityResults.AddRange(month.Quality.Select(q => new QualityResult
        {
            InstitutionId = hospital, Period = key, StaffCode = q.StaffId, Indicator = q.Indicator, Numerator = q.Numerator, Denominator = q.Denominator,
        }));
        db.AddedValueEntries.AddRange(month.AddedValue.Select(a => new AddedValueEntry { InstitutionId = hospital, Period = key, StaffCode = a.StaffId, Activity = a.Activity, Count = a.Count }));
        db.DutyEntries.AddRange(month.Duty.Select(d => new DutyEntry { InstitutionId = hospital, Period = key, StaffCode = d.StaffId, Shift = d.Shift, Count = d.Count }));
        await db.SaveChangesAsync();
    }

    /// <summary>Calculates (as remunerasi), verifies (as verifikator) and approves (as direktur) the month; returns the run.</summary>
    public static async Task<CalculationRun> ApproveAsync(TestDatabase database, Period period)
    {
        var hospital = await HospitalIdAsync(database);
        int id;
        await using (var db = database.Open(new SystemActor("remunerasi")))
        {
            var outcome = await RunService.CalculateAsync(db, hospital, period);
            // The demo already approved some months (June-October 2026); on unchanged data that run is the month's run.
            if (outcome.Run is { IsFinal: true } final)
                return final;
            Assert.True(outcome.Ok, string.Join("; ", outcome.Problems.Select(p => p.Message)));
            id = outcome.Run!.Id;
        }

        await using (var db = database.Open(new SystemActor("verifikator")))
            Assert.Null(await RunService.VerifyAsync(db, id));
        await using (var db = database.Open(new SystemActor("direktur")))
            Assert.Null(await RunService.ApproveAsync(db, id));
        await using (var db = database.Open())
            return await db.CalculationRuns.AsNoTracking().SingleAsync(r => r.Id == id);
    }
}
