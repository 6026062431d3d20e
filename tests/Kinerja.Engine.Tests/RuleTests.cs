using static Kinerja.Engine.Tests.TestCases;

namespace Kinerja.Engine.Tests;

/// <summary>One test per rule of calculation.md §6 to §9, named after the rule.</summary>
public class RuleTests
{
    private static readonly Period Q4 = Period.Quarter(2026, 4);

    // §6.1
    [Fact]
    public void Units_SumQuantityByPayer_VisitsOnlyForVisitServices()
    {
        var medis = Row(Case([Doctor()], [
            Line("1", quantity: 3), Line("2", payer: Payer.NonJkn, quantity: 2), Line("3", service: "OPERASI"), Line("4", quantity: 4)]), "D1").Medis!;

        Assert.Equal(new PayerCounts(8, 2), medis.Units);
        Assert.Equal(new PayerCounts(7, 2), medis.Visits);
    }

    // §6.2
    [Theory]
    [InlineData("1.9", 1)]
    [InlineData("2", 2)]
    [InlineData("2.99", 2)]
    [InlineData("3", 3)]
    public void Star_IsTheGreatestMinScoreAtOrBelowTheWeightedScore(string score, int star)
    {
        var value = decimal.Parse(score, System.Globalization.CultureInfo.InvariantCulture);
        var medis = Row(Case([Doctor(score: value)]), "D1").Medis!;

        Assert.Equal(value, medis.StratificationScore); // 0.5 × s + 0.5 × s
        Assert.Equal(star, medis.Star);
    }

    [Fact]
    public void Stratification_MissingScore_CountsZero()
    {
        var doctor = Doctor() with { Stratification = new StaffStratification(true, new Dictionary<string, decimal> { ["PENDIDIKAN"] = 3 }) };

        Assert.Equal(1.5m, Row(Case([doctor]), "D1").Medis!.StratificationScore);
    }

    [Fact]
    public void Star_NotValidated_IsTheMinScoreZeroStarAndFlagged()
    {
        var row = Row(Case([Doctor(score: 3, validated: false)]), "D1");

        Assert.Equal(1, row.Medis!.Star);
        Assert.Equal(3m, row.Medis.StratificationScore);
        Assert.Contains(Flags.StratificationNotValidated, row.Flags);
    }

    // §6.3
    [Fact]
    public void Achievement_IsVisitsOverTargetTimesMonths()
    {
        var lines = new[] { Line("1", quantity: 30, date: new DateOnly(2026, 11, 3)), Line("2", payer: Payer.NonJkn, quantity: 15, date: new DateOnly(2026, 12, 31)) };
        var row = Row(Case([Doctor()], lines, period: Q4), "D1");

        Assert.Equal(0.5m, row.Medis!.Achievement); // 45 / (30 × 3)
        Assert.Contains(Flags.BelowTarget, row.Flags);
    }

    [Fact]
    public void Achievement_WithoutTargetOrZeroTarget_IsNull()
    {
        var none = Row(Case([Doctor() with { Target = null }], [Line("1")]), "D1");
        var zero = Row(Case([Doctor() with { Target = new VisitTarget(0, 0) }], [Line("1")]), "D1");

        Assert.Null(none.Medis!.Achievement);
        Assert.Null(zero.Medis!.Achievement);
        Assert.DoesNotContain(Flags.BelowTarget, none.Flags.Concat(zero.Flags));
    }

    [Fact]
    public void Target_BelowTarget_NeverLimitsPay()
    {
        var row = Row(Case([Doctor()], [Line("1", service: "OPERASI", quantity: 2)]), "D1");

        Assert.Contains(Flags.BelowTarget, row.Flags);
        Assert.Equal(1_000_000m, row.PerformanceIncentive); // 2 × 1,000,000 × factor 0.5, not scaled by achievement
        Assert.Equal(1_000_000m, row.Incentive);
    }

    // §6.4
    [Fact]
    public void JknShare_BelowTheStarsMinimum_IsFlagged()
    {
        var row = Row(Case([Doctor()], [Line("1"), Line("2", payer: Payer.NonJkn)]), "D1");

        Assert.Equal(0.5m, row.Medis!.JknShare);
        Assert.Contains(Flags.JknShareBelowMin, row.Flags);
    }

    [Fact]
    public void JknShare_ExactlyAtTheMinimum_IsNotFlagged()
    {
        var row = Row(Case([Doctor()], [Line("1", quantity: 3), Line("2", payer: Payer.NonJkn, quantity: 2)]), "D1");

        Assert.Equal(0.6m, row.Medis!.JknShare);
        Assert.DoesNotContain(Flags.JknShareBelowMin, row.Flags);
    }

