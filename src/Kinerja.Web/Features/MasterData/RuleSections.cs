using System.Globalization;
using Kinerja.Data.Remunerasi;

namespace Kinerja.Web.Features.MasterData;

/// <summary>How a column of a rule list is typed and read.</summary>
public enum ColumnKind
{
    /// <summary>A code (letters, digits, . _ -), unique in its list.</summary>
    Code,
    Text,
    Bool,
    Rupiah,

    /// <summary>A plain number (weights, scores, factors) with up to 4 decimals.</summary>
    Number,

    /// <summary>A fraction typed as a percent: 60 is stored as 0.6.</summary>
    Percent,
    Star,
}

public sealed record RuleColumn(string Field, string Label, ColumnKind Kind, bool Required = true);

/// <summary>One list of a rule set (calculation.md §3) as the edit page shows it.</summary>
public sealed record RuleSection(string Key, string Title, string Help, IReadOnlyList<RuleColumn> Columns)
{
    /// <summary>The column that names a row (its code, or the star, or the band's least score).</summary>
    public RuleColumn KeyColumn => Columns[0];
}

/// <summary>A row of any rule list as typed in the form: every value is text until read.</summary>
public sealed class RuleRowInput
{
    public int? Id { get; set; }

    public bool Remove { get; set; }

    public string? Code { get; set; }

    public string? Name { get; set; }

    public bool Visit { get; set; }

    public string? RateJkn { get; set; }

    public string? RateNonJkn { get; set; }

    public string? Weight { get; set; }

    public string? Rate { get; set; }

    public string? Star { get; set; }

    public string? MinScore { get; set; }

    public string? JknShareMin { get; set; }

    public string? IncentiveMax { get; set; }

    public string? Factor { get; set; }

    public string? Get(string field) => field switch
    {
        nameof(Code) => Code,
        nameof(Name) => Name,
        nameof(Visit) => Visit ? "1" : "",
        nameof(RateJkn) => RateJkn,
        nameof(RateNonJkn) => RateNonJkn,
        nameof(Weight) => Weight,
        nameof(Rate) => Rate,
        nameof(Star) => Star,
        nameof(MinScore) => MinScore,
        nameof(JknShareMin) => JknShareMin,
        nameof(IncentiveMax) => IncentiveMax,
        nameof(Factor) => Factor,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };

    public bool IsBlank => Id is null && !Visit && string.IsNullOrWhiteSpace(Code) && string.IsNullOrWhiteSpace(Name)
        && string.IsNullOrWhiteSpace(RateJkn) && string.IsNullOrWhiteSpace(RateNonJkn) && string.IsNullOrWhiteSpace(Weight)
        && string.IsNullOrWhiteSpace(Rate) && string.IsNullOrWhiteSpace(Star) && string.IsNullOrWhiteSpace(MinScore)
        && string.IsNullOrWhiteSpace(JknShareMin) && string.IsNullOrWhiteSpace(IncentiveMax) && string.IsNullOrWhiteSpace(Factor);
}

/// <summary>
/// The lists of a rule set: how each is shown, typed, read and written back. One description serves the edit page,
/// the read-only view and the diff between a draft and the version it was copied from.
/// </summary>
public static class RuleSections
{
    static RuleColumn C(string field, string label, ColumnKind kind, bool required = true) => new(field, label, kind, required);

