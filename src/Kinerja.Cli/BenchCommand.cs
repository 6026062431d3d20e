using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Kinerja.Engine;
using Kinerja.Engine.Json;

namespace Kinerja.Cli;

/// <summary>
/// <c>kinerja bench [--lines N] [--iterations N] [--file PATH] [--keep]</c>: measures the engine on a generated
/// hospital month (docs/performance.md). The engine alone with the lines in memory; then <c>kinerja calculate</c>
/// end to end as a child process (its own peak memory), against a bare System.Text.Json pass over the same file.
/// </summary>
public static class BenchCommand
{
    public static int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args is ["--bare-pass", var barePath])
        {
            return BarePass(barePath);
        }

        if (args is ["--read-only", var readPath])
        {
            return ReadOnly(readPath);
        }

        var lines = Option(args, "--lines", 2_000_000);
        var iterations = Option(args, "--iterations", 5);
        var file = OptionText(args, "--file") ?? Path.Combine(Path.GetTempPath(), $"kinerja-bench-{lines}.case.json");
        var keep = args.Contains("--keep");

        Console.WriteLine($"kinerja bench: 600 dokter, 2.400 pegawai lain, {lines:N0} baris layanan (seed {BenchCase.DefaultSeed})");
        Console.WriteLine($"mesin: {Environment.ProcessorCount} core, {CpuModel()}, .NET {Environment.Version}");

        var watch = Stopwatch.StartNew();
        var @case = BenchCase.Generate(lines: lines);
        Console.WriteLine($"kasus dibuat dalam {watch.Elapsed.TotalSeconds:F2} s");

        // 1. The engine alone: validation, summing the lines and calculating, lines already in memory.
        var engine = new List<double>();
        CalculationResult? result = null;
        for (var i = 0; i < iterations + 1; i++)
        {
            GC.Collect();
            watch.Restart();
            result = Calculator.Calculate(@case);
            watch.Stop();
            if (i > 0)
            {
                engine.Add(watch.Elapsed.TotalSeconds); // the first run warms the JIT up
            }
        }

        Console.WriteLine($"mesin saja: total {result!.Totals.Total:N0} Rupiah");

        // 2. The case as a JSON file.
        watch.Restart();
        using (var output = new FileStream(file, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
        {
            CaseJson.WriteCase(output, @case);
        }

        var size = new FileInfo(file).Length;
        Console.WriteLine($"berkas kasus {file}: {size / 1048576.0:F0} MiB, ditulis dalam {watch.Elapsed.TotalSeconds:F2} s");
        @case = null;
        GC.Collect();

        // 3. Both passes over the file as child processes, alternating so both see the same page cache.
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("No process path.");
        var resultFile = Path.ChangeExtension(file, ".result.json");
        var calculate = new List<(double Seconds, double CpuSeconds, long PeakBytes)>();
        var bare = new List<(double Seconds, double CpuSeconds, long PeakBytes)>();
        _ = Child(self, ["bench", "--bare-pass", file]); // warm the page cache
        for (var i = 0; i < Math.Max(3, iterations); i++)
        {
            bare.Add(Child(self, ["bench", "--bare-pass", file]));
            calculate.Add(Child(self, ["calculate", file, "-o", resultFile]));
        }

        var engineMedian = Median(engine);
        var calculateMedian = Median([.. calculate.Select(c => c.Seconds)]);
        var bareMedian = Median([.. bare.Select(c => c.Seconds)]);
        var calculatePeak = calculate.Max(c => c.PeakBytes);
        var barePeak = bare.Max(c => c.PeakBytes);
        var calculateCpu = Median([.. calculate.Select(c => c.CpuSeconds)]);
        var bareCpu = Median([.. bare.Select(c => c.CpuSeconds)]);

        Console.WriteLine();
        Console.WriteLine("| ukuran | nilai | target |");
        Console.WriteLine("|---|---|---|");
        Console.WriteLine($"| mesin saja, {lines:N0} baris (median {engine.Count}×) | {engineMedian:F3} s | < 0,5 s |");
        Console.WriteLine($"| `kinerja calculate` ujung ke ujung (median {calculate.Count}×) | {calculateMedian:F3} s | ≤ 1,5 × JSON polos |");
        Console.WriteLine($"| JSON polos: Utf8JsonReader, jumlah quantity per staf (median {bare.Count}×) | {bareMedian:F3} s | |");
        Console.WriteLine($"| rasio calculate / JSON polos, waktu dinding | {calculateMedian / bareMedian:F2} × | ≤ 1,5 × |");
        Console.WriteLine($"| waktu CPU (user+sys) calculate / JSON polos | {calculateCpu:F3} s / {bareCpu:F3} s = {calculateCpu / bareCpu:F2} × | |");
        Console.WriteLine($"| memori puncak `kinerja calculate` (VmHWM) | {calculatePeak / 1048576.0:F0} MiB | < 1024 MiB |");
        Console.WriteLine($"| memori puncak JSON polos (VmHWM) | {barePeak / 1048576.0:F0} MiB | |");
        Console.WriteLine($"| berkas kasus | {size / 1048576.0:F0} MiB | |");

        if (!keep)
        {
            File.Delete(file);
            File.Delete(resultFile);
        }

        var met = engineMedian < 0.5 && calculateMedian <= 1.5 * bareMedian && calculatePeak < 1L << 30;
        Console.WriteLine(met ? "target tercapai" : "TARGET TIDAK TERCAPAI");
        return 0;
    }

    /// <summary>Reading alone, in process, with what it allocates: for finding where the time goes.</summary>
    private static int ReadOnly(string path)
    {
        for (var i = 0; i < 3; i++)
        {
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var collections = GC.CollectionCount(0);
            var watch = Stopwatch.StartNew();
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            var read = CaseJson.Read(stream);
            var readSeconds = watch.Elapsed.TotalSeconds;
            var readAllocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
            var result = read.Document!.Calculate();
            var calculateSeconds = watch.Elapsed.TotalSeconds - readSeconds;
            using (var output = new FileStream(Path.ChangeExtension(path, ".profile.json"), FileMode.Create))
            {
                CaseJson.WriteResult(output, result);
            }

            Console.WriteLine($"read {readSeconds:F3} s, calculate {calculateSeconds:F3} s, write {watch.Elapsed.TotalSeconds - readSeconds - calculateSeconds:F3} s; " +
                $"{(GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1048576.0:F1} MiB allocated ({readAllocated / 1048576.0:F1} MiB reading), {GC.CollectionCount(0) - collections} gen0 GCs");
            watch.Restart();
            var stdout = Console.Out;
            Console.SetOut(TextWriter.Null);
            BarePass(path);
            Console.SetOut(stdout);
            Console.WriteLine($"bare pass {watch.Elapsed.TotalSeconds:F3} s");
        }

        return 0;
    }

    /// <summary>
    /// The yardstick: one Utf8JsonReader pass over the file that sums <c>quantity</c> per <c>staffId</c> of the
    /// service lines, and nothing else.
    /// </summary>
    private static int BarePass(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var buffer = new byte[1 << 20];
        var length = 0;
        var final = false;
        var state = new JsonReaderState();
        var sums = new Dictionary<string, long>(StringComparer.Ordinal);
        var lookup = sums.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> chars = stackalloc char[256];
        var inServices = false;
        var servicesDepth = 0;
        string? pendingProperty = null;
        var staffLength = -1;
        var quantity = 0L;
        while (true)
        {
            if (!final)
            {
                var read = stream.Read(buffer, length, buffer.Length - length);
                length += read;
                final = read == 0;
            }

            var reader = new Utf8JsonReader(buffer.AsSpan(0, length), final, state);
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName when !inServices && reader.CurrentDepth == 1 && reader.ValueTextEquals("services"u8):
                        inServices = true;
                        servicesDepth = reader.CurrentDepth;
                        break;
                    case JsonTokenType.EndArray when inServices && reader.CurrentDepth == servicesDepth:
                        inServices = false;
                        break;
                    case JsonTokenType.PropertyName when inServices:
                        pendingProperty = reader.ValueTextEquals("staffId"u8) ? "staffId" : reader.ValueTextEquals("quantity"u8) ? "quantity" : null;
                        break;
                    case JsonTokenType.String when inServices && pendingProperty == "staffId":
                        staffLength = Encoding.UTF8.GetChars(reader.ValueSpan, chars);
                        break;
                    case JsonTokenType.Number when inServices && pendingProperty == "quantity":
                        quantity = reader.GetInt64();
                        break;
                    case JsonTokenType.EndObject when inServices && reader.CurrentDepth == servicesDepth + 1:
                        if (staffLength >= 0)
                        {
                            ref var sum = ref CollectionsMarshal.GetValueRefOrAddDefault(lookup, chars[..staffLength], out _);
                            sum += quantity;
                        }

                        staffLength = -1;
                        quantity = 0;
                        break;
                }
            }

            if (final)
            {
                break;
            }

            state = reader.CurrentState;
            var consumed = (int)reader.BytesConsumed;
            buffer.AsSpan(consumed, length - consumed).CopyTo(buffer);
            length -= consumed;
        }

        Console.WriteLine(sums.Values.Sum().ToString(CultureInfo.InvariantCulture));
        return 0;
    }

    /// <summary>Runs this executable with <paramref name="args"/>: wall time and the child's peak resident memory.</summary>
    private static (double Seconds, double CpuSeconds, long PeakBytes) Child(string self, string[] args)
    {
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var cpuBefore = ChildrenCpuSeconds();
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var peak = 0L;
        var output = process.StandardOutput.ReadToEndAsync();

        // VmHWM is the process's own high-water mark; sample it until the process ends.
        while (!process.WaitForExit(20))
        {
            peak = Math.Max(peak, HighWaterMark(process.Id));
        }

        watch.Stop();
        _ = output.Result;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{string.Join(' ', args)} exited with {process.ExitCode}.");
        }

        return (watch.Elapsed.TotalSeconds, ChildrenCpuSeconds() - cpuBefore, peak);
    }

    /// <summary>
    /// User plus system CPU time of all children waited for so far (getrusage): the machine is shared, and CPU
    /// time is what the process itself cost, whatever else ran beside it.
    /// </summary>
    private static double ChildrenCpuSeconds()
    {
        if (!OperatingSystem.IsLinux() || NativeMethods.getrusage(NativeMethods.RusageChildren, out var usage) != 0)
        {
            return double.NaN;
        }

        return usage.UserSeconds + (usage.UserMicroseconds / 1e6) + usage.SystemSeconds + (usage.SystemMicroseconds / 1e6);
    }

    private static class NativeMethods
    {
        public const int RusageChildren = -1;

#pragma warning disable SYSLIB1054 // a plain blittable out struct; DllImport keeps the project free of unsafe code
        [DllImport("libc", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int getrusage(int who, out RUsage usage);
#pragma warning restore SYSLIB1054

        // struct rusage on 64-bit Linux: two timevals, then fourteen longs.
        [StructLayout(LayoutKind.Sequential)]
        public struct RUsage
        {
            public long UserSeconds;
            public long UserMicroseconds;
            public long SystemSeconds;
            public long SystemMicroseconds;
            public long MaxRss;
            public long IxRss;
            public long IdRss;
            public long IsRss;
            public long MinFlt;
            public long MajFlt;
            public long NSwap;
            public long InBlock;
            public long OuBlock;
            public long MsgSnd;
            public long MsgRcv;
            public long NSignals;
            public long NVcsw;
            public long NIvcsw;
        }
    }

    private static long HighWaterMark(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
            // The process ended between two samples.
        }

        return 0;
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values.Count % 2 == 1 ? values[values.Count / 2] : (values[(values.Count / 2) - 1] + values[values.Count / 2]) / 2;
    }

    private static int Option(string[] args, string name, int fallback) =>
        OptionText(args, name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    private static string? OptionText(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static string CpuModel()
    {
        try
        {
            return File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?";
        }
        catch (IOException)
        {
            return "?";
        }
    }
}
