using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace Kinerja.Engine.Json;

/// <summary>
/// Reads a case in one streamed pass (calculation.md §2): the small parts become records, the service lines are
/// checked and summed per (staff, service, payer) as they pass, so memory does not grow with the line count
/// beyond an id table for the duplicate check. Properties may come in any order: lines met before
/// <c>period</c>, <c>rules</c> or <c>staff</c> are remembered compactly and checked once those are known.
/// </summary>
internal sealed class CaseJsonReader : IDisposable
{
    private const int Unresolved = -2;
    private const int UnknownStaff = -1;
    private const int NotMedisStaff = -3;

    private readonly JsonSource _source;
    private readonly List<CaseError> _errors = [];
    private readonly CaseBinder _binder;
    private readonly HashSet<string> _seenProperties = new(StringComparer.Ordinal);

    private int? _version;
    private Period _period;
    private bool _periodRead;
    private int _firstDay;
    private int _lastDay;
    private Hospital? _hospital;
    private Rules? _rules;
    private List<Staff>? _staff;
    private List<QualityRow>? _quality;
    private List<AddedValueRow>? _addedValue;
    private List<DutyRow>? _duty;
    private bool _servicesRead;

    // Service lines.
    private readonly LineIdSet _lineIds = new();
    private readonly Utf8KeyTable _staffKeys = new();
    private readonly Utf8KeyTable _serviceKeys = new();
    private int[] _staffOfKey = new int[64];
    private int[] _serviceOfKey = new int[64];
    private readonly SumTable _sums = new();
    private long[]?[] _sumRows = new long[]?[64];
    private ulong _monthPrefix;
    private int _monthStartDay;
    private int _monthDays;
    private CaseIndex? _index;
    private int[] _deferred = new int[1024];
    private int _deferredCount;
    private byte[] _scratch = new byte[256];
    private long _lineCount;

    public CaseJsonReader(Stream stream, bool? readAhead = null, int bufferSize = 1 << 20, int blockSize = 1 << 18)
    {
        _source = new JsonSource(stream, bufferSize, readAhead, blockSize);
        _binder = new CaseBinder(_errors);
    }

    /// <summary>Stops the read-ahead thread, if any (also when reading ended with an exception).</summary>
    public void Dispose() => _source.Dispose();

    public CaseReadResult Read()
    {
        var reader = _source.Reader();
        Next(ref reader);
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            _errors.Add(new("$", Messages.CaseNotObject));
            return new CaseReadResult(null, _errors);
        }

        while (true)
        {
            Next(ref reader);
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                break;
            }

            var name = reader.GetString()!;
            if (!_seenProperties.Add(name))
            {
                _errors.Add(new(name, Messages.DuplicateProperty));
                Skip(ref reader);
                continue;
            }

