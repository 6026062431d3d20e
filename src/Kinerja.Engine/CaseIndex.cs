namespace Kinerja.Engine;

/// <summary>
/// Lookups a case's rows are checked and summed against: staff by id, rule codes by code (first occurrence
/// wins; duplicates are reported by <see cref="CaseValidator"/>).
/// </summary>
internal sealed class CaseIndex
{
    public CaseIndex(IReadOnlyList<Staff>? staff, Rules? rules)
    {
        Staff = staff ?? [];
        StaffById = IndexOf(Staff, s => s?.Id);
        ServiceByCode = IndexOf(rules?.Services, r => r?.Code);
        CriterionByCode = IndexOf(rules?.Stratification?.Criteria, r => r?.Code);
        IndicatorByCode = IndexOf(rules?.Quality?.Indicators, r => r?.Code);
        ActivityByCode = IndexOf(rules?.AddedValue?.Activities, r => r?.Code);
        DutyByCode = IndexOf(rules?.Duty, r => r?.Code);
    }

    public IReadOnlyList<Staff> Staff { get; }

    public Dictionary<string, int> StaffById { get; }

    public Dictionary<string, int> ServiceByCode { get; }

    public Dictionary<string, int> CriterionByCode { get; }

    public Dictionary<string, int> IndicatorByCode { get; }

    public Dictionary<string, int> ActivityByCode { get; }

    public Dictionary<string, int> DutyByCode { get; }

    public bool IsMedis(int staffIndex) => Staff[staffIndex]?.IsMedis == true;

    private static Dictionary<string, int> IndexOf<T>(IReadOnlyList<T>? items, Func<T, string?> key)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        if (items is null)
        {
            return index;
        }

        for (var i = 0; i < items.Count; i++)
        {
            if (key(items[i]) is { Length: > 0 } k)
            {
                index.TryAdd(k, i);
            }
        }

        return index;
    }
}

/// <summary>
/// Quantities of service lines summed per (staff, service, payer): everything calculation.md §6.1 and §6.5 need.
/// Quantities are integers, so long sums are exact; rates are applied once per sum, not once per line.
/// </summary>
internal sealed class ServiceSums
{
    private const long DenseLimit = 1 << 23;
    private readonly int _services;
    private readonly long[]? _dense;
    private readonly Dictionary<long, long>? _sparse;

    public ServiceSums(int staffCount, int serviceCount)
    {
        _services = Math.Max(serviceCount, 1);
        if ((long)staffCount * _services * 2 <= DenseLimit)
        {
            _dense = new long[staffCount * _services * 2];
        }
        else
        {
            _sparse = [];
        }
    }

    public void Add(int staff, int service, Payer payer, long quantity)
    {
        var slot = (((long)staff * _services) + service) * 2 + (int)payer;
        if (_dense is not null)
        {
            _dense[slot] = checked(_dense[slot] + quantity);
        }
        else
        {
            ref var sum = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_sparse!, slot, out _);
            sum = checked(sum + quantity);
        }
    }

    /// <summary>The sums of one staff member: (service, payer, quantity), quantity above 0.</summary>
    public IEnumerable<(int Service, Payer Payer, long Quantity)> Of(int staff)
    {
        if (_dense is not null)
        {
            var start = staff * _services * 2;
            for (var i = 0; i < _services * 2; i++)
            {
                if (_dense[start + i] != 0)
                {
                    yield return (i / 2, (Payer)(i % 2), _dense[start + i]);
                }
            }

            yield break;
        }

        for (var service = 0; service < _services; service++)
        {
            for (var payer = 0; payer < 2; payer++)
            {
                var slot = (((long)staff * _services) + service) * 2 + payer;
                if (_sparse!.TryGetValue(slot, out var quantity) && quantity != 0)
                {
                    yield return (service, (Payer)payer, quantity);
                }
            }
        }
    }
}
