using FsCheck;
using FsCheck.Xunit;
using static Kinerja.Engine.Tests.TestCases;

namespace Kinerja.Engine.Tests;

/// <summary>Properties that hold for every case, checked on generated ones.</summary>
public class PropertyTests
{
    [Property(MaxTest = 300)]
    public bool Pool_IsAlwaysPaidExactly(NonNegativeInt pool, PositiveInt[] points, NonNegativeInt[] performance)
    {
        // points with 2 decimals, performance with 3 (calculation.md §4)
        var weights = points.Select((p, i) => p.Get / 100m * (performance.Length == 0 ? 1 : performance[i % performance.Length].Get % 2000 / 1000m)).ToList();
        var shares = Money.SharePool(pool.Get, weights);
        var sum = weights.Sum();

        if (sum == 0)
        {
            return shares.All(s => s == 0);
        }

        // Each share is its exact proportion floored, or one Rupiah more; together they are the pool.
        return shares.Sum() == pool.Get
            && shares.Select((s, i) => s - Math.Floor(pool.Get * weights[i] / sum)).All(d => d is >= -1 and <= 1);
    }

    [Property(MaxTest = 200)]
    public bool IncentivePlusPerikatanPlusWithheld_IsThePerformanceIncentive(int seed)
    {
        var result = Calculator.Calculate(Generate(seed, withCeilings: false));

        return result.Staff.All(s => s.Incentive + s.Perikatan + s.Withheld == s.PerformanceIncentive);
    }

    [Property(MaxTest = 200)]
    public bool MoreServiceLines_NeverLowerAnyonesPerformanceIncentive(int seed, PositiveInt extra)
    {
        var @case = Generate(seed, withCeilings: true);
        var more = @case with { Services = [.. @case.Services, .. Lines(new Random(seed ^ extra.Get), @case, extra.Get % 20 + 1, firstId: 10_000)] };

        var before = Calculator.Calculate(@case).Staff;
        var after = Calculator.Calculate(more).Staff;

        return before.Zip(after).All(p => p.Second.PerformanceIncentive >= p.First.PerformanceIncentive);
    }

    [Property(MaxTest = 200)]
    public bool Totals_AreTheSumsOfTheStaffRows(int seed)
    {
        var result = Calculator.Calculate(Generate(seed, withCeilings: true));
        var staff = result.Staff;

        return result.Totals == new ResultTotals(
            staff.Sum(s => s.FixedPay), staff.Sum(s => s.Incentive), staff.Sum(s => s.Duty), staff.Sum(s => s.Perikatan),
            staff.Sum(s => s.Withheld), staff.Sum(s => s.CapReduction), staff.Sum(s => s.Total))
            && staff.All(s => s.Total == s.FixedPay + s.Incentive + s.Duty + s.Perikatan);
    }

    /// <summary>A valid random case from a seed: a few doctors and other staff, lines, quality, added value, duty.</summary>
    private static Case Generate(int seed, bool withCeilings)
    {
        var random = new Random(seed);
        var staff = new List<Staff>();
        for (var i = 0; i < random.Next(1, 5); i++)
        {
            staff.Add(Doctor($"D{i}", score: random.Next(0, 5) / 2m, validated: random.Next(4) > 0) with
            {
                Perikatan = random.Next(2) == 0,
                IncentiveMax = random.Next(3) == 0 ? random.Next(1, 20) * 1_000_000 : null,
                MaxRemuneration = withCeilings && random.Next(3) == 0 ? random.Next(5, 30) * 1_000_000 : null,
                Target = random.Next(4) == 0 ? null : new VisitTarget(random.Next(0, 50), random.Next(0, 50)),
            });
        }

        for (var i = 0; i < random.Next(0, 5); i++)
        {
            staff.Add(Nurse($"P{i}", points: random.Next(0, 500_000) / 100m, performance: random.Next(0, 1500) / 1000m) with
            {
                IncentiveMax = random.Next(3) == 0 ? random.Next(1, 5) * 1_000_000 : null,
                MaxRemuneration = withCeilings && random.Next(3) == 0 ? random.Next(3, 10) * 1_000_000 : null,
            });
        }

        var doctors = staff.Where(s => s.IsMedis).Select(s => s.Id).ToList();
        var rules = random.Next(2) == 0 ? BaseRules : BaseRules with { Points = new PointsRules(null, random.Next(0, 100_000_000), 1.2m) };
        var @case = Case(staff, rules: rules) with
        {
            Quality = [.. Enumerable.Range(0, random.Next(0, 6)).Select(_ =>
            {
                var denominator = random.Next(0, 100);
                return Quality(doctors[random.Next(doctors.Count)], random.Next(2) == 0 ? "EMR" : "VISITE", random.Next(0, denominator + 1), denominator);
            })],
            AddedValue = [.. Enumerable.Range(0, random.Next(0, 4)).Select(_ => new AddedValueRow(doctors[random.Next(doctors.Count)], "PPDS", random.Next(1, 4)))],
            Duty = [.. Enumerable.Range(0, random.Next(0, 4)).Select(_ => new DutyRow(staff[random.Next(staff.Count)].Id, "JAGA_IGD", random.Next(1, 8)))],
        };

        return @case with { Services = Lines(random, @case, random.Next(0, 40), firstId: 0) };
    }

    private static List<ServiceLine> Lines(Random random, Case @case, int count, int firstId)
    {
        var doctors = @case.Staff.Where(s => s.IsMedis).Select(s => s.Id).ToList();
        return [.. Enumerable.Range(firstId, count).Select(id => Line(
            $"L{id}",
            doctors[random.Next(doctors.Count)],
            random.Next(2) == 0 ? "KONSUL" : "OPERASI",
            random.Next(2) == 0 ? Payer.Jkn : Payer.NonJkn,
            random.Next(1, 10),
            new DateOnly(2026, 10, random.Next(1, 32))))];
    }
}
