using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Kinerja.Engine.Json;
using static Kinerja.Engine.Tests.TestCases;

namespace Kinerja.Engine.Tests;

/// <summary>Each mistake of calculation.md §5 is reported at the JSON path of the offending value.</summary>
public class ValidationTests
{
    private static readonly Case Valid = Case(
        [Doctor(), Nurse()],
        [Line("L1"), Line("L2", payer: Payer.NonJkn)],
        [Quality("D1", "EMR", 9, 10)],
        [new AddedValueRow("D1", "PPDS", 1)],
        [new DutyRow("P1", "JAGA_IGD", 1)]);

    private static List<string> Paths(Case @case) => [.. CaseValidator.Validate(@case).Select(e => e.Path)];

    [Fact]
    public void ValidCase_HasNoErrors() => Assert.Empty(CaseValidator.Validate(Valid));

    [Fact]
    public void UnknownVersion_IsRejected() => Assert.Equal(["version"], Paths(Valid with { Version = 2 }));

    [Fact]
    public void DuplicateStaffId_IsRejected() =>
        Assert.Equal(["staff[2].id"], Paths(Valid with { Staff = [Doctor(), Nurse(), Doctor()] }));

    [Fact]
    public void DuplicateServiceLineId_IsRejected() =>
        Assert.Equal(["services[2].id"], Paths(Valid with { Services = [Line("L1"), Line("L2"), Line("L1")] }));

    [Fact]
    public void DuplicateRuleCode_IsRejected()
    {
        var rules = BaseRules with { Duty = [new DutyRule("JAGA_IGD", 1), new DutyRule("JAGA_IGD", 2)] };

        Assert.Equal(["rules.duty[1].code"], Paths(Valid with { Rules = rules }));
    }

    [Fact]
    public void RowsNamingUnknownStaff_AreRejected()
    {
        var @case = Valid with
        {
            Services = [Line("L1", staffId: "X")],
            Quality = [Quality("X", "EMR", 1, 1)],
            AddedValue = [new AddedValueRow("X", "PPDS", 1)],
            Duty = [new DutyRow("X", "JAGA_IGD", 1)],
        };

        Assert.Equal(["services[0].staffId", "quality[0].staffId", "addedValue[0].staffId", "duty[0].staffId"], Paths(@case));
    }

    [Fact]
    public void RowsNamingUnknownCodes_AreRejected()
    {
        var @case = Valid with
        {
            Services = [Line("L1", service: "X")],
            Quality = [Quality("D1", "X", 1, 1)],
            AddedValue = [new AddedValueRow("D1", "X", 1)],
            Duty = [new DutyRow("D1", "X", 1)],
        };

        Assert.Equal(["services[0].service", "quality[0].indicator", "addedValue[0].activity", "duty[0].shift"], Paths(@case));
    }

    [Fact]
    public void ServiceLine_ForNonMedisStaff_IsRejected() =>
        Assert.Equal(["services[1].staffId"], Paths(Valid with { Services = [Line("L1"), Line("L2", staffId: "P1")] }));

    [Fact]
    public void QualityAndAddedValue_ForNonMedisStaff_AreRejected() =>
        Assert.Equal(
            ["quality[0].staffId", "addedValue[0].staffId"],
            Paths(Valid with { Quality = [Quality("P1", "EMR", 1, 1)], AddedValue = [new AddedValueRow("P1", "PPDS", 1)] }));

    [Fact]
    public void Duty_ForNonMedisStaff_IsAccepted() => Assert.Empty(Paths(Valid with { Duty = [new DutyRow("P1", "JAGA_IGD", 1)] }));

    [Fact]
    public void LineDate_OutsideThePeriod_IsRejected() =>
        Assert.Equal(
            ["services[0].date", "services[1].date"],
            Paths(Valid with { Services = [Line("L1", date: new DateOnly(2026, 9, 30)), Line("L2", date: new DateOnly(2026, 11, 1)), Line("L3", date: new DateOnly(2026, 10, 31))] }));

    [Fact]
    public void QuantityOrCount_BelowOne_IsRejected() =>
        Assert.Equal(
            ["services[0].quantity", "addedValue[0].count", "duty[0].count"],
            Paths(Valid with { Services = [Line("L1", quantity: 0)], AddedValue = [new AddedValueRow("D1", "PPDS", 0)], Duty = [new DutyRow("P1", "JAGA_IGD", -1)] }));

    [Fact]
    public void NegativeAmountWeightScoreNumeratorOrDenominator_IsRejected()
    {
        var rules = BaseRules with { Stratification = BaseRules.Stratification with { Criteria = [new Criterion("PENDIDIKAN", -1), new Criterion("PENGALAMAN", 1)] } };
        var doctor = Doctor(score: -1) with { Salary = -1 };

        var paths = Paths(Valid with { Rules = rules, Staff = [doctor, Nurse()], Quality = [Quality("D1", "EMR", -1, -2)] });

        Assert.Equal(
            ["rules.stratification.criteria[0].weight", "staff[0].salary", "staff[0].stratification.scores.PENDIDIKAN",
             "staff[0].stratification.scores.PENGALAMAN", "quality[0].numerator", "quality[0].denominator"],
            paths);
    }

    [Fact]
    public void NumeratorAboveDenominator_IsRejected() =>
        Assert.Equal(["quality[0].numerator"], Paths(Valid with { Quality = [Quality("D1", "EMR", 11, 10)] }));

    [Fact]
    public void Stars_WithoutMinScoreZero_AreRejected()
    {
        var rules = BaseRules with { Stratification = BaseRules.Stratification with { Stars = [new StarLevel(1, 1, 0, null), new StarLevel(2, 2, 0, null)] } };

        Assert.Equal(["rules.stratification.stars"], Paths(Valid with { Rules = rules }));
    }