    [Fact]
    public void JknShare_UnitsButNoneForJkn_FlagsNoJknService()
    {
        var row = Row(Case([Doctor()], [Line("1", payer: Payer.NonJkn)]), "D1");

        Assert.Equal(0m, row.Medis!.JknShare);
        Assert.Contains(Flags.NoJknService, row.Flags);
        Assert.Contains(Flags.JknShareBelowMin, row.Flags);
    }

    [Fact]
    public void JknShare_NoUnits_IsNullWithoutFlags()
    {
        var row = Row(Case([Doctor()]), "D1");

        Assert.Null(row.Medis!.JknShare);
        Assert.DoesNotContain(Flags.NoJknService, row.Flags);
        Assert.DoesNotContain(Flags.JknShareBelowMin, row.Flags);
    }

    // §6.5
    [Fact]
    public void BaseAmount_IsQuantityTimesTheRateOfThePayer()
    {
        var medis = Row(Case([Doctor()], [Line("1", quantity: 3), Line("2", service: "OPERASI", payer: Payer.NonJkn, quantity: 2)]), "D1").Medis!;

        Assert.Equal(6_090_000m, medis.BaseAmount); // 3 × 30,000 + 2 × 3,000,000
    }

    // §6.6
    [Fact]
    public void Quality_IsTheWeightedMeanOverIndicatorsWithData_RowsAddingUp()
    {
        var quality = new[] { Quality("D1", "EMR", 40, 50), Quality("D1", "EMR", 50, 50) };
        var row = Row(Case([Doctor()], quality: quality), "D1");

        Assert.Equal(0.9m, row.Medis!.QualityScore); // 90/100; VISITE has no rows and does not count
        Assert.Equal(0.9m, row.Medis.QualityFactor);
        Assert.DoesNotContain(Flags.NoQualityData, row.Flags);
    }

    [Fact]
    public void Quality_WeightsApply()
    {
        var quality = new[] { Quality("D1", "EMR", 99, 100), Quality("D1", "VISITE", 9, 10) };

        var medis = Row(Case([Doctor()], quality: quality), "D1").Medis!;

        Assert.Equal(0.9675m, medis.QualityScore); // (3 × 0.99 + 1 × 0.9) / 4
        Assert.Equal(1m, medis.QualityFactor);
    }

    [Fact]
    public void Quality_OnlyZeroDenominators_IsNoQualityDataScoreZero()
    {
        var row = Row(Case([Doctor()], quality: [Quality("D1", "EMR", 0, 0)]), "D1");

        Assert.Equal(0m, row.Medis!.QualityScore);
        Assert.Equal(0.5m, row.Medis.QualityFactor);
        Assert.Contains(Flags.NoQualityData, row.Flags);
    }

    [Fact]
    public void QualityBand_IsChosenOnTheExactScore()
    {
        // (1 × 2/3 + 2 × 13/15) / 3 is exactly 0.8, the start of the 0.9 band, though neither quotient is a decimal.
        var rules = BaseRules with { Quality = BaseRules.Quality with { Indicators = [new QualityIndicator("EMR", 1), new QualityIndicator("VISITE", 2)] } };
        var quality = new[] { Quality("D1", "EMR", 2, 3), Quality("D1", "VISITE", 13, 15) };

        var medis = Row(Case([Doctor()], quality: quality, rules: rules), "D1").Medis!;

        Assert.Equal(0.9m, medis.QualityFactor);
        Assert.Equal(0.8m, Money.RoundRatio(medis.QualityScore));
    }

    // §6.7
    [Fact]
    public void AddedValue_IsCappedAtTheMonthlyCapTimesMonths()
    {
        var rows = new[] { new AddedValueRow("D1", "PPDS", 2), new AddedValueRow("D1", "PPDS", 1) };

        Assert.Equal(1_000_000m, Row(Case([Doctor()], addedValue: rows), "D1").Medis!.AddedValue);
        Assert.Equal(1_200_000m, Row(Case([Doctor()], addedValue: rows, period: Q4), "D1").Medis!.AddedValue);
    }

    [Fact]
    public void AddedValue_WithoutCap_IsNotLimited()
    {
        var rules = BaseRules with { AddedValue = BaseRules.AddedValue! with { MonthlyCap = null } };

        Assert.Equal(2_000_000m, Row(Case([Doctor()], addedValue: [new AddedValueRow("D1", "SEMINAR", 4)], rules: rules), "D1").Medis!.AddedValue);
    }

