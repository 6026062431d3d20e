using Kinerja.Engine.Kontrak;

namespace Kinerja.Engine.Tests.Kontrak;

public class AchievementTests
{
    static DateOnly D(int year, int month, int day) => new(year, month, day);

    [Theory]
    [InlineData(2026, 1, 1, 2026, 12, 31, 12)]
    [InlineData(2026, 1, 2, 2026, 12, 31, 12)]
    [InlineData(2026, 1, 2, 2027, 1, 1, 12)]
    [InlineData(2026, 1, 1, 2027, 1, 1, 13)]
    [InlineData(2026, 3, 1, 2026, 3, 31, 1)]
    [InlineData(2026, 3, 1, 2026, 3, 1, 1)]
    public void Length_CountsAStartedMonthWhole(int y1, int m1, int d1, int y2, int m2, int d2, int months) =>
        Assert.Equal(months, ContractMath.LengthInMonths(D(y1, m1, d1), D(y2, m2, d2)));

    [Fact]
    public void MonthsInYear_SplitsAContractAcrossYears()
    {
        Assert.Equal(10, ContractMath.MonthsInYear(D(2026, 3, 1), D(2027, 2, 28), 2026));
        Assert.Equal(2, ContractMath.MonthsInYear(D(2026, 3, 1), D(2027, 2, 28), 2027));
        Assert.Equal(0, ContractMath.MonthsInYear(D(2026, 3, 1), D(2027, 2, 28), 2028));
        Assert.Equal(2_624_387m * 12, ContractMath.CostInYear(2_624_387m, D(2026, 1, 2), D(2026, 12, 31), 2026));
    }

    [Fact]
    public void RenewalPeriod_StartsTheDayAfter_AndKeepsTheLength() =>
        Assert.Equal((D(2027, 1, 1), D(2027, 12, 31)), ContractMath.RenewalPeriod(D(2026, 1, 2), D(2026, 12, 31), 12));

    [Fact]
    public void LineRatio_IsCappedAtOne_AndUnverifiedCountsZero()
    {
        Assert.Equal(1m, Achievement.LineRatio(10, 14));
        Assert.Equal(0.5m, Achievement.LineRatio(10, 5));
        Assert.Equal(0m, Achievement.LineRatio(10, null));
    }

    [Fact]
    public void Month_IsTheMeanOfItsLines_SurplusDoesNotMakeUpForAShortfall()
    {
        var month = Assert.Single(Achievement.ByMonth([new TargetLine(D(2026, 9, 1), 4, 8), new TargetLine(D(2026, 9, 1), 10, 5)]));
        Assert.Equal(0.75m, month.Ratio);
        Assert.Equal((2, 2), (month.Lines, month.Verified));
    }

    [Fact]
    public void OverContract_IsTheMeanOfMonthsWithTargets_AndVerifyingRaisesIt()
    {
        TargetLine[] lines = [new(D(2026, 9, 1), 10, 9), new(D(2026, 10, 1), 10, 9), new(D(2026, 11, 1), 10, null)];
        Assert.Equal(0.6m, Achievement.OverContract(Achievement.ByMonth(lines)));
        lines[2] = lines[2] with { VerifiedQuantity = 9 };
        Assert.Equal(0.9m, Achievement.OverContract(Achievement.ByMonth(lines)));
        Assert.Null(Achievement.OverContract(Achievement.ByMonth([])));
    }

    [Fact]
    public void OverContract_IgnoresTargetsWrittenAheadForLaterMonths()
    {
        var months = Achievement.ByMonth([new TargetLine(D(2026, 11, 1), 10, 9), new TargetLine(D(2026, 12, 1), 10, null)]);
        Assert.Equal(0.9m, Achievement.OverContract(months, D(2026, 11, 23)));
        Assert.Equal(0.45m, Achievement.OverContract(months, D(2026, 12, 1)));
    }

    [Fact]
    public void PnsComparison_UsesTheSameTargets()
    {
        var month = Assert.Single(Achievement.ByMonth([new TargetLine(D(2026, 9, 1), 10, 9, 6), new TargetLine(D(2026, 9, 1), 4, 4)]));
        Assert.Equal(0.6m, month.PnsRatio);
    }
}
