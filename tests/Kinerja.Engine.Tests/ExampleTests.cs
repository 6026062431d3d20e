using System.Text.Json;
using Kinerja.Cli;
using Kinerja.Engine.Json;

namespace Kinerja.Engine.Tests;

/// <summary>calculation.md §10: every example is reproduced exactly, by every way into the engine.</summary>
public class ExampleTests
{
    public static TheoryData<string> Names => Examples.Names();

    [Fact]
    public void Examples_AreFound()
    {
        Assert.NotEmpty(Examples.Names());
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Example_StreamedReader_ReproducesExpected(string name)
    {
        using var input = File.OpenRead(Examples.CasePath(name));
        var read = CaseJson.Read(input);
        Assert.Empty(read.Errors);

        var output = new MemoryStream();
        CaseJson.WriteResult(output, read.Document!.Calculate());
        AssertMatchesExpected(name, output.ToArray());
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Example_CaseWithLines_ReproducesExpected(string name)
    {
        // The web app's way in: a Case record holding its service lines.
        using var input = File.OpenRead(Examples.CasePath(name));
        var header = CaseJson.Read(input).Document!.Case;
        var @case = header with { Services = ReadLines(Examples.CasePath(name)) };

        var output = new MemoryStream();
        CaseJson.WriteResult(output, Calculator.Calculate(@case));
        AssertMatchesExpected(name, output.ToArray());
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Example_CalculateCommand_ReproducesExpected(string name)
    {
        using var input = File.OpenRead(Examples.CasePath(name));
        var stdout = new MemoryStream();
        var stderr = new StringWriter();

        var exit = CalculateCommand.Run(input, name, stdout, openOutput: null, stderr);

        Assert.Equal(CalculateCommand.Ok, exit);
        Assert.Equal("", stderr.ToString());
        AssertMatchesExpected(name, stdout.ToArray());
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Example_ServicesBeforeRulesAndStaff_ReproducesExpected(string name)
    {
        // JSON object members have no order: a case may list its lines before what they refer to.
        using var document = JsonDocument.Parse(File.ReadAllBytes(Examples.CasePath(name)));
        var rebuilt = new Dictionary<string, JsonElement>();
        foreach (var property in document.RootElement.EnumerateObject())
        {
            rebuilt[property.Name] = property.Value;
        }

        var order = new[] { "services", "quality", "duty", "addedValue", "staff", "rules", "period", "hospital", "version" };
        var json = JsonSerializer.SerializeToUtf8Bytes(order.ToDictionary(k => k, k => rebuilt[k]));
        var read = CaseJson.Read(new MemoryStream(json));
        Assert.Empty(read.Errors);

        var output = new MemoryStream();
        CaseJson.WriteResult(output, read.Document!.Calculate());
        AssertMatchesExpected(name, output.ToArray());
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Example_WrittenWithWriteCaseAndReadBack_ReproducesExpected(string name)
    {
        using var input = File.OpenRead(Examples.CasePath(name));
        var @case = CaseJson.Read(input).Document!.Case with { Services = ReadLines(Examples.CasePath(name)) };
        var written = new MemoryStream();
        CaseJson.WriteCase(written, @case);

        var read = CaseJson.Read(new MemoryStream(written.ToArray()));
        Assert.Empty(read.Errors);
        Assert.Equal(@case.Services.Count, read.Document!.ServiceLineCount);

        var output = new MemoryStream();
        CaseJson.WriteResult(output, read.Document.Calculate());
        AssertMatchesExpected(name, output.ToArray());
    }

    private static void AssertMatchesExpected(string name, byte[] actual)
    {
        using var expected = JsonDocument.Parse(File.ReadAllBytes(Examples.ExpectedPath(name)));
        using var result = JsonDocument.Parse(actual);
        Examples.AssertSame(expected.RootElement, result.RootElement);
    }

    private static List<ServiceLine> ReadLines(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        return [.. document.RootElement.GetProperty("services").EnumerateArray().Select(line => new ServiceLine(
            line.GetProperty("id").GetString()!,
            DateOnly.Parse(line.GetProperty("date").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
            line.GetProperty("staffId").GetString()!,
            line.GetProperty("service").GetString()!,
            line.GetProperty("payer").GetString() == "JKN" ? Payer.Jkn : Payer.NonJkn,
            line.GetProperty("quantity").GetInt64(),
            line.GetProperty("workingHours").GetBoolean()))];
    }
}