    // §6.8
    [Fact]
    public void PerformanceIncentive_IsRoundedBaseTimesFactor_HalfAwayFromZero_PlusAddedValue()
    {
        var rules = BaseRules with { Services = [new ServiceRule("KONSUL", "Konsultasi", true, new PayerRates(30_001, 90_000))] };

        var row = Row(Case([Doctor()], [Line("1")], addedValue: [new AddedValueRow("D1", "PPDS", 1)], rules: rules), "D1");

        Assert.Equal(415_001m, row.PerformanceIncentive); // ROUND(30,001 × 0.5) = 15,001, + 400,000
    }

    // §6.9
    [Fact]
    public void Incentive_AboveRangeWithPerikatan_ExcessIsPaidAsPerikatan()
    {
        var row = Row(Case([Doctor() with { Perikatan = true }], [Line("1", service: "OPERASI", payer: Payer.NonJkn, quantity: 10)]), "D1");

        Assert.Equal(15_000_000m, row.PerformanceIncentive);
        Assert.Equal(10_000_000m, row.Incentive);
        Assert.Equal(5_000_000m, row.Perikatan);
        Assert.Equal(0m, row.Withheld);
        Assert.Equal(25_000_000m, row.Total);
        Assert.Contains(Flags.AboveRangePerikatan, row.Flags);
    }

    [Fact]
    public void Incentive_AboveRangeWithoutPerikatan_IsWithheld()
    {
        var row = Row(Case([Doctor()], [Line("1", service: "OPERASI", payer: Payer.NonJkn, quantity: 10)]), "D1");

        Assert.Equal(10_000_000m, row.Incentive);
        Assert.Equal(0m, row.Perikatan);
        Assert.Equal(5_000_000m, row.Withheld);
        Assert.Equal(20_000_000m, row.Total); // withheld is recorded, not paid
        Assert.Contains(Flags.AboveRangeWithheld, row.Flags);
    }

    [Fact]
    public void IncentiveMax_OwnOverridesTheStars()
    {
        var row = Row(Case([Doctor() with { IncentiveMax = 12_000_000 }], [Line("1", service: "OPERASI", payer: Payer.NonJkn, quantity: 10)]), "D1");

        Assert.Equal(12_000_000m, row.IncentiveMax);
        Assert.Equal(12_000_000m, row.Incentive);
        Assert.Equal(3_000_000m, row.Withheld);
    }

    [Fact]
    public void IncentiveMax_None_DoesNotLimit()
    {
        var row = Row(Case([Doctor(score: 3)], [Line("1", service: "OPERASI", payer: Payer.NonJkn, quantity: 10)]), "D1");

        Assert.Null(row.IncentiveMax);
        Assert.Equal(15_000_000m, row.Incentive);
    }

    [Fact]
    public void IncentiveMax_IsMonthlyTimesMonths()
    {
        Assert.Equal(30_000_000m, Row(Case([Doctor()], period: Q4), "D1").IncentiveMax);
    }

    // §7
    [Fact]
    public void Points_PerformanceAboveMaxPerformance_CountsAsMax()
    {
        var row = Row(Case([Nurse(performance: 1.5m)]), "P1");

        Assert.Equal(1.2m, row.NonMedis!.Performance);
        Assert.Equal(1_200_000m, row.PerformanceIncentive); // 1000 × 1.2 × 1000
    }

    [Fact]
    public void Points_PointValue_IsRoundedWeightTimesValueTimesMonths()
    {
        var rules = BaseRules with { Points = new PointsRules(0.5m, null) };

        Assert.Equal(501m, Row(Case([Nurse(points: 1_001)], rules: rules), "P1").PerformanceIncentive); // ROUND(500.5)
        Assert.Equal(1_502m, Row(Case([Nurse(points: 1_001)], rules: rules, period: Q4), "P1").PerformanceIncentive); // ROUND(1501.5)
    }

    [Fact]
    public void Pool_IsSharedInProportionToWeight_AndSumsToThePool()
    {
        var rules = BaseRules with { Points = new PointsRules(null, 10_000_000, 1.1m) };
        var result = Calculator.Calculate(Case([Doctor(), Nurse("P1"), Nurse("P2"), Nurse("P3", performance: 1.5m)], rules: rules));

        Assert.Equal([3_225_807m, 3_225_806m, 3_548_387m], result.Staff.Where(s => s.NonMedis is not null).Select(s => s.PerformanceIncentive));
    }