    public static readonly IReadOnlyList<RuleSection> All =
    [
        new("layanan", "Layanan dan jasa pelayanan", "Jasa pelayanan per satuan layanan, per kelompok penjamin. Kunjungan: satuan layanan dihitung sebagai kunjungan pasien untuk target.",
            [C("Code", "Kode", ColumnKind.Code), C("Name", "Nama layanan", ColumnKind.Text), C("Visit", "Kunjungan", ColumnKind.Bool),
             C("RateJkn", "Jasa JKN (Rp)", ColumnKind.Rupiah), C("RateNonJkn", "Jasa non-JKN (Rp)", ColumnKind.Rupiah)]),
        new("kriteria", "Kriteria stratifikasi", "Nilai stratifikasi = Σ bobot × skor kriteria.",
            [C("Code", "Kode", ColumnKind.Code), C("Name", "Nama kriteria", ColumnKind.Text, required: false), C("Weight", "Bobot", ColumnKind.Number)]),
        new("bintang", "Bintang", "Tepat satu bintang dengan nilai minimal 0. Porsi JKN minimal: bagian layanan JKN yang wajib dilayani; maksimal rentang insentif bulanan.",
            [C("Star", "Bintang", ColumnKind.Star), C("MinScore", "Nilai minimal", ColumnKind.Number), C("JknShareMin", "Porsi JKN minimal (%)", ColumnKind.Percent),
             C("IncentiveMax", "Maksimal rentang insentif (Rp/bulan)", ColumnKind.Rupiah, required: false)]),
        new("mutu", "Indikator mutu", "Bobot harus lebih dari 0.",
            [C("Code", "Kode", ColumnKind.Code), C("Name", "Nama indikator", ColumnKind.Text, required: false), C("Weight", "Bobot", ColumnKind.Number)]),
        new("faktor-mutu", "Faktor mutu", "Skor mutu minimal (%) → faktor pengali insentif. Tepat satu baris dengan skor minimal 0.",
            [C("MinScore", "Skor mutu minimal (%)", ColumnKind.Percent), C("Factor", "Faktor", ColumnKind.Number)]),
        new("nilai-tambah", "Kegiatan nilai tambah", "Tarif per kegiatan (mengajar PPDS, journal reading, penyuluhan, seminar).",
            [C("Code", "Kode", ColumnKind.Code), C("Name", "Nama kegiatan", ColumnKind.Text, required: false), C("Rate", "Tarif (Rp)", ColumnKind.Rupiah)]),
        new("jaga", "Uang jaga", "Tarif per sif jaga, kebijakan Direktur Utama.",
            [C("Code", "Kode", ColumnKind.Code), C("Name", "Nama sif jaga", ColumnKind.Text, required: false), C("Rate", "Tarif per sif (Rp)", ColumnKind.Rupiah)]),
    ];

    public static RuleSection? Find(string key) => All.FirstOrDefault(s => s.Key == key);

    static string Whole(decimal value) => FormReader.Whole(value);

    static string Num(decimal value) => FormReader.Show(value);

    static string Pct(decimal value) => FormReader.Show(value * 100);

    /// <summary>The rows of <paramref name="section"/> in <paramref name="set"/>, as the form shows them.</summary>
    public static List<RuleRowInput> Rows(RuleSet set, RuleSection section) => section.Key switch
    {
        "layanan" => set.Services.OrderBy(s => s.Ordinal).ThenBy(s => s.Code, StringComparer.Ordinal).Select(s => new RuleRowInput
        {
            Id = s.Id, Code = s.Code, Name = s.Name, Visit = s.Visit, RateJkn = Whole(s.RateJkn), RateNonJkn = Whole(s.RateNonJkn),
        }).ToList(),
        "kriteria" => set.Criteria.OrderBy(c => c.Ordinal).ThenBy(c => c.Code, StringComparer.Ordinal)
            .Select(c => new RuleRowInput { Id = c.Id, Code = c.Code, Name = c.Name, Weight = Num(c.Weight) }).ToList(),
        "bintang" => set.Stars.OrderBy(s => s.Star).Select(s => new RuleRowInput
        {
            Id = s.Id, Star = s.Star.ToString(CultureInfo.InvariantCulture), MinScore = Num(s.MinScore), JknShareMin = Pct(s.JknShareMin),
            IncentiveMax = s.IncentiveMax is decimal max ? Whole(max) : null,
        }).ToList(),
        "mutu" => set.QualityIndicators.OrderBy(q => q.Ordinal).ThenBy(q => q.Code, StringComparer.Ordinal)
            .Select(q => new RuleRowInput { Id = q.Id, Code = q.Code, Name = q.Name, Weight = Num(q.Weight) }).ToList(),
        "faktor-mutu" => set.QualityBands.OrderBy(b => b.MinScore)
            .Select(b => new RuleRowInput { Id = b.Id, MinScore = Pct(b.MinScore), Factor = Num(b.Factor) }).ToList(),
        "nilai-tambah" => set.Activities.OrderBy(a => a.Ordinal).ThenBy(a => a.Code, StringComparer.Ordinal)
            .Select(a => new RuleRowInput { Id = a.Id, Code = a.Code, Name = a.Name, Rate = Whole(a.Rate) }).ToList(),
        "jaga" => set.DutyShifts.OrderBy(d => d.Ordinal).ThenBy(d => d.Code, StringComparer.Ordinal)
            .Select(d => new RuleRowInput { Id = d.Id, Code = d.Code, Name = d.Name, Rate = Whole(d.Rate) }).ToList(),
        _ => throw new ArgumentOutOfRangeException(nameof(section)),
    };