            switch (name)
            {
                case "version":
                    _version = _binder.Version(Parsed(ref reader));
                    break;
                case "period":
                    _period = _binder.Period(Parsed(ref reader));
                    _periodRead = true;
                    if (_period.Months != 0)
                    {
                        (_firstDay, _lastDay) = (_period.Start.DayNumber, _period.End.DayNumber);
                    }

                    break;
                case "hospital":
                    _hospital = _binder.Hospital(Parsed(ref reader));
                    break;
                case "rules":
                    _rules = _binder.Rules(Parsed(ref reader));
                    break;
                case "staff":
                    _staff = Rows(ref reader, "staff", _binder.Staff);
                    break;
                case "quality":
                    _quality = Rows(ref reader, "quality", _binder.Quality);
                    break;
                case "addedValue":
                    _addedValue = Rows(ref reader, "addedValue", _binder.AddedValue);
                    break;
                case "duty":
                    _duty = Rows(ref reader, "duty", _binder.Duty);
                    break;
                case "services":
                    Services(ref reader);
                    break;
                default:
                    // Unknown properties are allowed: more fields may be added to the format.
                    Skip(ref reader);
                    break;
            }
        }

        // Nothing but white space may follow the case object; the reader throws on anything else.
        while (!reader.Read() && !_source.IsFinal)
        {
            _source.Refill(ref reader);
        }

        return Finish();
    }

    private CaseReadResult Finish()
    {
        if (_version is null)
        {
            _errors.Add(new("version", Messages.Required));
        }

        if (!_periodRead)
        {
            _errors.Add(new("period", Messages.Required));
        }

        if (_rules is null && !_seenProperties.Contains("rules"))
        {
            _errors.Add(new("rules", Messages.Required));
        }

        if (_staff is null && !_seenProperties.Contains("staff"))
        {
            _errors.Add(new("staff", Messages.Required));
        }

        if (!_servicesRead && !_seenProperties.Contains("services"))
        {
            _errors.Add(new("services", Messages.Required));
        }

        var @case = new Case(
            _version ?? -1, _period, _hospital, _rules!, (IReadOnlyList<Staff>?)_staff ?? [], [],
            (IReadOnlyList<QualityRow>?)_quality ?? [], (IReadOnlyList<AddedValueRow>?)_addedValue ?? [], (IReadOnlyList<DutyRow>?)_duty ?? []);

        var semantic = new List<CaseError>();
        var index = CaseValidator.ValidateHeader(@case, semantic);
        CaseValidator.ValidateRows(@case, index, semantic);
        CheckDeferredLines(index, semantic);

        // A field the binder already found missing or malformed is not reported again by the validator.
        var paths = new HashSet<string>(_errors.Select(e => e.Path), StringComparer.Ordinal);
        var errors = new List<CaseError>(_errors);
        foreach (var error in semantic)
        {
            if (paths.Add(error.Path))
            {
                errors.Add(error);
            }
        }

        if (errors.Count > 0)
        {
            return new CaseReadResult(null, ErrorOrder.Sort(errors));
        }

        var totals = new List<ServiceTotal>();
        var staffNames = new string[_staffKeys.Count];
        var serviceNames = new string[_serviceKeys.Count];
        for (var staff = 0; staff < _sumRows.Length; staff++)
        {
            if (_sumRows[staff] is not { } row)
            {
                continue;
            }

            for (var slot = 0; slot < row.Length; slot++)
            {
                if (row[slot] != 0)
                {
                    totals.Add(new ServiceTotal(
                        staffNames[staff] ??= _staffKeys.KeyString(staff),
                        serviceNames[slot / 2] ??= _serviceKeys.KeyString(slot / 2),
                        (Payer)(slot % 2),
                        row[slot]));
                }
            }
        }

        foreach (var (mixed, quantity) in _sums.Entries())
        {
            var key = unchecked((mixed * SumKeyInverse) - 1);
            var staff = (int)(key >> 33);
            var service = (int)((key >> 1) & 0xFFFFFFFF);
            totals.Add(new ServiceTotal(
                staffNames[staff] ??= _staffKeys.KeyString(staff),
                serviceNames[service] ??= _serviceKeys.KeyString(service),
                (Payer)(key & 1),
                quantity));
        }

        return new CaseReadResult(new CaseDocument(@case, totals, _lineCount), []);
    }

    /// <summary>The service lines: the hot loop of a large case, so no string or object per line.</summary>
    private void Services(ref Utf8JsonReader reader)
    {
        _servicesRead = true;
        Next(ref reader);
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            _errors.Add(new("services", Messages.NotArray));
            SkipCurrent(ref reader);
            return;
        }

        // Lines can be checked on the spot only when what they name is already known.
        if (_periodRead && _rules is not null && _staff is not null)
        {
            _index = new CaseIndex(_staff, _rules);
        }

        var line = 0;
        while (true)
        {
            Next(ref reader);
            if (reader.TokenType == JsonTokenType.EndArray)
            {
                break;
            }

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                _errors.Add(new($"services[{line}]", Messages.NotObject));
                SkipCurrent(ref reader);
            }
            else
            {
                Line(ref reader, line);
            }

            line++;
        }

        _lineCount = line;
    }

    // A line field is absent (reported as missing at the end), fine, or malformed (reported where it was read).
    private const int Absent = 0;
    private const int Fine = 1;
    private const int Bad = 2;

    // Hot: once per line of millions, so compiled optimized at once instead of first running unoptimized while
    // tiered compilation waits to see it is hot (docs/performance.md).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Line(ref Utf8JsonReader reader, int line)
    {
        int id = Absent, staffId = Absent, serviceCode = Absent, payerState = Absent, quantityState = Absent, date = Absent;
        var staff = -1;
        var service = -1;
        var payer = Payer.Jkn;
        var quantity = 0L;
        var day = int.MinValue;

        while (true)
        {
            Next(ref reader);
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                break;
            }

            var property = LineProperty(ref reader);
            if (property == LinePropertyId)
            {
                Next(ref reader);
                id = String(ref reader, line, "id", out var value);
                if (id == Fine && _lineIds.Add(value, line) is >= 0 and var first)
                {
                    id = DuplicateId(line, value, first);
                }
            }
            else if (property == LinePropertyStaffId)
            {
                Next(ref reader);
                staffId = String(ref reader, line, "staffId", out var value);
                if (staffId == Fine)
                {
                    staff = Intern(_staffKeys, ref _staffOfKey, value);
                }
            }
            else if (property == LinePropertyService)
            {
                Next(ref reader);
                serviceCode = String(ref reader, line, "service", out var value);
                if (serviceCode == Fine)
                {
                    service = Intern(_serviceKeys, ref _serviceOfKey, value);
                }
            }
            else if (property == LinePropertyPayer)
            {
                Next(ref reader);
                if (reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped && reader.ValueSpan is var raw
                    && (raw.Length == 3 ? raw.SequenceEqual("JKN"u8) : raw.Length == 7 && raw.SequenceEqual("NON_JKN"u8)))
                {
                    (payer, payerState) = (raw.Length == 3 ? Payer.Jkn : Payer.NonJkn, Fine);
                }
                else if (reader.TokenType == JsonTokenType.Null)
                {
                    payerState = Absent;
                }
                else if (reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("JKN"u8))
                {
                    (payer, payerState) = (Payer.Jkn, Fine);
                }
                else if (reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("NON_JKN"u8))
                {
                    (payer, payerState) = (Payer.NonJkn, Fine);
                }
                else
                {
                    LineError(line, "payer", Messages.UnknownPayer(Text(ref reader)));
                    payerState = Bad;
                    SkipCurrent(ref reader);
                }
            }
            else if (property == LinePropertyQuantity)
            {
                Next(ref reader);
                quantityState = Bad;
                if (reader.TokenType == JsonTokenType.Number && TrySmallWhole(reader.ValueSpan, out quantity))
                {
                    // Plain digits (the reader has checked the number's syntax): no call into the parser.
                    quantityState = quantity < 1 ? QuantityBelowOne(line) : Fine;
                }
                else if (reader.TokenType == JsonTokenType.Null)
                {
                    quantityState = Absent;
                }
                else if (reader.TokenType != JsonTokenType.Number)
                {
                    LineError(line, "quantity", Messages.NotNumber);
                    SkipCurrent(ref reader);
                }
                else if (!reader.TryGetInt64(out quantity))
                {
                    LineError(line, "quantity", Messages.NotWhole);
                }
                else if (quantity < 1)
                {
                    LineError(line, "quantity", Messages.AtLeastOne);
                }
                else
                {
                    quantityState = Fine;
                }
            }
            else if (property == LinePropertyDate)
            {
                Next(ref reader);
                date = String(ref reader, line, "date", out var value);
                if (date == Fine && !DayOf(value, out day))
                {
                    LineError(line, "date", Messages.MalformedDate(Encoding.UTF8.GetString(value)));
                    date = Bad;
                }
            }
            else if (property == LinePropertyWorkingHours)
            {
                // Carried by the SIMRS but not used by §6: fee for service is paid in and out of working hours.
                Next(ref reader);
                if (reader.TokenType is not (JsonTokenType.True or JsonTokenType.False or JsonTokenType.Null))
                {
                    LineError(line, "workingHours", Messages.NotBoolean);
                    SkipCurrent(ref reader);
                }
            }
            else
            {
                Skip(ref reader);
            }
        }

        // The common case first: every field present and well-formed, staff and code already resolved.
        bool fine;
        if (id == Fine && date == Fine && staffId == Fine && serviceCode == Fine && payerState == Fine && quantityState == Fine)
        {
            fine = true;
        }
        else
        {
            fine = false;
            Required(line, "id", id);
            Required(line, "date", date);
            Required(line, "staffId", staffId);
            Required(line, "service", serviceCode);
            Required(line, "payer", payerState);
            Required(line, "quantity", quantityState);
        }

        if (staff >= 0 && service >= 0)
        {
            if (_index is null)
            {
                Defer(line, staff, service, day);
            }
            else if (_staffOfKey[staff] < 0 || _serviceOfKey[service] < 0 || day < _firstDay || day > _lastDay)
            {
                CheckLine(_index, line, staff, service, day, _errors);
            }
        }

        if (fine)
        {
            AddSum(staff, service, payer, quantity);
        }
    }

    /// <summary>An error of a line's field; out of line so the hot loop stays small.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void LineError(int line, string field, string message) => _errors.Add(new($"services[{line}].{field}", message));

    [MethodImpl(MethodImplOptions.NoInlining)]
    private int DuplicateId(int line, ReadOnlySpan<byte> value, int first)
    {
        LineError(line, "id", Messages.Duplicate(Encoding.UTF8.GetString(value), $"services[{first}].id"));
        return Bad;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private int QuantityBelowOne(int line)
    {
        LineError(line, "quantity", Messages.AtLeastOne);
        return Bad;
    }

    /// <summary>A JSON number of at most 18 plain digits (no sign, fraction or exponent), as its value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TrySmallWhole(ReadOnlySpan<byte> text, out long value)
    {
        value = 0;
        if (text.Length is 0 or > 18)
        {
            return false;
        }

        foreach (var b in text)
        {
            var digit = (uint)(b - '0');
            if (digit > 9)
            {
                return false;
            }

            value = (value * 10) + digit;
        }

        return true;
    }

    // Sums: while there are few distinct staff ids and codes (every real case), one row of (code × payer) per
    // staff id, indexed directly: a case's rows fit in the CPU cache, where a hash table over the same sums
    // spread them over a megabyte and cost a cache miss a line (docs/performance.md). Beyond the limits (odd
    // cases with many unknown ids) the sums go to the hash table; a key always goes to the same one of the two.
    private const int DenseStaffLimit = 1 << 12;
    private const int DenseServiceLimit = 1 << 8;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void AddSum(int staff, int service, Payer payer, long quantity)
    {
        var rows = _sumRows;
        var slot = (service * 2) + (int)payer;
        if ((uint)staff < (uint)rows.Length && rows[staff] is { } row && (uint)slot < (uint)row.Length)
        {
            row[slot] = checked(row[slot] + quantity);
        }
        else
        {
            AddSumSlow(staff, service, payer, quantity);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void AddSumSlow(int staff, int service, Payer payer, long quantity)
    {
        if (staff >= DenseStaffLimit || service >= DenseServiceLimit)
        {
            _sums.Add(SumKey(staff, service, payer), quantity);
            return;
        }

        if (staff >= _sumRows.Length)
        {
            Array.Resize(ref _sumRows, Math.Min(DenseStaffLimit, Math.Max(staff + 1, _sumRows.Length * 2)));
        }

        ref var row = ref _sumRows[staff];
        var length = 2 * Math.Min(DenseServiceLimit, Math.Max(Math.Max(service + 1, _serviceKeys.Count), 32));
        if (row is null)
        {
            row = new long[length];
        }
        else if (row.Length < length)
        {
            Array.Resize(ref row, length);
        }

        var slot = (service * 2) + (int)payer;
        row[slot] = checked(row[slot] + quantity);
    }

    private const int LinePropertyOther = 0;
    private const int LinePropertyId = 1;
    private const int LinePropertyDate = 2;
    private const int LinePropertyStaffId = 3;
    private const int LinePropertyService = 4;
    private const int LinePropertyPayer = 5;
    private const int LinePropertyQuantity = 6;
    private const int LinePropertyWorkingHours = 7;

    /// <summary>Which line field a property name is: by length first, so most names cost one comparison.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int LineProperty(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped)
        {
            return reader.ValueTextEquals("id"u8) ? LinePropertyId
                : reader.ValueTextEquals("date"u8) ? LinePropertyDate
                : reader.ValueTextEquals("staffId"u8) ? LinePropertyStaffId
                : reader.ValueTextEquals("service"u8) ? LinePropertyService
                : reader.ValueTextEquals("payer"u8) ? LinePropertyPayer
                : reader.ValueTextEquals("quantity"u8) ? LinePropertyQuantity
                : reader.ValueTextEquals("workingHours"u8) ? LinePropertyWorkingHours
                : LinePropertyOther;
        }

        var name = reader.ValueSpan;
        switch (name.Length)
        {
            case 2:
                return BinaryPrimitives.ReadUInt16LittleEndian(name) == NameId ? LinePropertyId : LinePropertyOther;
            case 4:
                return BinaryPrimitives.ReadUInt32LittleEndian(name) == NameDate ? LinePropertyDate : LinePropertyOther;
            case 5:
                return BinaryPrimitives.ReadUInt32LittleEndian(name) == NamePaye && name[4] == (byte)'r' ? LinePropertyPayer : LinePropertyOther;
            case 7:
                // First four bytes and last four (overlapping): "staf"+"ffId", "serv"+"vice".
                var head = BinaryPrimitives.ReadUInt32LittleEndian(name);
                var tail = BinaryPrimitives.ReadUInt32LittleEndian(name[3..]);
                return head == NameStaf && tail == NameFfId ? LinePropertyStaffId
                    : head == NameServ && tail == NameVice ? LinePropertyService
                    : LinePropertyOther;
            case 8:
                return BinaryPrimitives.ReadUInt64LittleEndian(name) == NameQuantity ? LinePropertyQuantity : LinePropertyOther;
            case 12:
                return BinaryPrimitives.ReadUInt64LittleEndian(name) == NameWorkingH
                    && BinaryPrimitives.ReadUInt32LittleEndian(name[8..]) == NameOurs ? LinePropertyWorkingHours : LinePropertyOther;
            default:
                return LinePropertyOther;
        }
    }

    // Property name bytes as little-endian words (first bytes lowest).
    private const ushort NameId = 0x6469; // "id"
    private const uint NameDate = 0x65746164; // "date"
    private const uint NamePaye = 0x65796170; // "paye"
    private const uint NameStaf = 0x66617473; // "staf"
    private const uint NameFfId = 0x64496666; // "ffId"
    private const uint NameServ = 0x76726573; // "serv"
    private const uint NameVice = 0x65636976; // "vice"
    private const ulong NameQuantity = 0x797469746E617571; // "quantity"
    private const ulong NameWorkingH = 0x48676E696B726F77; // "workingH"
    private const uint NameOurs = 0x7372756F; // "ours"

    // A hash table slot from low ^ high 32 bits would fold (staff, service, payer) onto a few hundred slots;
    // multiplying by an odd constant (undone by its inverse mod 2^64) spreads the keys. Staff 0, service 0,
    // JKN would be key 0, the empty slot: the +1 below keeps every key non-zero.
    private const ulong SumKeyMultiplier = 0x9E3779B97F4A7C15;
    private static readonly long SumKeyInverse = unchecked((long)Inverse(SumKeyMultiplier));

    private static long SumKey(int staff, int service, Payer payer) =>
        unchecked((long)(((((ulong)staff << 33) | ((ulong)service << 1) | (ulong)payer) + 1) * SumKeyMultiplier));

    private static ulong Inverse(ulong odd)
    {
        var inverse = odd; // Newton's iteration doubles the correct low bits each step: 3, 6, 12, 24, 48, 96
        for (var i = 0; i < 5; i++)
        {
            inverse = unchecked(inverse * (2 - (odd * inverse)));
        }

        return inverse;
    }

    private void Required(int line, string field, int state)
    {
        if (state == Absent)
        {
            _errors.Add(new($"services[{line}].{field}", Messages.Required));
        }
    }

    /// <summary>§5 checks of a line against staff, codes and period.</summary>
    private void CheckLine(CaseIndex index, int line, int staffKey, int serviceKey, int day, List<CaseError> errors)
    {
        // Resolved once per distinct id: a staff index for MEDIS, else UnknownStaff or NotMedisStaff.
        var staff = _staffOfKey[staffKey];
        if (staff == Unresolved)
        {
            staff = _staffOfKey[staffKey] = !index.StaffById.TryGetValue(_staffKeys.KeyString(staffKey), out var s) ? UnknownStaff
                : index.IsMedis(s) ? s : NotMedisStaff;
        }

        if (staff == UnknownStaff)
        {
            errors.Add(new($"services[{line}].staffId", Messages.UnknownStaff(_staffKeys.KeyString(staffKey))));
        }
        else if (staff == NotMedisStaff)
        {
            errors.Add(new($"services[{line}].staffId", Messages.NotMedis(_staffKeys.KeyString(staffKey))));
        }

        var service = _serviceOfKey[serviceKey];
        if (service == Unresolved)
        {
            service = _serviceOfKey[serviceKey] = index.ServiceByCode.TryGetValue(_serviceKeys.KeyString(serviceKey), out var c) ? c : UnknownStaff;
        }

        if (service < 0)
        {
            errors.Add(new($"services[{line}].service", Messages.UnknownCode(_serviceKeys.KeyString(serviceKey), "rules.services")));
        }

        if (day != int.MinValue && _period.Months != 0 && (day < _firstDay || day > _lastDay))
        {
            var date = DateOnly.FromDayNumber(day);
            errors.Add(new($"services[{line}].date", Messages.DateOutsidePeriod(date, _period)));
        }
    }

    private void Defer(int line, int staff, int service, int day)
    {
        if (_deferredCount + 4 > _deferred.Length)
        {
            Array.Resize(ref _deferred, _deferred.Length * 2);
        }

        _deferred[_deferredCount++] = line;
        _deferred[_deferredCount++] = staff;
        _deferred[_deferredCount++] = service;
        _deferred[_deferredCount++] = day;
    }

    private void CheckDeferredLines(CaseIndex index, List<CaseError> errors)
    {
        for (var i = 0; i < _deferredCount; i += 4)
        {
            CheckLine(index, _deferred[i], _deferred[i + 1], _deferred[i + 2], _deferred[i + 3], errors);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Intern(Utf8KeyTable table, ref int[] resolved, ReadOnlySpan<byte> key)
    {
        var number = table.GetOrAdd(key, out var added);
        if (added)
        {
            if (number == resolved.Length)
            {
                Array.Resize(ref resolved, number * 2);
            }

            resolved[number] = Unresolved;
        }

        return number;
    }

    /// <summary>A required string value; its unescaped UTF-8 bytes stay valid until the next read.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int String(ref Utf8JsonReader reader, int line, string field, out ReadOnlySpan<byte> value)
    {
        value = default;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return Absent;
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            return NotString(ref reader, line, field);
        }

        value = reader.ValueIsEscaped ? Unescape(ref reader) : reader.ValueSpan;
        return value.IsEmpty ? Absent : Fine;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private int NotString(ref Utf8JsonReader reader, int line, string field)
    {
        _errors.Add(new($"services[{line}].{field}", Messages.NotString));
        SkipCurrent(ref reader);
        return Bad;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private ReadOnlySpan<byte> Unescape(ref Utf8JsonReader reader)
    {
        if (_scratch.Length < reader.ValueSpan.Length)
        {
            _scratch = new byte[reader.ValueSpan.Length];
        }

        return _scratch.AsSpan(0, reader.CopyString(_scratch));
    }

    private static string Text(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.String ? reader.GetString()! : Encoding.UTF8.GetString(reader.ValueSpan);

    /// <summary>
    /// <see cref="TryParseDate"/> with a shortcut: a date in the same month as the last one parsed is its first
    /// 8 bytes (<c>YYYY-MM-</c>) compared as one word, then a two-digit day within the month.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool DayOf(ReadOnlySpan<byte> text, out int day)
    {
        if (text.Length == 10 && BinaryPrimitives.ReadUInt64LittleEndian(text) == _monthPrefix)
        {
            var tens = (uint)(text[8] - '0');
            var ones = (uint)(text[9] - '0');
            var dayOfMonth = (int)((tens * 10) + ones);
            if (tens <= 9 && ones <= 9 && dayOfMonth >= 1 && dayOfMonth <= _monthDays)
            {
                day = _monthStartDay + dayOfMonth - 1;
                return true;
            }
        }

        return ParseDate(text, out day);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool ParseDate(ReadOnlySpan<byte> text, out int day)
    {
        if (!TryParseDate(text, out day))
        {
            return false;
        }

        var date = DateOnly.FromDayNumber(day);
        _monthPrefix = BinaryPrimitives.ReadUInt64LittleEndian(text);
        _monthStartDay = day - date.Day + 1;
        _monthDays = DateTime.DaysInMonth(date.Year, date.Month);
        return true;
    }

    /// <summary>Exactly <c>YYYY-MM-DD</c>, a real date; as a day number.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryParseDate(ReadOnlySpan<byte> text, out int day)
    {
        day = int.MinValue;
        if (text.Length != 10 || text[4] != (byte)'-' || text[7] != (byte)'-')
        {
            return false;
        }

        var year = 0;
        var month = 0;
        var dayOfMonth = 0;
        for (var i = 0; i < 10; i++)
        {
            if (i is 4 or 7)
            {
                continue;
            }

            var digit = text[i] - '0';
            if ((uint)digit > 9)
            {
                return false;
            }

            if (i < 4)
            {
                year = (year * 10) + digit;
            }
            else if (i < 7)
            {
                month = (month * 10) + digit;
            }
            else
            {
                dayOfMonth = (dayOfMonth * 10) + digit;
            }
        }

        if (year < 1 || month is < 1 or > 12 || dayOfMonth < 1 || dayOfMonth > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        day = new DateOnly(year, month, dayOfMonth).DayNumber;
        return true;
    }

    /// <summary>The rows of a small array, each parsed as a whole (they are few and small).</summary>
    private List<T>? Rows<T>(ref Utf8JsonReader reader, string path, Func<JsonElement, string, T?> bind)
        where T : class
    {
        Next(ref reader);
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            _errors.Add(new(path, Messages.NotArray));
            SkipCurrent(ref reader);
            return null;
        }

        var rows = new List<T>();
        for (var i = 0; ; i++)
        {
            using var document = Document(ref reader);
            if (document is null)
            {
                return rows;
            }

            if (bind(document.RootElement, $"{path}[{i}]") is { } row)
            {
                rows.Add(row);
            }
        }
    }

    /// <summary>
    /// The next value as an element that outlives its document (for the few top-level values); rows use
    /// <see cref="Document"/> and give their pooled memory back once bound.
    /// </summary>
    private JsonElement Parsed(ref Utf8JsonReader reader)
    {
        using var document = Document(ref reader);
        return document!.RootElement.Clone();
    }

    /// <summary>
    /// The next value, wholly buffered and parsed: <paramref name="reader"/> is on a property name or inside an
    /// array; null when the array ended instead. Dispose it: its buffers are pooled.
    /// </summary>
    private JsonDocument? Document(ref Utf8JsonReader reader)
    {
        _source.Commit(ref reader);
        while (true)
        {
            var probe = reader;
            if (probe.Read() && (probe.TokenType == JsonTokenType.EndArray || probe.TrySkip()))
            {
                break;
            }

            if (_source.IsFinal)
            {
                break; // incomplete in the final block: reading it for real below reports where
            }

            _source.Refill(ref reader);
        }

        Next(ref reader);
        return reader.TokenType == JsonTokenType.EndArray ? null : JsonDocument.ParseValue(ref reader);
    }

    /// <summary>Skips the value after a property name, however large, refilling as it goes.</summary>
    private void Skip(ref Utf8JsonReader reader)
    {
        Next(ref reader);
        SkipCurrent(ref reader);
    }

    /// <summary>Skips the children of the current token when it starts an object or array.</summary>
    private void SkipCurrent(ref Utf8JsonReader reader)
    {
        if (reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
        {
            return;
        }

        var depth = reader.CurrentDepth;
        do
        {
            Next(ref reader);
        }
        while (reader.CurrentDepth > depth || reader.TokenType is not (JsonTokenType.EndObject or JsonTokenType.EndArray));
    }

    /// <summary>The next token, refilling the window when the reader runs out: inlined, called ~15 times a line.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Next(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            Refill(ref reader);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Refill(ref Utf8JsonReader reader)
    {
        do
        {
            if (_source.IsFinal)
            {
                throw new JsonException("Unexpected end of the JSON data.");
            }

            _source.Refill(ref reader);
        }
        while (!reader.Read());
    }
}