    [Fact]
    public void Pool_LeftoverRupiah_GoToLargestRemainders()
    {
        // 10 × 3/7 = 4 r 2/7, 10 × 2/7 = 2 r 6/7 twice: the two leftover Rupiah go to the 6/7s.
        Assert.Equal([4m, 3m, 3m], Money.SharePool(10, [3m, 2m, 2m]));
    }

    [Fact]
    public void Pool_RemainderTies_GoToTheStaffListedFirst()
    {
        Assert.Equal([1m, 1m, 0m], Money.SharePool(2, [1m, 1m, 1m]));

        var rules = BaseRules with { Points = new PointsRules(null, 2) };
        var result = Calculator.Calculate(Case([Nurse("P1"), Doctor(), Nurse("P2"), Nurse("P3")], rules: rules));
        Assert.Equal([1m, 0m, 1m, 0m], result.Staff.Select(s => s.PerformanceIncentive));
    }

    [Fact]
    public void Pool_RemaindersAreComparedExactlyNotAsRoundedDecimals()
    {
        // In decimal both shares of 1 Rupiah round to 0.5; as fractions the second is larger and gets the Rupiah.
        Assert.Equal([0m, 1m], Money.SharePool(1, [1m, 1.0000000000000000000000000001m]));
    }

    [Fact]
    public void Pool_AllWeightsZero_EveryoneGetsZero()
    {
        var rules = BaseRules with { Points = new PointsRules(null, 1_000_000) };
        var result = Calculator.Calculate(Case([Nurse("P1", points: 0), Nurse("P2", performance: 0)], rules: rules));

        Assert.All(result.Staff, s => Assert.Equal(0m, s.PerformanceIncentive));
    }

    [Fact]
    public void NonMedis_AboveIncentiveMax_IsWithheld_NeverPerikatan()
    {
        var row = Row(Case([Nurse(points: 2_000) with { IncentiveMax = 1_000_000, Perikatan = true }]), "P1");

        Assert.Equal(2_000_000m, row.PerformanceIncentive);
        Assert.Equal(1_000_000m, row.Incentive);
        Assert.Equal(1_000_000m, row.Withheld);
        Assert.Equal(0m, row.Perikatan);
        Assert.Contains(Flags.AboveRangeWithheld, row.Flags);
    }

    // §8
    [Fact]
    public void FixedPay_IsSalaryPlusAllowancesTimesMonths()
    {
        Assert.Equal(30_000_000m, Row(Case([Doctor()], period: Q4), "D1").FixedPay);
    }

    [Fact]
    public void Duty_IsCountTimesRate_ForEveryone()
    {
        var duty = new[] { new DutyRow("P1", "JAGA_IGD", 1), new DutyRow("P1", "JAGA_IGD", 3) };

        Assert.Equal(1_100_000m, Row(Case([Nurse()], duty: duty), "P1").Duty);
    }

    [Fact]
    public void Ceiling_CutsIncentiveBeforeDuty()
    {
        var doctor = Doctor() with { MaxRemuneration = 12_000_000, Target = new VisitTarget(5, 5) };
        var lines = new[] { Line("1", quantity: 7), Line("2", service: "OPERASI", payer: Payer.NonJkn, quantity: 3) };
        var quality = new[] { Quality("D1", "EMR", 40, 50), Quality("D1", "EMR", 50, 50) };

        var row = Row(Case([doctor], lines, quality, duty: [new DutyRow("D1", "JAGA_IGD", 4)]), "D1");

        Assert.Equal(8_289_000m, row.PerformanceIncentive);
        Assert.Equal(7_389_000m, row.CapReduction);
        Assert.Equal(900_000m, row.Incentive);
        Assert.Equal(1_100_000m, row.Duty);
        Assert.Equal(12_000_000m, row.Total);
        Assert.Contains(Flags.RemunerationCap, row.Flags);
    }

    [Fact]
    public void Ceiling_IncentiveUsedUp_CutsDuty()
    {
        var row = Row(Case([Doctor() with { MaxRemuneration = 10_500_000 }], duty: [new DutyRow("D1", "JAGA_IGD", 4)]), "D1");

        Assert.Equal(600_000m, row.CapReduction);
        Assert.Equal(0m, row.Incentive);
        Assert.Equal(500_000m, row.Duty);
        Assert.Equal(10_500_000m, row.Total);
    }

