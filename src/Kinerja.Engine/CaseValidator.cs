using System.Globalization;

namespace Kinerja.Engine;

/// <summary>
/// The checks of calculation.md §5, collecting every problem with the JSON path of the offending value.
/// Nothing is computed for a case with errors.
/// </summary>
public static class CaseValidator
{
    public static IReadOnlyList<CaseError> Validate(Case @case)
    {
        ArgumentNullException.ThrowIfNull(@case);
        var errors = new List<CaseError>();
        Validate(@case, errors, sums: null);
        return ErrorOrder.Sort(errors);
    }

    /// <summary>
    /// Validates and, in the same pass over the service lines, sums them into <paramref name="sums"/> (when given):
    /// a case with millions of lines is walked once.
    /// </summary>
    internal static CaseIndex Validate(Case @case, List<CaseError> errors, ServiceSums? sums)
    {
        var index = ValidateHeader(@case, errors);
        ValidateLines(@case.Services, "services", index, @case.Period, errors, sums);
        ValidateRows(@case, index, errors);
        return index;
    }

    /// <summary>Everything but the service lines: the streamed reader checks those itself as it reads them.</summary>
    internal static CaseIndex ValidateHeader(Case @case, List<CaseError> errors)
    {
        if (@case.Version != Case.CurrentVersion)
        {
            errors.Add(new("version", Messages.UnknownVersion(@case.Version.ToString(CultureInfo.InvariantCulture))));
        }

        if (@case.Period.Months == 0)
        {
            errors.Add(new("period", Messages.Required));
        }

        var index = new CaseIndex(@case.Staff, @case.Rules);
        if (@case.Rules is null)
        {
            errors.Add(new("rules", Messages.Required));
        }
        else
        {
            ValidateRules(@case.Rules, errors);
        }

        ValidateStaff(@case.Staff, index, errors);
        return index;
    }

