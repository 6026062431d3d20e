using System.Numerics;

namespace Kinerja.Engine;

/// <summary>
/// An exact fraction, for the decisions calculation.md §1 says must use the exact value (quality bands): a
/// weighted mean of quotients such as 1/3 is not exact in <see cref="decimal"/>, and 0.9999… must not fall
/// below a band starting at 1.
/// </summary>
internal readonly struct Rational : IComparable<Rational>, IEquatable<Rational>
{
    private static readonly BigInteger[] PowersOfTen = [.. Enumerable.Range(0, 40).Select(i => BigInteger.Pow(10, i))];

    public Rational(BigInteger numerator, BigInteger denominator)
    {
        if (denominator.IsZero)
        {
            throw new DivideByZeroException();
        }

        if (denominator.Sign < 0)
        {
            numerator = -numerator;
            denominator = -denominator;
        }

        var gcd = BigInteger.GreatestCommonDivisor(numerator, denominator);
        if (!gcd.IsOne && !gcd.IsZero)
        {
            numerator /= gcd;
            denominator /= gcd;
        }

        _numerator = numerator;
        _denominator = denominator;
    }

    private readonly BigInteger _numerator;

    // default(Rational) has a zero denominator field: read it as 0/1.
    private readonly BigInteger _denominator;

    public BigInteger Numerator => _numerator;

    public BigInteger Denominator => _denominator.IsZero ? BigInteger.One : _denominator;

    public static Rational Zero => new(BigInteger.Zero, BigInteger.One);

    public static Rational One => new(BigInteger.One, BigInteger.One);

    public static Rational From(decimal value)
    {
        var bits = decimal.GetBits(value);
        var scale = (bits[3] >> 16) & 0xFF;
        var mantissa = Mantissa(bits);
        if (value < 0)
        {
            mantissa = -mantissa;
        }

        return new Rational(mantissa, PowersOfTen[scale]);
    }

    /// <summary><paramref name="value"/> × 10^<paramref name="scale"/> as an integer; scale must be ≥ the value's.</summary>
    public static BigInteger ScaledInteger(decimal value, int scale)
    {
        var bits = decimal.GetBits(value);
        var own = (bits[3] >> 16) & 0xFF;
        var mantissa = Mantissa(bits) * PowersOfTen[scale - own];
        return value < 0 ? -mantissa : mantissa;
    }

    public static Rational operator +(Rational a, Rational b) =>
        new((a.Numerator * b.Denominator) + (b.Numerator * a.Denominator), a.Denominator * b.Denominator);

    public static Rational operator *(Rational a, Rational b) =>
        new(a.Numerator * b.Numerator, a.Denominator * b.Denominator);

    public static Rational operator /(Rational a, Rational b) =>
        new(a.Numerator * b.Denominator, a.Denominator * b.Numerator);

    public static bool operator <(Rational a, Rational b) => a.CompareTo(b) < 0;

    public static bool operator >(Rational a, Rational b) => a.CompareTo(b) > 0;

    public static bool operator <=(Rational a, Rational b) => a.CompareTo(b) <= 0;

    public static bool operator >=(Rational a, Rational b) => a.CompareTo(b) >= 0;

    public static bool operator ==(Rational a, Rational b) => a.Equals(b);

    public static bool operator !=(Rational a, Rational b) => !a.Equals(b);

    public static Rational Min(Rational a, Rational b) => a <= b ? a : b;

    public int CompareTo(Rational other) =>
        (Numerator * other.Denominator).CompareTo(other.Numerator * Denominator);

    public bool Equals(Rational other) => Numerator == other.Numerator && Denominator == other.Denominator;

    public override bool Equals(object? obj) => obj is Rational other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Numerator, Denominator);

    /// <summary>The nearest decimal at 24 decimals: for display (it is rounded to 4 before being shown).</summary>
    public decimal ToDecimal()
    {
        var digits = BigInteger.Abs(Numerator) <= Denominator * 1000 ? 24 : 12;
        var scaled = BigInteger.Divide(Numerator * PowersOfTen[digits], Denominator);
        return (decimal)scaled / (decimal)PowersOfTen[digits];
    }

    private static BigInteger Mantissa(int[] bits) =>
        (new BigInteger((uint)bits[2]) << 64) | (new BigInteger((uint)bits[1]) << 32) | new BigInteger((uint)bits[0]);
}
