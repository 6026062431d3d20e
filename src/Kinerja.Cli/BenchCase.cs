using System.Globalization;
using Kinerja.Engine;

namespace Kinerja.Cli;

/// <summary>
/// A hospital month at scale for <c>kinerja bench</c>: doctors, other staff and service lines drawn from a fixed
/// seed, so every run measures the same case.
/// </summary>
public static class BenchCase
{
    public const int DefaultSeed = 20261001;

    private static readonly string[] Categories = ["KEPERAWATAN", "PENUNJANG", "ADMINISTRASI", "KOMITE"];

    public static Case Generate(int doctors = 600, int others = 2_400, int lines = 2_000_000, int seed = DefaultSeed)
    {
        var random = new Random(seed);
        var period = Period.Month(2026, 10);

        var services = new List<ServiceRule>();
        for (var i = 0; i < 30; i++)
        {
            var jkn = random.Next(1, 200) * 5_000;
            services.Add(new ServiceRule($"LAYANAN-{i:D2}", $"Layanan {i}", Visit: i < 10, new PayerRates(jkn, jkn * random.Next(2, 4))));
        }

        var rules = new Rules(
            services,
            new StratificationRules(
                [new Criterion("PENDIDIKAN", 0.35m), new Criterion("PENGALAMAN", 0.25m), new Criterion("KONTRIBUSI_EKSEKUTIF", 0.25m), new Criterion("KONTRIBUSI_SWASTA", 0.15m)],
                [new StarLevel(1, 0, 0.6m, 25_000_000), new StarLevel(2, 2, 0.5m, 45_000_000), new StarLevel(3, 2.6m, 0.3m, 70_000_000)]),
            new QualityRules(
                [new QualityIndicator("EMR", 0.4m), new QualityIndicator("RENCANA_PULANG", 0.2m), new QualityIndicator("TEPAT_WAKTU_POLI", 0.2m), new QualityIndicator("TEPAT_WAKTU_VISITE", 0.2m)],
                [new QualityFactor(0, 0.8m), new QualityFactor(0.75m, 0.9m), new QualityFactor(0.9m, 1)]),
            new AddedValueRules([new AddedValueActivity("MENGAJAR_PPDS", 350_000), new AddedValueActivity("SEMINAR", 500_000)], 2_000_000),
            [new DutyRule("JAGA_IGD", 250_000), new DutyRule("JAGA_ICU", 300_000)],
            new PointsRules(PointValue: null, Pool: 12_000_000_000, MaxPerformance: 1.2m),
            new BudgetRules(PersonnelBudget: 90_000_000_000, Revenue: 200_000_000_000, MaxPersonnelRatio: 0.45m));

        var staff = new List<Staff>(doctors + others);
        var doctorIds = new string[doctors];
        for (var i = 0; i < doctors; i++)
        {
            doctorIds[i] = $"D{i + 1:D4}";
            staff.Add(new Staff(doctorIds[i], $"dr. Dokter {i + 1}", Staff.MedisCategory, random.Next(40, 95) * 100_000, random.Next(0, 45) * 100_000)
            {
                Stratification = new StaffStratification(random.Next(10) > 0, new Dictionary<string, decimal>
                {
                    ["PENDIDIKAN"] = random.Next(1, 4),
                    ["PENGALAMAN"] = random.Next(1, 4),
                    ["KONTRIBUSI_EKSEKUTIF"] = random.Next(0, 4),
                    ["KONTRIBUSI_SWASTA"] = random.Next(0, 4),
                }),
                Target = new VisitTarget(random.Next(500, 2_500), random.Next(100, 1_000)),
                Perikatan = random.Next(4) == 0,
                MaxRemuneration = random.Next(5) == 0 ? random.Next(60, 150) * 1_000_000 : null,
            });
        }

        for (var i = 0; i < others; i++)
        {
            staff.Add(new Staff($"P{i + 1:D4}", $"Pegawai {i + 1}", Categories[random.Next(Categories.Length)], random.Next(30, 120) * 100_000, random.Next(0, 60) * 100_000)
            {
                Points = random.Next(50_000, 600_000) / 100m,
                Performance = random.Next(400, 1_400) / 1_000m,
                MaxRemuneration = random.Next(10) == 0 ? random.Next(8, 30) * 1_000_000 : null,
            });
        }

        var serviceLines = new ServiceLine[lines];
        for (var i = 0; i < lines; i++)
        {
            serviceLines[i] = new ServiceLine(
                string.Create(CultureInfo.InvariantCulture, $"L{i + 1:D8}"),
                new DateOnly(2026, 10, random.Next(1, 32)),
                doctorIds[random.Next(doctors)],
                services[random.Next(services.Count)].Code,
                random.Next(100) < 65 ? Payer.Jkn : Payer.NonJkn,
                random.Next(10) == 0 ? random.Next(2, 5) : 1,
                random.Next(5) > 0);
        }

        var indicators = rules.Quality.Indicators;
        var quality = new List<QualityRow>();
        var addedValue = new List<AddedValueRow>();
        foreach (var id in doctorIds)
        {
            foreach (var indicator in indicators)
            {
                var denominator = random.Next(20, 200);
                quality.Add(new QualityRow(id, indicator.Code, random.Next(denominator / 2, denominator + 1), denominator));
            }

            if (random.Next(3) == 0)
            {
                addedValue.Add(new AddedValueRow(id, random.Next(2) == 0 ? "MENGAJAR_PPDS" : "SEMINAR", random.Next(1, 5)));
            }
        }

        var duty = new List<DutyRow>();
        foreach (var person in staff)
        {
            if (random.Next(4) == 0)
            {
                duty.Add(new DutyRow(person.Id, random.Next(2) == 0 ? "JAGA_IGD" : "JAGA_ICU", random.Next(1, 10)));
            }
        }

        return new Case(Case.CurrentVersion, period, new Hospital("RS-BENCH", "RS Uji Beban", "A"), rules, staff, serviceLines, quality, addedValue, duty);
    }
}
