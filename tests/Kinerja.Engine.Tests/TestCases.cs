namespace Kinerja.Engine.Tests;

/// <summary>Small cases for the rule tests: one rule set, a doctor and a nurse, changed with <c>with</c>.</summary>
internal static class TestCases
{
    public static readonly Period October = Period.Month(2026, 10);

    public static Rules BaseRules { get; } = new(
        Services:
        [
            new ServiceRule("KONSUL", "Konsultasi", Visit: true, new PayerRates(30_000, 90_000)),
            new ServiceRule("OPERASI", "Operasi", Visit: false, new PayerRates(1_000_000, 3_000_000)),
        ],
        Stratification: new StratificationRules(
            [new Criterion("PENDIDIKAN", 0.5m), new Criterion("PENGALAMAN", 0.5m)],
            [new StarLevel(1, 0, 0.6m, 10_000_000), new StarLevel(2, 2, 0.5m, 20_000_000), new StarLevel(3, 3, 0.3m, null)]),
        Quality: new QualityRules(
            [new QualityIndicator("EMR", 3), new QualityIndicator("VISITE", 1)],
            [new QualityFactor(0, 0.5m), new QualityFactor(0.8m, 0.9m), new QualityFactor(0.95m, 1)]),
        AddedValue: new AddedValueRules([new AddedValueActivity("PPDS", 400_000), new AddedValueActivity("SEMINAR", 500_000)], MonthlyCap: 1_000_000),
        Duty: [new DutyRule("JAGA_IGD", 275_000)],
        Points: new PointsRules(PointValue: 1_000, Pool: null, MaxPerformance: 1.2m),
        Budget: null);

    public static Staff Doctor(string id = "D1", decimal score = 1, bool validated = true) =>
        new(id, $"dr. {id}", Staff.MedisCategory, 8_000_000, 2_000_000)
        {
            Stratification = new StaffStratification(validated, new Dictionary<string, decimal> { ["PENDIDIKAN"] = score, ["PENGALAMAN"] = score }),
            Target = new VisitTarget(20, 10),
        };

    public static Staff Nurse(string id = "P1", decimal points = 1_000, decimal performance = 1) =>
        new(id, $"Perawat {id}", "KEPERAWATAN", 4_000_000, 500_000) { Points = points, Performance = performance };

    public static ServiceLine Line(string id, string staffId = "D1", string service = "KONSUL", Payer payer = Payer.Jkn, long quantity = 1, DateOnly? date = null) =>
        new(id, date ?? new DateOnly(2026, 10, 1), staffId, service, payer, quantity);

    public static QualityRow Quality(string staffId, string indicator, decimal numerator, decimal denominator) =>
        new(staffId, indicator, numerator, denominator);

    public static Case Case(
        IReadOnlyList<Staff> staff,
        IReadOnlyList<ServiceLine>? lines = null,
        IReadOnlyList<QualityRow>? quality = null,
        IReadOnlyList<AddedValueRow>? addedValue = null,
        IReadOnlyList<DutyRow>? duty = null,
        Rules? rules = null,
        Period? period = null) =>
        new(Engine.Case.CurrentVersion, period ?? October, new Hospital("RS", "RS Uji", "C"), rules ?? BaseRules, staff, lines ?? [], quality ?? [], addedValue ?? [], duty ?? []);

    /// <summary>Calculates and returns the one staff member's row.</summary>
    public static StaffResult Row(Case @case, string id) => Calculator.Calculate(@case).Staff.Single(s => s.Id == id);
}
