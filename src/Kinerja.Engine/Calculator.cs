namespace Kinerja.Engine;

/// <summary>
/// The calculation of calculation.md §6 to §9. Pure: records in, records out; the same case always gives the
/// same result.
/// </summary>
public static class Calculator
{
    /// <summary>Validates <paramref name="case"/> (§5) and calculates it.</summary>
    /// <exception cref="InvalidCaseException">The case has errors; nothing is computed.</exception>
    public static CalculationResult Calculate(Case @case)
    {
        ArgumentNullException.ThrowIfNull(@case);
        var errors = new List<CaseError>();
        var sums = new ServiceSums(@case.Staff?.Count ?? 0, @case.Rules?.Services?.Count ?? 0);
        var index = CaseValidator.Validate(@case, errors, sums);
        if (errors.Count > 0)
        {
            throw new InvalidCaseException(ErrorOrder.Sort(errors));
        }

        return Calculate(@case, index, sums);
    }

    /// <summary>
    /// Calculates a case whose service lines come already summed (<see cref="ServiceTotal"/>), as the streamed
    /// JSON reader delivers them; <c>@case.Services</c> must be empty. The totals' staff ids, codes and
    /// quantities are checked like lines; the lines' own ids and dates must have been checked by the caller.
    /// </summary>
    /// <exception cref="InvalidCaseException">The case has errors; nothing is computed.</exception>
    public static CalculationResult Calculate(Case @case, IReadOnlyList<ServiceTotal> serviceTotals)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(serviceTotals);
        if (@case.Services is { Count: > 0 })
        {
            throw new ArgumentException("Give the service lines either in the case or as totals, not both.", nameof(@case));
        }

        var errors = new List<CaseError>();
        var sums = new ServiceSums(@case.Staff?.Count ?? 0, @case.Rules?.Services?.Count ?? 0);
        var index = CaseValidator.Validate(@case, errors, sums);
        for (var i = 0; i < serviceTotals.Count; i++)
        {
            var total = serviceTotals[i];
            if (total.Quantity >= 1 && total.StaffId is { } id && index.StaffById.TryGetValue(id, out var known) && index.IsMedis(known)
                && total.Service is { } code && index.ServiceByCode.TryGetValue(code, out var rule))
            {
                // The usual case, without building the error path (the streamed reader gives tens of thousands).
                sums.Add(known, rule, total.Payer, total.Quantity);
                continue;
            }

            var staff = LineRules.Staff(index, total.StaffId, $"serviceTotals[{i}]", errors);
            var service = LineRules.Service(index, total.Service, $"serviceTotals[{i}]", errors);
            if (total.Quantity < 1)
            {
                errors.Add(new($"serviceTotals[{i}].quantity", Messages.AtLeastOne));
            }
            else if (staff >= 0 && service >= 0)
            {
                sums.Add(staff, service, total.Payer, total.Quantity);
            }
        }

        if (errors.Count > 0)
        {
            throw new InvalidCaseException(ErrorOrder.Sort(errors));
        }

