using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Kinerja.IntegrationTests.Infrastructure;

/// <summary>
/// The text of a PDF as a reader sees it, through poppler's pdftotext (Debian's poppler-utils, which .ci/run
/// installs): the PDF's own strings are escaped and split by position, so reading the bytes would test the writer.
/// </summary>
static partial class PdfText
{
    public static async Task<string> OfAsync(byte[] pdf, CancellationToken cancellationToken)
    {
        var path = Path.Combine(Path.GetTempPath(), $"kinerja-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(path, pdf, cancellationToken);
        try
        {
            var start = new ProcessStartInfo("pdftotext") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in new[] { "-layout", "-enc", "UTF-8", path, "-" })
                start.ArgumentList.Add(argument);
            using var process = Process.Start(start)!;
            var text = await process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = await process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            Assert.True(process.ExitCode == 0, $"pdftotext failed: {error}");
            // Lines as laid out (a label and its amount on one line), then one text: a wrapped paragraph reads on.
            return Whitespace().Replace(text, " ").Trim();
        }
        finally
        {
            File.Delete(path);
        }
    }

    [GeneratedRegex("\\s+")]
    private static partial Regex Whitespace();
}
