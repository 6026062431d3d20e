using System.Text.Json;

namespace Kinerja.Engine.Json;

/// <summary>
/// Turns the small parts of a case (everything but the service lines) from JSON into records, reporting a
/// missing or malformed field at its JSON path (calculation.md §5). A bad field gets a neutral stand-in so the
/// rest of the case is still checked and every problem is reported at once.
/// </summary>
internal sealed class CaseBinder(List<CaseError> errors)
{
    public int Version(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var version))
        {
            return version;
        }

        errors.Add(new("version", Messages.UnknownVersion(value.GetRawText())));
        return -1;
    }

    public Period Period(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            errors.Add(new("period", Messages.NotString));
            return default;
        }

        var text = value.GetString();
        if (!Engine.Period.TryParse(text, out var period))
        {
            errors.Add(new("period", Messages.MalformedPeriod(text)));
        }

        return period;
    }

    public Hospital? Hospital(JsonElement value) =>
        IsObject(value, "hospital")
            ? new Hospital(String(value, "code", "hospital") ?? "", String(value, "name", "hospital") ?? "", String(value, "cluster", "hospital", required: false))
            : null;

    public Rules? Rules(JsonElement value)
    {
        const string path = "rules";
        if (!IsObject(value, path))
        {
            return null;
        }

        var services = List(value, "services", path, (e, p) => new ServiceRule(
            String(e, "code", p) ?? "",
            String(e, "name", p) ?? "",
            Boolean(e, "visit", p),
            Object(e, "rates", p) is { } rates
                ? new PayerRates(Number(rates, "JKN", $"{p}.rates"), Number(rates, "NON_JKN", $"{p}.rates"))
                : new PayerRates(0, 0)));

        StratificationRules? stratification = null;
        if (Object(value, "stratification", path) is { } s)
        {
            const string sp = "rules.stratification";
            stratification = new StratificationRules(
                List(s, "criteria", sp, (e, p) => new Criterion(String(e, "code", p) ?? "", Number(e, "weight", p))),
                List(s, "stars", sp, (e, p) => new StarLevel(
                    (int)Integer(e, "star", p), Number(e, "minScore", p), Number(e, "jknShareMin", p), OptionalNumber(e, "incentiveMax", p))));
        }

        QualityRules? quality = null;
        if (Object(value, "quality", path) is { } q)
        {
            const string qp = "rules.quality";
            quality = new QualityRules(
                List(q, "indicators", qp, (e, p) => new QualityIndicator(String(e, "code", p) ?? "", Number(e, "weight", p))),
                List(q, "factors", qp, (e, p) => new QualityFactor(Number(e, "minScore", p), Number(e, "factor", p))));
        }

        AddedValueRules? addedValue = null;
        if (Object(value, "addedValue", path, required: false) is { } a)
        {
            const string ap = "rules.addedValue";
            addedValue = new AddedValueRules(
                List(a, "activities", ap, (e, p) => new AddedValueActivity(String(e, "code", p) ?? "", Number(e, "rate", p))),
                OptionalNumber(a, "monthlyCap", ap));
        }

        var duty = List(value, "duty", path, (e, p) => new DutyRule(String(e, "code", p) ?? "", Number(e, "rate", p)), required: false);

        PointsRules? points = null;
        if (Object(value, "points", path) is { } pts)
        {
            const string pp = "rules.points";
            points = new PointsRules(OptionalNumber(pts, "pointValue", pp), OptionalNumber(pts, "pool", pp), OptionalNumber(pts, "maxPerformance", pp) ?? 1);
        }

        BudgetRules? budget = null;
        if (Object(value, "budget", path, required: false) is { } b)
        {
            const string bp = "rules.budget";
            budget = new BudgetRules(OptionalNumber(b, "personnelBudget", bp), OptionalNumber(b, "revenue", bp), OptionalNumber(b, "maxPersonnelRatio", bp));
        }

        return new Rules(services, stratification!, quality!, addedValue, duty, points!, budget);
    }

    public Staff? Staff(JsonElement value, string path)
    {
        if (!IsObject(value, path))
        {
            return null;
        }

        var category = String(value, "category", path) ?? "";
        var staff = new Staff(
            String(value, "id", path) ?? "",
            String(value, "name", path) ?? "",
            category,
            Number(value, "salary", path),
            Number(value, "allowances", path))
        {
            MaxRemuneration = OptionalNumber(value, "maxRemuneration", path),
            IncentiveMax = OptionalNumber(value, "incentiveMax", path),
        };

        if (category == Engine.Staff.MedisCategory)
        {
            StaffStratification? stratification = null;
            if (Object(value, "stratification", path) is { } s)
            {
                var sp = $"{path}.stratification";
                var scores = new Dictionary<string, decimal>(StringComparer.Ordinal);
                if (Object(s, "scores", sp, required: false) is { } scoreObject)
                {
                    foreach (var score in scoreObject.EnumerateObject())
                    {
                        scores[score.Name] = NumberValue(score.Value, $"{sp}.scores.{score.Name}");
                    }
                }

                stratification = new StaffStratification(Boolean(s, "validated", sp), scores);
            }

            VisitTarget? target = null;
            if (Object(value, "target", path, required: false) is { } t)
            {
                target = new VisitTarget(Number(t, "jkn", $"{path}.target"), Number(t, "nonJkn", $"{path}.target"));
            }

            return staff with
            {
                Stratification = stratification,
                Target = target,
                Perikatan = OptionalBoolean(value, "perikatan", path) ?? false,
            };
        }

        return staff with
        {
            Points = OptionalNumber(value, "points", path) ?? 0,
            Performance = OptionalNumber(value, "performance", path) ?? 1,
        };
    }

    public QualityRow? Quality(JsonElement value, string path) =>
        IsObject(value, path)
            ? new QualityRow(String(value, "staffId", path) ?? "", String(value, "indicator", path) ?? "", Number(value, "numerator", path), Number(value, "denominator", path))
            : null;

    public AddedValueRow? AddedValue(JsonElement value, string path) =>
        IsObject(value, path)
            ? new AddedValueRow(String(value, "staffId", path) ?? "", String(value, "activity", path) ?? "", Integer(value, "count", path))
            : null;

    public DutyRow? Duty(JsonElement value, string path) =>
        IsObject(value, path)
            ? new DutyRow(String(value, "staffId", path) ?? "", String(value, "shift", path) ?? "", Integer(value, "count", path))
            : null;

    public bool IsObject(JsonElement value, string path)
    {
        if (value.ValueKind == JsonValueKind.Object)
        {
            return true;
        }

        errors.Add(new(path, Messages.NotObject));
        return false;
    }

    private IReadOnlyList<T> List<T>(JsonElement parent, string name, string path, Func<JsonElement, string, T> item, bool required = true)
    {
        var listPath = $"{path}.{name}";
        if (!Present(parent, name, listPath, required, out var value))
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new(listPath, Messages.NotArray));
            return [];
        }

        var list = new List<T>(value.GetArrayLength());
        var i = 0;
        foreach (var element in value.EnumerateArray())
        {
            var itemPath = $"{listPath}[{i++}]";
            if (IsObject(element, itemPath))
            {
                list.Add(item(element, itemPath));
            }
        }

        return list;
    }

    private JsonElement? Object(JsonElement parent, string name, string path, bool required = true)
    {
        var objectPath = $"{path}.{name}";
        if (!Present(parent, name, objectPath, required, out var value))
        {
            return null;
        }

        return IsObject(value, objectPath) ? value : null;
    }

    private string? String(JsonElement parent, string name, string path, bool required = true)
    {
        var valuePath = $"{path}.{name}";
        if (!Present(parent, name, valuePath, required, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            errors.Add(new(valuePath, Messages.NotString));
            return null;
        }

        var text = value.GetString();
        if (required && string.IsNullOrEmpty(text))
        {
            errors.Add(new(valuePath, Messages.Required));
        }

        return text;
    }

    private decimal Number(JsonElement parent, string name, string path) =>
        Present(parent, name, $"{path}.{name}", required: true, out var value) ? NumberValue(value, $"{path}.{name}") : 0;

    private decimal? OptionalNumber(JsonElement parent, string name, string path) =>
        Present(parent, name, $"{path}.{name}", required: false, out var value) ? NumberValue(value, $"{path}.{name}") : null;

    private decimal NumberValue(JsonElement value, string path)
    {
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number))
        {
            return number;
        }

        errors.Add(new(path, Messages.NotNumber));
        return 0;
    }

    private long Integer(JsonElement parent, string name, string path)
    {
        var valuePath = $"{path}.{name}";
        if (!Present(parent, name, valuePath, required: true, out var value))
        {
            return 0;
        }

        if (value.ValueKind != JsonValueKind.Number)
        {
            errors.Add(new(valuePath, Messages.NotNumber));
            return 0;
        }

        if (!value.TryGetInt64(out var integer))
        {
            errors.Add(new(valuePath, Messages.NotWhole));
            return 0;
        }

        return integer;
    }

    private bool Boolean(JsonElement parent, string name, string path) => OptionalBoolean(parent, name, path, required: true) ?? false;

    private bool? OptionalBoolean(JsonElement parent, string name, string path, bool required = false)
    {
        var valuePath = $"{path}.{name}";
        if (!Present(parent, name, valuePath, required, out var value))
        {
            return null;
        }

        if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            errors.Add(new(valuePath, Messages.NotBoolean));
            return null;
        }

        return value.GetBoolean();
    }

    /// <summary>A property given as <c>null</c> counts as absent.</summary>
    private bool Present(JsonElement parent, string name, string path, bool required, out JsonElement value)
    {
        if (parent.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null)
        {
            return true;
        }

        if (required)
        {
            errors.Add(new(path, Messages.Required));
        }

        return false;
    }
}
