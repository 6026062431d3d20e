using System.Globalization;
using System.Text.Json;

namespace Kinerja.Engine.Tests;

/// <summary>
/// The examples of calculation.md §10, read where they live (shared/spec/examples beside the repository), never
/// copied, and the field-by-field comparison of a result with its expected file.
/// </summary>
internal static class Examples
{
    private static readonly Lazy<string> Folder = new(Locate);

    public static string Directory => Folder.Value;

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var file in System.IO.Directory.GetFiles(Directory, "*.case.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file)[..^".case.json".Length]);
        }

        return data;
    }

    public static string CasePath(string name) => Path.Combine(Directory, $"{name}.case.json");

    public static string ExpectedPath(string name) => Path.Combine(Directory, $"{name}.expected.json");

    /// <summary>
    /// KINERJA_EXAMPLES when set; else walks up from the test binaries to the folder holding <c>shared/spec/examples</c>
    /// (or a sibling <c>shared</c>); else the workplace's /work/shared. Missing examples fail the tests: they are the spec.
    /// </summary>
    private static string Locate()
    {
        if (Environment.GetEnvironmentVariable("KINERJA_EXAMPLES") is { Length: > 0 } configured)
        {
            return configured;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var inside = Path.Combine(dir.FullName, "shared", "spec", "examples");
            if (System.IO.Directory.Exists(inside))
            {
                return inside;
            }

            if (dir.Parent is { } parent)
            {
                var sibling = Path.Combine(parent.FullName, "shared", "spec", "examples");
                if (System.IO.Directory.Exists(sibling))
                {
                    return sibling;
                }
            }
        }

        const string workplace = "/work/shared/spec/examples";
        return System.IO.Directory.Exists(workplace)
            ? workplace
            : throw new DirectoryNotFoundException($"No shared/spec/examples above {AppContext.BaseDirectory}; set KINERJA_EXAMPLES.");
    }

    /// <summary>Every field of <paramref name="expected"/> in <paramref name="actual"/>, numbers compared as numbers.</summary>
    public static void AssertSame(JsonElement expected, JsonElement actual, string path = "$")
    {
        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                Assert.True(actual.ValueKind == JsonValueKind.Object, $"{path}: expected an object, got {actual.ValueKind}");
                var expectedNames = expected.EnumerateObject().Select(p => p.Name).ToList();
                var actualNames = actual.EnumerateObject().Select(p => p.Name).ToList();
                Assert.True(expectedNames.Order().SequenceEqual(actualNames.Order()), $"{path}: fields {string.Join(",", actualNames)} instead of {string.Join(",", expectedNames)}");
                foreach (var property in expected.EnumerateObject())
                {
                    AssertSame(property.Value, actual.GetProperty(property.Name), $"{path}.{property.Name}");
                }

                break;
            case JsonValueKind.Array:
                Assert.True(actual.ValueKind == JsonValueKind.Array, $"{path}: expected an array, got {actual.ValueKind}");
                Assert.True(expected.GetArrayLength() == actual.GetArrayLength(), $"{path}: {actual.GetArrayLength()} items instead of {expected.GetArrayLength()}");
                for (var i = 0; i < expected.GetArrayLength(); i++)
                {
                    AssertSame(expected[i], actual[i], $"{path}[{i}]");
                }

                break;
            case JsonValueKind.Number:
                Assert.True(actual.ValueKind == JsonValueKind.Number, $"{path}: expected a number, got {actual.ValueKind}");
                Assert.True(expected.GetDecimal() == actual.GetDecimal(), $"{path}: {actual.GetDecimal().ToString(CultureInfo.InvariantCulture)} instead of {expected.GetDecimal().ToString(CultureInfo.InvariantCulture)}");
                break;
            default:
                Assert.True(expected.ValueKind == actual.ValueKind, $"{path}: {actual.ValueKind} instead of {expected.ValueKind}");
                Assert.True(expected.GetRawText() == actual.GetRawText(), $"{path}: {actual.GetRawText()} instead of {expected.GetRawText()}");
                break;
        }
    }
}
