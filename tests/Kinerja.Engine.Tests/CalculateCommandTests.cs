using System.Text;
using System.Text.Json;
using Kinerja.Cli;

namespace Kinerja.Engine.Tests;

/// <summary>The CLI contract of calculation.md: exit codes and where results, case errors and JSON errors go.</summary>
public class CalculateCommandTests
{
    private static (int Exit, string Stdout, string Stderr) Run(string json)
    {
        var stdout = new MemoryStream();
        var stderr = new StringWriter();
        var exit = CalculateCommand.Run(new MemoryStream(Encoding.UTF8.GetBytes(json)), "kasus.json", stdout, null, stderr);
        return (exit, Encoding.UTF8.GetString(stdout.ToArray()), stderr.ToString());
    }

    [Fact]
    public void InvalidCase_PrintsEveryErrorAsJsonOnStdout_AndExits2()
    {
        var json = File.ReadAllText(Examples.CasePath("kasus-tepi-2026-11"))
            .Replace("\"quantity\": 40", "\"quantity\": 0", StringComparison.Ordinal)
            .Replace("\"version\": 1", "\"version\": 7", StringComparison.Ordinal);

        var (exit, stdout, stderr) = Run(json);

        Assert.Equal(CalculateCommand.Invalid, exit);
        Assert.Equal("", stderr);
        using var errors = JsonDocument.Parse(stdout);
        Assert.Equal(
            ["version", "services[0].quantity"],
            errors.RootElement.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("path").GetString()));
    }

    [Fact]
    public void MalformedJson_PrintsOneLineNamingFileAndPositionOnStderr_AndExits2()
    {
        var (exit, stdout, stderr) = Run("{\n  \"version\": 1,\n  \"period\": 2026-10\n}");

        Assert.Equal(CalculateCommand.Invalid, exit);
        Assert.Equal("", stdout);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("kasus.json", line, StringComparison.Ordinal);
        Assert.Contains(" 3", line, StringComparison.Ordinal); // line 3
    }

    [Fact]
    public void TruncatedJson_IsMalformed()
    {
        var json = File.ReadAllText(Examples.CasePath("kasus-tepi-2026-11"))[..3000];

        var (exit, stdout, stderr) = Run(json);

        Assert.Equal(CalculateCommand.Invalid, exit);
        Assert.Equal("", stdout);
        Assert.Contains("kasus.json", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void UnreadableFile_IsReportedOnStderr_AndExits2()
    {
        var stderr = Console.Error;
        var captured = new StringWriter();
        Console.SetError(captured);
        try
        {
            Assert.Equal(CalculateCommand.Invalid, CalculateCommand.Run([Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid()}.json")]));
        }
        finally
        {
            Console.SetError(stderr);
        }

        Assert.Contains(".json", captured.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void OutputOption_WritesTheResultToTheFile()
    {
        var output = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid()}.json");
        try
        {
            Assert.Equal(CalculateCommand.Ok, CalculateCommand.Run([Examples.CasePath("kasus-tepi-2026-11"), "-o", output]));
            using var expected = JsonDocument.Parse(File.ReadAllBytes(Examples.ExpectedPath("kasus-tepi-2026-11")));
            using var actual = JsonDocument.Parse(File.ReadAllBytes(output));
            Examples.AssertSame(expected.RootElement, actual.RootElement);
        }
        finally
        {
            File.Delete(output);
        }
    }
}
