using Kinerja.Data.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Kinerja.Web.Features.Community;

/// <summary>
/// Confirms an e-mail address from the link in the confirmation mail. Opening the link only shows a button: mail
/// scanners open links too, and only a person pressing it confirms.
/// </summary>
[AllowAnonymous]
public sealed class KonfirmasiEmailModel(UserManager<AppUser> users, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Akun { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public bool Confirmed { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = Akun is null ? null : await users.FindByIdAsync(Akun);
        if (user is null || Token is null || !(await users.ConfirmEmailAsync(user, Token)).Succeeded)
        {
            ModelState.AddModelError("", t["Tautan konfirmasi tidak berlaku atau sudah kedaluwarsa. Masuk dan minta tautan baru di halaman Pemberitahuan & data saya."]);
            return Page();
        }

        Confirmed = true;
        return Page();
    }
}
