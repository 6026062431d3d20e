namespace Kinerja.Engine.Tests;

public class ExtraPayTests
{
    [Fact]
    public void ThirteenthSalary_IsTheMultipleOfMonthlyFixedPay_Rounded()
    {
        var shares = ExtraPay.ThirteenthSalary(
            [new FixedPayInput("A", 5_000_000, 1_500_001), new FixedPayInput("B", 0, 0)], 0.5m);

        Assert.Equal(6_500_001, shares[0].Basis);
        Assert.Equal(3_250_001, shares[0].Amount); // 3 250 000.5 rounds half away from zero
        Assert.Equal(0, shares[1].Amount);
    }

    [Fact]
    public void ThrInsentif_IsAPercentageOfTheAverageIncentive_OverTheMonthsPaid()
    {
        var shares = ExtraPay.ThrInsentif(
            [new ThrInput("A", [10_000_000, 11_000_000, 12_000_001]), new ThrInput("NEW", [3_000_000]), new ThrInput("NONE", [])],
            0.5m, ceiling: null);

        Assert.Equal(5_500_000, shares[0].Amount); // 33 000 001 × 0.5 / 3 = 5 500 000.1667
        Assert.Equal(11_000_000, shares[0].Basis);
        Assert.Equal(1_500_000, shares[1].Amount);
        Assert.Equal(0, shares[2].Amount);
    }

    [Fact]
    public void ThrInsentif_AboveTheClusterCeiling_IsCutToTheCeiling()
    {
        var shares = ExtraPay.ThrInsentif([new ThrInput("A", [40_000_000]), new ThrInput("B", [10_000_000])], 1m, ceiling: 25_000_000);

        Assert.Equal((40_000_000m, 15_000_000m, 25_000_000m), (shares[0].Computed, shares[0].CapReduction, shares[0].Amount));
        Assert.Equal((0m, 10_000_000m), (shares[1].CapReduction, shares[1].Amount));
    }

    [Fact]
    public void Bonus_SharesThePoolByPerformanceWeightedPoints_Exactly()
    {
        // Weights 1, 1, 1: 100 / 3 = 33 r 1 each; the one leftover Rupiah goes to the first (equal remainders).
        var shares = ExtraPay.Bonus([new BonusInput("A", 10, 1), new BonusInput("B", 10, 1), new BonusInput("C", 5, 2)], 100, maxPerformance: 2);

        Assert.Equal([34m, 33m, 33m], shares.Select(s => s.Amount));
        Assert.Equal(100, shares.Sum(s => s.Amount));
    }

    [Fact]
    public void Bonus_PerformanceAboveTheMaximum_CountsAsTheMaximum()
    {
        var shares = ExtraPay.Bonus([new BonusInput("A", 100, 1.5m), new BonusInput("B", 100, 1m)], 1_000_000, maxPerformance: 1);

        Assert.Equal(500_000, shares[0].Amount);
        Assert.Equal(100m, shares[0].Basis);
    }

    [Fact]
    public void Bonus_AllWeightsZero_GivesEveryoneZero() =>
        Assert.All(ExtraPay.Bonus([new BonusInput("A", 0, 1), new BonusInput("B", 10, 0)], 1_000), s => Assert.Equal(0, s.Amount));

    [Fact]
    public void Bonus_ManyOddWeights_SumToThePool()
    {
        var people = Enumerable.Range(1, 97).Select(i => new BonusInput($"P{i}", 1000 + (i * 37.13m), 0.8m + (i % 7 / 10m))).ToList();
        Assert.Equal(1_234_567_891m, ExtraPay.Bonus(people, 1_234_567_891m, 1.2m).Sum(s => s.Amount));
    }
}
