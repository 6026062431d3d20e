using System.Globalization;
using System.Text.Json;
using Kinerja.Engine;
using Kinerja.Engine.Json;

namespace Kinerja.Cli;

/// <summary>
/// <c>kinerja calculate CASE.json [-o OUT.json]</c> (calculation.md, the CLI form): the result JSON on stdout (or
/// OUT.json) and exit 0; an invalid case prints its errors as JSON on stdout and exits 2; an unreadable file or
/// malformed JSON prints one line on stderr, naming the file and the position, and exits 2.
/// </summary>
public static class CalculateCommand
{
    public const int Ok = 0;
    public const int Invalid = 2;

    public static int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        string? input = null;
        string? output = null;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] is "-o" or "--output" && i + 1 < args.Length)
            {
                output = args[++i];
            }
            else if (input is null && !args[i].StartsWith('-'))
            {
                input = args[i];
            }
            else
            {
                return Usage();
            }
        }

        if (input is null)
        {
            return Usage();
        }

        FileStream file;
        try
        {
            file = new FileStream(input, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            Console.Error.WriteLine(Say($"kinerja: {input}: tidak dapat dibaca: {e.Message}", $"kinerja: {input}: cannot be read: {e.Message}"));
            return Invalid;
        }

        using (file)
        {
            using var stdout = Console.OpenStandardOutput();
            return Run(file, input, stdout, output is null ? null : () => File.Create(output), Console.Error);
        }
    }

    /// <summary>
    /// The command on streams: reads the case from <paramref name="input"/> (named <paramref name="inputName"/> in
    /// messages), writes the result to <paramref name="openOutput"/>'s stream, or to <paramref name="stdout"/> when
    /// that is null; errors of the case go to <paramref name="stdout"/>, malformed JSON to <paramref name="stderr"/>.
    /// </summary>
    public static int Run(Stream input, string inputName, Stream stdout, Func<Stream>? openOutput, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        CaseReadResult read;
        try
        {
            read = CaseJson.Read(input);
        }
        catch (JsonException e)
        {
            // The reader's line and byte are 0-based; people count from 1.
            var line = (e.LineNumber ?? 0) + 1;
            var position = (e.BytePositionInLine ?? 0) + 1;
            var reason = e.Message.Split(" LineNumber:", 2)[0].ReplaceLineEndings(" ");
            stderr.WriteLine(Say(
                $"kinerja: {inputName}: JSON tidak valid pada baris {line}, byte {position}: {reason}",
                $"kinerja: {inputName}: malformed JSON at line {line}, byte {position}: {reason}"));
            return Invalid;
        }
        catch (IOException e)
        {
            stderr.WriteLine(Say($"kinerja: {inputName}: tidak dapat dibaca: {e.Message}", $"kinerja: {inputName}: cannot be read: {e.Message}"));
            return Invalid;
        }

        if (!read.IsValid)
        {
            CaseJson.WriteErrors(stdout, read.Errors);
            stdout.WriteByte((byte)'\n');
            stdout.Flush();
            return Invalid;
        }

        var result = read.Document!.Calculate();
        if (openOutput is null)
        {
            Write(stdout, result);
        }
        else
        {
            using var output = openOutput();
            Write(output, result);
        }

        return Ok;
    }

    private static void Write(Stream stream, CalculationResult result)
    {
        using var buffered = new BufferedStream(stream, 1 << 16);
        CaseJson.WriteResult(buffered, result);
        buffered.WriteByte((byte)'\n');
        buffered.Flush();
    }

    private static int Usage()
    {
        Console.Error.WriteLine(Say(
            "pemakaian: kinerja calculate CASE.json [-o OUT.json]",
            "usage: kinerja calculate CASE.json [-o OUT.json]"));
        return Invalid;
    }

    private static string Say(string indonesian, string english) =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? english : indonesian;
}
