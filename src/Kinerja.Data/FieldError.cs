namespace Kinerja.Data;

/// <summary>
/// A problem with one field of an administration form or CLI option, in both languages: the same rule answers the web
/// page (in the user's language) and the CLI (Indonesian, then English). <see cref="Field"/> is the input's property
/// name; empty when the problem is about no single field.
/// </summary>
public sealed record FieldError(string Field, string Indonesian, string English)
{
    public string Message(bool english) => english ? English : Indonesian;

    public override string ToString() => $"{Indonesian} / {English}";
}

/// <summary>Collects <see cref="FieldError"/>s and reads typed text with the same required/length messages everywhere.</summary>
sealed class FieldErrors
{
    public List<FieldError> List { get; } = [];

    public bool Ok => List.Count == 0;

    public void Add(string field, string indonesian, string english) => List.Add(new FieldError(field, indonesian, english));

    /// <summary>Trimmed text, null when blank; an error when required and blank or when longer than <paramref name="maxLength"/>.</summary>
    public string? Text(string field, string label, string labelEn, string? text, int maxLength, bool required = false)
    {
        var value = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        if (value is null && required)
            Add(field, $"{label} wajib diisi.", $"{labelEn} is required.");
        else if (value is not null && value.Length > maxLength)
            Add(field, $"{label} paling banyak {maxLength} karakter.", $"{labelEn} is at most {maxLength} characters.");
        return value;
    }
}
