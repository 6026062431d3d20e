using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Kinerja.Web.Features.Community;

/// <summary>What a guarded form carries besides its own fields.</summary>
public sealed record FormStamp(string Token, int Bits);

/// <summary>
/// Spam checks without a third party (issue 7 §5), beside the anti-forgery token Razor Pages
/// already checks: a honeypot field, a signed issue time (too fast is a bot), and on anonymous
/// forms a proof-of-work challenge solved by a small script. Without JavaScript the person waits
/// longer instead of solving a puzzle: no image captcha (docs/decisions/0301-komunitas-spam.md).
/// </summary>
public sealed class FormGuard(
    IDataProtectionProvider protection, TimeProvider clock, IMemoryCache used, IOptions<KomunitasOptions> options,
    IStringLocalizer<SharedResource> t)
{
    public const string StampField = "_stamp";
    public const string NonceField = "_nonce";
    public const string HoneypotField = "website";

    readonly IDataProtector protector = protection.CreateProtector("Kinerja.Komunitas.FormStamp.v1");
    readonly KomunitasOptions settings = options.Value;

    public FormStamp Issue(string purpose)
    {
        var random = Convert.ToHexString(RandomNumberGenerator.GetBytes(12));
        var issued = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var token = protector.Protect($"{purpose}|{issued.ToString(CultureInfo.InvariantCulture)}|{random}|{settings.ProofOfWorkBits}");
        return new FormStamp(token, settings.ProofOfWorkBits);
    }

    /// <summary>Null when the post passes; otherwise the reason to show (Indonesian/English).</summary>
    public string? Check(IFormCollection form, string purpose, bool proofOfWork)
    {
        if (!string.IsNullOrEmpty(form[HoneypotField]))
            return t["Formulir ditolak sebagai spam."];
        string[] parts;
        try
        {
            parts = protector.Unprotect(form[StampField].ToString()).Split('|');
        }
        catch (CryptographicException)
        {
            return t["Formulir kedaluwarsa atau rusak. Muat ulang halaman lalu coba lagi."];
        }
        if (parts.Length != 4 || parts[0] != purpose || !long.TryParse(parts[1], CultureInfo.InvariantCulture, out var issuedMs)
            || !int.TryParse(parts[3], CultureInfo.InvariantCulture, out var bits))
            return t["Formulir kedaluwarsa atau rusak. Muat ulang halaman lalu coba lagi."];

        var elapsed = clock.GetUtcNow() - DateTimeOffset.FromUnixTimeMilliseconds(issuedMs);
        if (elapsed > TimeSpan.FromMinutes(settings.FormLifetimeMinutes))
            return t["Formulir kedaluwarsa atau rusak. Muat ulang halaman lalu coba lagi."];
        if (elapsed < TimeSpan.FromSeconds(settings.MinimumFormSeconds))
            return t["Formulir dikirim terlalu cepat. Tunggu sebentar lalu kirim lagi."];

        if (proofOfWork)
        {
            var nonce = form[NonceField].ToString();
            if (nonce.Length > 0)
            {
                if (nonce.Length > 20 || !Solves(form[StampField].ToString(), nonce, bits))
                    return t["Pemeriksaan anti-spam gagal. Muat ulang halaman lalu coba lagi."];
            }
            else if (elapsed < TimeSpan.FromSeconds(settings.NoScriptFormSeconds))
            {
                return t["Tanpa JavaScript, tunggu {0} detik setelah halaman dibuka sebelum mengirim formulir.", settings.NoScriptFormSeconds];
            }
        }

        // One stamp, one post: a solved challenge cannot be replayed for a burst.
        if (used.TryGetValue("stamp:" + parts[2], out _))
            return t["Formulir ini sudah dikirim. Muat ulang halaman untuk mengirim lagi."];
        used.Set("stamp:" + parts[2], true, TimeSpan.FromMinutes(settings.FormLifetimeMinutes + 1));
        return null;
    }

    /// <summary>SHA-256 of "token:nonce" starts with <paramref name="bits"/> zero bits (what the script searches for).</summary>
    public static bool Solves(string token, string nonce, int bits)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(token + ":" + nonce));
        for (var i = 0; i < bits; i++)
        {
            if ((hash[i / 8] & (0x80 >> (i % 8))) != 0)
                return false;
        }
        return true;
    }

    /// <summary>Finds a nonce as the browser script does (tests, and documentation of the puzzle).</summary>
    public static string Solve(string token, int bits)
    {
        for (var n = 0L; ; n++)
        {
            var nonce = n.ToString(CultureInfo.InvariantCulture);
            if (Solves(token, nonce, bits))
                return nonce;
        }
    }
}