    /// <summary>A value as the read-only view shows it.</summary>
    public static string Display(RuleColumn column, string? value) => column.Kind switch
    {
        ColumnKind.Bool => value == "1" ? "✓" : "–",
        ColumnKind.Rupiah => string.IsNullOrEmpty(value) ? "–" : Infrastructure.Format.Rupiah(decimal.Parse(value, CultureInfo.InvariantCulture)),
        ColumnKind.Percent => string.IsNullOrEmpty(value) ? "–" : value + " %",
        _ => string.IsNullOrEmpty(value) ? "–" : value,
    };

    sealed record Parsed(RuleRowInput Row, Dictionary<string, object?> Values)
    {
        public string Text(string field) => (string)Values[field]!;

        public string? OptionalText(string field) => (string?)Values[field];

        public decimal Number(string field) => (decimal)Values[field]!;

        public decimal? OptionalNumber(string field) => (decimal?)Values[field];
    }

    /// <summary>
    /// Reads the typed rows and, when they are all valid, writes them into <paramref name="set"/>: rows with an id are
    /// updated (or removed when ticked), new rows added, the order kept. On any error nothing in the set changes.
    /// </summary>
    public static bool Apply(RuleSet set, RuleSection section, IReadOnlyList<RuleRowInput> rows, FormReader read)
    {
        var parsed = new List<Parsed>();
        var keys = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (row.IsBlank || row.Remove)
                continue;
            var values = new Dictionary<string, object?>();
            foreach (var column in section.Columns)
            {
                var key = $"Rows[{i}].{column.Field}";
                var label = read.Localize("Baris {0}, {1}", i + 1, read.Localize(column.Label));
                var text = row.Get(column.Field);
                values[column.Field] = column.Kind switch
                {
                    ColumnKind.Code => read.Code(key, label, text, column.Required),
                    ColumnKind.Text => read.Text(key, label, text, 200, column.Required),
                    ColumnKind.Bool => row.Visit,
                    ColumnKind.Rupiah => read.Rupiah(key, label, text, column.Required),
                    ColumnKind.Number => read.Number(key, label, text, 4, required: column.Required),
                    ColumnKind.Percent => read.Number(key, label, text, 2, 0, 100, column.Required) / 100,
                    ColumnKind.Star => (decimal?)read.WholeNumber(key, label, text, 1, 9, required: true),
                    _ => throw new ArgumentOutOfRangeException(nameof(section)),
                };
            }

            var name = values[section.KeyColumn.Field] switch
            {
                string s => s,
                decimal d => d.ToString(CultureInfo.InvariantCulture),
                _ => null,
            };
            if (name is not null && !keys.TryAdd(name, i))
                read.Error($"Rows[{i}].{section.KeyColumn.Field}", read.Localize("Baris {0}: {1} {2} sudah ada di baris {3}.", i + 1, read.Localize(section.KeyColumn.Label), name, keys[name] + 1));
            parsed.Add(new Parsed(row, values));
        }