    private static void ValidateRules(Rules rules, List<CaseError> errors)
    {
        if (List(rules.Services, "rules.services", errors) is { } services)
        {
            Codes(services, "rules.services", s => s?.Code, errors);
            for (var i = 0; i < services.Count; i++)
            {
                var path = $"rules.services[{i}]";
                if (Item(services[i], path, errors) is not { } service)
                {
                    continue;
                }

                Text(service.Name, $"{path}.name", errors);
                if (service.Rates is null)
                {
                    errors.Add(new($"{path}.rates", Messages.Required));
                }
                else
                {
                    Amount(service.Rates.Jkn, $"{path}.rates.JKN", errors);
                    Amount(service.Rates.NonJkn, $"{path}.rates.NON_JKN", errors);
                }
            }
        }

        if (rules.Stratification is null)
        {
            errors.Add(new("rules.stratification", Messages.Required));
        }
        else
        {
            if (List(rules.Stratification.Criteria, "rules.stratification.criteria", errors) is { } criteria)
            {
                Codes(criteria, "rules.stratification.criteria", c => c?.Code, errors);
                for (var i = 0; i < criteria.Count; i++)
                {
                    if (Item(criteria[i], $"rules.stratification.criteria[{i}]", errors) is { } criterion)
                    {
                        NotNegative(criterion.Weight, $"rules.stratification.criteria[{i}].weight", errors);
                    }
                }
            }

            if (List(rules.Stratification.Stars, "rules.stratification.stars", errors) is { } stars)
            {
                Bands(stars, "rules.stratification.stars", s => s?.MinScore, errors);
                var seen = new HashSet<int>();
                for (var i = 0; i < stars.Count; i++)
                {
                    var path = $"rules.stratification.stars[{i}]";
                    if (Item(stars[i], path, errors) is not { } star)
                    {
                        continue;
                    }

                    if (!seen.Add(star.Star))
                    {
                        errors.Add(new($"{path}.star", Messages.DuplicateStar(star.Star)));
                    }

                    NotNegative(star.JknShareMin, $"{path}.jknShareMin", errors);
                    OptionalAmount(star.IncentiveMax, $"{path}.incentiveMax", errors);
                }
            }
        }

        if (rules.Quality is null)
        {
            errors.Add(new("rules.quality", Messages.Required));
        }
        else
        {
            if (List(rules.Quality.Indicators, "rules.quality.indicators", errors) is { } indicators)
            {
                Codes(indicators, "rules.quality.indicators", q => q?.Code, errors);
                for (var i = 0; i < indicators.Count; i++)
                {
                    // Weights are positive (§3): a weighted mean over indicators all weighted 0 is undefined.
                    if (Item(indicators[i], $"rules.quality.indicators[{i}]", errors) is { Weight: <= 0 } indicator)
                    {
                        errors.Add(new($"rules.quality.indicators[{i}].weight", indicator.Weight < 0 ? Messages.Negative : Messages.NotPositive));
                    }
                }
            }

            if (List(rules.Quality.Factors, "rules.quality.factors", errors) is { } factors)
            {
                Bands(factors, "rules.quality.factors", f => f?.MinScore, errors);
                for (var i = 0; i < factors.Count; i++)
                {
                    if (Item(factors[i], $"rules.quality.factors[{i}]", errors) is { } factor)
                    {
                        NotNegative(factor.Factor, $"rules.quality.factors[{i}].factor", errors);
                    }
                }
            }
        }

        if (rules.AddedValue is { } addedValue)
        {
            if (List(addedValue.Activities, "rules.addedValue.activities", errors) is { } activities)
            {
                Codes(activities, "rules.addedValue.activities", a => a?.Code, errors);
                for (var i = 0; i < activities.Count; i++)
                {
                    if (Item(activities[i], $"rules.addedValue.activities[{i}]", errors) is { } activity)
                    {
                        Amount(activity.Rate, $"rules.addedValue.activities[{i}].rate", errors);
                    }
                }
            }

            OptionalAmount(addedValue.MonthlyCap, "rules.addedValue.monthlyCap", errors);
        }

        if (rules.Duty is { } duty)
        {
            Codes(duty, "rules.duty", d => d?.Code, errors);
            for (var i = 0; i < duty.Count; i++)
            {
                if (Item(duty[i], $"rules.duty[{i}]", errors) is { } rule)
                {
                    Amount(rule.Rate, $"rules.duty[{i}].rate", errors);
                }
            }
        }

        if (rules.Points is not { } points)
        {
            errors.Add(new("rules.points", Messages.Required));
        }
        else
        {
            if (points.PointValue.HasValue == points.Pool.HasValue)
            {
                errors.Add(new("rules.points", Messages.PointsExactlyOne));
            }

            if (points.PointValue is { } pointValue)
            {
                NotNegative(pointValue, "rules.points.pointValue", errors);
                MaxDecimals(pointValue, 2, "rules.points.pointValue", errors);
            }

            OptionalAmount(points.Pool, "rules.points.pool", errors);
            NotNegative(points.MaxPerformance, "rules.points.maxPerformance", errors);
        }

        if (rules.Budget is { } budget)
        {
            OptionalAmount(budget.PersonnelBudget, "rules.budget.personnelBudget", errors);
            OptionalAmount(budget.Revenue, "rules.budget.revenue", errors);
            if (budget.MaxPersonnelRatio is { } ratio)
            {
                NotNegative(ratio, "rules.budget.maxPersonnelRatio", errors);
            }
        }
    }

