using System.ComponentModel.DataAnnotations;
using Kinerja.Data.Demo;
using Kinerja.Data.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Kinerja.Web.Features.Account;

[AllowAnonymous]
public sealed class MasukModel(
    SignInManager<AppUser> signIn, UserManager<AppUser> users, IConfiguration configuration, TimeProvider clock,
    IStringLocalizer<SharedResource> t)
    : PageModel
{
    public sealed class LoginInput
    {
        [Required(ErrorMessage = "Nama pengguna wajib diisi")]
        public string UserName { get; set; } = "";

        [Required(ErrorMessage = "Kata sandi wajib diisi")]
        public string Password { get; set; } = "";

        public bool RememberMe { get; set; }
    }

    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public IReadOnlyList<DemoAccount> DemoAccounts =>
        configuration.GetValue<bool>("Demo:Enabled") ? DemoSeeder.Accounts : [];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
            return Page();
        // Accept the e-mail address too: people remember that better than a user name.
        var user = await users.FindByNameAsync(Input.UserName) ?? await users.FindByEmailAsync(Input.UserName);
        var result = user is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/beranda");
        ModelState.AddModelError("", !result.IsLockedOut ? t["Nama pengguna atau kata sandi salah."]
            : Accounts.LockedByAdministrator(user!, clock) ? t["Akun ini dikunci oleh administrator. Hubungi administrator Kinerja."]
            : t["Akun terkunci sementara karena terlalu banyak percobaan gagal. Coba lagi dalam 15 menit."]);
        return Page();
    }
}
