using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Kinerja.Web.Features.Shared;

/// <summary>Errors and status codes for people; the API answers with ProblemDetails instead.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class GalatModel(IStringLocalizer<SharedResource> t) : PageModel
{
    public string Title { get; private set; } = "";

    public string Message { get; private set; } = "";

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    void Describe(int? code)
    {
        (Title, Message) = code switch
        {
            404 => (t["Halaman tidak ditemukan"], t["Alamat ini tidak ada. Periksa tautannya atau kembali ke beranda."]),
            403 => (t["Akses ditolak"], t["Anda tidak berhak membuka halaman ini."]),
            400 => (t["Permintaan tidak valid"], t["Formulir kedaluwarsa atau tidak lengkap. Muat ulang halaman lalu coba lagi."]),
            _ => (t["Terjadi masalah"], t["Maaf, terjadi kesalahan di server. Coba lagi sebentar lagi."]),
        };
        if (code is int c)
            Response.StatusCode = c;
    }
}