    private static void ValidateStaff(IReadOnlyList<Staff>? staff, CaseIndex index, List<CaseError> errors)
    {
        if (List(staff, "staff", errors) is not { } list)
        {
            return;
        }

        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < list.Count; i++)
        {
            var path = $"staff[{i}]";
            if (Item(list[i], path, errors) is not { } person)
            {
                continue;
            }

            if (Text(person.Id, $"{path}.id", errors) && !first.TryAdd(person.Id, i))
            {
                errors.Add(new($"{path}.id", Messages.Duplicate(person.Id, $"staff[{first[person.Id]}].id")));
            }

            Text(person.Name, $"{path}.name", errors);
            Text(person.Category, $"{path}.category", errors);
            Amount(person.Salary, $"{path}.salary", errors);
            Amount(person.Allowances, $"{path}.allowances", errors);
            OptionalAmount(person.MaxRemuneration, $"{path}.maxRemuneration", errors);
            OptionalAmount(person.IncentiveMax, $"{path}.incentiveMax", errors);

            if (person.IsMedis)
            {
                if (person.Stratification is null)
                {
                    errors.Add(new($"{path}.stratification", Messages.MissingForMedis));
                }
                else if (person.Stratification.Scores is { } scores)
                {
                    foreach (var (criterion, score) in scores.OrderBy(s => s.Key, StringComparer.Ordinal))
                    {
                        var scorePath = $"{path}.stratification.scores.{criterion}";
                        if (!index.CriterionByCode.ContainsKey(criterion))
                        {
                            errors.Add(new(scorePath, Messages.UnknownCriterion(criterion)));
                        }

                        NotNegative(score, scorePath, errors);
                    }
                }

                if (person.Target is { } target)
                {
                    NotNegative(target.Jkn, $"{path}.target.jkn", errors);
                    NotNegative(target.NonJkn, $"{path}.target.nonJkn", errors);
                }
            }
            else
            {
                NotNegative(person.Points, $"{path}.points", errors);
                MaxDecimals(person.Points, 2, $"{path}.points", errors);
                NotNegative(person.Performance, $"{path}.performance", errors);
            }
        }
    }

    private static void ValidateLines(
        IReadOnlyList<ServiceLine>? lines, string listPath, CaseIndex index, Period period, List<CaseError> errors, ServiceSums? sums)
    {
        if (List(lines, listPath, errors) is not { } list)
        {
            return;
        }

        // Ids in increasing ordinal order cannot repeat (docs/decisions/0006): the set is built only once an id
        // comes out of order, from the ids seen so far.
        Dictionary<string, int>? firstById = null;
        string? previousId = null;
        var lookups = new LineLookups(index);
        var checkDates = period.Months != 0;
        var start = checkDates ? period.Start : default;
        var end = checkDates ? period.End : default;
        for (var i = 0; i < list.Count; i++)
        {
            var line = list[i];
            if (line is null)
            {
                errors.Add(new($"{listPath}[{i}]", Messages.Required));
                continue;
            }

            var ok = true;
            if (string.IsNullOrEmpty(line.Id))
            {
                errors.Add(new($"{listPath}[{i}].id", Messages.Required));
                ok = false;
            }
            else if (firstById is null && (previousId is null || string.CompareOrdinal(line.Id, previousId) > 0))
            {
                previousId = line.Id;
            }
            else
            {
                firstById ??= FirstById(list, i);
                if (!firstById.TryAdd(line.Id, i))
                {
                    errors.Add(new($"{listPath}[{i}].id", Messages.Duplicate(line.Id, $"{listPath}[{firstById[line.Id]}].id")));
                    ok = false;
                }
            }

            if (checkDates && (line.Date < start || line.Date > end))
            {
                errors.Add(new($"{listPath}[{i}].date", Messages.DateOutsidePeriod(line.Date, period)));
                ok = false;
            }

            var staff = lookups.MedisStaff(line.StaffId);
            if (staff < 0)
            {
                staff = LineRules.Staff(index, line.StaffId, $"{listPath}[{i}]", errors);
            }

            var service = lookups.Service(line.Service);
            if (service < 0)
            {
                service = LineRules.Service(index, line.Service, $"{listPath}[{i}]", errors);
            }
            if (line.Payer is not (Payer.Jkn or Payer.NonJkn))
            {
                errors.Add(new($"{listPath}[{i}].payer", Messages.UnknownPayer(line.Payer.ToString())));
                ok = false;
            }

            if (line.Quantity < 1)
            {
                errors.Add(new($"{listPath}[{i}].quantity", Messages.AtLeastOne));
                ok = false;
            }

            if (ok && staff >= 0 && service >= 0)
            {
                sums?.Add(staff, service, line.Payer, line.Quantity);
            }
        }
    }

    /// <summary>The first line of each id among lines [0, count), all with distinct, non-empty ids.</summary>
    private static Dictionary<string, int> FirstById(IReadOnlyList<ServiceLine> lines, int count)
    {
        var first = new Dictionary<string, int>(lines.Count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            if (lines[i] is { Id: { Length: > 0 } id })
            {
                first.TryAdd(id, i);
            }
        }

        return first;
    }

    // quality, addedValue and duty may be left out of a case: no rows (docs/decisions/0003).
    internal static void ValidateRows(Case @case, CaseIndex index, List<CaseError> errors)
    {
        if ((@case.Quality ?? []) is { } quality)
        {
            for (var i = 0; i < quality.Count; i++)
            {
                var path = $"quality[{i}]";
                if (Item(quality[i], path, errors) is not { } row)
                {
                    continue;
                }

                LineRules.MedisStaff(index, row.StaffId, path, errors);
                Code(index.IndicatorByCode, row.Indicator, $"{path}.indicator", "rules.quality.indicators", errors);
                NotNegative(row.Numerator, $"{path}.numerator", errors);
                NotNegative(row.Denominator, $"{path}.denominator", errors);
                if (row.Numerator > row.Denominator && row.Denominator >= 0)
                {
                    errors.Add(new($"{path}.numerator", Messages.NumeratorAboveDenominator));
                }
            }
        }

        if ((@case.AddedValue ?? []) is { } addedValue)
        {
            for (var i = 0; i < addedValue.Count; i++)
            {
                var path = $"addedValue[{i}]";
                if (Item(addedValue[i], path, errors) is not { } row)
                {
                    continue;
                }

                LineRules.MedisStaff(index, row.StaffId, path, errors);
                Code(index.ActivityByCode, row.Activity, $"{path}.activity", "rules.addedValue.activities", errors);
                if (row.Count < 1)
                {
                    errors.Add(new($"{path}.count", Messages.AtLeastOne));
                }
            }
        }

        if ((@case.Duty ?? []) is { } duty)
        {
            for (var i = 0; i < duty.Count; i++)
            {
                var path = $"duty[{i}]";
                if (Item(duty[i], path, errors) is not { } row)
                {
                    continue;
                }

                // Duty is paid to everyone (§8.2), so a non-medical staff member may have duty rows.
                LineRules.AnyStaff(index, row.StaffId, path, errors);
                Code(index.DutyByCode, row.Shift, $"{path}.shift", "rules.duty", errors);
                if (row.Count < 1)
                {
                    errors.Add(new($"{path}.count", Messages.AtLeastOne));
                }
            }
        }
    }

    private static IReadOnlyList<T>? List<T>(IReadOnlyList<T>? list, string path, List<CaseError> errors)
    {
        if (list is null)
        {
            errors.Add(new(path, Messages.Required));
        }

        return list;
    }

    private static T? Item<T>(T? item, string path, List<CaseError> errors)
        where T : class
    {
        if (item is null)
        {
            errors.Add(new(path, Messages.Required));
        }

        return item;
    }

    private static void Codes<T>(IReadOnlyList<T> items, string path, Func<T, string?> code, List<CaseError> errors)
    {
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is null)
            {
                continue;
            }

            var value = code(items[i]);
            if (Text(value, $"{path}[{i}].code", errors) && !first.TryAdd(value!, i))
            {
                errors.Add(new($"{path}[{i}].code", Messages.Duplicate(value!, $"{path}[{first[value!]}].code")));
            }
        }
    }

    /// <summary>Stars and quality factors: exactly one <c>minScore</c> 0, no two equal, none negative (§5).</summary>
    private static void Bands<T>(IReadOnlyList<T> items, string path, Func<T, decimal?> minScore, List<CaseError> errors)
    {
        var zeros = 0;
        var seen = new HashSet<decimal>();
        for (var i = 0; i < items.Count; i++)
        {
            if (minScore(items[i]) is not { } min)
            {
                continue;
            }

            if (min == 0)
            {
                zeros++;
            }

            NotNegative(min, $"{path}[{i}].minScore", errors);
            if (!seen.Add(min))
            {
                errors.Add(new($"{path}[{i}].minScore", Messages.DuplicateMinScore(min)));
            }
        }

        if (zeros != 1)
        {
            errors.Add(new(path, Messages.ExactlyOneMinScoreZero(zeros)));
        }
    }

    private static void Code(Dictionary<string, int> codes, string? code, string path, string list, List<CaseError> errors)
    {
        if (Text(code, path, errors) && !codes.ContainsKey(code!))
        {
            errors.Add(new(path, Messages.UnknownCode(code!, list)));
        }
    }

    internal static bool Text(string? value, string path, List<CaseError> errors)
    {
        if (string.IsNullOrEmpty(value))
        {
            errors.Add(new(path, Messages.Required));
            return false;
        }

        return true;
    }

    private static void NotNegative(decimal value, string path, List<CaseError> errors)
    {
        if (value < 0)
        {
            errors.Add(new(path, Messages.Negative));
        }
    }

    /// <summary>Money inputs are non-negative whole Rupiah (§1).</summary>
    private static void Amount(decimal value, string path, List<CaseError> errors)
    {
        if (value < 0)
        {
            errors.Add(new(path, Messages.Negative));
        }
        else if (!Money.IsWhole(value))
        {
            errors.Add(new(path, Messages.NotWholeRupiah));
        }
    }

    private static void OptionalAmount(decimal? value, string path, List<CaseError> errors)
    {
        if (value is { } amount)
        {
            Amount(amount, path, errors);
        }
    }

    private static void MaxDecimals(decimal value, int decimals, string path, List<CaseError> errors)
    {
        if (Money.Decimals(value) > decimals)
        {
            errors.Add(new(path, Messages.TooManyDecimals(decimals)));
        }
    }
}

