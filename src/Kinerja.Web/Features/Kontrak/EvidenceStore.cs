using Kinerja.Data;

namespace Kinerja.Web.Features.Kontrak;

/// <summary>
/// Evidence files of achievement reports: at most 5 MB, PDF, JPEG or PNG recognised by their first bytes
/// (not by the name a browser sends), kept under the data directory, never under wwwroot.
/// </summary>
public sealed class EvidenceStore(IConfiguration configuration)
{
    public const long MaxBytes = 5 * 1024 * 1024;

    static readonly (string ContentType, string Extension, byte[] Magic)[] Kinds =
    [
        ("application/pdf", ".pdf", "%PDF-"u8.ToArray()),
        ("image/jpeg", ".jpg", [0xFF, 0xD8, 0xFF]),
        ("image/png", ".png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
    ];

    string Directory => Path.Combine(DatabaseSettings.DataDirectory(configuration), "uploads", "kontrak");

    /// <summary>The file's kind, or null when it is none of the accepted ones.</summary>
    public static (string ContentType, string Extension)? Recognise(ReadOnlySpan<byte> head)
    {
        foreach (var kind in Kinds)
            if (head.StartsWith(kind.Magic))
                return (kind.ContentType, kind.Extension);
        return null;
    }

    /// <summary>Checks and stores an upload; returns the stored name and content type, or the reason it was refused (an Indonesian resource key).</summary>
    public async Task<(string? StoredName, string? ContentType, string? Error)> SaveAsync(IFormFile file, CancellationToken ct = default)
    {
        if (file.Length == 0)
            return (null, null, "Berkas bukti kosong.");
        if (file.Length > MaxBytes)
            return (null, null, "Berkas bukti lebih dari 5 MB.");
        await using var input = file.OpenReadStream();
        var head = new byte[8];
        var read = await input.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        if (Recognise(head.AsSpan(0, read)) is not var (contentType, extension))
            return (null, null, "Bukti harus berkas PDF, JPEG atau PNG.");
        System.IO.Directory.CreateDirectory(Directory);
        var stored = Guid.NewGuid().ToString("N") + extension;
        input.Position = 0;
        await using (var output = File.Create(Path.Combine(Directory, stored)))
            await input.CopyToAsync(output, ct);
        return (stored, contentType, null);
    }

    public Stream? Open(string storedName)
    {
        // Stored names are ours (guid + extension); refuse anything else rather than touch another path.
        if (storedName.Length > 40 || storedName.Contains('/', StringComparison.Ordinal) || storedName.Contains('\\', StringComparison.Ordinal) || storedName.Contains("..", StringComparison.Ordinal))
            return null;
        var path = Path.Combine(Directory, storedName);
        return File.Exists(path) ? File.OpenRead(path) : null;
    }
}
