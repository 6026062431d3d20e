namespace Kinerja.Engine;

/// <summary>
/// One problem of a case: <see cref="Path"/> is the JSON path of the offending value (<c>services[3].staffId</c>),
/// <see cref="Message"/> is in Indonesian, or English when the current UI culture is English (calculation.md §5).
/// </summary>
public sealed record CaseError(string Path, string Message);

/// <summary>Thrown by <see cref="Calculator"/> for a case that does not pass <see cref="CaseValidator"/>.</summary>
public sealed class InvalidCaseException : Exception
{
    public InvalidCaseException()
        : this([])
    {
    }

    public InvalidCaseException(string message)
        : base(message) => Errors = [];

    public InvalidCaseException(string message, Exception innerException)
        : base(message, innerException) => Errors = [];

    public InvalidCaseException(IReadOnlyList<CaseError> errors)
        : base(Describe(errors)) => Errors = errors;

    public IReadOnlyList<CaseError> Errors { get; }

    private static string Describe(IReadOnlyList<CaseError> errors) =>
        errors.Count == 0
            ? "The case is invalid."
            : $"The case is invalid ({errors.Count} error(s)); first: {errors[0].Path}: {errors[0].Message}";
}

/// <summary>
/// Puts errors in the order of the case format (version, period, rules, staff, services, quality, addedValue,
/// duty), then by row, keeping the order found within a row: the same case gives the same list however its
/// JSON properties happen to be ordered.
/// </summary>
internal static class ErrorOrder
{
    private static readonly string[] Sections = ["$", "version", "period", "hospital", "rules", "staff", "services", "quality", "addedValue", "duty"];

    public static List<CaseError> Sort(IEnumerable<CaseError> errors) =>
        [.. errors.Select((error, found) => (error, found)).OrderBy(e => Key(e.error.Path)).ThenBy(e => e.found).Select(e => e.error)];

    private static (int Section, long Row) Key(string path)
    {
        var end = path.IndexOfAny(['.', '[']);
        var section = Array.IndexOf(Sections, end < 0 ? path : path[..end]);
        var row = -1L;
        if (end >= 0 && path[end] == '[')
        {
            var close = path.IndexOf(']', end);
            if (close > end && long.TryParse(path.AsSpan(end + 1, close - end - 1), out var index))
            {
                row = index;
            }
        }

        return (section < 0 ? Sections.Length : section, row);
    }
}