/// <summary>The staff and code checks a service line or row gets, shared by the validator and the streamed reader.</summary>
internal static class LineRules
{
    /// <summary>A service line's staff member: known and MEDIS (§5). Returns the staff index, or -1.</summary>
    public static int Staff(CaseIndex index, string? staffId, string path, List<CaseError> errors) =>
        MedisStaff(index, staffId, path, errors);

    public static int MedisStaff(CaseIndex index, string? staffId, string path, List<CaseError> errors)
    {
        var staff = AnyStaff(index, staffId, path, errors);
        if (staff >= 0 && !index.IsMedis(staff))
        {
            errors.Add(new($"{path}.staffId", Messages.NotMedis(staffId!)));
            return -1;
        }

        return staff;
    }

    public static int AnyStaff(CaseIndex index, string? staffId, string path, List<CaseError> errors)
    {
        if (string.IsNullOrEmpty(staffId))
        {
            errors.Add(new($"{path}.staffId", Messages.Required));
            return -1;
        }

        if (!index.StaffById.TryGetValue(staffId, out var staff))
        {
            errors.Add(new($"{path}.staffId", Messages.UnknownStaff(staffId)));
            return -1;
        }

        return staff;
    }

    public static int Service(CaseIndex index, string? code, string path, List<CaseError> errors)
    {
        if (string.IsNullOrEmpty(code))
        {
            errors.Add(new($"{path}.service", Messages.Required));
            return -1;
        }

        if (!index.ServiceByCode.TryGetValue(code, out var service))
        {
            errors.Add(new($"{path}.service", Messages.UnknownCode(code, "rules.services")));
            return -1;
        }

        return service;
    }
}