    [Fact]
    public void Ceiling_FixedPayAboveIt_IsNeverCut()
    {
        var row = Row(Case([Nurse() with { MaxRemuneration = 4_000_000 }], duty: [new DutyRow("P1", "JAGA_IGD", 1)]), "P1");

        Assert.Equal(4_500_000m, row.FixedPay);
        Assert.Equal(1_275_000m, row.CapReduction); // incentive 1,000,000 and duty 275,000, all of it
        Assert.Equal(4_500_000m, row.Total);
        Assert.Equal([Flags.FixedPayExceedsCap, Flags.RemunerationCap], row.Flags);
    }

    [Fact]
    public void Ceiling_PerikatanIsOutsideIt()
    {
        var doctor = Doctor() with { Perikatan = true, MaxRemuneration = 20_000_000 };

        var row = Row(Case([doctor], [Line("1", service: "OPERASI", payer: Payer.NonJkn, quantity: 10)]), "D1");

        Assert.Equal(0m, row.CapReduction);
        Assert.Equal(5_000_000m, row.Perikatan);
        Assert.Equal(25_000_000m, row.Total);
    }

    [Fact]
    public void Total_IsFixedPayPlusIncentiveDutyAndPerikatan()
    {
        var row = Row(Case([Doctor() with { Perikatan = true }], [Line("1", service: "OPERASI", payer: Payer.NonJkn, quantity: 10)], duty: [new DutyRow("D1", "JAGA_IGD", 1)]), "D1");

        Assert.Equal(row.FixedPay + row.Incentive + row.Duty + row.Perikatan, row.Total);
        Assert.Equal(25_275_000m, row.Total);
    }

    // §9
    [Fact]
    public void Hospital_TotalAbovePersonnelBudget_IsOverBudget()
    {
        var rules = BaseRules with { Budget = new BudgetRules(PersonnelBudget: 14_999_999, Revenue: null, MaxPersonnelRatio: null) };

        var result = Calculator.Calculate(Case([Doctor(), Nurse()], rules: rules)); // 10,000,000 + 5,500,000

        Assert.Equal([Flags.OverBudget], result.Flags);
        Assert.Null(result.PersonnelRatio);
    }

    [Fact]
    public void Hospital_PersonnelRatioAboveMax_IsFlagged()
    {
        var rules = BaseRules with { Budget = new BudgetRules(null, Revenue: 31_000_000, MaxPersonnelRatio: 0.5m) };

        var result = Calculator.Calculate(Case([Doctor(), Nurse()], rules: rules));

        Assert.Equal(15_500_000m / 31_000_000m, result.PersonnelRatio);
        Assert.Empty(result.Flags); // exactly 0.5 is not above 0.5
        var over = Calculator.Calculate(Case([Doctor(), Nurse()], rules: rules with { Budget = rules.Budget with { Revenue = 30_999_999 } }));
        Assert.Equal([Flags.PersonnelRatioExceeded], over.Flags);
    }

    [Fact]
    public void Totals_AreTheSumsOfTheStaffRows()
    {
        var result = Calculator.Calculate(Case([Doctor() with { Perikatan = true }, Nurse(), Doctor("D2")], [Line("1", service: "OPERASI", payer: Payer.NonJkn, quantity: 10), Line("2", "D2")], duty: [new DutyRow("P1", "JAGA_IGD", 1)]));

        Assert.Equal(result.Staff.Sum(s => s.FixedPay), result.Totals.FixedPay);
        Assert.Equal(result.Staff.Sum(s => s.Incentive), result.Totals.Incentive);
        Assert.Equal(result.Staff.Sum(s => s.Duty), result.Totals.Duty);
        Assert.Equal(result.Staff.Sum(s => s.Perikatan), result.Totals.Perikatan);
        Assert.Equal(result.Staff.Sum(s => s.Withheld), result.Totals.Withheld);
        Assert.Equal(result.Staff.Sum(s => s.CapReduction), result.Totals.CapReduction);
        Assert.Equal(result.Staff.Sum(s => s.Total), result.Totals.Total);
    }

    [Fact]
    public void Flags_AreSortedAndUnique()
    {
        var row = Row(Case([Doctor(validated: false) with { MaxRemuneration = 1_000_000 }], [Line("1", payer: Payer.NonJkn)]), "D1");

        Assert.Equal(row.Flags.Distinct().Order(StringComparer.Ordinal), row.Flags);
        Assert.True(row.Flags.Count >= 5);
    }

    [Fact]
    public void Staff_KeepTheOrderOfTheCase()
    {
        var result = Calculator.Calculate(Case([Nurse("P2"), Doctor("D9"), Nurse("P1")]));

        Assert.Equal(["P2", "D9", "P1"], result.Staff.Select(s => s.Id));
    }
}
