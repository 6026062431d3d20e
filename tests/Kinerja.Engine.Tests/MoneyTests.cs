namespace Kinerja.Engine.Tests;

public class MoneyTests
{
    [Theory]
    [InlineData("2.5", "3")]
    [InlineData("3.5", "4")]
    [InlineData("-2.5", "-3")]
    [InlineData("2.4999", "2")]
    public void Round_IsHalfAwayFromZero(string amount, string expected) =>
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            Money.Round(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)));
}