    [Fact]
    public void Stars_WithEqualMinScoresOrStarNumbers_AreRejected()
    {
        var rules = BaseRules with { Stratification = BaseRules.Stratification with { Stars = [new StarLevel(1, 0, 0, null), new StarLevel(1, 2, 0, null), new StarLevel(3, 2, 0, null)] } };

        Assert.Equal(["rules.stratification.stars[2].minScore", "rules.stratification.stars[1].star"], Paths(Valid with { Rules = rules }));
    }

    [Fact]
    public void QualityFactors_WithTwoMinScoreZero_AreRejected()
    {
        var rules = BaseRules with { Quality = BaseRules.Quality with { Factors = [new QualityFactor(0, 1), new QualityFactor(0, 0.5m)] } };

        Assert.Equal(["rules.quality.factors[1].minScore", "rules.quality.factors"], Paths(Valid with { Rules = rules }));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Points_WithBothOrNeitherOfPointValueAndPool_AreRejected(bool both)
    {
        var points = both ? new PointsRules(1_000, 1_000_000) : new PointsRules(null, null);

        Assert.Equal(["rules.points"], Paths(Valid with { Rules = BaseRules with { Points = points } }));
    }

    [Fact]
    public void MoneyWithDecimals_IsRejected() =>
        Assert.Equal(["staff[1].allowances"], Paths(Valid with { Staff = [Doctor(), Nurse() with { Allowances = 0.5m }] }));

    [Fact]
    public void EveryError_IsCollected_AndNothingIsComputed()
    {
        var @case = Valid with { Version = 9, Services = [Line("L1", staffId: "P1", quantity: 0)] };

        var error = Assert.Throws<InvalidCaseException>(() => Calculator.Calculate(@case));

        Assert.Equal(["version", "services[0].staffId", "services[0].quantity"], error.Errors.Select(e => e.Path));
    }

    [Fact]
    public void Messages_AreIndonesian_OrEnglishForAnEnglishUiCulture()
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("id-ID");
            Assert.Equal("harus minimal 1", CaseValidator.Validate(Valid with { Services = [Line("L1", quantity: 0)] }).Single().Message);
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-US");
            Assert.Equal("must be at least 1", CaseValidator.Validate(Valid with { Services = [Line("L1", quantity: 0)] }).Single().Message);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    // The JSON form: missing and malformed fields, and what records cannot express.
    private static JsonObject Json()
    {
        using var input = File.OpenRead(Examples.CasePath("kasus-tepi-2026-11"));
        return JsonNode.Parse(input)!.AsObject();
    }

    private static List<string> JsonPaths(JsonObject json)
    {
        var read = CaseJson.Read(new MemoryStream(Encoding.UTF8.GetBytes(json.ToJsonString())));
        Assert.False(read.IsValid);
        return [.. read.Errors.Select(e => e.Path)];
    }

    [Theory]
    [InlineData("2026-13")]
    [InlineData("2026-Q5")]
    [InlineData("2026-1")]
    [InlineData("Oktober 2026")]
    public void MalformedPeriod_IsRejected(string period)
    {
        var json = Json();
        json["period"] = period;

        Assert.Contains("period", JsonPaths(json));
    }

    [Fact]
    public void Payer_OtherThanJknOrNonJkn_IsRejected()
    {
        var json = Json();
        json["services"]![3]!["payer"] = "BPJS";

        Assert.Equal(["services[3].payer"], JsonPaths(json));
    }

    [Fact]
    public void MissingOrMalformedField_IsRejectedAtItsPath()
    {
        var json = Json();
        json["staff"]![2]!.AsObject().Remove("salary");
        json["staff"]![3]!["allowances"] = "satu juta";
        json["services"]![0]!.AsObject().Remove("staffId");
        json["services"]![1]!["date"] = "2026-11-31";
        json["services"]![2]!["quantity"] = 1.5;
        json["rules"]!.AsObject().Remove("quality");

        var paths = JsonPaths(json);

        Assert.Equal(
            ["rules.quality", "staff[2].salary", "staff[3].allowances", "services[0].staffId", "services[1].date", "services[2].quantity"],
            paths.Where(p => !p.StartsWith("quality[", StringComparison.Ordinal)));
    }

    [Fact]
    public void BadLines_BeforeRulesAndStaff_AreAllReportedWithTheirPaths()
    {
        var original = Json();
        var json = new JsonObject { ["services"] = original["services"]!.DeepClone() };
        foreach (var (name, value) in original)
        {
            if (name != "services")
            {
                json[name] = value!.DeepClone();
            }
        }

        json["services"]![0]!["staffId"] = "P1";
        json["services"]![1]!["service"] = "X";
        json["services"]![2]!["id"] = "1";
        json["services"]![3]!["date"] = "2026-10-31";

        Assert.Equal(["services[0].staffId", "services[1].service", "services[2].id", "services[3].date"], JsonPaths(json));
    }

    [Fact]
    public void DuplicateLineId_AfterOrderedIds_IsFoundAtItsPath()
    {
        var json = Json();
        json["services"]![4]!["id"] = "2";

        Assert.Equal(["services[4].id"], JsonPaths(json));
    }

    [Fact]
    public void EscapedStrings_AreReadUnescaped()
    {
        var text = Json().ToJsonString().Replace("\"staffId\":\"A\"", "\"staffId\":\"\\u0041\"", StringComparison.Ordinal);
        Assert.Contains("\\u0041", text, StringComparison.Ordinal);

        var read = CaseJson.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)));

        Assert.Empty(read.Errors);
    }
}
