using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Data.Remunerasi.Imports;

/// <summary>
/// Staff master data: <c>id,name,category</c> and optionally position, grade, unit, salaryRm, salaryBlu,
/// positionAllowance, otherAllowances, maxRemuneration, incentiveMax, points, performance, startDate, endDate.
/// A column left out of the file leaves that field as stored.
/// </summary>
public sealed class StaffImporter(KinerjaDb db) : Importer<Staff, string>(db)
{
    public static readonly IReadOnlyList<string> Format =
    [
        "id", "name", "category", "position", "grade", "unit", "salaryRm", "salaryBlu", "positionAllowance", "otherAllowances",
        "maxRemuneration", "incentiveMax", "points", "performance", "startDate", "endDate",
    ];

    static readonly string[] Categories = ["MEDIS", "KEPERAWATAN", "PENUNJANG", "ADMINISTRASI", "DIREKSI", "KOMITE", "DEWAN_PENGAWAS"];

    int nextOrdinal;

    public override ImportKind Kind => ImportKind.Staff;

    public override IReadOnlyList<string> Columns => ["id", "name", "category"];

    protected override string KeyColumn => "id";

    protected override bool AuditsItself => true;

    protected override async Task PrepareAsync(CancellationToken cancellationToken)
    {
        var ordinals = await Db.Staff.Where(s => s.InstitutionId == Options.InstitutionId).Select(s => s.Ordinal).ToListAsync(cancellationToken);
        nextOrdinal = ordinals.Count == 0 ? 0 : ordinals.Max() + 1;
    }

    protected override Staff? Parse(TabularRow row, RowErrors errors)
    {
        var before = errors.Count;
        var code = errors.Required(row, "id");
        var name = errors.Required(row, "name", 200);
        var category = errors.Required(row, "category")?.ToUpperInvariant();
        if (category is not null && !Categories.Contains(category))
            errors.Add(row.Line, "category", $"'{category}' bukan kategori yang dikenal ({string.Join(", ", Categories)})",
                $"'{category}' is not a known category ({string.Join(", ", Categories)})");
        int? grade = null;
        if (row["grade"] is { } gradeText)
        {
            if (int.TryParse(gradeText, NumberStyles.None, CultureInfo.InvariantCulture, out var g))
                grade = g;
            else
                errors.Add(row.Line, "grade", $"'{gradeText}' harus bilangan bulat", $"'{gradeText}' must be a whole number");
        }

        var staff = new Staff
        {
            Code = code ?? "", Name = name ?? "", Category = category ?? "",
            Position = row["position"], Grade = grade, Unit = row["unit"],
            SalaryRm = errors.Amount(row, "salaryRm", required: false, whole: true) ?? 0,
            SalaryBlu = errors.Amount(row, "salaryBlu", required: false, whole: true) ?? 0,
            PositionAllowance = errors.Amount(row, "positionAllowance", required: false, whole: true) ?? 0,
            OtherAllowances = errors.Amount(row, "otherAllowances", required: false, whole: true) ?? 0,
            MaxRemuneration = errors.Amount(row, "maxRemuneration", required: false, whole: true),
            IncentiveMax = errors.Amount(row, "incentiveMax", required: false, whole: true),
            Points = errors.Amount(row, "points", required: false) ?? 0,
            Performance = errors.Amount(row, "performance", required: false) ?? 1,
            StartDate = errors.Date(row, "startDate", required: false),
            EndDate = errors.Date(row, "endDate", required: false),
        };
        return errors.Count > before ? null : staff;
    }

    protected override string KeyOf(Staff entity) => entity.Code;

    protected override Task<List<Staff>> ExistingAsync(IReadOnlyList<Staff> chunk, CancellationToken cancellationToken)
    {
        var codes = chunk.Select(s => s.Code).ToList();
        return Db.Staff.Where(s => s.InstitutionId == Options.InstitutionId && codes.Contains(s.Code)).ToListAsync(cancellationToken);
    }

    protected override bool SameValues(Staff stored, Staff incoming, TabularRow row)
    {
        var copy = Clone(stored);
        CopyValues(incoming, copy, row);
        return copy.Name == stored.Name && copy.Category == stored.Category && copy.Position == stored.Position && copy.Grade == stored.Grade
            && copy.Unit == stored.Unit && copy.SalaryRm == stored.SalaryRm && copy.SalaryBlu == stored.SalaryBlu
            && copy.PositionAllowance == stored.PositionAllowance && copy.OtherAllowances == stored.OtherAllowances
            && copy.MaxRemuneration == stored.MaxRemuneration && copy.IncentiveMax == stored.IncentiveMax && copy.Points == stored.Points
            && copy.Performance == stored.Performance && copy.StartDate == stored.StartDate && copy.EndDate == stored.EndDate;
    }

    static Staff Clone(Staff s) => new()
    {
        Code = s.Code, Name = s.Name, Category = s.Category, Position = s.Position, Grade = s.Grade, Unit = s.Unit, SalaryRm = s.SalaryRm,
        SalaryBlu = s.SalaryBlu, PositionAllowance = s.PositionAllowance, OtherAllowances = s.OtherAllowances,
        MaxRemuneration = s.MaxRemuneration, IncentiveMax = s.IncentiveMax, Points = s.Points, Performance = s.Performance,
        StartDate = s.StartDate, EndDate = s.EndDate,
    };

    protected override void CopyValues(Staff incoming, Staff stored, TabularRow row)
    {
        stored.Name = incoming.Name;
        stored.Category = incoming.Category;
        if (row.Has("position")) stored.Position = incoming.Position;
        if (row.Has("grade")) stored.Grade = incoming.Grade;
        if (row.Has("unit")) stored.Unit = incoming.Unit;
        if (row.Has("salaryRm")) stored.SalaryRm = incoming.SalaryRm;
        if (row.Has("salaryBlu")) stored.SalaryBlu = incoming.SalaryBlu;
        if (row.Has("positionAllowance")) stored.PositionAllowance = incoming.PositionAllowance;
        if (row.Has("otherAllowances")) stored.OtherAllowances = incoming.OtherAllowances;
        if (row.Has("maxRemuneration")) stored.MaxRemuneration = incoming.MaxRemuneration;
        if (row.Has("incentiveMax")) stored.IncentiveMax = incoming.IncentiveMax;
        if (row.Has("points")) stored.Points = incoming.Points;
        if (row.Has("performance")) stored.Performance = incoming.Performance;
        if (row.Has("startDate")) stored.StartDate = incoming.StartDate;
        if (row.Has("endDate")) stored.EndDate = incoming.EndDate;
    }

    protected override void Own(Staff entity, long batchId)
    {
        entity.InstitutionId = Options.InstitutionId;
        entity.Ordinal = nextOrdinal++;
    }
}
