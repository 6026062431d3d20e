using System.IO.Compression;
using Kinerja.Data;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Kinerja.Web.Features.Community;

/// <summary>
/// Library uploads: the type is read from the file's first bytes (not from its name or the browser's
/// word), must agree with the extension, and the file is stored under a random name in
/// {DataDirectory}/uploads.
/// </summary>
public sealed class FileStore(IConfiguration configuration, IOptions<KomunitasOptions> options, IStringLocalizer<SharedResource> t)
{
    public sealed record Accepted(string FileName, string ContentType, long Size, string StoredName);

    static readonly Dictionary<string, string> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "application/pdf",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
    };

    public string Directory
    {
        get
        {
            var dir = Path.Combine(DatabaseSettings.DataDirectory(configuration), "uploads");
            System.IO.Directory.CreateDirectory(dir);
            return dir;
        }
    }

    public long MaxBytes => options.Value.MaxUploadBytes;

    /// <summary>Checks and stores; returns the stored file, or the reason it was refused.</summary>
    public async Task<(Accepted? File, string? Error)> SaveAsync(IFormFile upload, CancellationToken cancellationToken)
    {
        if (upload.Length == 0)
            return (null, t["Berkas kosong."]);
        if (upload.Length > MaxBytes)
            return (null, t["Berkas terlalu besar (paling besar {0} MB).", MaxBytes / (1024 * 1024)]);
        var name = CleanName(upload.FileName);
        var extension = Path.GetExtension(name);
        if (!Types.TryGetValue(extension, out var contentType))
            return (null, t["Jenis berkas tidak diterima: hanya PDF, DOCX, XLSX, PNG dan JPEG."]);

        var stored = Guid.NewGuid().ToString("N") + extension.ToLowerInvariant();
        var path = Path.Combine(Directory, stored);
        await using (var target = File.Create(path))
            await upload.CopyToAsync(target, cancellationToken);
        if (!Matches(path, extension))
        {
            File.Delete(path);
            return (null, t["Isi berkas tidak sesuai dengan jenisnya ({0}).", extension]);
        }
        return (new Accepted(name, contentType, upload.Length, stored), null);
    }

    public string PathOf(string storedName) => Path.Combine(Directory, Path.GetFileName(storedName));

    static bool Matches(string path, string extension)
    {
        var head = new byte[8];
        int read;
        using (var stream = File.OpenRead(path))
            read = stream.Read(head, 0, head.Length);
        var bytes = head.AsSpan(0, read);
        switch (extension.ToLowerInvariant())
        {
            case ".pdf":
                return bytes.StartsWith("%PDF-"u8);
            case ".png":
                return bytes.StartsWith((byte[])[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
            case ".jpg" or ".jpeg":
                return bytes.StartsWith((byte[])[0xFF, 0xD8, 0xFF]);
            case ".docx" or ".xlsx":
                if (!bytes.StartsWith("PK\x03\x04"u8))
                    return false;
                try
                {
                    // An Office file is a zip with [Content_Types].xml and its main part.
                    using var zip = ZipFile.OpenRead(path);
                    var part = extension.Equals(".docx", StringComparison.OrdinalIgnoreCase) ? "word/" : "xl/";
                    return zip.Entries.Any(e => e.FullName == "[Content_Types].xml")
                           && zip.Entries.Any(e => e.FullName.StartsWith(part, StringComparison.Ordinal));
                }
                catch (InvalidDataException)
                {
                    return false;
                }
            default:
                return false;
        }
    }

    static string CleanName(string name)
    {
        var file = Path.GetFileName(name.Replace('\\', '/'));
        var clean = new string(file.Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' or ' ' ? c : '_').ToArray()).Trim();
        return clean.Length == 0 ? "berkas" : clean.Length > 200 ? clean[^200..] : clean;
    }
}
