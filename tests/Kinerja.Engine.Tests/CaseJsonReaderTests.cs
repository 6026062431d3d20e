using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kinerja.Engine.Json;

namespace Kinerja.Engine.Tests;

/// <summary>The streamed reader over small windows: tokens and values split across refills and read-ahead blocks.</summary>
public class CaseJsonReaderTests
{
    [Theory]
    [InlineData(false, 16, 16)]
    [InlineData(true, 16, 7)]
    [InlineData(true, 64, 1000)]
    [InlineData(true, 1 << 20, 1 << 18)]
    public void Reading_ThroughSmallWindowsAndReadAhead_GivesTheSameResult(bool readAhead, int bufferSize, int blockSize)
    {
        var bytes = File.ReadAllBytes(Examples.CasePath("kasus-tepi-2026-11"));
        using var reader = new CaseJsonReader(new MemoryStream(bytes), readAhead, bufferSize, blockSize);

        var read = reader.Read();

        Assert.Empty(read.Errors);
        var output = new MemoryStream();
        CaseJson.WriteResult(output, read.Document!.Calculate());
        using var expected = JsonDocument.Parse(File.ReadAllBytes(Examples.ExpectedPath("kasus-tepi-2026-11")));
        using var actual = JsonDocument.Parse(output.ToArray());
        Examples.AssertSame(expected.RootElement, actual.RootElement);
    }

    [Fact]
    public void MalformedJson_WithReadAhead_ThrowsAndStopsTheThread()
    {
        var bytes = File.ReadAllBytes(Examples.CasePath("kasus-tepi-2026-11"))[..2000];
        using var reader = new CaseJsonReader(new MemoryStream(bytes), readAhead: true, bufferSize: 64, blockSize: 100);

        Assert.ThrowsAny<JsonException>(() => reader.Read());
    }

    [Fact]
    public void UnreadableStream_WithReadAhead_ThrowsTheIOException()
    {
        Assert.Throws<IOException>(() =>
        {
            using var reader = new CaseJsonReader(new FailingStream(), readAhead: true, bufferSize: 64, blockSize: 100);
            return reader.Read();
        });
    }

    // The line loop's shortcuts (docs/performance.md): dates compared by their month, quantities and payers read
    // from the raw bytes, sums in dense rows up to a limit and in a hash table beyond it. Each must give what the
    // plain way gives.
    private static JsonObject EdgeCase()
    {
        using var input = File.OpenRead(Examples.CasePath("kasus-tepi-2026-11"));
        return JsonNode.Parse(input)!.AsObject();
    }

    private static List<string> Paths(string json)
    {
        var read = CaseJson.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)));
        Assert.False(read.IsValid);
        return [.. read.Errors.Select(e => e.Path)];
    }

    [Fact]
    public void Dates_AfterAValidDateOfTheSameMonth_AreStillCheckedInFull()
    {
        var json = EdgeCase();
        json["services"]![0]!["date"] = "2026-11-05"; // remembered month
        json["services"]![1]!["date"] = "2026-11-31"; // same month, no such day
        json["services"]![2]!["date"] = "2026-11-00";
        json["services"]![3]!["date"] = "2026-12-01"; // a real date outside the period
        json["services"]![4]!["date"] = "2026-11-1x";

        Assert.Equal(["services[1].date", "services[2].date", "services[3].date", "services[4].date"], Paths(json.ToJsonString()));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-2")]
    [InlineData("1.5")]
    [InlineData("1e2")]
    [InlineData("12345678901234567890")]
    [InlineData("\"3\"")]
    public void Quantity_NotAWholeNumberFromOne_IsRejected(string quantity)
    {
        var text = EdgeCase().ToJsonString().Replace("\"quantity\":7,", $"\"quantity\":{quantity},", StringComparison.Ordinal);
        Assert.Contains(quantity, text, StringComparison.Ordinal);

        Assert.Equal(["services[3].quantity"], Paths(text));
    }

    [Fact]
    public void EscapedPayerAndFieldNames_AreReadUnescaped()
    {
        var original = EdgeCase().ToJsonString();
        var text = original
            .Replace("\"payer\":\"NON_JKN\"", "\"pay\\u0065r\":\"NON\\u005FJKN\"", StringComparison.Ordinal)
            .Replace("\"date\":\"2026-11-03\"", "\"date\":\"2026\\u002d11-03\"", StringComparison.Ordinal);
        Assert.NotEqual(original, text);

        var read = CaseJson.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)));

        Assert.Empty(read.Errors);
        Assert.Equal(Result(original), Result(text));
    }

    [Fact]
    public void ManyStaffAndCodes_BeyondTheDenseSums_GiveTheSameResultAsTheLinesInMemory()
    {
        // More staff ids and codes than the dense rows take (4,096 and 256): those sums go to the hash table.
        var services = Enumerable.Range(0, 300)
            .Select(i => new ServiceRule($"S{i:D3}", $"Layanan {i}", Visit: i % 2 == 0, new PayerRates(1_000 + i, 3_000 + i)))
            .ToList();
        var rules = TestCases.BaseRules with { Services = services };
        var staff = Enumerable.Range(0, 4_200).Select(i => TestCases.Doctor($"D{i:D4}")).ToList();
        var lines = new List<ServiceLine>();
        for (var i = 0; i < 12_000; i++)
        {
            var doctor = (i * 7) % staff.Count;
            var service = ((i * 13) + (doctor / 50)) % services.Count;
            lines.Add(TestCases.Line(
                $"L{(i * 7919) % 12_000:D5}", staff[doctor].Id, services[service].Code, i % 3 == 0 ? Payer.NonJkn : Payer.Jkn, 1 + (i % 4),
                new DateOnly(2026, 10, 1 + (i % 31))));
        }

        var @case = TestCases.Case(staff, lines, rules: rules);
        var file = new MemoryStream();
        CaseJson.WriteCase(file, @case);
        file.Position = 0;

        var read = CaseJson.Read(file);

        Assert.Empty(read.Errors);
        Assert.Equal(12_000, read.Document!.ServiceLineCount);
        Assert.Equal(Result(Calculator.Calculate(@case)), Result(read.Document.Calculate()));
    }

    private static string Result(string caseJson)
    {
        var read = CaseJson.Read(new MemoryStream(Encoding.UTF8.GetBytes(caseJson)));
        Assert.Empty(read.Errors);
        return Result(read.Document!.Calculate());
    }

    private static string Result(CalculationResult result)
    {
        var output = new MemoryStream();
        CaseJson.WriteResult(output, result);
        return Encoding.UTF8.GetString(output.ToArray());
    }

    private sealed class FailingStream : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => 0; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => throw new IOException("disk gone");

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