        if (!read.Ok)
            return false;
        switch (section.Key)
        {
            case "layanan":
                Sync(set.Services, parsed, set, (p, ordinal) => new ServiceRate { Code = p.Text("Code"), Name = p.Text("Name") }, (e, p, ordinal) =>
                {
                    e.Code = p.Text("Code");
                    e.Name = p.Text("Name");
                    e.Visit = p.Row.Visit;
                    e.RateJkn = p.Number("RateJkn");
                    e.RateNonJkn = p.Number("RateNonJkn");
                    e.Ordinal = ordinal;
                });
                break;
            case "kriteria":
                Sync(set.Criteria, parsed, set, (p, _) => new StratificationCriterion { Code = p.Text("Code") }, (e, p, ordinal) =>
                {
                    e.Code = p.Text("Code");
                    e.Name = p.OptionalText("Name");
                    e.Weight = p.Number("Weight");
                    e.Ordinal = ordinal;
                });
                break;
            case "bintang":
                Sync(set.Stars, parsed, set, (_, _) => new StarLevel(), (e, p, _) =>
                {
                    e.Star = (int)p.Number("Star");
                    e.MinScore = p.Number("MinScore");
                    e.JknShareMin = p.Number("JknShareMin");
                    e.IncentiveMax = p.OptionalNumber("IncentiveMax");
                });
                break;
            case "mutu":
                Sync(set.QualityIndicators, parsed, set, (p, _) => new QualityIndicator { Code = p.Text("Code") }, (e, p, ordinal) =>
                {
                    e.Code = p.Text("Code");
                    e.Name = p.OptionalText("Name");
                    e.Weight = p.Number("Weight");
                    e.Ordinal = ordinal;
                });
                break;
            case "faktor-mutu":
                Sync(set.QualityBands, parsed, set, (_, _) => new QualityBand(), (e, p, _) =>
                {
                    e.MinScore = p.Number("MinScore");
                    e.Factor = p.Number("Factor");
                });
                break;
            case "nilai-tambah":
                Sync(set.Activities, parsed, set, (p, _) => new AddedValueActivity { Code = p.Text("Code") }, (e, p, ordinal) =>
                {
                    e.Code = p.Text("Code");
                    e.Name = p.OptionalText("Name");
                    e.Rate = p.Number("Rate");
                    e.Ordinal = ordinal;
                });
                break;
            case "jaga":
                Sync(set.DutyShifts, parsed, set, (p, _) => new DutyShift { Code = p.Text("Code") }, (e, p, ordinal) =>
                {
                    e.Code = p.Text("Code");
                    e.Name = p.OptionalText("Name");
                    e.Rate = p.Number("Rate");
                    e.Ordinal = ordinal;
                });
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(section));
        }

        return true;
    }

    static void Sync<T>(List<T> list, List<Parsed> parsed, RuleSet set, Func<Parsed, int, T> create, Action<T, Parsed, int> update)
        where T : class, IRuleRow
    {
        var byId = list.ToDictionary(Id);
        var keep = new HashSet<int>();
        var ordinal = 0;
        foreach (var p in parsed)
        {
            T entity;
            if (p.Row.Id is int id && byId.TryGetValue(id, out var existing))
            {
                entity = existing;
                keep.Add(id);
            }
            else
            {
                entity = create(p, ordinal);
                SetOwner(entity, set);
                list.Add(entity);
            }

            update(entity, p, ordinal++);
        }

        list.RemoveAll(e => Id(e) > 0 && !keep.Contains(Id(e)));
    }

    static int Id(IRuleRow row) => row switch
    {
        ServiceRate r => r.Id,
        StratificationCriterion r => r.Id,
        StarLevel r => r.Id,
        QualityIndicator r => r.Id,
        QualityBand r => r.Id,
        AddedValueActivity r => r.Id,
        DutyShift r => r.Id,
        _ => 0,
    };

    static void SetOwner(IRuleRow row, RuleSet set)
    {
        switch (row)
        {
            case ServiceRate r: r.InstitutionId = set.InstitutionId; break;
            case StratificationCriterion r: r.InstitutionId = set.InstitutionId; break;
            case StarLevel r: r.InstitutionId = set.InstitutionId; break;
            case QualityIndicator r: r.InstitutionId = set.InstitutionId; break;
            case QualityBand r: r.InstitutionId = set.InstitutionId; break;
            case AddedValueActivity r: r.InstitutionId = set.InstitutionId; break;
            case DutyShift r: r.InstitutionId = set.InstitutionId; break;
        }
    }
}