        return Calculate(@case, index, sums);
    }

    private static CalculationResult Calculate(Case @case, CaseIndex index, ServiceSums sums)
    {
        var n = @case.Period.Months;
        var rules = @case.Rules;
        var staff = @case.Staff;

        // Rows add up per staff member (§2): index them once.
        var quality = GroupByStaff(@case.Quality, r => r.StaffId, index);
        var addedValue = GroupByStaff(@case.AddedValue, r => r.StaffId, index);
        var duty = GroupByStaff(@case.Duty, r => r.StaffId, index);
        var poolShares = PoolShares(rules, staff);

        var results = new StaffResult[staff.Count];
        for (var s = 0; s < staff.Count; s++)
        {
            var person = staff[s];
            var dutyPay = 0m;
            foreach (var row in duty[s])
            {
                dutyPay += row.Count * rules.Duty[index.DutyByCode[row.Shift]].Rate;
            }

            results[s] = person.IsMedis
                ? Medis(person, s, n, rules, index, sums, quality[s], addedValue[s], dutyPay)
                : NonMedis(person, n, rules, poolShares?[s], dutyPay);
        }

        return Hospital(@case.Period, results, rules.Budget);
    }

    /// <summary>calculation.md §6.</summary>
    private static StaffResult Medis(
        Staff person, int s, int n, Rules rules, CaseIndex index, ServiceSums sums,
        List<QualityRow> qualityRows, List<AddedValueRow> addedValueRows, decimal dutyPay)
    {
        var flags = new List<string>();

        // §6.1, §6.5: units, visits and the base amount from the summed lines.
        long unitsJkn = 0, unitsNonJkn = 0, visitsJkn = 0, visitsNonJkn = 0;
        var baseAmount = 0m;
        foreach (var (service, payer, quantity) in sums.Of(s))
        {
            var rule = rules.Services[service];
            if (payer == Payer.Jkn)
            {
                unitsJkn += quantity;
                visitsJkn += rule.Visit ? quantity : 0;
            }
            else
            {
                unitsNonJkn += quantity;
                visitsNonJkn += rule.Visit ? quantity : 0;
            }

            baseAmount += quantity * rule.Rates.For(payer);
        }

        // §6.2: a score entered by the doctor counts only once management has validated it.
        var stratification = person.Stratification!;
        var score = 0m;
        foreach (var criterion in rules.Stratification.Criteria)
        {
            score += criterion.Weight * stratification.Scores.GetValueOrDefault(criterion.Code);
        }

        StarLevel star;
        if (stratification.Validated)
        {
            star = rules.Stratification.Stars.Where(x => x.MinScore <= score).MaxBy(x => x.MinScore)!;
        }
        else
        {
            star = rules.Stratification.Stars.Single(x => x.MinScore == 0);
            flags.Add(Flags.StratificationNotValidated);
        }

        // §6.3: the target measures performance and never limits pay.
        decimal? achievement = null;
        if (person.Target is { } target && target.Jkn + target.NonJkn > 0)
        {
            var targetVisits = (target.Jkn + target.NonJkn) * n;
            achievement = (visitsJkn + visitsNonJkn) / targetVisits;
            if (visitsJkn + visitsNonJkn < targetVisits)
            {
                flags.Add(Flags.BelowTarget);
            }
        }

        // §6.4: compared by cross-multiplying, so the decision uses the exact share.
        decimal? jknShare = null;
        var units = unitsJkn + unitsNonJkn;
        if (units > 0)
        {
            jknShare = (decimal)unitsJkn / units;
            if (unitsJkn < star.JknShareMin * units)
            {
                flags.Add(Flags.JknShareBelowMin);
            }

            if (unitsJkn == 0)
            {
                flags.Add(Flags.NoJknService);
            }
        }

        var (qualityScore, hasQuality) = QualityScore(qualityRows, rules.Quality, index);
        if (!hasQuality)
        {
            flags.Add(Flags.NoQualityData);
        }

        var qualityFactor = rules.Quality.Factors.Where(f => Rational.From(f.MinScore) <= qualityScore).MaxBy(f => f.MinScore)!.Factor;

        // §6.7
        var added = 0m;
        foreach (var row in addedValueRows)
        {
            added += row.Count * rules.AddedValue!.Activities[index.ActivityByCode[row.Activity]].Rate;
        }

        if (rules.AddedValue?.MonthlyCap is { } cap)
        {
            added = Math.Min(added, cap * n);
        }

        // §6.8, §6.9
        var performanceIncentive = Money.Round(baseAmount * qualityFactor) + added;
        var incentiveMax = (person.IncentiveMax ?? star.IncentiveMax) * n;
        var incentive = incentiveMax is { } max ? Math.Min(performanceIncentive, max) : performanceIncentive;
        var excess = performanceIncentive - incentive;
        decimal perikatan = 0, withheld = 0;
        if (excess > 0)
        {
            if (person.Perikatan)
            {
                perikatan = excess;
                flags.Add(Flags.AboveRangePerikatan);
            }
            else
            {
                withheld = excess;
                flags.Add(Flags.AboveRangeWithheld);
            }
        }

        var medis = new MedisResult(
            score, star.Star, new(unitsJkn, unitsNonJkn), new(visitsJkn, visitsNonJkn), achievement, jknShare,
            qualityScore.ToDecimal(), qualityFactor, baseAmount, added);
        return Everyone(person, n, medis, null, performanceIncentive, incentiveMax, incentive, perikatan, withheld, dutyPay, flags);
    }

    /// <summary>
    /// §6.6: per indicator min(1, Σ numerator / Σ denominator) over rows with a denominator above 0, then the
    /// weighted mean over the indicators that have such rows. Exact, since the band is chosen on it.
    /// </summary>
    private static (Rational Score, bool HasData) QualityScore(List<QualityRow> rows, QualityRules rules, CaseIndex index)
    {
        var numerators = new decimal[rules.Indicators.Count];
        var denominators = new decimal[rules.Indicators.Count];
        foreach (var row in rows)
        {
            if (row.Denominator > 0)
            {
                var i = index.IndicatorByCode[row.Indicator];
                numerators[i] += row.Numerator;
                denominators[i] += row.Denominator;
            }
        }

        var weighted = Rational.Zero;
        var weights = Rational.Zero;
        for (var i = 0; i < denominators.Length; i++)
        {
            if (denominators[i] > 0)
            {
                var compliance = Rational.Min(Rational.One, Rational.From(numerators[i]) / Rational.From(denominators[i]));
                var weight = Rational.From(rules.Indicators[i].Weight);
                weighted += weight * compliance;
                weights += weight;
            }
        }

        return weights == Rational.Zero ? (Rational.Zero, false) : (weighted / weights, true);
    }

    /// <summary>§7: points × min(performance, maxPerformance), then a point value or a share of the pool.</summary>
    private static StaffResult NonMedis(Staff person, int n, Rules rules, decimal? poolShare, decimal dutyPay)
    {
        var flags = new List<string>();
        var performance = Math.Min(person.Performance, rules.Points.MaxPerformance);
        var performanceIncentive = poolShare ?? Money.Round(person.Points * performance * rules.Points.PointValue!.Value * n);
        var incentiveMax = person.IncentiveMax * n;
        var incentive = incentiveMax is { } max ? Math.Min(performanceIncentive, max) : performanceIncentive;
        var withheld = performanceIncentive - incentive;
        if (withheld > 0)
        {
            flags.Add(Flags.AboveRangeWithheld);
        }

        return Everyone(
            person, n, null, new NonMedisResult(person.Points, performance), performanceIncentive, incentiveMax, incentive,
            perikatan: 0, withheld, dutyPay, flags);
    }

    private static decimal[]? PoolShares(Rules rules, IReadOnlyList<Staff> staff)
    {
        if (rules.Points.Pool is not { } pool)
        {
            return null;
        }

        var others = new List<int>();
        var weights = new List<decimal>();
        for (var s = 0; s < staff.Count; s++)
        {
            if (!staff[s].IsMedis)
            {
                others.Add(s);
                weights.Add(staff[s].Points * Math.Min(staff[s].Performance, rules.Points.MaxPerformance));
            }
        }

        var shares = Money.SharePool(pool, weights);
        var byStaff = new decimal[staff.Count];
        for (var i = 0; i < others.Count; i++)
        {
            byStaff[others[i]] = shares[i];
        }

        return byStaff;
    }

    /// <summary>§8: fixed pay, the KMK ceiling (incentive first, then duty; perikatan is outside it), the total.</summary>
    private static StaffResult Everyone(
        Staff person, int n, MedisResult? medis, NonMedisResult? nonMedis, decimal performanceIncentive, decimal? incentiveMax,
        decimal incentive, decimal perikatan, decimal withheld, decimal duty, List<string> flags)
    {
        var fixedPay = (person.Salary + person.Allowances) * n;
        var capReduction = 0m;
        if (person.MaxRemuneration is { } maxRemuneration)
        {
            var ceiling = maxRemuneration * n;
            capReduction = Math.Min(incentive + duty, Math.Max(0, fixedPay + incentive + duty - ceiling));
            var fromIncentive = Math.Min(capReduction, incentive);
            incentive -= fromIncentive;
            duty -= capReduction - fromIncentive;
            if (capReduction > 0)
            {
                flags.Add(Flags.RemunerationCap);
            }

            if (fixedPay > ceiling)
            {
                flags.Add(Flags.FixedPayExceedsCap);
            }
        }

        var total = fixedPay + incentive + duty + perikatan;
        return new StaffResult(
            person.Id, fixedPay, medis, nonMedis, performanceIncentive, incentiveMax, incentive, perikatan, withheld, duty,
            capReduction, total, Sorted(flags));
    }

    /// <summary>§9: totals and the hospital flags.</summary>
    private static CalculationResult Hospital(Period period, StaffResult[] staff, BudgetRules? budget)
    {
        var totals = new ResultTotals(
            staff.Sum(s => s.FixedPay), staff.Sum(s => s.Incentive), staff.Sum(s => s.Duty), staff.Sum(s => s.Perikatan),
            staff.Sum(s => s.Withheld), staff.Sum(s => s.CapReduction), staff.Sum(s => s.Total));
        var flags = new List<string>();
        if (budget?.PersonnelBudget is { } personnelBudget && totals.Total > personnelBudget)
        {
            flags.Add(Flags.OverBudget);
        }

        // A revenue of 0 has no ratio (docs/decisions/0004).
        decimal? ratio = null;
        if (budget?.Revenue is { } revenue and > 0)
        {
            ratio = totals.Total / revenue;
            if (budget.MaxPersonnelRatio is { } maxRatio && totals.Total > maxRatio * revenue)
            {
                flags.Add(Flags.PersonnelRatioExceeded);
            }
        }

        return new CalculationResult(period, staff, totals, ratio, Sorted(flags));
    }

    private static List<T>[] GroupByStaff<T>(IReadOnlyList<T>? rows, Func<T, string> staffId, CaseIndex index)
    {
        var groups = new List<T>[index.Staff.Count];
        for (var i = 0; i < groups.Length; i++)
        {
            groups[i] = [];
        }

        foreach (var row in rows ?? [])
        {
            groups[index.StaffById[staffId(row)]].Add(row);
        }

        return groups;
    }

    private static string[] Sorted(List<string> flags) => [.. flags.Distinct().Order(StringComparer.Ordinal)];
}
