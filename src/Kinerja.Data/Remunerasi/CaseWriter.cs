using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using Kinerja.Engine;

namespace Kinerja.Data.Remunerasi;

/// <summary>
/// Writes an engine <see cref="Case"/> as the case JSON of calculation.md §2 in one canonical form (fixed property
/// order, numbers without trailing zeros, absent optional values left out), so that the same inputs always give the
/// same bytes and the same SHA-256: the fingerprint of a run. `kinerja calculate` reads what this writes.
/// </summary>
public static class CaseWriter
{
    static readonly JsonWriterOptions Options = new()
    {
        Indented = false,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The canonical JSON, gzip-compressed, and the SHA-256 (lower-case hex) of the uncompressed JSON.</summary>
    public static (byte[] Gzip, string Fingerprint) Canonical(Case @case)
    {
        using var compressed = new MemoryStream();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        using (var tee = new HashingStream(gzip, hash))
        {
            Write(tee, @case);
        }

        return (compressed.ToArray(), Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    public static byte[] Decompress(byte[] gzip)
    {
        using var input = new GZipStream(new MemoryStream(gzip), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }

    public static void Write(Stream utf8Json, Case @case)
    {
        ArgumentNullException.ThrowIfNull(@case);
        using var w = new Utf8JsonWriter(utf8Json, Options);
        w.WriteStartObject();
        w.WriteNumber("version", @case.Version);
        w.WriteString("period", @case.Period.ToString());
        if (@case.Hospital is { } hospital)
        {
            w.WriteStartObject("hospital");
            w.WriteString("code", hospital.Code);
            w.WriteString("name", hospital.Name);
            if (hospital.Cluster is not null)
                w.WriteString("cluster", hospital.Cluster);
            w.WriteEndObject();
        }

        WriteRules(w, @case.Rules);

        w.WriteStartArray("staff");
        foreach (var s in @case.Staff)
        {
            w.WriteStartObject();
            w.WriteString("id", s.Id);
            w.WriteString("name", s.Name);
            w.WriteString("category", s.Category);
            Number(w, "salary", s.Salary);
            Number(w, "allowances", s.Allowances);
            Number(w, "maxRemuneration", s.MaxRemuneration);
            Number(w, "incentiveMax", s.IncentiveMax);
            if (s.IsMedis)
            {
                w.WriteStartObject("stratification");
                w.WriteBoolean("validated", s.Stratification?.Validated == true);
                w.WriteStartObject("scores");
                foreach (var (criterion, score) in (s.Stratification?.Scores ?? new Dictionary<string, decimal>()).OrderBy(x => x.Key, StringComparer.Ordinal))
                    Number(w, criterion, score);
                w.WriteEndObject();
                w.WriteEndObject();
                if (s.Target is { } target)
                {
                    w.WriteStartObject("target");
                    Number(w, "jkn", target.Jkn);
                    Number(w, "nonJkn", target.NonJkn);
                    w.WriteEndObject();
                }

                w.WriteBoolean("perikatan", s.Perikatan);
            }
            else
            {
                Number(w, "points", s.Points);
                Number(w, "performance", s.Performance);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();

        w.WriteStartArray("services");
        foreach (var l in @case.Services)
        {
            w.WriteStartObject();
            w.WriteString("id", l.Id);
            w.WriteString("date", l.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            w.WriteString("staffId", l.StaffId);
            w.WriteString("service", l.Service);
            w.WriteString("payer", PayerCode(l.Payer));
            w.WriteNumber("quantity", l.Quantity);
            w.WriteBoolean("workingHours", l.WorkingHours);
            w.WriteEndObject();
        }

        w.WriteEndArray();

        w.WriteStartArray("quality");
        foreach (var q in @case.Quality)
        {
            w.WriteStartObject();
            w.WriteString("staffId", q.StaffId);
            w.WriteString("indicator", q.Indicator);
            Number(w, "numerator", q.Numerator);
            Number(w, "denominator", q.Denominator);
            w.WriteEndObject();
        }

        w.WriteEndArray();

        w.WriteStartArray("addedValue");
        foreach (var a in @case.AddedValue)
        {
            w.WriteStartObject();
            w.WriteString("staffId", a.StaffId);
            w.WriteString("activity", a.Activity);
            w.WriteNumber("count", a.Count);
            w.WriteEndObject();
        }

        w.WriteEndArray();

        w.WriteStartArray("duty");
        foreach (var d in @case.Duty)
        {
            w.WriteStartObject();
            w.WriteString("staffId", d.StaffId);
            w.WriteString("shift", d.Shift);
            w.WriteNumber("count", d.Count);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>The rules alone, canonical: two rule sets are the same when these are equal.</summary>
    public static string RulesJson(Rules rules)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, Options))
        {
            w.WriteStartObject();
            WriteRules(w, rules with { Budget = null });
            w.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    public static string PayerCode(Payer payer) => payer == Payer.Jkn ? "JKN" : "NON_JKN";

    static void WriteRules(Utf8JsonWriter w, Rules rules)
    {
        w.WriteStartObject("rules");
        w.WriteStartArray("services");
        foreach (var s in rules.Services)
        {
            w.WriteStartObject();
            w.WriteString("code", s.Code);
            w.WriteString("name", s.Name);
            w.WriteBoolean("visit", s.Visit);
            w.WriteStartObject("rates");
            Number(w, "JKN", s.Rates.Jkn);
            Number(w, "NON_JKN", s.Rates.NonJkn);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();

        w.WriteStartObject("stratification");
        w.WriteStartArray("criteria");
        foreach (var c in rules.Stratification.Criteria)
        {
            w.WriteStartObject();
            w.WriteString("code", c.Code);
            Number(w, "weight", c.Weight);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("stars");
        foreach (var s in rules.Stratification.Stars)
        {
            w.WriteStartObject();
            w.WriteNumber("star", s.Star);
            Number(w, "minScore", s.MinScore);
            Number(w, "jknShareMin", s.JknShareMin);
            Number(w, "incentiveMax", s.IncentiveMax);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();

        w.WriteStartObject("quality");
        w.WriteStartArray("indicators");
        foreach (var i in rules.Quality.Indicators)
        {
            w.WriteStartObject();
            w.WriteString("code", i.Code);
            Number(w, "weight", i.Weight);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("factors");
        foreach (var f in rules.Quality.Factors)
        {
            w.WriteStartObject();
            Number(w, "minScore", f.MinScore);
            Number(w, "factor", f.Factor);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();

        if (rules.AddedValue is { } addedValue)
        {
            w.WriteStartObject("addedValue");
            w.WriteStartArray("activities");
            foreach (var a in addedValue.Activities)
            {
                w.WriteStartObject();
                w.WriteString("code", a.Code);
                Number(w, "rate", a.Rate);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            Number(w, "monthlyCap", addedValue.MonthlyCap);
            w.WriteEndObject();
        }

        w.WriteStartArray("duty");
        foreach (var d in rules.Duty)
        {
            w.WriteStartObject();
            w.WriteString("code", d.Code);
            Number(w, "rate", d.Rate);
            w.WriteEndObject();
        }

        w.WriteEndArray();

        w.WriteStartObject("points");
        Number(w, "pointValue", rules.Points.PointValue);
        Number(w, "pool", rules.Points.Pool);
        Number(w, "maxPerformance", rules.Points.MaxPerformance);
        w.WriteEndObject();

        if (rules.Budget is { } budget)
        {
            w.WriteStartObject("budget");
            Number(w, "personnelBudget", budget.PersonnelBudget);
            Number(w, "revenue", budget.Revenue);
            Number(w, "maxPersonnelRatio", budget.MaxPersonnelRatio);
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    /// <summary>A number in its shortest exact form (1.50 and 1.5 write the same); an absent one is left out.</summary>
    static void Number(Utf8JsonWriter w, string name, decimal? value)
    {
        if (value is not { } number)
            return;
        w.WritePropertyName(name);
        w.WriteRawValue(number.ToString("0.############################", CultureInfo.InvariantCulture), skipInputValidation: true);
    }

    /// <summary>Passes writes through to <paramref name="inner"/> and into the hash.</summary>
    sealed class HashingStream(Stream inner, IncrementalHash hash) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            hash.AppendData(buffer);
            inner.Write(buffer);
        }
    }
}