/// <summary>
/// Staff and service lookups for millions of lines: the lines of one case usually share their staff id and code
/// strings, so a lookup by reference (no hashing of characters) answers most of them; the ordinal dictionaries
/// answer the rest. The reference caches stay small: they stop growing after a few thousand strings.
/// </summary>
internal sealed class LineLookups(CaseIndex index)
{
    private const int MaxCached = 8192;
    private readonly Dictionary<string, int> _staff = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, int> _services = new(ReferenceEqualityComparer.Instance);

    /// <summary>The index of a known MEDIS staff member, or -1 (the caller then reports why).</summary>
    public int MedisStaff(string? id)
    {
        if (id is null)
        {
            return -1;
        }

        if (_staff.TryGetValue(id, out var staff))
        {
            return staff;
        }

        staff = index.StaffById.TryGetValue(id, out var s) && index.IsMedis(s) ? s : -1;
        if (staff >= 0 && _staff.Count < MaxCached)
        {
            _staff[id] = staff;
        }

        return staff;
    }

    /// <summary>The index of a known service code, or -1.</summary>
    public int Service(string? code)
    {
        if (code is null)
        {
            return -1;
        }

        if (_services.TryGetValue(code, out var service))
        {
            return service;
        }

        service = index.ServiceByCode.TryGetValue(code, out var c) ? c : -1;
        if (service >= 0 && _services.Count < MaxCached)
        {
            _services[code] = service;
        }

        return service;
    }
}
