using Kinerja.Data;
using Kinerja.Data.Remunerasi;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Web.Features.MasterData;

/// <summary>The staff form (calculation.md §4) as typed: every field is text until <see cref="Apply"/> has read it.</summary>
public sealed class StaffInput
{
    public string? Code { get; set; }

    public string? Name { get; set; }

    public string? Category { get; set; }

    public string? Position { get; set; }

    public string? Grade { get; set; }

    public string? Unit { get; set; }

    public string? SalaryRm { get; set; }

    public string? SalaryBlu { get; set; }

    public string? PositionAllowance { get; set; }

    public string? OtherAllowances { get; set; }

    public string? MaxRemuneration { get; set; }

    public string? IncentiveMax { get; set; }

    public string? Points { get; set; }

    /// <summary>Percent: 100 = the 100 % achievement (stored as the fraction 1).</summary>
    public string? Performance { get; set; }

    public string? StartDate { get; set; }

    public string? EndDate { get; set; }

    public static StaffInput From(Staff s) => new()
    {
        Code = s.Code, Name = s.Name, Category = s.Category, Position = s.Position, Grade = s.Grade?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Unit = s.Unit, SalaryRm = FormReader.Whole(s.SalaryRm), SalaryBlu = FormReader.Whole(s.SalaryBlu),
        PositionAllowance = FormReader.Whole(s.PositionAllowance), OtherAllowances = FormReader.Whole(s.OtherAllowances),
        MaxRemuneration = FormReader.Whole(s.MaxRemuneration), IncentiveMax = FormReader.Whole(s.IncentiveMax),
        Points = FormReader.Show(s.Points), Performance = FormReader.Show(s.Performance * 100),
        StartDate = FormReader.Iso(s.StartDate), EndDate = FormReader.Iso(s.EndDate),
    };
}

public static class StaffForm
{
    /// <summary>The categories of calculation.md §4 with the names people use.</summary>
    public static readonly IReadOnlyList<(string Code, string Label)> Categories =
    [
        (Staff.Medis, "Tenaga medis"),
        ("KEPERAWATAN", "Keperawatan"),
        ("PENUNJANG", "Penunjang medis"),
        ("ADMINISTRASI", "Administrasi"),
        ("DIREKSI", "Direksi"),
        ("KOMITE", "Komite"),
        ("DEWAN_PENGAWAS", "Dewan Pengawas"),
    ];

    public static string CategoryLabel(string code) => Categories.FirstOrDefault(c => c.Code == code).Label ?? code;

    /// <summary>
    /// Reads <paramref name="input"/> into <paramref name="staff"/>; on any error nothing is changed and the errors
    /// are in the reader's model state under "Input.&lt;Field&gt;".
    /// </summary>
    public static async Task<bool> ApplyAsync(KinerjaDb db, FormReader read, StaffInput input, Staff staff, bool isNew, CancellationToken cancellationToken)
    {
        var code = isNew ? read.Code("Input.Code", "Kode pegawai", input.Code) : staff.Code;
        var name = read.Text("Input.Name", "Nama", input.Name, 200, required: true);
        var category = read.Text("Input.Category", "Kategori", input.Category, 40, required: true);
        if (category is not null && Categories.All(c => c.Code != category))
            read.Error("Input.Category", Say(read, "Kategori tidak dikenal."));
        var position = read.Text("Input.Position", "Jabatan", input.Position, 200);
        var grade = read.WholeNumber("Input.Grade", "Kelas jabatan (grade)", input.Grade, 1, 30);
        var unit = read.Text("Input.Unit", "KSM / unit", input.Unit, 200);
        var salaryRm = read.Rupiah("Input.SalaryRm", "Gaji rupiah murni", input.SalaryRm);
        var salaryBlu = read.Rupiah("Input.SalaryBlu", "Gaji BLU", input.SalaryBlu);
        var positionAllowance = read.Rupiah("Input.PositionAllowance", "Tunjangan jabatan", input.PositionAllowance);
        var otherAllowances = read.Rupiah("Input.OtherAllowances", "Tunjangan lainnya", input.OtherAllowances);
        var maxRemuneration = read.Rupiah("Input.MaxRemuneration", "Batas remunerasi KMK", input.MaxRemuneration, required: false);
        var incentiveMax = read.Rupiah("Input.IncentiveMax", "Maksimal rentang insentif sendiri", input.IncentiveMax, required: false);
        var points = read.Number("Input.Points", "Nilai jabatan (poin)", input.Points, 2, required: false) ?? 0;
        var performance = read.Number("Input.Performance", "Capaian kinerja individu (%)", input.Performance, 1, 0, 500, required: false) ?? 100;
        var start = read.Date("Input.StartDate", "Mulai bekerja", input.StartDate);
        var end = read.Date("Input.EndDate", "Berhenti bekerja", input.EndDate);
        if (start is not null && end is not null && end < start)
            read.Error("Input.EndDate", Say(read, "Tanggal berhenti bekerja tidak boleh sebelum tanggal mulai bekerja."));
        if (category == Staff.Medis && string.IsNullOrEmpty(unit))
            read.Error("Input.Unit", Say(read, "Tenaga medis harus punya KSM."));
        if (isNew && code is not null && await db.Staff.AnyAsync(s => s.InstitutionId == staff.InstitutionId && s.Code == code, cancellationToken))
            read.Error("Input.Code", Say(read, "Kode pegawai ini sudah dipakai."));
        if (!read.Ok)
            return false;

        if (isNew)
        {
            staff.Code = code!;
            var ordinals = await db.Staff.Where(s => s.InstitutionId == staff.InstitutionId).Select(s => (int?)s.Ordinal).MaxAsync(cancellationToken);
            staff.Ordinal = (ordinals ?? -1) + 1;
        }

        staff.Name = name!;
        staff.Category = category!;
        staff.Position = position;
        staff.Grade = grade;
        staff.Unit = unit;
        staff.SalaryRm = salaryRm!.Value;
        staff.SalaryBlu = salaryBlu!.Value;
        staff.PositionAllowance = positionAllowance!.Value;
        staff.OtherAllowances = otherAllowances!.Value;
        staff.MaxRemuneration = maxRemuneration;
        staff.IncentiveMax = incentiveMax;
        staff.Points = points;
        staff.Performance = performance / 100;
        staff.StartDate = start;
        staff.EndDate = end;
        return true;
    }

    static string Say(FormReader read, string text) => read.Localize(text);
}
