using System.Globalization;
using MiniExcelLibs;
using Sylvan.Data.Csv;

namespace Kinerja.Data.Remunerasi.Imports;

/// <summary>One row of an import: its line number in the file (the header is line 1) and its cells by column name.</summary>
public sealed class TabularRow(int line, IReadOnlyDictionary<string, string?> cells)
{
    public int Line { get; } = line;

    /// <summary>Whether the file has this column at all (an absent column leaves the stored value as it is).</summary>
    public bool Has(string column) => cells.ContainsKey(column);

    /// <summary>The cell's text, trimmed; null when the column is absent or the cell empty.</summary>
    public string? this[string column] =>
        cells.TryGetValue(column, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}

/// <summary>A rejected row: where (line, column) and why, in Indonesian and English.</summary>
public sealed record ImportError(int Line, string Column, string Message, string English)
{
    public override string ToString() => $"baris {Line}, kolom {Column}: {Message}";
}

/// <summary>Thrown while reading when the file itself is unusable (not CSV/xlsx, missing columns).</summary>
public sealed class ImportFileException(ImportError error) : Exception(error.Message)
{
    public ImportError Error { get; } = error;
}

/// <summary>Reads CSV (any of , ; tab |, detected from the header) or .xlsx (the first sheet) as rows, streamed.</summary>
public static class TabularReader
{
    public static bool IsExcel(string? fileName) =>
        fileName is not null && fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase);

    /// <summary>The rows of <paramref name="stream"/>; checks first that every one of <paramref name="columns"/> is in the header.</summary>
    public static IEnumerable<TabularRow> Read(Stream stream, string? fileName, IReadOnlyList<string> columns)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(columns);
        if (fileName is not null && !IsExcel(fileName) && !fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)
            && !fileName.EndsWith(".txt", StringComparison.OrdinalIgnoreCase))
        {
            throw new ImportFileException(new ImportError(0, "", "Berkas harus CSV (.csv) atau Excel (.xlsx).", "The file must be CSV (.csv) or Excel (.xlsx)."));
        }

        return IsExcel(fileName) ? ReadExcel(stream, columns) : ReadCsv(stream, columns);
    }

    static IEnumerable<TabularRow> ReadCsv(Stream stream, IReadOnlyList<string> columns)
    {
        using var text = new StreamReader(stream, leaveOpen: true);
        CsvDataReader csv;
        try
        {
            csv = CsvDataReader.Create(text, new CsvDataReaderOptions { HasHeaders = true, HeaderComparer = StringComparer.OrdinalIgnoreCase });
        }
        catch (CsvMissingHeadersException)
        {
            throw new ImportFileException(new ImportError(1, "", "Berkas kosong: baris judul kolom tidak ada.", "Empty file: no header row."));
        }

        using (csv)
        {
            var names = Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetName(i).Trim()).ToArray();
            CheckHeader(names, columns);
            while (csv.Read())
            {
                var cells = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
                for (var i = 0; i < Math.Min(names.Length, csv.RowFieldCount); i++)
                    cells[names[i]] = csv.GetString(i);
                if (cells.Values.All(string.IsNullOrWhiteSpace))
                    continue;
                // RowNumber counts the records after the header (1 = the first data row); the header is line 1.
                yield return new TabularRow(csv.RowNumber + 1, cells);
            }
        }
    }

    static IEnumerable<TabularRow> ReadExcel(Stream stream, IReadOnlyList<string> columns)
    {
        IEnumerable<dynamic> rows;
        try
        {
            rows = stream.Query(useHeaderRow: true, excelType: ExcelType.XLSX);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or InvalidOperationException)
        {
            throw new ImportFileException(new ImportError(0, "", "Berkas Excel tidak dapat dibaca (.xlsx).", "The Excel file (.xlsx) cannot be read."));
        }

        var line = 1;
        var checkedHeader = false;
        foreach (IDictionary<string, object?> row in rows)
        {
            line++;
            if (!checkedHeader)
            {
                CheckHeader(row.Keys.Select(k => k.Trim()).ToArray(), columns);
                checkedHeader = true;
            }

            var cells = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            foreach (var (key, value) in row)
                cells[key.Trim()] = Text(value);
            if (cells.Values.All(string.IsNullOrWhiteSpace))
                continue;
            yield return new TabularRow(line, cells);
        }
    }

    // Excel gives typed cells: dates, numbers and booleans become the text a CSV would hold.
    static string? Text(object? value) => value switch
    {
        null => null,
        DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    static void CheckHeader(string[] names, IReadOnlyList<string> columns)
    {
        var missing = columns.Where(c => !names.Contains(c, StringComparer.OrdinalIgnoreCase)).ToList();
        if (missing.Count > 0)
            throw new ImportFileException(new ImportError(1, string.Join(", ", missing),
                $"Kolom wajib tidak ada di baris judul: {string.Join(", ", missing)}. Kolom yang diharapkan: {string.Join(",", columns)}.",
                $"Required columns missing from the header: {string.Join(", ", missing)}. Expected columns: {string.Join(",", columns)}."));
    }
}
